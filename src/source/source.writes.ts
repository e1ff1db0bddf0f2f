import type { EntityManager } from 'typeorm';
import type { Viewer } from '../auth/api-keys';
import { optionalRow, requireRow } from '../graphql/lookup';
import { Company } from '../company/company.entity';
import { BadUserInputError } from '../errors';
import { Person } from '../person/person.entity';
import type { ReportedEvent } from '../events/reported-event';
import type { NodeEntity } from '../graphql/relay/node';
import { today } from '../lib/dates';
import type { ReportDetailsInput, SourceInput } from './source.inputs';
import { insertReturningRow } from '../db/writes';
import { trimmed } from '../graphql/input-fields';
import { offlineSourceKey, Source } from './source.entity';
import { SourceKind } from './source.enums';

/**
 * The source of a report: `sourceId` names an existing one; `source` reuses the source with the same URL
 * (or, without URL, the same outlet, title and day published) or creates it. The insert is
 * `INSERT … ON CONFLICT (key) DO NOTHING`, then a read, so two concurrent reports of one new source end
 * up with the same row. A reused source keeps its first title and kind.
 */
export async function resolveSource(
  manager: EntityManager,
  input: { source?: SourceInput | null; sourceId?: string | null },
  prefix: string,
): Promise<Source> {
  if ((input.source == null) === (input.sourceId == null)) {
    throw new BadUserInputError(
      `Pass exactly one of "${prefix}.source" or "${prefix}.sourceId".`,
      `${prefix}.source`,
    );
  }
  if (input.sourceId != null)
    return requireRow(manager, Source, input.sourceId, `${prefix}.sourceId`);
  const source = input.source!;
  const kind = source.kind ?? SourceKind.ARTICLE;
  const url = trimmed(source.url) || null;
  if (url == null && kind === SourceKind.ARTICLE) {
    throw new BadUserInputError(
      `"${prefix}.source.url" is required for an ARTICLE; for a panel, a broadcast or a printed interview, ` +
        'give the kind (EVENT, BROADCAST, INTERVIEW…) and leave the URL out.',
      `${prefix}.source.url`,
    );
  }
  const outlet = await optionalRow(manager, Company, source.outlet, `${prefix}.source.outlet`);
  const values = {
    kind,
    url,
    title: source.title.trim(),
    publishedOn: source.publishedOn ?? null,
    outletId: outlet?.id ?? null,
  };
  const key = url != null ? { url } : { offlineKey: offlineSourceKey(values) };
  // A new source comes back from its INSERT; only a known one is read.
  const created = await insertReturningRow(
    manager,
    Source,
    { ...values, offlineKey: key.offlineKey ?? null },
    [url != null ? 'url' : 'offlineKey'],
  );
  return created ?? manager.getRepository(Source).findOneByOrFail(key);
}

/**
 * The columns every reported event gets from its input and the key that recorded it. Without an
 * `effectiveDate`, the source's `publishedOn` is taken. A date later than today (UTC) is refused: events
 * say what became true, and a prediction is a release date, reported today.
 */
export async function reportColumns(
  manager: EntityManager,
  input: ReportDetailsInput & { effectiveDate?: string | null },
  viewer: Viewer,
  prefix = 'input',
): Promise<ReportColumns> {
  return (await reportWithSource(manager, input, viewer, prefix)).report;
}

/** A report's columns before it is stored (`reportColumns`). */
export type ReportColumns = Omit<
  ReportedEvent,
  'recordedSeq' | 'retractedSeq' | 'correctsId' | 'correctedById' | keyof NodeEntity
>;

/** `reportColumns`, with the report's source as it was found or created (a payload serves it). */
export async function reportWithSource(
  manager: EntityManager,
  input: ReportDetailsInput & { effectiveDate?: string | null },
  viewer: Viewer,
  prefix = 'input',
): Promise<{ report: ReportColumns; source: Source }> {
  const now = today();
  checkEffectiveDate(input.effectiveDate, `${prefix}.effectiveDate`);
  const source = await resolveSource(manager, input, prefix);
  const effectiveDate = input.effectiveDate ?? source.publishedOn;
  if (effectiveDate == null || effectiveDate > now) {
    throw new BadUserInputError(
      `"${prefix}.effectiveDate" is needed when the source has no "publishedOn" of today or earlier.`,
      `${prefix}.effectiveDate`,
    );
  }
  const speaker = await optionalRow(manager, Person, input.speaker, `${prefix}.speaker`);
  const report = {
    effectiveDate,
    confidence: input.confidence,
    sourceId: source.id,
    quote: input.quote ?? null,
    speakerId: speaker?.id ?? null,
    recordedAt: new Date().toISOString(),
    recordedBy: viewer.name,
    retracted: false,
    retractionReason: null,
    retractedAt: null,
    retractedBy: null,
  };
  return { report, source };
}

/**
 * Refuses an effective date later than today (UTC): an event says what became true, and a prediction is
 * a release date, reported today. Every report kind and every correction goes through it.
 */
export function checkEffectiveDate(effectiveDate: string | null | undefined, field: string): void {
  const now = today();
  if (effectiveDate != null && effectiveDate > now) {
    throw new BadUserInputError(
      `"${field}" must not be later than today (${now}, UTC): an event says what became true.`,
      field,
    );
  }
}
