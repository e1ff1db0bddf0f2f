import { TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Indexes that let every list be read in its own order (issue 5, performance): people and franchises
 * are paged by (name, id) (franchises also within their kinds), and a credit's status in force is its newest non-retracted event, read
 * from an index that holds the event's order, `retracted` and `status`, so the status filters of
 * `attachments` look up one index entry per credit with no sort and no table read.
 */
const INDEXES: { table: string; index: TableIndex }[] = [
  {
    table: 'person',
    index: new TableIndex({ name: 'IDX_person_name', columnNames: ['name', 'id'] }),
  },
  {
    table: 'franchise',
    index: new TableIndex({ name: 'IDX_franchise_name', columnNames: ['name', 'id'] }),
  },
  {
    table: 'franchise',
    index: new TableIndex({ name: 'IDX_franchise_kind', columnNames: ['kind', 'name', 'id'] }),
  },
  {
    table: 'attachment_event',
    index: new TableIndex({
      name: 'IDX_attachment_event_history',
      columnNames: ['creditId', 'effectiveDate', 'recordedAt', 'id', 'retracted', 'status'],
    }),
  },
];

export class ListIndexes1764200000000 implements MigrationInterface {
  name = 'ListIndexes1764200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const { table, index } of INDEXES) await queryRunner.createIndex(table, index);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const { table, index } of [...INDEXES].reverse())
      await queryRunner.dropIndex(table, index.name!);
  }
}
