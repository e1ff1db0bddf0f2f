import DataLoader from 'dataloader';
import type {
  DataSource,
  EntityManager,
  EntityTarget,
  ObjectLiteral,
  QueryRunner,
  SelectQueryBuilder,
} from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { dialectOf } from './sql-dialect';

export interface LoaderOptions {
  /** False switches batching off (one query per key): the N+1 baseline of the benchmark. */
  readonly batch: boolean;
}

/** Ids arrive as numbers from the database and sometimes as strings from elsewhere: one form only. */
export function normalizeKey(key: number | string): number {
  return typeof key === 'number' ? key : Number(key);
}

const unserved = new WeakMap<object, Set<string>>();

/**
 * Marks a column the API never serves (a folded search text, a uniqueness key): mutations write it and
 * SQL filters on it, but the loaders do not read it, so an entity a loader returns leaves it undefined.
 * Loaders read thousands of rows per deep query; a column nobody asks for still costs its bytes.
 */
export function NotServed(): PropertyDecorator {
  return (prototype, property) => {
    const names = unserved.get(prototype.constructor) ?? new Set<string>();
    names.add(String(property));
    unserved.set(prototype.constructor, names);
  };
}

/** The columns of an entity that loaders read: every stored column but the `@NotServed()` ones. */
export function servedColumnsOf(dataSource: DataSource, entity: EntityTarget<ObjectLiteral>) {
  const metadata = dataSource.getMetadata(entity);
  const skipped = new Set<string>();
  for (let target = metadata.target; typeof target === 'function';) {
    for (const name of unserved.get(target) ?? []) skipped.add(name);
    target = Object.getPrototypeOf(target) as typeof target;
  }
  return metadata.columns.filter(
    (column) => !column.isVirtual && !skipped.has(column.propertyName),
  );
}

/** Selects the served columns of the query's main alias (as `<alias>_<column>` raw keys). */
export function selectServed<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  entity: EntityTarget<T>,
  alias: string,
): SelectQueryBuilder<T> {
  return qb.select(
    servedColumnsOf(qb.connection, entity).map((column) => `${alias}.${column.propertyPath}`),
  );
}

const hydrators = new WeakMap<
  DataSource,
  Map<EntityTarget<ObjectLiteral>, (row: RawRow, alias: string) => unknown>
>();

/** A row as the query builder's `getRawMany()` returns it: `<alias>_<column>` keys. */
export type RawRow = Record<string, unknown>;

/**
 * Builds entities from raw rows of a query-builder query, column by column with the driver's own value
 * conversion (booleans, JSON…). It does what `getMany()` does for a flat select, without TypeORM's
 * general transformer, which allocates several objects per column and cost more than the SQL itself
 * on the benchmark's deep query (the loaders read thousands of rows per request). It reads the served
 * columns only (`servedColumnsOf`), as the loaders select them. test/workarounds/hydrator.test.ts
 * checks that it builds what TypeORM's own `find` builds, for every entity.
 */
export function hydratorOf<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
): (row: RawRow, alias: string) => T {
  let byEntity = hydrators.get(dataSource);
  if (!byEntity) hydrators.set(dataSource, (byEntity = new Map()));
  let hydrate = byEntity.get(entity as EntityTarget<ObjectLiteral>);
  if (!hydrate) {
    const metadata = dataSource.getMetadata(entity);
    const columns: ColumnMetadata[] = servedColumnsOf(dataSource, entity);
    const driver = dataSource.driver;
    const target = metadata.target as new () => T;
    const reader = columnsReader(driver, columns);
    hydrate = (row, alias) => reader(row, alias, new target());
    byEntity.set(entity as EntityTarget<ObjectLiteral>, hydrate);
  }
  return hydrate as (row: RawRow, alias: string) => T;
}

/**
 * Reads some columns of an entity from raw rows (an event joined to its credit) into plain objects,
 * converted as `hydratorOf` converts them.
 */
export function columnsReaderOf<T extends ObjectLiteral, K extends keyof T & string>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  propertyNames: readonly K[],
): (row: RawRow, alias: string) => Pick<T, K> {
  const columns = dataSource
    .getMetadata(entity)
    .columns.filter((column) => (propertyNames as readonly string[]).includes(column.propertyName));
  const reader = columnsReader(dataSource.driver, columns);
  return (row, alias) => reader(row, alias, {}) as Pick<T, K>;
}

/**
 * Sets each column's property of `into` from `row`, converted by the driver as TypeORM's `find` does.
 * The raw keys (`<alias>_<column>`) are made once per alias, not for every column of every row (a deep
 * query reads thousands of rows, and each made string was garbage to collect).
 */
function columnsReader(
  driver: DataSource['driver'],
  columns: readonly ColumnMetadata[],
): <T>(row: RawRow, alias: string, into: T) => T {
  const keysByAlias = new Map<string, readonly string[]>();
  return (row, alias, into) => {
    let keys = keysByAlias.get(alias);
    if (!keys) {
      keys = columns.map((column) => `${alias}_${column.databaseName}`);
      keysByAlias.set(alias, keys);
    }
    const value = into as Record<string, unknown>;
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i];
      value[column.propertyName] = driver.prepareHydratedValue(row[keys[i]], column);
    }
    return into;
  };
}

/**
 * `qb.getMany()` for a flat query of one entity (a page of a list): the served columns only, built by
 * `hydratorOf` rather than TypeORM's general result transformer, plus the unserved columns named in
 * `also` (a page's keyset key, such as `sortKey`, which its cursors are made of).
 */
export async function getServedMany<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  entity: EntityTarget<T>,
  also: readonly (keyof T & string)[] = [],
): Promise<T[]> {
  const alias = qb.alias;
  const query = selectServed(qb, entity, alias);
  for (const property of also) query.addSelect(`${alias}.${property}`);
  const [sql, values] = query.getQueryAndParameters();
  const raw = await dialectOf(qb.connection).readRows(qb.connection, runnerOf(qb), sql, values);
  const hydrate = hydratorOf(qb.connection, entity);
  if (also.length === 0) return raw.map((row) => hydrate(row, alias));
  const readAlso = columnsReaderOf(qb.connection, entity, also);
  return raw.map((row) => Object.assign(hydrate(row, alias), readAlso(row, alias)));
}

/**
 * How many rows a list's query matches (a connection's `totalCount`): `COUNT(*)` over its FROM and
 * WHERE. TypeORM's `getCount()` writes `COUNT(1)`, which SQLite answers by reading every row (about
 * 130 µs for 10,000 films here), where `COUNT(*)` of a whole table is read from the b-tree's page counts
 * (about 4 µs). A query with joins (which may repeat a row), GROUP BY or DISTINCT keeps TypeORM's count.
 */
export async function countOf<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>): Promise<number> {
  const { joinAttributes, groupBys, selectDistinct } = qb.expressionMap;
  if (joinAttributes.length > 0 || groupBys.length > 0 || selectDistinct) return qb.getCount();
  const raw = await qb
    .clone()
    .select('COUNT(*)', 'count')
    .orderBy()
    .limit(undefined)
    .offset(undefined)
    .getRawOne<{ count: number | string }>();
  // PostgreSQL's count is a bigint, which its driver gives as a string.
  return Number(raw?.count ?? 0);
}

/**
 * The query runner a query builder runs on (the request's reader's, whose `data` holds its statement
 * tally), which TypeORM keeps protected; `getRawMany()` would use the same one.
 */
function runnerOf(qb: SelectQueryBuilder<ObjectLiteral>): QueryRunner | undefined {
  return (qb as unknown as { queryRunner?: QueryRunner }).queryRunner;
}

/** A loader query's SQL text, built once, and where each named parameter goes in its values. */
interface CachedQuery {
  readonly sql: string;
  readonly order: readonly string[];
}

const cachedQueries = new WeakMap<DataSource, WeakMap<object, Map<string, CachedQuery>>>();

/**
 * Runs a loader's query, whose SQL text depends on its shape only (keys are bound as one parameter,
 * `SqlDialect.inList`), building the text with TypeORM's query builder the first time only: building
 * it cost as much as running it on the small queries of a page. `shape` and `variant` name the shape
 * (a loader factory's function, and a string for what else changes the text); `params` are every named
 * parameter of the query (a parameter the builder holds besides these is refused: it would be frozen
 * into the cache). The statements run on the reader's runner (counted) and its prepared-statement cache.
 */
export async function runLoaderQuery<T extends ObjectLiteral>(
  reader: EntityManager,
  shape: object,
  variant: string,
  params: Record<string, unknown>,
  build: () => SelectQueryBuilder<T>,
): Promise<RawRow[]> {
  const { connection } = reader;
  let byShape = cachedQueries.get(connection);
  if (!byShape) cachedQueries.set(connection, (byShape = new WeakMap()));
  let byVariant = byShape.get(shape);
  if (!byVariant) byShape.set(shape, (byVariant = new Map()));
  let cached = byVariant.get(variant);
  if (!cached) {
    const names = Object.keys(params);
    // Built with a marker for each parameter, to learn where each one lands in the values.
    const markers = names.map((_, i) => `\u0000loader-parameter-${i}\u0000`);
    const qb = build().setParameters(Object.fromEntries(names.map((n, i) => [n, markers[i]])));
    const [sql, values] = qb.getQueryAndParameters();
    const order = values.map((value) => {
      const at = markers.indexOf(value as string);
      if (at < 0) throw new Error(`runLoaderQuery(${variant}): a parameter not in "params"`);
      return names[at];
    });
    byVariant.set(variant, (cached = { sql, order }));
  }
  return dialectOf(connection).readRows(
    connection,
    reader.queryRunner,
    cached.sql,
    cached.order.map((name) => params[name]),
  );
}

/**
 * A loader of rows by primary key: one `WHERE id IN (…)` per batch, results in key order, null for a
 * missing id.
 */
export function rowsByIdLoader<T extends ObjectLiteral & { id: number }>(
  reader: EntityManager,
  entity: EntityTarget<T>,
  options: LoaderOptions,
): DataLoader<number, T | null> {
  const { dataSource } = reader;
  const dialect = dialectOf(dataSource);
  return new DataLoader<number, T | null>(
    async (ids) => {
      const alias = 'row';
      const [condition, params] = dialect.inList(`${alias}.id`, 'ids', ids);
      const hydrate = hydratorOf(dataSource, entity);
      const raw = await runLoaderQuery(reader, rowsByIdLoader, entityName(entity), params, () =>
        selectServed(reader.getRepository(entity).createQueryBuilder(alias), entity, alias).where(
          condition,
          params,
        ),
      );
      const rows = raw.map((row) => hydrate(row, alias));
      const byId = new Map(rows.map((row) => [normalizeKey(row.id), row]));
      return ids.map((id) => byId.get(id) ?? null);
    },
    { batch: options.batch },
  );
}

/**
 * A loader of the rows that share a foreign key (a film's credits): one query per batch, every key gets
 * its list (empty when there are none), each list in the order `orderBy` gives.
 */
export function rowsByKeyLoader<T extends ObjectLiteral>(
  reader: EntityManager,
  entity: EntityTarget<T>,
  keyColumn: keyof T & string,
  orderBy: (qb: SelectQueryBuilder<T>, alias: string) => SelectQueryBuilder<T>,
  options: LoaderOptions,
  extend?: (qb: SelectQueryBuilder<T>, alias: string) => SelectQueryBuilder<T>,
): DataLoader<number, T[]> {
  const { dataSource } = reader;
  const dialect = dialectOf(dataSource);
  return new DataLoader<number, T[]>(
    async (keys) => {
      const alias = 'row';
      const [condition, params] = dialect.inList(`${alias}.${keyColumn}`, 'keys', keys);
      const build = () => {
        let qb = selectServed(
          reader.getRepository(entity).createQueryBuilder(alias),
          entity,
          alias,
        ).where(condition, params);
        if (extend) qb = extend(qb, alias);
        return orderBy(qb, alias);
      };
      const hydrate = hydratorOf(dataSource, entity);
      // The text is cached per `orderBy` function; an `extend` may bind parameters of its own, so a
      // query with one is built each time.
      const raw: RawRow[] = extend
        ? await build().getRawMany()
        : await runLoaderQuery(
            reader,
            orderBy,
            `${entityName(entity)}.${keyColumn}`,
            params,
            build,
          );
      const rows = raw.map((row) => hydrate(row, alias));
      return groupRows(keys, rows, (row) => normalizeKey(row[keyColumn]));
    },
    { batch: options.batch },
  );
}

/** The name of an entity target, for a cache key. */
function entityName(entity: EntityTarget<ObjectLiteral>): string {
  return typeof entity === 'function' ? entity.name : String(entity);
}

/** Splits rows into one list per key, in key order; rows keep their relative order. */
export function groupRows<K, T>(
  keys: readonly K[],
  rows: readonly T[],
  keyOf: (row: T) => K,
): T[][] {
  const groups = new Map<K, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}
