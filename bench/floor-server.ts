import type { IncomingMessage, ServerResponse } from 'node:http';
import { openReadonly, ROLES, sendJson, serve } from './sqlite-server';

/**
 * The floor of Q1 (franchise graph, depth 4): node:http and ONE prepared SQLite statement that builds
 * the whole JSON answer (`json_object`, `json_group_array`), sent as it comes. No GraphQL at all: it
 * answers Q1's variables only. The bench checks that its answer equals franchise-graph's before timing it.
 */

const db = openReadonly();

const ROLE_RANK = `CASE c.role ${ROLES.map((role, rank) => `WHEN '${role}' THEN ${rank}`).join(' ')} END`;
/** A credit's status in force: its latest event that is not retracted. */
const status = (credit: string) => `(SELECT e.status FROM attachment_event e
  WHERE e.creditId = ${credit}.id AND e.retracted = 0
  ORDER BY e.effectiveDate DESC, e.recordedAt DESC, e.id DESC LIMIT 1)`;

const Q1 = db
  .prepare(
    `SELECT json_object('data', json_object('franchise', CASE WHEN fr.id IS NULL THEN NULL ELSE json_object(
  'name', fr.name,
  'films', json_object('edges', (
    SELECT json_group_array(json(edge)) FROM (
      SELECT json_object('releaseOrdinal', m.releaseOrdinal, 'node', json_object(
        'title', f.title,
        'credits', (
          SELECT json_group_array(json_object(
            'role', c.role,
            'status', ${status('c')},
            'person', json_object(
              'name', p.name,
              'credits', (
                SELECT json_group_array(json_object('status', ${status('pc')}, 'film', json_object('title', pf.title))
                  ORDER BY COALESCE(pf.releaseDate, '9999-12-31'), pc.filmId, pc.id)
                FROM credit pc LEFT JOIN film pf ON pf.id = pc.filmId WHERE pc.personId = p.id
              )
            )
          ) ORDER BY ${ROLE_RANK}, COALESCE(c.billingOrder, 9223372036854775807), c.id)
          FROM credit c JOIN person p ON p.id = c.personId WHERE c.filmId = f.id
        )
      )) AS edge
      FROM franchise_membership m JOIN film f ON f.id = m.filmId
      WHERE m.franchiseId = fr.id
      ORDER BY COALESCE(m.releaseOrdinal, 2147483647), m.filmId LIMIT 10
    )
  ))
) END))
FROM (SELECT 1) LEFT JOIN franchise fr ON fr.slug = ?`,
  )
  .pluck();

/** One statement answers Q1; a refused request runs none. */
function answer(req: IncomingMessage, res: ServerResponse, status: number, body: string): void {
  sendJson(req, res, status, body, status === 200 ? 1 : 0);
}

serve((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    let slug: unknown;
    try {
      slug = (
        JSON.parse(Buffer.concat(chunks).toString('utf8')) as { variables?: { slug?: unknown } }
      ).variables?.slug;
    } catch {
      slug = undefined;
    }
    if (typeof slug !== 'string') {
      return answer(req, res, 400, JSON.stringify({ errors: [{ message: 'Q1 variables only' }] }));
    }
    answer(req, res, 200, Q1.get(slug) as string);
  });
});
