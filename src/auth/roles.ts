/** What an API key may do. Roles are ordered: an ADMIN may do everything an EDITOR may. */
export enum ApiKeyRole {
  EDITOR = 'EDITOR',
  ADMIN = 'ADMIN',
}

const RANK: Record<ApiKeyRole, number> = { [ApiKeyRole.EDITOR]: 1, [ApiKeyRole.ADMIN]: 2 };

/** True when a key with role `held` may do what needs role `needed`. */
export function roleIncludes(held: ApiKeyRole, needed: ApiKeyRole): boolean {
  return RANK[held] >= RANK[needed];
}

export function parseRole(raw: string): ApiKeyRole | null {
  const upper = raw.toUpperCase();
  return (Object.values(ApiKeyRole) as string[]).includes(upper) ? (upper as ApiKeyRole) : null;
}
