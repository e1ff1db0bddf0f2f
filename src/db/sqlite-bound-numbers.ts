import type { DataSource, ObjectLiteral } from 'typeorm';

/** A number parameter on its way through TypeORM's SQLite driver, to be bound rather than inlined. */
class BoundNumber {
  constructor(readonly value: number | bigint) {}
}

/**
 * Makes TypeORM's SQLite driver bind number parameters instead of writing them into the SQL text.
 *
 * TypeORM's `escapeQueryWithParameters` for SQLite writes a number parameter as a literal
 * (`WHERE "id" = 42`), so every id and every cursor makes a statement text of its own: better-sqlite3
 * prepares it anew each time (a tenth of a small list query's time in a profile) and the driver's
 * cache of 100 prepared statements churns. Here each number goes through as a bound value instead,
 * with the same meaning: a whole number is bound as an INTEGER (a BigInt: better-sqlite3 binds a
 * JavaScript number as a REAL), anything else as the REAL it is. Results are unchanged.
 * test/workarounds/sqlite-bound-numbers.sqlite.test.ts pins the driver's behaviour this relies on.
 */
export function bindNumbers(dataSource: DataSource): void {
  const driver = dataSource.driver;
  const escape = driver.escapeQueryWithParameters.bind(driver);
  driver.escapeQueryWithParameters = (
    sql: string,
    parameters: ObjectLiteral,
  ): [string, unknown[]] => {
    let boxed: ObjectLiteral | undefined;
    for (const key in parameters) {
      const value: unknown = parameters[key];
      if (typeof value !== 'number') continue;
      boxed ??= { ...parameters };
      boxed[key] = new BoundNumber(Number.isSafeInteger(value) ? BigInt(value) : value);
    }
    if (!boxed) return escape(sql, parameters);
    const [text, values] = escape(sql, boxed);
    return [text, values.map((value) => (value instanceof BoundNumber ? value.value : value))];
  };
}
