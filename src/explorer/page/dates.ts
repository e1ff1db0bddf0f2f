/** Calendar days as `YYYY-MM-DD` strings (the API's `Date` scalar), counted in UTC like the server. */

const DAY_MS = 86_400_000;

/** The first day the slider reaches: before any film the seed data knows was announced. */
export const EARLIEST_DATE = '2000-01-01';

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** True for a real calendar day written `YYYY-MM-DD` (2020-02-30 is not one). */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === text;
}

/** Days since 1970-01-01: the slider's unit. */
export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** "5 May 2020": for reading; the ISO form stays in the URL and the date input. */
export function longDate(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
