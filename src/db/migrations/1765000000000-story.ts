import {
  Table,
  TableColumn,
  TableForeignKey,
  TableIndex,
  type MigrationInterface,
  type QueryRunner,
  type TableColumnOptions,
} from 'typeorm';
import { backfillChanges } from '../change-backfill';

// Written with the Table API (no driver SQL) so the same migration runs on SQLite and PostgreSQL.

const MIGRATION = 'migration';

function column(
  name: string,
  type: 'integer' | 'varchar' | 'text' | 'boolean',
  options: { length?: number; nullable?: boolean; default?: unknown } = {},
): TableColumnOptions {
  return {
    name,
    type,
    length: options.length === undefined ? undefined : String(options.length),
    isNullable: options.nullable ?? false,
    default: options.default,
  };
}

/** The columns of ReportedEvent, NOT NULL where the entity says so (`nullable` makes them all nullable). */
function reportedEventColumns(nullable: boolean): TableColumnOptions[] {
  return [
    column('effectiveDate', 'varchar', { length: 10, nullable }),
    column('confidence', 'varchar', { length: 32, nullable }),
    column('quote', 'text', { nullable: true }),
    column('speakerId', 'integer', { nullable: true }),
    column('recordedAt', 'varchar', { length: 30, nullable }),
    column('recordedSeq', 'integer', { default: 0 }),
    column('recordedBy', 'varchar', { length: 200, nullable }),
    column('retracted', 'boolean', { nullable }),
    column('retractionReason', 'text', { nullable: true }),
    column('retractedAt', 'varchar', { length: 30, nullable: true }),
    column('retractedBy', 'varchar', { length: 200, nullable: true }),
    column('retractedSeq', 'integer', { nullable: true }),
  ];
}

function fk(name: string, col: string, table: string, onDelete: string): TableForeignKey {
  return new TableForeignKey({
    name,
    columnNames: [col],
    referencedTableName: table,
    referencedColumnNames: ['id'],
    onDelete,
  });
}

/**
 * The story moves (issue 12): release dates and titles become dated, sourced reports, and every write
 * goes into one change log that the `changes` feed reads (with the `detail` that issue 13's merges and
 * deletes write; the corrections migration after this one adds no table of its own for them).
 */
export class Story1765000000000 implements MigrationInterface {
  name = 'Story1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const now = new Date().toISOString();
    const today = now.slice(0, 10);

    await queryRunner.createTable(
      new Table({
        name: 'change_log',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          column('seq', 'integer'),
          column('at', 'varchar', { length: 30 }),
          column('by', 'varchar', { length: 200 }),
          column('kind', 'varchar', { length: 32 }),
          column('subjectType', 'varchar', { length: 40 }),
          column('subjectId', 'integer'),
          column('detail', 'text', { nullable: true }),
        ],
        indices: [
          new TableIndex({ name: 'IDX_change_log_seq', columnNames: ['seq', 'id'] }),
          new TableIndex({ name: 'IDX_change_log_at', columnNames: ['at'] }),
          new TableIndex({
            name: 'IDX_change_log_subject',
            columnNames: ['subjectType', 'subjectId'],
          }),
        ],
      }),
    );

    // Releases become reports. Rows from before have no source: they get one that says so.
    await queryRunner.addColumns('release_event', [
      ...reportedEventColumns(true).map((options) => new TableColumn(options)),
      new TableColumn(column('precision', 'varchar', { length: 5, default: "'DAY'" })),
    ]);
    const manager = queryRunner.manager;
    const unsourced = await manager
      .createQueryBuilder()
      .select('COUNT(*)', 'count')
      .from('release_event', 'r')
      .where('r."sourceId" IS NULL')
      .getRawOne<{ count: number | string }>();
    if (Number(unsourced?.count ?? 0) > 0) {
      const url = 'urn:franchise-graph:release-recorded-without-source';
      await manager
        .createQueryBuilder()
        .insert()
        // Only the columns this migration knows: the entity may describe more, added later.
        .into('source', ['url', 'title', 'publishedOn'])
        .values({
          url,
          title: 'Release recorded before release dates had sources',
          publishedOn: null,
        })
        .updateEntity(false)
        .execute();
      await manager
        .createQueryBuilder()
        .update('release_event')
        .set({ sourceId: () => `(SELECT s."id" FROM "source" s WHERE s."url" = '${url}')` })
        .where('"sourceId" IS NULL')
        .execute();
    }
    // Effective when the source published it, else on the release day; never later than today.
    const published = `COALESCE((SELECT s."publishedOn" FROM "source" s WHERE s."id" = "sourceId"), "date")`;
    await manager
      .createQueryBuilder()
      .update('release_event')
      .set({
        effectiveDate: () =>
          `CASE WHEN ${published} > '${today}' THEN '${today}' ELSE ${published} END`,
        confidence: 'TRADE_REPORTED',
        recordedAt: now,
        recordedBy: MIGRATION,
        retracted: () => 'FALSE',
      })
      .execute();
    await queryRunner.changeColumns('release_event', [
      ...['effectiveDate', 'confidence', 'recordedAt', 'recordedBy', 'retracted'].map((name) => {
        const nullable = reportedEventColumns(true).find((c) => c.name === name)!;
        const required = reportedEventColumns(false).find((c) => c.name === name)!;
        return { oldColumn: new TableColumn(nullable), newColumn: new TableColumn(required) };
      }),
      {
        oldColumn: new TableColumn(column('sourceId', 'integer', { nullable: true })),
        newColumn: new TableColumn(column('sourceId', 'integer')),
      },
    ]);
    await queryRunner.createForeignKey(
      'release_event',
      fk('FK_release_event_speaker', 'speakerId', 'person', 'SET NULL'),
    );

    await queryRunner.createTable(
      new Table({
        name: 'title_event',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          ...reportedEventColumns(false),
          column('sourceId', 'integer'),
          column('filmId', 'integer'),
          column('title', 'varchar', { length: 300 }),
          column('slug', 'varchar', { length: 200 }),
        ],
        indices: [
          new TableIndex({
            name: 'IDX_title_event_film',
            columnNames: ['filmId', 'effectiveDate'],
          }),
          new TableIndex({ name: 'IDX_title_event_slug', columnNames: ['slug'] }),
        ],
        foreignKeys: [
          fk('FK_title_event_film', 'filmId', 'film', 'CASCADE'),
          fk('FK_title_event_source', 'sourceId', 'source', 'RESTRICT'),
          fk('FK_title_event_speaker', 'speakerId', 'person', 'SET NULL'),
        ],
      }),
    );
    await queryRunner.addColumn(
      'film',
      new TableColumn(column('originalTitle', 'varchar', { length: 300, nullable: true })),
    );
    await manager
      .createQueryBuilder()
      .update('film')
      .set({ originalTitle: () => '"title"' })
      .execute();

    // Everything written so far enters the feed, reports with their own numbers and instants.
    await backfillChanges(manager, {
      at: now,
      by: MIGRATION,
      created: [
        ['company', 'Company'],
        ['person', 'Person'],
        ['character', 'Character'],
        ['franchise', 'Franchise'],
        ['film', 'Film'],
        ['franchise_membership', 'FranchiseMembership'],
        ['film_relation', 'FilmRelation'],
        ['credit', 'Credit'],
        ['metric', 'Metric'],
      ],
      reported: [
        ['attachment_event', 'AttachmentEvent'],
        ['production_event', 'ProductionEvent'],
        ['film_relation_event', 'FilmRelationEvent'],
        ['release_event', 'ReleaseEvent'],
      ],
    });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('film', 'originalTitle');
    await queryRunner.dropTable('title_event');
    await queryRunner.dropForeignKey('release_event', 'FK_release_event_speaker');
    await queryRunner.changeColumn(
      'release_event',
      'sourceId',
      new TableColumn(column('sourceId', 'integer', { nullable: true })),
    );
    await queryRunner.dropColumns('release_event', [
      ...reportedEventColumns(true).map((c) => c.name),
      'precision',
    ]);
    await queryRunner.dropTable('change_log');
  }
}
