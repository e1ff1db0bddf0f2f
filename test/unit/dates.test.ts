import { isValidDate, today } from '../../src/lib/dates';

describe('isValidDate', () => {
  test.each(['2020-05-04', '2020-02-29', '2000-02-29', '1800-01-01', '9999-12-31', '2021-12-31'])(
    '%j is a calendar day',
    (value) => {
      expect(isValidDate(value)).toBe(true);
    },
  );

  test.each([
    ['a day that does not exist in a common year', '2021-02-29'],
    ['February 29th of a century year that is not a leap year', '1900-02-29'],
    ['the 31st of a 30-day month', '2021-04-31'],
    ['day 32', '2021-01-32'],
    ['day 0', '2021-01-00'],
    ['month 13', '2021-13-01'],
    ['month 0', '2021-00-10'],
    ['the last day before 1800', '1799-12-31'],
    ['a year of five digits', '20210-01-01'],
    ['a one-digit month', '2021-1-01'],
    ['a one-digit day', '2021-01-1'],
    ['other separators', '2021/01/01'],
    ['text before the day', 'x2021-01-01'],
    ['text after the day', '2021-01-01x'],
    ['a time after the day', '2021-01-01T00:00:00Z'],
    ['letters for digits', 'abcd-ef-gh'],
    ['the empty string', ''],
  ])('%s is not a calendar day (%j)', (_, value) => {
    expect(isValidDate(value)).toBe(false);
  });
});

describe('today', () => {
  afterEach(() => jest.useRealTimers());

  test('is the UTC date, YYYY-MM-DD, also in the last millisecond of a day', () => {
    jest.useFakeTimers({ now: new Date('2024-02-29T23:59:59.999Z') });
    expect(today()).toBe('2024-02-29');
  });
});
