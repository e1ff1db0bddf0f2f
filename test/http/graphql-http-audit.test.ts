import { serverAudits, type AuditResult } from 'graphql-http';
import { createTestServer, type TestServer } from '../support/test-server';

/**
 * The GraphQL-over-HTTP audit suite of the graphql-http package (`serverAudits`), run against the real
 * server over HTTP. Every MUST holds. The recommendations the server does not follow are exactly those
 * the README lists under "GraphQL over HTTP", for the reasons given there.
 */

let server: TestServer;
let url: string;
beforeAll(async () => {
  server = await createTestServer({ seed: false });
  url = `${await server.listen()}/graphql`;
});
afterAll(() => server.close());

const audits = serverAudits({ url: () => url });

/** The SHOULD and MAY items not followed, by audit id (the README says why). */
const NOT_FOLLOWED: Record<string, string> = {
  // Refused before execution with application/json: Apollo Server answers 400, as it always has.
  '572B': 'SHOULD use 200 status code on document parsing failure when accepting application/json',
  FDE2: 'SHOULD use 200 status code on document validation failure when accepting application/json',
  '7B9B':
    'SHOULD use a status code of 200 on variable coercion failure when accepting application/json',
  // GETs without a preflight header are refused (Apollo's CSRF prevention).
  '5A70': 'MAY accept application/x-www-form-urlencoded formatted GET requests',
  D6D5: 'MAY allow URL-encoded JSON string {variables} parameter in GETs when accepting application/graphql-response+json',
  '6A70':
    'MAY allow URL-encoded JSON string {variables} parameter in GETs when accepting application/json',
};

function describeResult(result: AuditResult): string {
  return result.status === 'ok' ? 'ok' : `${result.status}: ${result.reason}`;
}

test('the suite has MUST audits to run', () => {
  expect(audits.filter((audit) => audit.name.startsWith('MUST')).length).toBeGreaterThanOrEqual(13);
});

describe.each(audits.map((audit) => [audit.id, audit.name, audit] as const))(
  'audit %s',
  (id, name, audit) => {
    if (NOT_FOLLOWED[id]) {
      test(`${name}: not followed, as the README says`, async () => {
        expect(name).toBe(NOT_FOLLOWED[id]);
        expect(name.startsWith('MUST')).toBe(false);
        expect((await audit.fn()).status).not.toBe('ok');
      });
    } else {
      test(`${name}`, async () => {
        expect(describeResult(await audit.fn())).toBe('ok');
      });
    }
  },
);
