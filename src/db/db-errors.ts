/** True when a statement failed on a unique index (SQLite or PostgreSQL). */
export function isUniqueViolation(error: unknown): boolean {
  if (error == null || typeof error !== 'object') return false;
  const { code, driverError } = error as { code?: unknown; driverError?: { code?: unknown } };
  const found = driverError?.code ?? code;
  return (
    found === 'SQLITE_CONSTRAINT_UNIQUE' ||
    found === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    found === '23505'
  );
}
