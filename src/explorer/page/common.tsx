import type { ReactNode } from 'react';
import { longDate } from './dates';
import { PRODUCTION_LABELS, STATUS_HINTS, STATUS_MARKS, enumClass, label } from './labels';
import type { FilmDates } from './types';

/** A deal status as a chip: mark, word and color, with what it means as a tooltip. */
export function StatusChip({ status }: { status: string | null }) {
  if (!status) return <span className="chip chip--none">no status</span>;
  return (
    <span
      className={`chip chip--${enumClass(status)}`}
      title={label(STATUS_HINTS, status)}
      data-status={status}
    >
      <span aria-hidden="true" className="chip-mark">
        {STATUS_MARKS[status] ?? '•'}
      </span>
      {status}
    </span>
  );
}

/** A film's production status as an outlined chip (a different shape from deal statuses). */
export function ProductionChip({ status }: { status: string | null }) {
  return (
    <span className={`production production--${status ? enumClass(status) : 'none'}`}>
      {status ? label(PRODUCTION_LABELS, status) : 'Not announced yet'}
    </span>
  );
}

/** "16 June 2023", or "June 2023" / "2023" once the API reports a coarser precision. */
export function releaseText(film: FilmDates): string {
  if (!film.releaseDate) return 'Release date unknown';
  const [year, month] = film.releaseDate.split('-');
  if (film.releaseDatePrecision === 'YEAR') return year;
  if (film.releaseDatePrecision === 'MONTH')
    return new Date(`${year}-${month}-01T00:00:00Z`).toLocaleDateString('en-GB', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
  return longDate(film.releaseDate);
}

export function DateText({ date }: { date: string }) {
  return <time dateTime={date}>{longDate(date)}</time>;
}

/** An in-page link: the app intercepts clicks on it (no reload); a new tab works as usual. */
export function Link({
  href,
  children,
  className,
}: {
  href: string;
  children: ReactNode;
  className?: string;
}) {
  return (
    <a href={href} className={className} data-internal="">
      {children}
    </a>
  );
}

export function Loading({ what }: { what: string }) {
  return <p className="note">Loading {what}…</p>;
}

export function Failure({ message }: { message: string }) {
  return (
    <p className="note note--error" role="alert">
      The server could not answer: {message}
    </p>
  );
}
