import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { dialectOf } from '../sql-dialect';

// Written with the Table API so the same migration runs on SQLite and PostgreSQL; the one index that
// differs (search) goes through the SQL dialect.

const EVENT_TABLES = ['attachment_event', 'production_event', 'film_relation_event'] as const;
const SEARCHED_TABLES = ['film', 'person', 'franchise', 'character', 'company'] as const;

/**
 * What several servers on one PostgreSQL need: a credit identity that a unique index can hold (two
 * concurrent first reports of a credit create it once), a commit-ordered number for the `changes`
 * feed, and indexes for `search` that PostgreSQL can use.
 */
export class ScaleOut1764700000000 implements MigrationInterface {
  name = 'ScaleOut1764700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'credit',
      new TableColumn({ name: 'identityKey', type: 'varchar', length: '400', isNullable: true }),
    );
    // The same text as creditIdentityKey(): filmId:personId:role:characterId[:job].
    await queryRunner.manager
      .createQueryBuilder()
      .update('credit')
      .set({
        identityKey: () =>
          `CAST("filmId" AS varchar(20)) || ':' || CAST("personId" AS varchar(20)) || ':' || "role" || ':' ||
           COALESCE(CAST("characterId" AS varchar(20)), '') || COALESCE(':' || "job", '')`,
      })
      .execute();
    await queryRunner.changeColumn(
      'credit',
      'identityKey',
      new TableColumn({ name: 'identityKey', type: 'varchar', length: '400', isNullable: false }),
    );
    await queryRunner.createIndex(
      'credit',
      new TableIndex({ name: 'UQ_credit_identity', columnNames: ['identityKey'], isUnique: true }),
    );

    await queryRunner.createTable(
      new Table({
        name: 'change_counter',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true },
          { name: 'value', type: 'integer', isNullable: false },
        ],
      }),
    );
    await queryRunner.manager
      .createQueryBuilder()
      .insert()
      .into('change_counter')
      .values({ id: 1, value: 0 })
      .execute();
    for (const table of EVENT_TABLES) {
      await queryRunner.addColumns(table, [
        new TableColumn({ name: 'recordedSeq', type: 'integer', isNullable: false, default: 0 }),
        new TableColumn({ name: 'retractedSeq', type: 'integer', isNullable: true }),
      ]);
      await queryRunner.createIndices(table, [
        new TableIndex({ name: `IDX_${table}_recorded_seq`, columnNames: ['recordedSeq'] }),
        new TableIndex({ name: `IDX_${table}_retracted_seq`, columnNames: ['retractedSeq'] }),
      ]);
    }

    const dialect = dialectOf(queryRunner.connection);
    for (const table of SEARCHED_TABLES) {
      await dialect.createContainsIndex(queryRunner, table, 'searchText');
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const dialect = dialectOf(queryRunner.connection);
    for (const table of SEARCHED_TABLES) await dialect.dropContainsIndex(queryRunner, table);
    for (const table of EVENT_TABLES) {
      await queryRunner.dropIndex(table, `IDX_${table}_retracted_seq`);
      await queryRunner.dropIndex(table, `IDX_${table}_recorded_seq`);
      await queryRunner.dropColumns(table, ['retractedSeq', 'recordedSeq']);
    }
    await queryRunner.dropTable('change_counter');
    await queryRunner.dropIndex('credit', 'UQ_credit_identity');
    await queryRunner.dropColumn('credit', 'identityKey');
  }
}
