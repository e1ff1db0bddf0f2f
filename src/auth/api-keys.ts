import { createHash, randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { hydratorOf, runLoaderQuery, selectServed } from '../db/batching';
import { ApiKey } from './api-key.entity';
import { ApiKeyRole } from './roles';

/** Who sent a request, as proven by a valid API key. */
export interface Viewer {
  readonly apiKeyId: number;
  /** The key's name; recorded as `recordedBy`. */
  readonly name: string;
  readonly role: ApiKeyRole;
}

/**
 * What the Authorization header proved. `viewer` is null for an anonymous request; `rejection` says why
 * a key that was sent is not accepted (unknown, revoked, malformed). Reads ignore a rejected key; any
 * operation that needs a role fails with UNAUTHENTICATED and this message.
 */
export interface Authentication {
  readonly viewer: Viewer | null;
  readonly rejection: string | null;
}

export const ANONYMOUS: Authentication = Object.freeze({ viewer: null, rejection: null });

const KEY_PREFIX = 'fgk_';
export const API_KEY_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,99}$/;

/** A new random key: a prefix (so a leaked key is recognisable) and 32 random bytes. */
export function generateApiKey(): string {
  return `${KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** Keys are long and random, so one fast hash is enough (no salt or slow KDF needed, unlike passwords). */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Reads `Authorization: Bearer <key>` and looks the key up. Never throws for a bad key. */
export async function authenticate(
  reader: EntityManager,
  authorization: string | null | undefined,
): Promise<Authentication> {
  if (authorization == null || authorization.trim() === '') return ANONYMOUS;
  const match = /^Bearer\s+(\S{1,200})\s*$/i.exec(authorization.trim());
  if (!match) {
    return { viewer: null, rejection: 'The Authorization header must be "Bearer <API key>".' };
  }
  // Every request with a key asks this: its SQL is built once (runLoaderQuery), not per request.
  const params = { keyHash: hashApiKey(match[1]) };
  const [found] = await runLoaderQuery(reader, authenticate, 'byHash', params, () =>
    selectServed(reader.getRepository(ApiKey).createQueryBuilder('key'), ApiKey, 'key').where(
      'key.keyHash = :keyHash',
      params,
    ),
  );
  const row = found && hydratorOf(reader.connection, ApiKey)(found, 'key');
  if (!row) return { viewer: null, rejection: 'The API key is not valid.' };
  if (row.revokedAt != null) return { viewer: null, rejection: 'The API key has been revoked.' };
  return { viewer: { apiKeyId: row.id, name: row.name, role: row.role }, rejection: null };
}

export class ApiKeyError extends Error {}

/** Creates a key and returns it in clear: the only time it is ever available. */
export async function createApiKey(
  manager: EntityManager,
  name: string,
  role: ApiKeyRole,
  now = new Date().toISOString(),
): Promise<{ key: string; apiKey: ApiKey }> {
  if (!API_KEY_NAME_PATTERN.test(name)) {
    throw new ApiKeyError(
      `"${name}" is not a valid key name: use 1 to 100 letters, digits, ".", "_", "@" or "-", starting with a letter or digit.`,
    );
  }
  const repository = manager.getRepository(ApiKey);
  if (await repository.existsBy({ name }))
    throw new ApiKeyError(`A key named "${name}" already exists.`);
  const key = generateApiKey();
  const apiKey = await repository.save(
    repository.create({ name, role, keyHash: hashApiKey(key), createdAt: now, revokedAt: null }),
  );
  return { key, apiKey };
}

/** Revokes a key by name; false when there is no such key or it was already revoked. */
export async function revokeApiKey(
  manager: EntityManager,
  name: string,
  now = new Date().toISOString(),
): Promise<boolean> {
  const result = await manager
    .createQueryBuilder()
    .update(ApiKey)
    .set({ revokedAt: now })
    .where('name = :name AND revokedAt IS NULL', { name })
    .execute();
  return (result.affected ?? 0) > 0;
}

export function listApiKeys(dataSource: DataSource): Promise<ApiKey[]> {
  return dataSource.getRepository(ApiKey).find({ order: { id: 'ASC' } });
}
