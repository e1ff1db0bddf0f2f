import type { EntityManager, EntityMetadata } from 'typeorm';
import { Credit, creditIdentityKey } from '../credit/credit.entity';
import { dialectOf } from '../db/sql-dialect';
import type { EntityClass } from '../db/writes';
import { BadUserInputError, NotFoundError } from '../errors';
import { ChangeKind, recordChange } from '../events/change-log';
import {
  markRetracted,
  REPORT_KEYS,
  reportKeyColumns,
  type ReportKindName,
} from '../events/report-writes';
import type { ReportedEvent } from '../events/reported-event';
import { refreshReleaseDate, refreshTitle } from '../film/film-reports';
import { FilmRelation } from '../film/film-relation.entity';
import { localIdOf } from '../graphql/relay/global-id';
import { MergedRecord } from '../graphql/relay/merged-record.entity';
import { searchTextOf } from '../lib/text';

/** The events a merge retracted as repeats, listed in `changes` after the merge. */
type Retracted = ReportedEvent[];

/** The kinds of a film's own events, which move with the film's other references. */
const FILM_EVENT_KINDS = ['ProductionEvent', 'ReleaseEvent', 'TitleEvent'] as const;

/** A record that can be merged or deleted: it has an id, and maybe a slug, a name and aliases. */
export type CuratedRecord = { id: number; slug?: string; name?: string; aliases?: string[] };

/** The credit column that names each mergeable type, if its credits must be merged too. */
const CREDIT_COLUMNS: Record<string, 'personId' | 'filmId' | 'characterId' | undefined> = {
  Person: 'personId',
  Film: 'filmId',
  Character: 'characterId',
};

/**
 * The two rows of a merge, read and (on PostgreSQL) locked in id order, so that two merges touching
 * the same record run one after the other: the second finds a merged duplicate gone (NOT_FOUND)
 * rather than moving half of its rows.
 */
async function lockPair<T extends CuratedRecord>(
  manager: EntityManager,
  entity: EntityClass<T>,
  keepId: number,
  duplicateId: number,
): Promise<{ keep: T; duplicate: T }> {
  let query = manager
    .getRepository(entity)
    .createQueryBuilder('row')
    .where('row.id IN (:...ids)', { ids: [keepId, duplicateId] })
    .orderBy('row.id', 'ASC');
  if (dialectOf(manager.connection).name === 'postgres') query = query.setLock('pessimistic_write');
  const rows = await query.getMany();
  const keep = rows.find((row) => row.id === keepId);
  const duplicate = rows.find((row) => row.id === duplicateId);
  if (!keep)
    throw new NotFoundError(`"input.keep": there is no ${entity.name} with this id.`, 'input.keep');
  if (!duplicate) {
    throw new NotFoundError(
      `"input.duplicate": there is no ${entity.name} with this id (was it merged already?).`,
      'input.duplicate',
    );
  }
  return { keep, duplicate };
}

/** Every (table, column) whose foreign key points at `entity`'s table. */
function referencesTo(manager: EntityManager, entity: EntityClass<object>) {
  const target = manager.connection.getMetadata(entity);
  const references: { metadata: EntityMetadata; column: string }[] = [];
  for (const metadata of manager.connection.entityMetadatas) {
    for (const relation of metadata.manyToOneRelations) {
      if (relation.inverseEntityMetadata.tableName !== target.tableName) continue;
      for (const joinColumn of relation.joinColumns) {
        references.push({ metadata, column: joinColumn.databaseName });
      }
    }
  }
  return references;
}

/**
 * The non-retracted events of `from` that repeat a report (same value, day and source) of a
 * non-retracted event of `into`: moved as they are, they would break the report's uniqueness.
 */
async function repeatedReports(
  manager: EntityManager,
  kind: ReportKindName,
  subjectColumn: string,
  fromId: number,
  intoId: number,
): Promise<number[]> {
  const repository = manager.getRepository(REPORT_KEYS[kind].entity);
  const events = (await repository.findBy({
    [subjectColumn]: fromId,
    retracted: false,
  } as never)) as unknown as Record<string, unknown>[];
  const kept = (await repository.findBy({
    [subjectColumn]: intoId,
    retracted: false,
  } as never)) as unknown as Record<string, unknown>[];
  const columns = reportKeyColumns(kind).filter((column) => column !== subjectColumn);
  const keyOf = (event: Record<string, unknown>) =>
    JSON.stringify(columns.map((column) => event[column] ?? null));
  const keptKeys = new Set(kept.map(keyOf));
  return events.filter((event) => keptKeys.has(keyOf(event))).map((event) => Number(event.id));
}

/**
 * Retracts, as repeats, the events of `fromId` that repeat a report of `intoId` (`what` names the kept
 * subject in the reason), so that they can join it without breaking the report's uniqueness.
 */
async function retractRepeatedReports(
  manager: EntityManager,
  kind: ReportKindName,
  subjectColumn: string,
  fromId: number,
  into: { what: string; id: number },
  by: string,
  retracted: Retracted,
): Promise<void> {
  const ids = await repeatedReports(manager, kind, subjectColumn, fromId, into.id);
  const reason = `Merged into ${into.what} ${into.id}, which holds the same report.`;
  retracted.push(...(await markRetracted(manager, kind, ids, { reason, by })));
}

/** Moves the events of `fromId` to `into` (a merge), retracting those that repeat one of its reports. */
async function moveReports(
  manager: EntityManager,
  kind: ReportKindName,
  subjectColumn: string,
  fromId: number,
  into: { what: string; id: number },
  by: string,
  retracted: Retracted,
): Promise<void> {
  await retractRepeatedReports(manager, kind, subjectColumn, fromId, into, by, retracted);
  await manager
    .createQueryBuilder()
    .update(REPORT_KEYS[kind].entity)
    .set({ [subjectColumn]: into.id } as never)
    .where(`"${subjectColumn}" = :id`, { id: fromId })
    .execute();
}

/**
 * Moves a duplicate's credits to the kept record. A credit that the kept record already has (same
 * film, person, role and character) is merged into it: its events move, those that repeat a report
 * of the kept credit stay in history, retracted; the kept credit takes the job and billing it lacks.
 */
async function mergeCredits(
  manager: EntityManager,
  column: 'personId' | 'filmId' | 'characterId',
  keepId: number,
  duplicateId: number,
  by: string,
  retracted: Retracted,
): Promise<void> {
  const repository = manager.getRepository(Credit);
  for (const credit of await repository.findBy({ [column]: duplicateId })) {
    const identityKey = creditIdentityKey({ ...credit, [column]: keepId });
    const target = await repository.findOneBy({ identityKey });
    if (!target) {
      await repository.update({ id: credit.id }, { [column]: keepId, identityKey });
      continue;
    }
    await moveReports(
      manager,
      'AttachmentEvent',
      'creditId',
      credit.id,
      { what: 'credit', id: target.id },
      by,
      retracted,
    );
    const fill: Partial<Credit> = {};
    if (target.job == null && credit.job != null) fill.job = credit.job;
    if (target.billingOrder == null && credit.billingOrder != null)
      fill.billingOrder = credit.billingOrder;
    if (Object.keys(fill).length > 0) await repository.update({ id: target.id }, fill);
    await repository.delete({ id: credit.id });
  }
}

/** Moves a duplicate film's relations to the kept film, merging a link the kept film already has. */
async function mergeRelations(
  manager: EntityManager,
  keepId: number,
  duplicateId: number,
  by: string,
  retracted: Retracted,
): Promise<void> {
  const repository = manager.getRepository(FilmRelation);
  const between = await repository.findOneBy([
    { fromFilmId: keepId, toFilmId: duplicateId },
    { fromFilmId: duplicateId, toFilmId: keepId },
  ]);
  if (between) {
    throw new BadUserInputError(
      '"input.duplicate" is related to "input.keep" (one follows the other): a merged film would follow ' +
        'itself. Retract that relation’s events and delete it first, or check that these are the same film.',
      'input.duplicate',
    );
  }
  for (const column of ['fromFilmId', 'toFilmId'] as const) {
    for (const relation of await repository.findBy({ [column]: duplicateId })) {
      const target = await repository.findOneBy({
        fromFilmId: column === 'fromFilmId' ? keepId : relation.fromFilmId,
        toFilmId: column === 'toFilmId' ? keepId : relation.toFilmId,
      });
      if (!target) {
        await repository.update({ id: relation.id }, { [column]: keepId });
        continue;
      }
      await moveReports(
        manager,
        'FilmRelationEvent',
        'relationId',
        relation.id,
        { what: 'relation', id: target.id },
        by,
        retracted,
      );
      await repository.delete({ id: relation.id });
    }
  }
}

/**
 * Points every other reference to the duplicate at the kept record. Where a unique index would then
 * hold the same row twice (a film in one franchise twice), the duplicate's row is dropped: the kept
 * record's wins.
 */
async function moveReferences(
  manager: EntityManager,
  entity: EntityClass<object>,
  keepId: number,
  duplicateId: number,
): Promise<void> {
  for (const { metadata, column } of referencesTo(manager, entity)) {
    if (metadata.target === Credit || metadata.target === FilmRelation) continue;
    const table = metadata.tableName;
    for (const index of metadata.indices) {
      const columns = index.columns.map((c) => c.databaseName);
      if (!index.isUnique || index.where || !columns.includes(column)) continue;
      const others = columns.filter((c) => c !== column);
      const same = others.map((c) => `k."${c}" = "${table}"."${c}"`).join(' AND ');
      await manager.query(
        ...manager.connection.driver.escapeQueryWithParameters(
          `DELETE FROM "${table}" WHERE "${column}" = :duplicate AND EXISTS
             (SELECT 1 FROM "${table}" k WHERE k."${column}" = :keep${same ? ` AND ${same}` : ''})`,
          { keep: keepId, duplicate: duplicateId },
        ),
      );
    }
    await manager
      .createQueryBuilder()
      .update(metadata.target)
      .set({ [metadata.findColumnWithDatabaseName(column)!.propertyName]: keepId })
      .where(`"${column}" = :duplicate`, { duplicate: duplicateId })
      .execute();
  }
}

/**
 * Merges `duplicate` into `keep` in the caller's transaction: every credit, event, membership,
 * relation and other reference moves to the kept record, the duplicate's name joins its aliases, the
 * duplicate's id and slug resolve to the kept record from now on, and the merge is listed in
 * `changes`. Returns the kept record.
 */
export async function mergeRecords<T extends CuratedRecord>(
  manager: EntityManager,
  entity: EntityClass<T>,
  input: { keep: string; duplicate: string },
  by: string,
): Promise<T> {
  const type = entity.name;
  const keepId = localIdOf(type, input.keep, 'input.keep');
  const duplicateId = localIdOf(type, input.duplicate, 'input.duplicate');
  if (keepId === duplicateId) {
    throw new BadUserInputError(
      '"input.duplicate" must be another record than "input.keep".',
      'input.duplicate',
    );
  }
  const { keep, duplicate } = await lockPair(manager, entity, keepId, duplicateId);
  // Events retracted as repeats; listed in the feed after the merge.
  const retracted: Retracted = [];
  if (type === 'Film') {
    await mergeRelations(manager, keepId, duplicateId, by, retracted);
    for (const kind of FILM_EVENT_KINDS) {
      // The events themselves move with the film's other references (moveReferences).
      await retractRepeatedReports(
        manager,
        kind,
        'filmId',
        duplicateId,
        { what: 'film', id: keepId },
        by,
        retracted,
      );
    }
  }
  const creditColumn = CREDIT_COLUMNS[type];
  if (creditColumn) await mergeCredits(manager, creditColumn, keepId, duplicateId, by, retracted);
  await moveReferences(manager, entity as EntityClass<object>, keepId, duplicateId);

  if (keep.aliases && keep.name !== undefined) {
    const aliases = [
      ...new Set([...keep.aliases, duplicate.name!, ...(duplicate.aliases ?? [])]),
    ].filter((alias) => alias !== keep.name);
    await manager
      .getRepository(entity)
      .update(
        { id: keepId } as never,
        { aliases, searchText: searchTextOf(keep.name, ...aliases) } as never,
      );
  }
  if (manager.connection.getMetadata(entity).findColumnWithPropertyName('version')) {
    // The kept record changed: an update based on the version read before the merge must fail.
    await manager
      .createQueryBuilder()
      .update(entity)
      .set({ version: () => 'version + 1' } as never)
      .where('id = :id', { id: keepId })
      .execute();
  }
  const mergedRecords = manager.getRepository(MergedRecord);
  await mergedRecords.update({ type, intoId: duplicateId }, { intoId: keepId });
  await mergedRecords.insert({
    type,
    fromId: duplicateId,
    fromSlug: duplicate.slug ?? null,
    intoId: keepId,
  });
  await manager.getRepository(entity).delete({ id: duplicateId } as never);
  if (type === 'Film') {
    // The kept film has the duplicate's release and title reports now.
    await refreshReleaseDate(manager, keepId);
    await refreshTitle(manager, keepId);
  }
  const merged = await manager.getRepository(entity).findOneByOrFail({ id: keepId } as never);
  // The feed entries come last (see `nextChangeSeq`): the merge, then the repeats it retracted.
  await recordChange(manager, {
    kind: ChangeKind.MERGED,
    subject: merged,
    by,
    detail: `${type} ${duplicateId} (${duplicate.slug ?? '-'}) merged into ${type} ${keepId} (${keep.slug ?? '-'})`,
  });
  for (const event of retracted) {
    await recordChange(manager, { kind: ChangeKind.RETRACTED, subject: event, by });
  }
  return merged;
}

/**
 * Deletes a record that nothing refers to; otherwise BAD_USER_INPUT naming what still does. Ids
 * merged into it stop resolving. Listed in `changes`.
 */
export async function deleteRecord<T extends CuratedRecord>(
  manager: EntityManager,
  entity: EntityClass<T>,
  globalId: string,
  by: string,
): Promise<number> {
  const type = entity.name;
  const id = localIdOf(type, globalId, 'input.id');
  const row = await manager.getRepository(entity).findOneBy({ id } as never);
  if (!row) throw new NotFoundError(`"input.id": there is no ${type} with this id.`, 'input.id');
  const uses: string[] = [];
  for (const { metadata, column } of referencesTo(manager, entity as EntityClass<object>)) {
    const property = metadata.findColumnWithDatabaseName(column)!.propertyName;
    const count = await manager.getRepository(metadata.target).countBy({ [property]: id });
    if (count > 0) uses.push(`${count} ${metadata.tableName} row(s) (${column})`);
  }
  if (uses.length > 0) {
    throw new BadUserInputError(
      `"input.id": this ${type} is still referred to by ${uses.join(', ')}. Merge it into another ${type} ` +
        'instead, or remove those first.',
      'input.id',
    );
  }
  await manager.getRepository(MergedRecord).delete({ type, intoId: id });
  await manager.getRepository(entity).delete({ id } as never);
  await recordChange(manager, {
    kind: ChangeKind.DELETED,
    subject: row,
    by,
    detail: `${type} ${id} (${row.slug ?? '-'}) deleted`,
  });
  return id;
}
