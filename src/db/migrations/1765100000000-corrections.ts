import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { backfillChanges } from '../change-backfill';

// Written with the Table API and the query builder so the same migration runs on SQLite and
// PostgreSQL. Partial indexes: both databases accept `CREATE UNIQUE INDEX … WHERE "retracted" = false`.

const NOT_RETRACTED = '"retracted" = false';
const WORLDWIDE = `${NOT_RETRACTED} AND "country" IS NULL`;

/** Each event table and the columns that, with effectiveDate and sourceId, make the same report. */
const REPORT_TABLES = [
  { table: 'attachment_event', key: ['creditId', 'status'] },
  { table: 'production_event', key: ['filmId', 'status'] },
  { table: 'film_relation_event', key: ['relationId', 'kind'] },
  // Made reports by the story migration (1765000000000), which runs first.
  { table: 'release_event', key: ['filmId', 'kind', 'country', 'date', 'precision'] },
  { table: 'title_event', key: ['filmId', 'title'] },
] as const;

/** The tables whose rows gain a `version` for their update mutations. */
const VERSIONED_TABLES = ['credit', 'character', 'company', 'source'] as const;

const DUPLICATE_REPORT =
  'Retracted by the corrections migration: the same report (subject, value, date and source) was ' +
  'recorded twice; the earlier event is kept.';

type Row = Record<string, unknown>;

/**
 * Corrections and identity (issue 13): a report is unique among non-retracted events only, events
 * link to the event they correct, a credit is (film, person, role, character) with a version, and a
 * source may have no URL.
 */
export class Corrections1765100000000 implements MigrationInterface {
  name = 'Corrections1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const { table, key } of REPORT_TABLES) {
      await queryRunner.addColumns(table, [
        new TableColumn({ name: 'correctsId', type: 'integer', isNullable: true }),
        new TableColumn({ name: 'correctedById', type: 'integer', isNullable: true }),
      ]);
      if (table === 'attachment_event') {
        await queryRunner.dropIndex(table, 'UQ_attachment_event_report');
      } else {
        await retractDuplicateReports(queryRunner, table, [...key, 'effectiveDate', 'sourceId']);
      }
    }

    for (const table of VERSIONED_TABLES) {
      await queryRunner.addColumn(
        table,
        new TableColumn({ name: 'version', type: 'integer', isNullable: false, default: 1 }),
      );
    }
    await queryRunner.dropIndex('credit', 'UQ_credit_identity');
    await mergeDuplicateCredits(queryRunner);
    // The same text as creditIdentityKey(): filmId:personId:role:characterId.
    await setCreditKeys(queryRunner, false);
    await queryRunner.createIndex(
      'credit',
      new TableIndex({ name: 'UQ_credit_identity', columnNames: ['identityKey'], isUnique: true }),
    );

    for (const { table, key } of REPORT_TABLES) {
      await queryRunner.createIndex(
        table,
        new TableIndex({
          name: `UQ_${table}_report`,
          columnNames: [...key, 'effectiveDate', 'sourceId'],
          isUnique: true,
          where: NOT_RETRACTED,
        }),
      );
    }
    // NULL never equals NULL in a unique index: a worldwide release (no country) has an index of its own.
    await queryRunner.createIndex(
      'release_event',
      new TableIndex({
        name: 'UQ_release_event_report_worldwide',
        columnNames: ['filmId', 'kind', 'date', 'precision', 'effectiveDate', 'sourceId'],
        isUnique: true,
        where: WORLDWIDE,
      }),
    );

    await addRequiredColumn(
      queryRunner,
      'source',
      { name: 'kind', type: 'varchar', length: '32' },
      'ARTICLE',
    );
    await queryRunner.addColumn(
      'source',
      new TableColumn({ name: 'offlineKey', type: 'varchar', length: '1200', isNullable: true }),
    );
    await queryRunner.createIndex(
      'source',
      new TableIndex({ name: 'UQ_source_offline', columnNames: ['offlineKey'], isUnique: true }),
    );

    for (const table of ['character', 'franchise']) {
      await addRequiredColumn(queryRunner, table, { name: 'aliases', type: 'text' }, '[]');
    }

    // The change log that merges and deletes write to is the story migration's (with its `detail`);
    // the repeats retracted above enter it here.
    await backfillChanges(queryRunner.manager, {
      at: new Date().toISOString(),
      by: 'migration',
      created: [],
      reported: [
        ['attachment_event', 'AttachmentEvent'],
        ['production_event', 'ProductionEvent'],
        ['film_relation_event', 'FilmRelationEvent'],
        ['release_event', 'ReleaseEvent'],
        ['title_event', 'TitleEvent'],
      ],
    });
    await queryRunner.createTable(
      new Table({
        name: 'merged_record',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'type', type: 'varchar', length: '40' },
          { name: 'fromId', type: 'integer' },
          { name: 'fromSlug', type: 'varchar', length: '200', isNullable: true },
          { name: 'intoId', type: 'integer' },
        ],
        indices: [
          { name: 'UQ_merged_record_from', columnNames: ['type', 'fromId'], isUnique: true },
          { name: 'IDX_merged_record_slug', columnNames: ['type', 'fromSlug'] },
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('merged_record');
    for (const table of ['franchise', 'character']) await queryRunner.dropColumn(table, 'aliases');
    await queryRunner.dropIndex('source', 'UQ_source_offline');
    await queryRunner.dropColumns('source', ['offlineKey', 'kind']);
    await queryRunner.dropIndex('release_event', 'UQ_release_event_report_worldwide');
    for (const { table } of REPORT_TABLES) await queryRunner.dropIndex(table, `UQ_${table}_report`);
    // Merged credits stay merged; their keys go back to the older text, with the job.
    await queryRunner.dropIndex('credit', 'UQ_credit_identity');
    await setCreditKeys(queryRunner, true);
    await queryRunner.createIndex(
      'credit',
      new TableIndex({ name: 'UQ_credit_identity', columnNames: ['identityKey'], isUnique: true }),
    );
    for (const table of VERSIONED_TABLES) await queryRunner.dropColumn(table, 'version');
    for (const { table } of REPORT_TABLES) {
      await queryRunner.dropColumns(table, ['correctedById', 'correctsId']);
    }
    await queryRunner.createIndex(
      'attachment_event',
      new TableIndex({
        name: 'UQ_attachment_event_report',
        columnNames: ['creditId', 'status', 'effectiveDate', 'sourceId'],
        isUnique: true,
      }),
    );
  }
}

/** Adds a NOT NULL column without a default: nullable first, filled with `value`, then required. */
async function addRequiredColumn(
  queryRunner: QueryRunner,
  table: string,
  column: { name: string; type: string; length?: string },
  value: string,
): Promise<void> {
  await queryRunner.addColumn(table, new TableColumn({ ...column, isNullable: true }));
  await queryRunner.manager
    .createQueryBuilder()
    .update(table)
    .set({ [column.name]: value })
    .execute();
  await queryRunner.changeColumn(
    table,
    column.name,
    new TableColumn({ ...column, isNullable: false }),
  );
}

async function setCreditKeys(queryRunner: QueryRunner, withJob: boolean): Promise<void> {
  await queryRunner.manager
    .createQueryBuilder()
    .update('credit')
    .set({
      identityKey: () =>
        `CAST("filmId" AS varchar(20)) || ':' || CAST("personId" AS varchar(20)) || ':' || "role" || ':' ||
         COALESCE(CAST("characterId" AS varchar(20)), '')` +
        (withJob ? ` || COALESCE(':' || "job", '')` : ''),
    })
    .execute();
}

const reportKeyOf = (row: Row, columns: readonly string[]) =>
  JSON.stringify(columns.map((column) => String(row[column])));

/** Retracts every later copy of a report among the non-retracted events of `table`. */
async function retractDuplicateReports(
  queryRunner: QueryRunner,
  table: string,
  columns: readonly string[],
): Promise<void> {
  const rows: Row[] = await queryRunner.manager
    .createQueryBuilder()
    .select(['e.id AS id', ...columns.map((column) => `e.${column} AS "${column}"`)])
    .from(table, 'e')
    .where('e.retracted = :no', { no: false })
    .orderBy('e.id', 'ASC')
    .getRawMany();
  const seen = new Set<string>();
  const duplicates: number[] = [];
  for (const row of rows) {
    const key = reportKeyOf(row, columns);
    if (seen.has(key)) duplicates.push(Number(row.id));
    else seen.add(key);
  }
  if (duplicates.length === 0) return;
  await queryRunner.manager
    .createQueryBuilder()
    .update(table)
    .set({
      retracted: true,
      retractionReason: DUPLICATE_REPORT,
      retractedAt: new Date().toISOString(),
      retractedBy: 'migration',
    })
    .whereInIds(duplicates)
    .execute();
  report(
    `${table}: retracted ${duplicates.length} duplicate report(s): ids ${duplicates.join(', ')}`,
  );
}

/**
 * Merges the credits the older identity (which included `job`) split: per (film, person, role,
 * character), the oldest credit is kept and takes the others' events and the job and billing order
 * it lacks. An event that would repeat one of the kept credit's reports is kept too, retracted, so
 * nothing reported is lost.
 */
async function mergeDuplicateCredits(queryRunner: QueryRunner): Promise<void> {
  const manager = queryRunner.manager;
  const credits: Row[] = await manager
    .createQueryBuilder()
    .select(['c.id AS id', 'c.job AS job', 'c."billingOrder" AS "billingOrder"'])
    .addSelect(['c."filmId" AS "filmId"', 'c."personId" AS "personId"', 'c.role AS role'])
    .addSelect('c."characterId"', 'characterId')
    .from('credit', 'c')
    .orderBy('c.id', 'ASC')
    .getRawMany();
  const kept = new Map<string, Row>();
  const reportColumns = ['status', 'effectiveDate', 'sourceId'];
  for (const credit of credits) {
    const identity = reportKeyOf(credit, ['filmId', 'personId', 'role', 'characterId']);
    const keeper = kept.get(identity);
    if (!keeper) {
      kept.set(identity, credit);
      continue;
    }
    const events: Row[] = await manager
      .createQueryBuilder()
      .select(['e.id AS id', 'e.retracted AS retracted', 'e."creditId" AS "creditId"'])
      .addSelect(['e.status AS status', 'e."effectiveDate" AS "effectiveDate"'])
      .addSelect('e."sourceId"', 'sourceId')
      .from('attachment_event', 'e')
      .where('e."creditId" IN (:...ids)', { ids: [keeper.id, credit.id] })
      .orderBy('e.id', 'ASC')
      .getRawMany();
    const inForce = new Set(
      events
        .filter((e) => Number(e.creditId) === Number(keeper.id) && !truthy(e.retracted))
        .map((e) => reportKeyOf(e, reportColumns)),
    );
    const clashing = events
      .filter((e) => Number(e.creditId) === Number(credit.id) && !truthy(e.retracted))
      .filter((e) => inForce.has(reportKeyOf(e, reportColumns)))
      .map((e) => Number(e.id));
    if (clashing.length > 0) {
      await manager
        .createQueryBuilder()
        .update('attachment_event')
        .set({
          retracted: true,
          retractionReason: `Retracted by the corrections migration: credit ${String(credit.id)} was merged into credit ${String(keeper.id)}, which had the same report.`,
          retractedAt: new Date().toISOString(),
          retractedBy: 'migration',
        })
        .whereInIds(clashing)
        .execute();
    }
    await manager
      .createQueryBuilder()
      .update('attachment_event')
      .set({ creditId: keeper.id })
      .where('"creditId" = :id', { id: credit.id })
      .execute();
    const fill: Row = {};
    if (keeper.job == null && credit.job != null) fill.job = keeper.job = credit.job;
    if (keeper.billingOrder == null && credit.billingOrder != null)
      fill.billingOrder = keeper.billingOrder = credit.billingOrder;
    if (Object.keys(fill).length > 0) {
      await manager
        .createQueryBuilder()
        .update('credit')
        .set(fill)
        .whereInIds([keeper.id])
        .execute();
    }
    await manager.createQueryBuilder().delete().from('credit').whereInIds([credit.id]).execute();
    report(
      `credit ${String(credit.id)} (job ${JSON.stringify(credit.job)}) merged into credit ${String(keeper.id)}: ` +
        `${events.filter((e) => Number(e.creditId) === Number(credit.id)).length} event(s) moved, ` +
        `${clashing.length} kept retracted as repeats`,
    );
  }
}

function truthy(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 't';
}

/** What the migration changed in the data, one line each, for whoever runs it. */
function report(line: string): void {
  process.stderr.write(`migration Corrections1765100000000: ${line}\n`);
}
