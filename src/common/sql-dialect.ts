import type { DataSource } from 'typeorm';

/**
 * The few places where SQLite and PostgreSQL SQL differ. Everything else is written once through
 * TypeORM's query builder.
 */
export interface SqlDialect {
  /**
   * `column IN (…ids…)` with the whole list bound as one parameter, so the statement text is the same
   * for any number of keys (one prepared statement per loader, no bound-variable limit).
   */
  inList(column: string, param: string, values: readonly (number | string)[]): [string, Record<string, unknown>];
}

const sqlite: SqlDialect = {
  inList: (column, param, values) => [
    `${column} IN (SELECT value FROM json_each(:${param}))`,
    { [param]: JSON.stringify(values) },
  ],
};

const postgres: SqlDialect = {
  inList: (column, param, values) => [`${column} = ANY(:${param})`, { [param]: values }],
};

export function dialectOf(dataSource: DataSource): SqlDialect {
  return dataSource.options.type === 'postgres' ? postgres : sqlite;
}
