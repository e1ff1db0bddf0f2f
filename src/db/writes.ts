import type { DeepPartial, EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { BadUserInputError, NotFoundError, VersionConflictError } from '../errors';
import { isUniqueViolation } from './db-errors';

/** An entity class; its name is the GraphQL type its global ids name. */
export type EntityClass<T> = new () => T;

/**
 * `INSERT … ON CONFLICT (key) DO NOTHING RETURNING id`: the id of the new row, or null when the unique
 * index on `key` already held the row's key (any other constraint failure still fails). The unique index
 * decides, not a read before the insert: on PostgreSQL, a concurrent transaction inserting the same key
 * makes this one wait until it commits, then this insert does nothing and returns null (READ COMMITTED),
 * so exactly one of two racing writers sees its row created.
 */
export async function insertIfAbsent<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  values: Partial<T>,
  key: readonly (keyof T & string)[],
): Promise<number | null> {
  const row = await insertOnConflictDoNothing<T, { id: number | string }>(
    'insertIfAbsent',
    manager,
    entity,
    values,
    key,
    '"id"',
  );
  return row === undefined ? null : Number(row.id);
}

/**
 * `INSERT … ON CONFLICT (key) DO NOTHING RETURNING <returning>`, run on the transaction's query runner:
 * the returned row, or undefined when the unique index on `key` already held the row's key.
 */
async function insertOnConflictDoNothing<T extends ObjectLiteral, Row>(
  caller: string,
  manager: EntityManager,
  entity: EntityTarget<T>,
  values: Partial<T>,
  key: readonly (keyof T & string)[],
  returning: string,
): Promise<Row | undefined> {
  const [sql, parameters] = manager
    .createQueryBuilder()
    .insert()
    .into(entity)
    .values(values as never)
    .orUpdate([], [...key]) // ON CONFLICT (key) DO NOTHING
    .updateEntity(false)
    .getQueryAndParameters();
  const runner = manager.queryRunner;
  if (!runner) throw new Error(`${caller}() must run inside a write transaction`);
  // TypeORM writes RETURNING only for drivers it knows support it; both databases here do.
  const result = await runner.query(`${sql} RETURNING ${returning}`, parameters, true);
  return (result.records as Row[] | undefined)?.[0];
}

/**
 * An entity from a raw row whose keys are its columns' database names (`RETURNING *`, `"table".*`),
 * every column converted by the driver as TypeORM's `find` converts it.
 */
export function entityOfRow<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityClass<T>,
  row: Record<string, unknown>,
): T {
  const { driver } = manager.connection;
  const value = new entity() as Record<string, unknown>;
  for (const column of manager.connection.getMetadata(entity).columns) {
    value[column.propertyName] = driver.prepareHydratedValue(row[column.databaseName], column);
  }
  return value as T;
}

/**
 * `insertIfAbsent` that returns the new row itself (`RETURNING *`, one statement), or null when the
 * unique index on `key` already held the row's key: the caller reads the row that is there.
 */
export async function insertReturningRow<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityClass<T>,
  values: Partial<T>,
  key: readonly (keyof T & string)[],
): Promise<T | null> {
  const row = await insertOnConflictDoNothing<T, Record<string, unknown>>(
    'insertReturningRow',
    manager,
    entity,
    values,
    key,
    '*',
  );
  return row === undefined ? null : entityOfRow(manager, entity, row);
}

/** How `insertWithSlug` picks the slug. */
export interface SlugChoice {
  /** The input field a refused slug is reported against. */
  readonly field: string;
  /** True when the client chose the slug: a clash is then BAD_USER_INPUT, never renamed. */
  readonly explicit?: boolean;
  /** Slugs to try, in order, after the first one is taken (`extraction-2015`). */
  readonly alternatives?: readonly string[];
}

/** How many numbered slugs (`john-smith-2` …) to try before giving up. */
const NUMBERED_SLUGS = 100;

/**
 * Inserts a row whose slug must be unique. Names need not be: when the slug is taken, the alternatives
 * and then `slug-2`, `slug-3`… are tried, unless the client chose the slug. Each try is
 * `INSERT … ON CONFLICT (slug) DO NOTHING`, so the unique index decides (not a read before the insert,
 * which a concurrent writer could pass too) and a clash does not abort the transaction.
 */
export async function insertWithSlug<T extends ObjectLiteral & { id: number; slug: string }>(
  manager: EntityManager,
  entity: EntityClass<T>,
  values: DeepPartial<T> & { slug: string },
  choice: SlugChoice,
): Promise<T> {
  const { field } = choice;
  if (values.slug === '') {
    throw new BadUserInputError(`"${field}" must contain at least one letter or digit.`, field);
  }
  const candidates = choice.explicit
    ? [values.slug]
    : [
        values.slug,
        ...(choice.alternatives ?? []),
        ...Array.from({ length: NUMBERED_SLUGS }, (_, i) => `${values.slug}-${i + 2}`),
      ];
  for (const slug of candidates) {
    const id = await insertIfAbsent(manager, entity, { ...values, slug } as Partial<T>, ['slug']);
    if (id !== null) return manager.getRepository(entity).findOneByOrFail({ id } as never);
  }
  throw new BadUserInputError(
    `"${field}": a ${entity.name.toLowerCase()} with the slug "${values.slug}" already exists; ` +
      'choose another slug.',
    field,
  );
}

/**
 * Optimistic concurrency: `UPDATE … SET …, version = version + 1 WHERE id = ? AND version = ?`. No
 * affected row means someone changed (VERSION_CONFLICT) or deleted (NOT_FOUND) the row first; either way
 * nothing was written. A slug clash caused by a new name is BAD_USER_INPUT on `slugField`.
 */
export async function updateVersioned<T extends ObjectLiteral & { id: number; version: number }>(
  manager: EntityManager,
  entity: EntityClass<T>,
  id: number,
  expectedVersion: number,
  values: Partial<T>,
  slugField?: string,
): Promise<T> {
  const type = entity.name;
  const repository = manager.getRepository(entity);
  let affected: number;
  try {
    const result = await manager
      .createQueryBuilder()
      .update(entity)
      .set({ ...values, version: () => 'version + 1' } as never)
      .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
      .execute();
    affected = result.affected ?? 0;
  } catch (error) {
    if (slugField && isUniqueViolation(error)) {
      throw new BadUserInputError(
        `"${slugField}": another ${type} already has the slug "${values.slug}".`,
        slugField,
      );
    }
    throw error;
  }
  const row = await repository.findOneBy({ id } as never);
  if (!row) throw new NotFoundError(`"input.id": there is no ${type} with this id.`, 'input.id');
  if (affected === 0) {
    throw new VersionConflictError(
      `The ${type} was changed by someone else (it is at version ${row.version}, not ${expectedVersion}): read it again and retry.`,
      { currentVersion: row.version },
    );
  }
  return row;
}
