/** The explorer's addresses: which view and day a URL names, and the URL of a view on a day. */
import { hrefFor, parsePlace } from '../../src/explorer/page/route';
import { isIsoDate } from '../../src/explorer/page/dates';

const TODAY = new Date().toISOString().slice(0, 10);

describe('Explorer addresses', () => {
  test.each([
    ['/explore', '', { view: { kind: 'home' }, asOf: null }],
    ['/explore/', '?asOf=2020-05-05', { view: { kind: 'home' }, asOf: '2020-05-05' }],
    [
      '/explore/films/extraction-2',
      '?asOf=2020-05-05',
      { view: { kind: 'film', slug: 'extraction-2' }, asOf: '2020-05-05' },
    ],
    [
      '/explore/franchises/extraction/',
      '',
      { view: { kind: 'franchise', slug: 'extraction' }, asOf: null },
    ],
    ['/explore/people/joe-russo', '', { view: { kind: 'person', slug: 'joe-russo' }, asOf: null }],
    ['/explore/films', '', { view: { kind: 'missing' }, asOf: null }],
    ['/explore/films/a/b', '', { view: { kind: 'missing' }, asOf: null }],
  ])('%s%s names %j', (pathname, search, place) => {
    expect(parsePlace(pathname, search)).toEqual(place);
  });

  test.each(['2020-02-30', '2020-5-5', 'yesterday', '9999-01-01'])(
    'asOf=%s is not a day the page can show: it shows today',
    (asOf) => {
      expect(parsePlace('/explore', `?asOf=${asOf}`).asOf).toBeNull();
    },
  );

  test('today is a day the page can show', () => {
    expect(parsePlace('/explore', `?asOf=${TODAY}`).asOf).toBe(TODAY);
    expect(isIsoDate(TODAY)).toBe(true);
  });

  test('hrefFor writes the address parsePlace reads', () => {
    expect(hrefFor({ kind: 'film', slug: 'extraction-2' }, '2020-05-05')).toBe(
      '/explore/films/extraction-2?asOf=2020-05-05',
    );
    expect(hrefFor({ kind: 'person', slug: 'joe-russo' }, null)).toBe('/explore/people/joe-russo');
    expect(hrefFor({ kind: 'missing' }, null)).toBe('/explore');
  });
});
