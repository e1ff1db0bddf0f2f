import {
  Table,
  TableForeignKey,
  TableIndex,
  type MigrationInterface,
  type QueryRunner,
  type TableColumnOptions,
} from 'typeorm';

// Written with the Table API (no driver SQL) so the same migration runs on SQLite and PostgreSQL.

const id: TableColumnOptions = {
  name: 'id',
  type: 'integer',
  isPrimary: true,
  isGenerated: true,
  generationStrategy: 'increment',
};

function int(name: string, nullable = false): TableColumnOptions {
  return { name, type: 'integer', isNullable: nullable };
}
function varchar(name: string, length: number, nullable = false): TableColumnOptions {
  return { name, type: 'varchar', length: String(length), isNullable: nullable };
}
function text(name: string, nullable = false): TableColumnOptions {
  return { name, type: 'text', isNullable: nullable };
}
function bool(name: string): TableColumnOptions {
  return { name, type: 'boolean', isNullable: false };
}
const version: TableColumnOptions = {
  name: 'version',
  type: 'integer',
  isNullable: false,
  default: 1,
};

function fk(
  name: string,
  column: string,
  referencedTableName: string,
  onDelete: 'CASCADE' | 'RESTRICT' | 'SET NULL',
): TableForeignKey {
  return new TableForeignKey({
    name,
    columnNames: [column],
    referencedTableName,
    referencedColumnNames: ['id'],
    onDelete,
  });
}
function index(name: string, columnNames: string[], isUnique = false): TableIndex {
  return new TableIndex({ name, columnNames, isUnique });
}

/** The columns every reported event shares (see ReportedEvent). */
function reportedEventColumns(): TableColumnOptions[] {
  return [
    varchar('effectiveDate', 10),
    varchar('confidence', 32),
    int('sourceId'),
    text('quote', true),
    int('speakerId', true),
    varchar('recordedAt', 30),
    varchar('recordedBy', 200),
    bool('retracted'),
    text('retractionReason', true),
    varchar('retractedAt', 30, true),
  ];
}

const TABLES: Table[] = [
  new Table({
    name: 'company',
    columns: [
      id,
      varchar('slug', 200),
      varchar('name', 200),
      varchar('kind', 32),
      varchar('searchText', 500),
    ],
    indices: [index('UQ_company_slug', ['slug'], true)],
  }),
  new Table({
    name: 'source',
    columns: [
      id,
      int('outletId', true),
      varchar('url', 2000, true),
      varchar('title', 500),
      varchar('publishedOn', 10, true),
    ],
    indices: [index('UQ_source_url', ['url'], true)],
    foreignKeys: [fk('FK_source_outlet', 'outletId', 'company', 'RESTRICT')],
  }),
  new Table({
    name: 'person',
    columns: [
      id,
      varchar('slug', 200),
      varchar('name', 200),
      text('aliases'),
      varchar('searchText', 1000),
      version,
    ],
    indices: [index('UQ_person_slug', ['slug'], true)],
  }),
  new Table({
    name: 'character',
    columns: [id, varchar('slug', 200), varchar('name', 200), varchar('searchText', 500)],
    indices: [index('UQ_character_slug', ['slug'], true)],
  }),
  new Table({
    name: 'franchise',
    columns: [
      id,
      varchar('slug', 200),
      varchar('name', 200),
      varchar('kind', 32),
      text('description', true),
      int('parentId', true),
      varchar('searchText', 500),
      version,
    ],
    indices: [
      index('UQ_franchise_slug', ['slug'], true),
      index('IDX_franchise_parent', ['parentId']),
    ],
    foreignKeys: [fk('FK_franchise_parent', 'parentId', 'franchise', 'RESTRICT')],
  }),
  new Table({
    name: 'film',
    columns: [
      id,
      varchar('slug', 200),
      varchar('title', 300),
      varchar('workingTitle', 300, true),
      int('runtimeMinutes', true),
      text('synopsis', true),
      int('tmdbId', true),
      varchar('imdbId', 20, true),
      varchar('releaseDate', 10, true),
      varchar('searchText', 700),
      version,
    ],
    indices: [
      index('UQ_film_slug', ['slug'], true),
      index('IDX_film_release_date', ['releaseDate', 'id']),
      index('IDX_film_title', ['title', 'id']),
    ],
  }),
  new Table({
    name: 'franchise_membership',
    columns: [
      id,
      int('franchiseId'),
      int('filmId'),
      int('releaseOrdinal', true),
      int('storyOrdinal', true),
    ],
    indices: [
      index('UQ_membership_franchise_film', ['franchiseId', 'filmId'], true),
      index('IDX_membership_franchise_release', ['franchiseId', 'releaseOrdinal', 'filmId']),
      index('IDX_membership_franchise_story', ['franchiseId', 'storyOrdinal', 'filmId']),
      index('IDX_membership_film', ['filmId']),
    ],
    foreignKeys: [
      fk('FK_membership_franchise', 'franchiseId', 'franchise', 'CASCADE'),
      fk('FK_membership_film', 'filmId', 'film', 'CASCADE'),
    ],
  }),
  new Table({
    name: 'film_relation',
    columns: [id, int('fromFilmId'), int('toFilmId')],
    indices: [
      index('UQ_film_relation_from_to', ['fromFilmId', 'toFilmId'], true),
      index('IDX_film_relation_to', ['toFilmId']),
    ],
    foreignKeys: [
      fk('FK_film_relation_from', 'fromFilmId', 'film', 'CASCADE'),
      fk('FK_film_relation_to', 'toFilmId', 'film', 'CASCADE'),
    ],
  }),
  new Table({
    name: 'film_relation_event',
    columns: [id, ...reportedEventColumns(), int('relationId'), varchar('kind', 32)],
    indices: [index('IDX_film_relation_event_relation', ['relationId', 'effectiveDate'])],
    foreignKeys: [
      fk('FK_film_relation_event_relation', 'relationId', 'film_relation', 'CASCADE'),
      fk('FK_film_relation_event_source', 'sourceId', 'source', 'RESTRICT'),
      fk('FK_film_relation_event_speaker', 'speakerId', 'person', 'SET NULL'),
    ],
  }),
  new Table({
    name: 'production_event',
    columns: [id, ...reportedEventColumns(), int('filmId'), varchar('status', 32)],
    indices: [index('IDX_production_event_film', ['filmId', 'effectiveDate'])],
    foreignKeys: [
      fk('FK_production_event_film', 'filmId', 'film', 'CASCADE'),
      fk('FK_production_event_source', 'sourceId', 'source', 'RESTRICT'),
      fk('FK_production_event_speaker', 'speakerId', 'person', 'SET NULL'),
    ],
  }),
  new Table({
    name: 'release_event',
    columns: [
      id,
      int('filmId'),
      varchar('date', 10),
      varchar('country', 2, true),
      varchar('place', 200, true),
      varchar('kind', 32),
      int('companyId', true),
      int('sourceId', true),
    ],
    indices: [index('IDX_release_event_film', ['filmId', 'date'])],
    foreignKeys: [
      fk('FK_release_event_film', 'filmId', 'film', 'CASCADE'),
      fk('FK_release_event_company', 'companyId', 'company', 'RESTRICT'),
      fk('FK_release_event_source', 'sourceId', 'source', 'RESTRICT'),
    ],
  }),
  new Table({
    name: 'company_credit',
    columns: [id, int('filmId'), int('companyId'), varchar('role', 32)],
    indices: [
      index('UQ_company_credit', ['filmId', 'companyId', 'role'], true),
      index('IDX_company_credit_company', ['companyId']),
    ],
    foreignKeys: [
      fk('FK_company_credit_film', 'filmId', 'film', 'CASCADE'),
      fk('FK_company_credit_company', 'companyId', 'company', 'CASCADE'),
    ],
  }),
  new Table({
    name: 'credit',
    columns: [
      id,
      int('filmId'),
      int('personId'),
      varchar('role', 32),
      varchar('job', 300, true),
      int('characterId', true),
      int('billingOrder', true),
    ],
    indices: [
      index('IDX_credit_film', ['filmId', 'role']),
      index('IDX_credit_person', ['personId']),
      index('IDX_credit_character', ['characterId']),
    ],
    foreignKeys: [
      fk('FK_credit_film', 'filmId', 'film', 'CASCADE'),
      fk('FK_credit_person', 'personId', 'person', 'CASCADE'),
      fk('FK_credit_character', 'characterId', 'character', 'SET NULL'),
    ],
  }),
  new Table({
    name: 'attachment_event',
    columns: [id, ...reportedEventColumns(), int('creditId'), varchar('status', 32)],
    indices: [
      index(
        'UQ_attachment_event_report',
        ['creditId', 'status', 'effectiveDate', 'sourceId'],
        true,
      ),
      index('IDX_attachment_event_recorded', ['recordedAt', 'id']),
    ],
    foreignKeys: [
      fk('FK_attachment_event_credit', 'creditId', 'credit', 'CASCADE'),
      fk('FK_attachment_event_source', 'sourceId', 'source', 'RESTRICT'),
      fk('FK_attachment_event_speaker', 'speakerId', 'person', 'SET NULL'),
    ],
  }),
  new Table({
    name: 'metric',
    columns: [
      id,
      int('filmId'),
      varchar('kind', 32),
      { name: 'value', type: 'double precision', isNullable: false },
      varchar('unit', 32),
      varchar('window', 200, true),
      text('methodology'),
      bool('projected'),
      varchar('asOf', 10),
      int('sourceId'),
    ],
    indices: [index('IDX_metric_film', ['filmId', 'asOf'])],
    foreignKeys: [
      fk('FK_metric_film', 'filmId', 'film', 'CASCADE'),
      fk('FK_metric_source', 'sourceId', 'source', 'RESTRICT'),
    ],
  }),
];

export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES) await queryRunner.createTable(table, false, true, true);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...TABLES].reverse())
      await queryRunner.dropTable(table.name, true, true, true);
  }
}
