import type { EntityManager } from 'typeorm';

/** A table and the GraphQL type of its rows. */
export type LoggedTable = readonly [table: string, type: string];

/**
 * Adds to the change log every row written without going through `recordChange`: the seed, and what
 * was written before the log existed (the migration that made it passes its own, frozen, table lists).
 * Idempotent: a row that already has its change is skipped. Reports keep their own commit-order numbers
 * and instants; plain rows have none and are logged at `at`, numbered 0 (before every numbered change).
 */
export async function backfillChanges(
  manager: EntityManager,
  {
    at,
    by,
    created,
    reported,
  }: {
    at: string;
    by: string;
    /** Tables of plain rows, logged as CREATED. */
    created: readonly LoggedTable[];
    /** Tables of reported events, logged as RECORDED (and RETRACTED when they were). */
    reported: readonly LoggedTable[];
  },
): Promise<void> {
  // The kinds are ChangeKind values (db/ does not import events/).
  const missing = (type: string, kind: string) =>
    `NOT EXISTS (SELECT 1 FROM "change_log" c WHERE c."subjectType" = '${type}'
       AND c."subjectId" = t."id" AND c."kind" = '${kind}')`;
  const statements: string[] = [];
  for (const [table, type] of created) {
    statements.push(
      `SELECT 0, :at, :by, 'CREATED', '${type}', t."id" FROM "${table}" t
        WHERE ${missing(type, 'CREATED')} ORDER BY t."id"`,
    );
  }
  for (const [table, type] of reported) {
    statements.push(
      `SELECT t."recordedSeq", t."recordedAt", t."recordedBy", 'RECORDED', '${type}', t."id"
         FROM "${table}" t WHERE ${missing(type, 'RECORDED')}
        ORDER BY t."recordedSeq", t."recordedAt", t."id"`,
      `SELECT COALESCE(t."retractedSeq", 0), t."retractedAt", COALESCE(t."retractedBy", ''),
              'RETRACTED', '${type}', t."id"
         FROM "${table}" t WHERE t."retractedAt" IS NOT NULL AND ${missing(type, 'RETRACTED')}
        ORDER BY COALESCE(t."retractedSeq", 0), t."retractedAt", t."id"`,
    );
  }
  for (const select of statements) {
    const [sql, parameters] = manager.connection.driver.escapeQueryWithParameters(
      `INSERT INTO "change_log" ("seq", "at", "by", "kind", "subjectType", "subjectId") ${select}`,
      { at, by },
    );
    await manager.query(sql, parameters);
  }
}
