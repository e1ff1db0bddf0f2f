import { useState, type MouseEvent } from 'react';
import { CREDIT_HISTORY_QUERY, FILM_QUERY } from '../queries';
import {
  DateText,
  Failure,
  Link,
  Loading,
  ProductionChip,
  StatusChip,
  releaseText,
} from './common';
import { useQuery } from './graphql';
import { CONFIDENCE_LABELS, ROLE_LABELS, ROLE_ORDER, label } from './labels';
import { hrefFor } from './route';
import type { AttachmentEvent, CreditHistoryAnswer, FilmAnswer, FilmCredit } from './types';

/** Makers first (director, writer…), then the cast by billing. */
function byBoard(a: FilmCredit, b: FilmCredit): number {
  return (
    ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) ||
    (a.billingOrder ?? 999) - (b.billingOrder ?? 999) ||
    a.person.name.localeCompare(b.person.name)
  );
}

function SourceLine({ event }: { event: AttachmentEvent }) {
  const { source } = event;
  return (
    <p className="source">
      <span className="source-outlet">{source.outlet?.name ?? 'Unknown outlet'}</span>
      {': '}
      {source.url ? (
        <a href={source.url} rel="noreferrer noopener" target="_blank">
          {source.title}
        </a>
      ) : (
        <cite>{source.title}</cite>
      )}
      {source.publishedOn && (
        <>
          {' · '}
          <DateText date={source.publishedOn} />
        </>
      )}
    </p>
  );
}

function Quote({ event }: { event: AttachmentEvent }) {
  if (!event.quote) return null;
  return (
    <figure className="quote">
      <blockquote>{event.quote}</blockquote>
      {event.speaker && <figcaption>— {event.speaker.name}</figcaption>}
    </figure>
  );
}

/** Every event of a credit, oldest first; the one in force on `asOf` is marked. */
function Timeline({
  creditId,
  asOf,
  inForce,
}: {
  creditId: string;
  asOf: string;
  inForce?: string;
}) {
  const { data, error } = useQuery<CreditHistoryAnswer>(CREDIT_HISTORY_QUERY, { id: creditId });
  if (!data) return error ? <Failure message={error} /> : <Loading what="the history" />;
  const events = [...(data.node?.history ?? [])].sort((a, b) =>
    a.effectiveDate.localeCompare(b.effectiveDate),
  );
  return (
    <ol className="timeline" aria-label="History of this attachment">
      {events.map((event) => {
        const later = event.effectiveDate > asOf;
        return (
          <li
            key={event.id}
            className={`timeline-event${later ? ' timeline-event--later' : ''}${event.id === inForce ? ' timeline-event--current' : ''}`}
          >
            <p>
              <DateText date={event.effectiveDate} /> <StatusChip status={event.status} />{' '}
              <span className="confidence">{label(CONFIDENCE_LABELS, event.confidence)}</span>
              {event.id === inForce && <strong> · in force on the chosen day</strong>}
              {later && <span className="note"> · after the chosen day</span>}
              {event.retracted && <strong> · retracted</strong>}
            </p>
            <SourceLine event={event} />
            <Quote event={event} />
          </li>
        );
      })}
    </ol>
  );
}

function CreditCard({
  credit,
  asOf,
  dateInUrl,
}: {
  credit: FilmCredit;
  asOf: string;
  dateInUrl: string | null;
}) {
  const [open, setOpen] = useState(false);
  const event = credit.latestEvent;
  const headingId = `credit-${credit.id}`;
  // A click anywhere on the card opens its history, except on its own links and button.
  const onCardClick = (e: MouseEvent<HTMLElement>) => {
    if ((e.target as Element).closest('a, button')) return;
    setOpen((was) => !was);
  };
  return (
    <li
      className={`card${open ? ' card--open' : ''}`}
      data-person={credit.person.slug}
      data-role={credit.role}
      data-status={credit.status ?? ''}
      onClick={onCardClick}
    >
      <article aria-labelledby={headingId}>
        <h3 id={headingId}>
          <Link href={hrefFor({ kind: 'person', slug: credit.person.slug }, dateInUrl)}>
            {credit.person.name}
          </Link>
        </h3>
        <p className="card-role">
          {label(ROLE_LABELS, credit.role)}
          {credit.job && ` (${credit.job})`}
          {credit.character && ` · as ${credit.character.name}`}
        </p>
        <p className="card-status">
          <StatusChip status={credit.status} />
          {event && (
            <span className="confidence">{label(CONFIDENCE_LABELS, event.confidence)}</span>
          )}
          {event && (
            <span className="note">
              since <DateText date={event.effectiveDate} />
            </span>
          )}
        </p>
        {event && <SourceLine event={event} />}
        {event && <Quote event={event} />}
        <button
          type="button"
          className="card-toggle"
          aria-expanded={open}
          aria-controls={`${headingId}-history`}
          onClick={() => setOpen((was) => !was)}
        >
          {open ? 'Hide history' : 'Show history'}
          <span className="visually-hidden"> of {credit.person.name}</span>
        </button>
        <div id={`${headingId}-history`} hidden={!open}>
          {open && <Timeline creditId={credit.id} asOf={asOf} inForce={event?.id} />}
        </div>
      </article>
    </li>
  );
}

export function FilmView({
  slug,
  asOf,
  dateInUrl,
}: {
  slug: string;
  asOf: string;
  dateInUrl: string | null;
}) {
  const { data, error, loading, dataVariables } = useQuery<FilmAnswer>(FILM_QUERY, { slug, asOf });
  if (!data) return error ? <Failure message={error} /> : <Loading what="the film" />;
  const film = data.film;
  if (!film)
    return (
      <section>
        <h1 tabIndex={-1}>No film “{slug}”</h1>
      </section>
    );
  const credits = [...film.credits].sort(byBoard);
  const shownAsOf = String(dataVariables?.asOf ?? asOf);
  return (
    <section className="view" aria-busy={loading} data-loaded-as-of={shownAsOf} data-view="film">
      <h1 tabIndex={-1}>{film.title}</h1>
      <p className="meta">
        {releaseText(film)} · <ProductionChip status={film.status} />
        {film.franchises.map(({ franchise }) => (
          <span key={franchise.slug}>
            {' · '}
            <Link href={hrefFor({ kind: 'franchise', slug: franchise.slug }, dateInUrl)}>
              {franchise.name}
            </Link>
          </span>
        ))}
      </p>
      {film.workingTitle && <p className="note">Working title: {film.workingTitle}</p>}
      {film.synopsis && <p>{film.synopsis}</p>}
      {error && <Failure message={error} />}
      <h2 id="board-heading">
        Who is attached on <DateText date={shownAsOf} />
      </h2>
      {credits.length === 0 ? (
        <p className="note">Nobody was reported attached by this date.</p>
      ) : (
        <ul className="board" aria-labelledby="board-heading">
          {credits.map((credit) => (
            <CreditCard key={credit.id} credit={credit} asOf={shownAsOf} dateInUrl={dateInUrl} />
          ))}
        </ul>
      )}
    </section>
  );
}
