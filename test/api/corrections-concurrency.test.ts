import { SEED } from '../../seeds/seed';
import { ApiKeyRole } from '../../src/auth/roles';
import { creditIdentityKey } from '../../src/credit/credit.entity';
import type { CreditRole } from '../../src/credit/credit.enums';
import { countRows, newApiKey } from '../support/editor';
import { createTestServer, type TestServer } from '../support/test-server';

// Two editors (or admins) correcting or merging at once, over HTTP: on SQLite by default, on
// PostgreSQL with DATABASE_URL (scripts/with-postgres.sh). Whatever the interleaving, one of them wins
// and no row is left half-moved.

let server: TestServer;
let url: string;
let editorKey: string;
let otherAdminKey: string;
let adminKey: string;
let extraction3: string;

type Result<T> = {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
};

async function post<T>(
  query: string,
  variables: Record<string, unknown>,
  key: string,
): Promise<Result<T>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Result<T>;
}

beforeAll(async () => {
  server = await createTestServer();
  url = await server.listen();
  editorKey = await newApiKey(server.dataSource, 'concurrent-editor');
  adminKey = await newApiKey(server.dataSource, 'concurrent-admin', ApiKeyRole.ADMIN);
  otherAdminKey = await newApiKey(server.dataSource, 'other-admin', ApiKeyRole.ADMIN);
  const film = await post<{ film: { id: string } }>(
    `query Film($slug: String!) { film(slug: $slug) { id } }`,
    { slug: SEED.films.extraction3 },
    editorKey,
  );
  extraction3 = film.data!.film.id;
});
afterAll(() => server.close());

const RECORD = `mutation Record($input: RecordAttachmentInput!) {
  recordAttachment(input: $input) { duplicate credit { id } event { id } } }`;
const CORRECT = `mutation Correct($input: CorrectEventInput!) {
  correctEvent(input: $input) { event { ... on AttachmentEvent { id } } } }`;
const MERGE = `mutation Merge($input: MergeInput!) { mergePeople(input: $input) { person { id } } }`;

async function createPerson(name: string): Promise<string> {
  const result = await post<{ createPerson: { person: { id: string } } }>(
    `mutation Person($name: String!) { createPerson(input: { name: $name }) { person { id } } }`,
    { name },
    editorKey,
  );
  return result.data!.createPerson.person.id;
}

async function report(person: string, role: string, status: string, day: string) {
  const result = await post<{
    recordAttachment: { credit: { id: string }; event: { id: string } };
  }>(
    RECORD,
    {
      input: {
        film: extraction3,
        person,
        role,
        status,
        confidence: 'TRADE_REPORTED',
        effectiveDate: day,
        source: { url: `https://example.com/concurrent/${day}`, title: 'Concurrent' },
      },
    },
    editorKey,
  );
  expect(result.errors).toBeUndefined();
  return result.data!.recordAttachment;
}

/** No credit, event or redirect points at a record that is gone, and every credit key is right. */
async function expectNoHalfMergedRows(): Promise<void> {
  const query = (sql: string) => server.dataSource.query(sql) as Promise<Record<string, unknown>[]>;
  expect(
    await query(
      `SELECT c."id" FROM "credit" c LEFT JOIN "person" p ON p."id" = c."personId" WHERE p."id" IS NULL`,
    ),
  ).toEqual([]);
  expect(
    await query(
      `SELECT e."id" FROM "attachment_event" e LEFT JOIN "credit" c ON c."id" = e."creditId" WHERE c."id" IS NULL`,
    ),
  ).toEqual([]);
  expect(
    await query(
      `SELECT m."id" FROM "merged_record" m JOIN "person" p ON p."id" = m."fromId" WHERE m."type" = 'Person'`,
    ),
  ).toEqual([]);
  expect(
    await query(
      `SELECT m."id" FROM "merged_record" m LEFT JOIN "person" p ON p."id" = m."intoId" WHERE m."type" = 'Person' AND p."id" IS NULL`,
    ),
  ).toEqual([]);
  const credits = (await query(
    `SELECT "filmId", "personId", "role", "characterId", "identityKey" FROM "credit"`,
  )) as {
    filmId: number;
    personId: number;
    role: CreditRole;
    characterId: number | null;
    identityKey: string;
  }[];
  for (const credit of credits) expect(credit.identityKey).toBe(creditIdentityKey(credit));
}

test('two editors correcting one event at once: one correction wins, the other is refused, one event counts', async () => {
  const person = await createPerson('Contested Writer');
  const { credit, event } = await report(person, 'WRITER', 'IN_TALKS', '2026-02-01');
  const results = await Promise.all(
    [editorKey, adminKey, otherAdminKey, editorKey, adminKey, otherAdminKey].map((key, i) =>
      post(
        CORRECT,
        { input: { event: event.id, reason: `Correction ${i}.`, confidence: 'OFFICIAL' } },
        key,
      ),
    ),
  );
  expect(results.filter((result) => !result.errors)).toHaveLength(1);
  expect(
    results.filter((result) => result.errors).map((result) => result.errors![0].extensions?.code),
  ).toEqual(Array(5).fill('BAD_USER_INPUT'));
  const history = await post<{ node: { history: { retracted: boolean; confidence: string }[] } }>(
    `query History($id: ID!) { node(id: $id) { ... on Credit { history { retracted confidence } } } }`,
    { id: credit.id },
    editorKey,
  );
  expect(history.data!.node.history).toEqual([
    { retracted: true, confidence: 'TRADE_REPORTED' },
    { retracted: false, confidence: 'OFFICIAL' },
  ]);
});

test('the same report re-sent at once after a retraction is recorded once', async () => {
  const person = await createPerson('Returning Writer');
  const { event } = await report(person, 'WRITER', 'IN_TALKS', '2026-02-02');
  await post(
    `mutation Retract($id: ID!) { retractEvent(input: { event: $id, reason: "Wrong." }) { __typename } }`,
    { id: event.id },
    editorKey,
  );
  const before = await countRows(server.dataSource, 'attachment_event');
  const results = await Promise.all(
    Array.from({ length: 8 }, () => report(person, 'WRITER', 'IN_TALKS', '2026-02-02')),
  );
  expect(new Set(results.map((result) => result.event.id)).size).toBe(1);
  expect(await countRows(server.dataSource, 'attachment_event')).toEqual(
    Object.fromEntries(Object.entries(before).map(([table, n]) => [table, n + 1])),
  );
});

test('admins merging overlapping pairs at once leave no half-merged rows and lose no event', async () => {
  const people = [];
  for (let i = 0; i < 4; i++) people.push(await createPerson(`Merged Many ${i}`));
  // Each person has the same DIRECTOR report and one of their own, so merges must merge credits.
  for (const [i, person] of people.entries()) {
    await report(person, 'DIRECTOR', 'RUMORED', '2026-03-01');
    await report(person, 'PRODUCER', 'RUMORED', `2026-03-0${i + 2}`);
  }
  const events = await countRows(server.dataSource, 'attachment_event');
  const [a, b, c, d] = people;
  const results = await Promise.all([
    post(MERGE, { input: { keep: a, duplicate: b } }, adminKey),
    post(MERGE, { input: { keep: b, duplicate: a } }, otherAdminKey),
    post(MERGE, { input: { keep: b, duplicate: c } }, adminKey),
    post(MERGE, { input: { keep: c, duplicate: d } }, otherAdminKey),
    post(MERGE, { input: { keep: d, duplicate: a } }, adminKey),
  ]);
  for (const result of results) {
    if (result.errors) expect(result.errors[0].extensions?.code).toBe('NOT_FOUND');
  }
  expect(results.some((result) => !result.errors)).toBe(true);
  expect(await countRows(server.dataSource, 'attachment_event')).toEqual(events);
  await expectNoHalfMergedRows();
  // Every id resolves to a surviving person, and the survivors hold all eight reports.
  const nodes = await post<{ nodes: { id: string; credits: { history: { id: string }[] }[] }[] }>(
    `query People($ids: [ID!]!) { nodes(ids: $ids) { ... on Person { id credits { history { id } } } } }`,
    { ids: people },
    editorKey,
  );
  const survivors = new Map(nodes.data!.nodes.map((node) => [node.id, node]));
  const reports = [...survivors.values()].flatMap((node) =>
    node.credits.flatMap((credit) => credit.history.map((event) => event.id)),
  );
  expect(new Set(reports).size).toBe(8);
});
