import { TableColumn, TableIndex, type MigrationInterface, type QueryRunner } from 'typeorm';
import { sortKeyOf } from '../../lib/text';

/** The tables whose lists are paged by name (or title), the column it is in, and the old indexes. */
const SORTED = [
  { table: 'person', column: 'name', old: [['IDX_person_name', ['name', 'id']]] },
  {
    table: 'franchise',
    column: 'name',
    old: [
      ['IDX_franchise_name', ['name', 'id']],
      ['IDX_franchise_kind', ['kind', 'name', 'id']],
    ],
  },
  { table: 'character', column: 'name', old: [] },
  { table: 'company', column: 'name', old: [] },
  { table: 'film', column: 'title', old: [['IDX_film_title', ['title', 'id']]] },
] as const;

const NEW_INDEXES: Record<string, [string, string[]][]> = {
  person: [['IDX_person_sort', ['sortKey', 'id']]],
  franchise: [
    ['IDX_franchise_sort', ['sortKey', 'id']],
    ['IDX_franchise_kind', ['kind', 'sortKey', 'id']],
  ],
  character: [['IDX_character_sort', ['sortKey', 'id']]],
  company: [['IDX_company_sort', ['sortKey', 'id']]],
  film: [['IDX_film_sort', ['sortKey', 'id']]],
};

const sortKeyColumn = (isNullable: boolean) =>
  new TableColumn({ name: 'sortKey', type: 'varchar', length: '480', isNullable });

/**
 * Names sort ignoring case and accents (issue 14): a `sortKey` column (`sortKeyOf` the name or
 * title), filled here for the rows that exist and written with the name from now on, and the list
 * indexes on (sortKey, id) instead of (name, id).
 */
export class SortKeys1765200000000 implements MigrationInterface {
  name = 'SortKeys1765200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const { table, column, old } of SORTED) {
      await queryRunner.addColumn(table, sortKeyColumn(true));
      const rows: { id: number; name: string }[] = await queryRunner.manager
        .createQueryBuilder()
        .select(['t.id AS id', `t.${column} AS name`])
        .from(table, 't')
        .getRawMany();
      for (const row of rows) {
        await queryRunner.manager
          .createQueryBuilder()
          .update(table)
          .set({ sortKey: sortKeyOf(row.name) })
          .where('id = :id', { id: row.id })
          .execute();
      }
      await queryRunner.changeColumn(table, 'sortKey', sortKeyColumn(false));
      for (const [name] of old) await queryRunner.dropIndex(table, name);
      for (const [name, columnNames] of NEW_INDEXES[table]) {
        await queryRunner.createIndex(table, new TableIndex({ name, columnNames }));
      }
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const { table, old } of [...SORTED].reverse()) {
      for (const [name] of NEW_INDEXES[table]) await queryRunner.dropIndex(table, name);
      await queryRunner.dropColumn(table, 'sortKey');
      for (const [name, columnNames] of old) {
        await queryRunner.createIndex(
          table,
          new TableIndex({ name, columnNames: [...columnNames] }),
        );
      }
    }
  }
}
