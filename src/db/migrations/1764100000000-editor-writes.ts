import { Table, TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';

// Written with the Table API (no driver SQL) so the same migration runs on SQLite and PostgreSQL.

const EVENT_TABLES = ['attachment_event', 'production_event', 'film_relation_event'] as const;

/** API keys (hashes only), who retracted an event, and the indexes the `changes` feed reads by. */
export class EditorWrites1764100000000 implements MigrationInterface {
  name = 'EditorWrites1764100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'api_key',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          { name: 'name', type: 'varchar', length: '100', isNullable: false },
          { name: 'role', type: 'varchar', length: '16', isNullable: false },
          { name: 'keyHash', type: 'varchar', length: '64', isNullable: false },
          { name: 'createdAt', type: 'varchar', length: '30', isNullable: false },
          { name: 'revokedAt', type: 'varchar', length: '30', isNullable: true },
        ],
        indices: [
          new TableIndex({ name: 'UQ_api_key_name', columnNames: ['name'], isUnique: true }),
          new TableIndex({ name: 'UQ_api_key_hash', columnNames: ['keyHash'], isUnique: true }),
        ],
      }),
      false,
      true,
      true,
    );
    for (const table of EVENT_TABLES) {
      await queryRunner.addColumn(
        table,
        new TableColumn({ name: 'retractedBy', type: 'varchar', length: '200', isNullable: true }),
      );
      await queryRunner.createIndex(
        table,
        new TableIndex({ name: `IDX_${table}_retracted`, columnNames: ['retractedAt', 'id'] }),
      );
    }
    for (const table of ['production_event', 'film_relation_event']) {
      await queryRunner.createIndex(
        table,
        new TableIndex({ name: `IDX_${table}_recorded`, columnNames: ['recordedAt', 'id'] }),
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['production_event', 'film_relation_event']) {
      await queryRunner.dropIndex(table, `IDX_${table}_recorded`);
    }
    for (const table of EVENT_TABLES) {
      await queryRunner.dropIndex(table, `IDX_${table}_retracted`);
      await queryRunner.dropColumn(table, 'retractedBy');
    }
    await queryRunner.dropTable('api_key', true, true, true);
  }
}
