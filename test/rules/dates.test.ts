import { SEED } from '../../seeds/seed';
import { createTestServer, type TestServer } from '../support/test-server';

// The rule: a Date is a real calendar day written YYYY-MM-DD, from 1800-01-01 to 9999-12-31; a
// DateTime is an ISO 8601 instant with a time zone on such a day. Anything else is BAD_USER_INPUT on
// the argument or input field that holds it, whether written in the query or passed as a variable.

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(() => server.close());

const endsWith = (text: string) =>
  new RegExp(`(^|; )${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

const STATUS_ON = `query StatusOn($slug: String!, $asOf: Date) { film(slug: $slug) { status(asOf: $asOf) } }`;

// A variable's error starts with `Variable "$x" got invalid value …; ` (graphql-js), then the scalar's.
const dateRefusal = (value: string, field: string) => ({
  message: expect.stringMatching(
    endsWith(`Date must be a calendar day written YYYY-MM-DD, got ${JSON.stringify(value)}.`),
  ),
  extensions: { code: 'BAD_USER_INPUT', field },
});

describe('Date', () => {
  test.each([
    ['1800-01-01', 'the first day accepted', null],
    ['9999-12-31', 'the last day accepted', 'RELEASED'],
    ['2000-02-29', 'a leap day of a year divisible by 400', null],
    ['2024-02-29', 'a leap day', 'RELEASED'],
    ['2021-12-31', 'the last day of a year', 'IN_PRODUCTION'],
  ])('%s (%s) is accepted as a variable and written in the query', async (asOf, _what, status) => {
    const asVariable = await server.execute(STATUS_ON, { slug: SEED.films.extraction2, asOf });
    const written = await server.execute(
      `query StatusOnWritten($slug: String!) { film(slug: $slug) { status(asOf: "${asOf}") } }`,
      { slug: SEED.films.extraction2 },
    );
    const expected = { data: { film: { status } } };
    expect({ asVariable, written }).toEqual({ asVariable: expected, written: expected });
  });

  test.each([
    ['1799-12-31', 'the day before the first day accepted'],
    ['0001-01-01', 'a day long before it'],
    ['10000-01-01', 'a five-digit year'],
    ['2021-02-29', 'February 29 of a common year'],
    ['2100-02-29', 'February 29 of a year divisible by 100 but not 400'],
    ['1900-02-29', 'February 29 of 1900'],
    ['2021-04-31', 'April 31'],
    ['2021-13-01', 'month 13'],
    ['2021-00-10', 'month 0'],
    ['2021-01-00', 'day 0'],
    ['2021-01-32', 'day 32'],
    ['2021-1-01', 'a month of one digit'],
    ['2021-01-01T00:00:00Z', 'an instant'],
    [' 2021-01-01', 'a day with a leading space'],
    ['', 'an empty string'],
  ])('%j (%s) is refused as BAD_USER_INPUT on the argument', async (asOf) => {
    const asVariable = await server.execute(STATUS_ON, { slug: SEED.films.extraction2, asOf });
    const written = await server.execute(
      `query StatusOnWritten($slug: String!) { film(slug: $slug) { status(asOf: ${JSON.stringify(asOf)}) } }`,
      { slug: SEED.films.extraction2 },
    );
    const refused = { errors: [expect.objectContaining(dateRefusal(asOf, 'asOf'))] };
    expect({ asVariable, written }).toEqual({ asVariable: refused, written: refused });
  });

  test('inside an input, the first day is accepted and the day before is refused, naming the input field', async () => {
    const query = `query ChangedSince($since: Date!) { attachments(filter: { changedSince: $since }) { totalCount } }`;
    const first = await server.execute(query, { since: '1800-01-01' });
    const before = await server.execute(query, { since: '1799-12-31' });
    const all = await server.execute(`query AllAttachments { attachments { totalCount } }`);
    expect({ first, before }).toEqual({
      first: all,
      before: {
        errors: [expect.objectContaining(dateRefusal('1799-12-31', 'filter.changedSince'))],
      },
    });
  });
});

describe('DateTime', () => {
  const CHANGES_SINCE = `query ChangesSince($since: DateTime!) { changes(since: $since, first: 0) { totalCount } }`;

  test.each([
    ['1800-01-01T00:00:00Z', 'the first instant accepted'],
    ['1800-01-01T00:00:00.000Z', 'the same with milliseconds'],
    ['2020-05-04T18:00:00+02:00', 'an instant with an offset'],
    ['2020-05-04T16:00Z', 'an instant without seconds'],
  ])('%s (%s) is accepted', async (since) => {
    const result = await server.execute(CHANGES_SINCE, { since });
    expect(result).toEqual({ data: { changes: { totalCount: expect.any(Number) } } });
  });

  test.each([
    ['1799-12-31T23:59:59Z', 'the last second of the day before the first day accepted'],
    ['2021-02-29T00:00:00Z', 'an instant on February 29 of a common year'],
    ['2021-04-31T12:00:00Z', 'an instant on April 31'],
    ['2021-01-01T25:00:00Z', 'hour 25'],
    ['2021-01-01T00:00:00', 'an instant without a time zone'],
    ['2021-01-01', 'a day'],
    ['yesterday', 'a word'],
  ])('%j (%s) is refused as BAD_USER_INPUT on the argument', async (since) => {
    const result = await server.execute(CHANGES_SINCE, { since });
    expect(result).toEqual({
      errors: [
        expect.objectContaining({
          message: expect.stringMatching(
            endsWith(
              `DateTime must be an ISO 8601 instant with a time zone, e.g. "2020-05-04T16:00:00Z", got ${JSON.stringify(since)}.`,
            ),
          ),
          extensions: { code: 'BAD_USER_INPUT', field: 'since' },
        }),
      ],
    });
  });
});
