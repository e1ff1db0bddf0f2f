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
import { Source } from './source.entity';

/**
 * The source of a report: `sourceId` names an existing one; `source` reuses the source with the same URL
 * or creates it. The insert is `INSERT … ON CONFLICT (url) DO NOTHING`, then a read, so two
 * concurrent reports of one new article end up with the same row.
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
  const url = source.url.trim();
  const outlet = await optionalRow(manager, Company, source.outlet, `${prefix}.source.outlet`);
  await manager
    .createQueryBuilder()
    .insert()
    .into(Source)
    .values({
      url,
      title: source.title.trim(),
      publishedOn: source.publishedOn ?? null,
      outletId: outlet?.id ?? null,
    })
    .orUpdate([], ['url']) // ON CONFLICT (url) DO NOTHING: any other violation still fails
    .updateEntity(false)
    .execute();
  return manager.getRepository(Source).findOneByOrFail({ url });
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
): Promise<Omit<ReportedEvent, 'recordedSeq' | 'retractedSeq' | keyof NodeEntity>> {
  const now = today();
  if (input.effectiveDate != null && input.effectiveDate > now) {
    throw new BadUserInputError(
      `"${prefix}.effectiveDate" must not be later than today (${now}, UTC): an event says what became true.`,
      `${prefix}.effectiveDate`,
    );
  }
  const source = await resolveSource(manager, input, prefix);
  const effectiveDate = input.effectiveDate ?? source.publishedOn;
  if (effectiveDate == null || effectiveDate > now) {
    throw new BadUserInputError(
      `"${prefix}.effectiveDate" is needed when the source has no "publishedOn" of today or earlier.`,
      `${prefix}.effectiveDate`,
    );
  }
  const speaker = await optionalRow(manager, Person, input.speaker, `${prefix}.speaker`);
  return {
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
}
