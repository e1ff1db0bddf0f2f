import type { Loaders } from '../graphql/loaders';
import { allRetracted, eventInForce } from '../events/reported-event';
import type { AttachmentEvent, StatusEvent } from './attachment-event.entity';
import type { Credit, CreditWithHistory } from './credit.entity';
import { CONFIRMED_STATUSES } from './credit.enums';
import type { CreditFilter } from './credit.inputs';

/**
 * The status event in force for a credit on `asOf` (or now): from the history the credit was read
 * with when it has one (no promise per credit, which on a deep query is thousands of them), else from
 * its events.
 */
export function creditStatusEventAsOf(
  loaders: Loaders,
  credit: Credit,
  asOf: string | null,
): StatusEvent | null | Promise<StatusEvent | null> {
  if (credit.statusHistory) return eventInForce(credit.statusHistory, asOf);
  return loaders.credit.statusHistoryByCreditId
    .load(credit.id)
    .then((events) => eventInForce(events, asOf));
}

/**
 * `read` applied to the status event in force for a credit on `asOf` (or now), with no promise when the
 * credit carries its history. Only the field's own `asOf` counts, never the day of the list the credit
 * came from: one credit has one value per field and arguments in a response (normalized caches).
 */
export function readStatusAsOf<R>(
  loaders: Loaders,
  credit: Credit,
  asOf: string | null,
  read: (event: StatusEvent | null) => R,
): R | Promise<R> {
  const event = creditStatusEventAsOf(loaders, credit, asOf);
  return event instanceof Promise ? event.then(read) : read(event);
}

/** The whole attachment event in force for a credit on `asOf` (or now). */
export function creditEventAsOf(
  loaders: Loaders,
  credit: Credit,
  asOf: string | null,
): Promise<AttachmentEvent | null> | null {
  if (!credit.statusHistory) {
    return loaders.credit.attachmentEventsByCreditId
      .load(credit.id)
      .then((events) => eventInForce(events, asOf));
  }
  const inForce = eventInForce(credit.statusHistory, asOf);
  return inForce && loaders.credit.attachmentEventById.load(inForce.id);
}

/**
 * Applies a CreditFilter and the `asOf` rule to credits already loaded: with `asOf`, a credit with no
 * event by that day did not exist yet and is left out, and the filter's statuses are those of that day;
 * a credit all of whose events are retracted is left out on every day. The credits are returned as they
 * are: `asOf` selects them and never changes their fields.
 */
export function filterCredits(
  credits: readonly CreditWithHistory[],
  filter: CreditFilter | null | undefined,
  asOf: string | null | undefined,
): CreditWithHistory[] {
  const kept: CreditWithHistory[] = [];
  credits.forEach((credit) => {
    if (allRetracted(credit.statusHistory)) return;
    const status = eventInForce(credit.statusHistory, asOf)?.status ?? null;
    if (asOf != null && status == null) return;
    if (filter?.roles?.length && !filter.roles.includes(credit.role)) return;
    if (filter?.statuses?.length && (status == null || !filter.statuses.includes(status))) return;
    if (filter?.confirmed != null) {
      const confirmed = status != null && CONFIRMED_STATUSES.includes(status);
      if (confirmed !== filter.confirmed) return;
    }
    kept.push(credit);
  });
  return kept;
}
