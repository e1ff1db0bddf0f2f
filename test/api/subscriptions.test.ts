import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from 'graphql-ws';
import { graphiqlExamples } from '../../src/graphiql/examples';
import { SEED } from '../../seeds/seed';
import { newApiKey } from '../support/editor';
import { GraphqlHttpClient } from '../support/graphql-http';
import { subscribe, wsClient } from '../support/subscriber';
import { createTestServer, type TestServer } from '../support/test-server';

// Subscriptions over a real WebSocket (graphql-ws's own client), writes over real HTTP.

const CHANGE_FIELDS = `fragment ChangeFields on Change {
  kind by cursor
  subject { __typename id }
  event { ... on AttachmentEvent { id status credit { film { slug } person { slug } } } }
}`;

/** The reports recorded on a film (a first report on a credit also creates the credit: CREATED). */
const FILM_CHANGES = `subscription FilmReports($film: ID!, $after: String) {
  changes(filter: { film: $film, kinds: [RECORDED] }, after: $after) { ...ChangeFields }
} ${CHANGE_FIELDS}`;

const RECORD = `mutation Record($input: RecordAttachmentInput!) {
  recordAttachment(input: $input) { event { id } } }`;

interface PushedChange {
  kind: string;
  by: string;
  cursor: string;
  subject: { __typename: string; id: string } | null;
  event: {
    id: string;
    status: string;
    credit: { film: { slug: string }; person: { slug: string } };
  };
}

describe('Subscription.changes over graphql-ws', () => {
  let server: TestServer;
  let url: string;
  const http = new GraphqlHttpClient();
  const ids: Record<string, string> = {};
  let reports = 0;
  let client: Client;

  /** Records a report over HTTP as an editor; returns the new event's id. */
  const report = async (film: string, person: string, status: string) => {
    reports += 1;
    const data = await http.ok<{ recordAttachment: { event: { id: string } } }>(RECORD, {
      input: {
        film: ids[film],
        person: ids[person],
        role: 'CAST',
        status,
        confidence: 'TRADE_REPORTED',
        effectiveDate: '2026-11-01',
        source: { url: `https://example.com/live/${reports}`, title: `Live report ${reports}` },
      },
    });
    return data.recordAttachment.event.id;
  };

  beforeAll(async () => {
    server = await createTestServer();
    url = await server.listen();
    http.url = url;
    http.key = await newApiKey(server.dataSource, 'live-desk');
    const data = await http.ok<Record<string, { id: string }>>(
      `query Ids($e2: String!, $e3: String!, $hemsworth: String!, $harbour: String!, $franchise: String!) {
        e2: film(slug: $e2) { id } e3: film(slug: $e3) { id }
        hemsworth: person(slug: $hemsworth) { id } harbour: person(slug: $harbour) { id }
        franchise: franchise(slug: $franchise) { id } }`,
      {
        e2: SEED.films.extraction2,
        e3: SEED.films.extraction3,
        hemsworth: SEED.people.chrisHemsworth,
        harbour: SEED.people.davidHarbour,
        franchise: SEED.franchises.extraction,
      },
    );
    for (const [name, { id }] of Object.entries(data)) ids[name] = id;
    client = wsClient(url);
  });
  afterAll(async () => {
    await client.dispose();
    await server.close();
  });

  test('a report recorded over HTTP reaches a subscriber of its film within a second; one on another film does not', async () => {
    const sub = subscribe<PushedChange>(client, FILM_CHANGES, { film: ids.e3 });
    await waitUntilSubscribed(server);
    const started = performance.now();
    const first = await report('e3', 'hemsworth', 'IN_TALKS');
    const [pushed] = await sub.waitFor(1, 1_000);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(pushed).toEqual({
      kind: 'RECORDED',
      by: 'live-desk',
      cursor: expect.any(String),
      subject: { __typename: 'AttachmentEvent', id: first },
      event: {
        id: first,
        status: 'IN_TALKS',
        credit: {
          film: { slug: SEED.films.extraction3 },
          person: { slug: SEED.people.chrisHemsworth },
        },
      },
    });
    await report('e2', 'hemsworth', 'CONFIRMED');
    const third = await report('e3', 'harbour', 'RUMORED');
    const received = await sub.waitFor(2);
    expect(received.map((change) => change.event.id)).toEqual([first, third]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sub.received).toHaveLength(2);
    expect(sub.errors).toEqual([]);
    sub.unsubscribe();
  });

  test('a subscriber with a cursor from before three writes gets those three in order, then the next live one, once each', async () => {
    const feed = await http.ok<{ changes: { pageInfo: { endCursor: string | null } } }>(
      `query Last($since: DateTime!) { changes(since: $since, first: 100) { pageInfo { endCursor } } }`,
      { since: '2000-01-01T00:00:00Z' },
    );
    // The cursor of the newest change: page to the end of the feed.
    let cursor = feed.changes.pageInfo.endCursor;
    for (;;) {
      const page = await http.ok<{
        changes: { pageInfo: { endCursor: string | null; hasNextPage: boolean } };
      }>(
        `query Next($since: DateTime!, $after: String) {
          changes(since: $since, first: 100, after: $after) { pageInfo { endCursor hasNextPage } } }`,
        { since: '2000-01-01T00:00:00Z', after: cursor },
      );
      if (page.changes.pageInfo.endCursor) cursor = page.changes.pageInfo.endCursor;
      if (!page.changes.pageInfo.hasNextPage) break;
    }
    const written = [
      await report('e3', 'hemsworth', 'IN_NEGOTIATIONS'),
      await report('e3', 'harbour', 'IN_TALKS'),
      await report('e3', 'hemsworth', 'EXPECTED'),
    ];
    const sub = subscribe<PushedChange>(client, FILM_CHANGES, { film: ids.e3, after: cursor });
    const replayed = await sub.waitFor(3);
    expect(replayed.map((change) => change.event.id)).toEqual(written);
    const live = await report('e3', 'harbour', 'ATTACHED');
    const all = await sub.waitFor(4);
    expect(all.map((change) => change.event.id)).toEqual([...written, live]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sub.received).toHaveLength(4);

    // Resuming from the cursor of the second change gets the third and the fourth, nothing else.
    const resumed = subscribe<PushedChange>(client, FILM_CHANGES, {
      film: ids.e3,
      after: all[1].cursor,
    });
    const again = await resumed.waitFor(2);
    expect(again.map((change) => change.event.id)).toEqual([written[2], live]);
    sub.unsubscribe();
    resumed.unsubscribe();
  });

  test('a pushed change is what Query.changes lists with the same fragment and cursor', async () => {
    const sub = subscribe<PushedChange>(client, FILM_CHANGES, { film: ids.e3 });
    await waitUntilSubscribed(server);
    const since = new Date(Date.now() - 1000).toISOString();
    await report('e3', 'hemsworth', 'CONFIRMED');
    const [pushed] = await sub.waitFor(1);
    const queried = await http.ok<{ changes: { edges: { cursor: string; node: PushedChange }[] } }>(
      `query Feed($since: DateTime!, $film: ID!) {
        changes(since: $since, filter: { film: $film }) { edges { cursor node { ...ChangeFields } } }
      } ${CHANGE_FIELDS}`,
      { since, film: ids.e3 },
    );
    const edge = queried.changes.edges.at(-1)!;
    expect(edge.node).toEqual(pushed);
    expect(edge.cursor).toBe(pushed.cursor);
    sub.unsubscribe();
  });

  test('filters by person, by franchise (its films included) and by kind', async () => {
    const person = subscribe<PushedChange>(
      client,
      `subscription PersonChanges($person: ID!) {
        changes(filter: { person: $person }) { ...ChangeFields } } ${CHANGE_FIELDS}`,
      { person: ids.harbour },
    );
    const franchise = subscribe<PushedChange>(
      client,
      `subscription FranchiseChanges($franchise: ID!) {
        changes(filter: { franchise: $franchise, kinds: [RECORDED] }) { ...ChangeFields } } ${CHANGE_FIELDS}`,
      { franchise: ids.franchise },
    );
    const created = subscribe<PushedChange>(
      client,
      `subscription Created { changes(filter: { kinds: [CREATED] }) { ...ChangeFields } } ${CHANGE_FIELDS}`,
    );
    await waitUntilSubscribed(server, 3);
    const onE2 = await report('e2', 'hemsworth', 'ATTACHED');
    const harbourOnE2 = await report('e2', 'harbour', 'RUMORED');
    await http.ok(
      `mutation NewPerson { createPerson(input: { name: "Golshifteh Farahani" }) { person { id } } }`,
    );
    // Harbour's first report on Extraction 2 created his credit there first.
    expect((await person.waitFor(2)).map((c) => [c.kind, c.subject?.__typename])).toEqual([
      ['CREATED', 'Credit'],
      ['RECORDED', 'AttachmentEvent'],
    ]);
    expect(person.received[1].event.id).toBe(harbourOnE2);
    expect((await franchise.waitFor(2)).map((c) => c.event.id)).toEqual([onE2, harbourOnE2]);
    const [, newPerson] = await created.waitFor(2);
    expect(newPerson).toMatchObject({ kind: 'CREATED', subject: { __typename: 'Person' } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(created.received.map((c) => c.subject?.__typename)).toEqual(['Credit', 'Person']);
    expect(person.received).toHaveLength(2);
    for (const sub of [person, franchise, created]) sub.unsubscribe();
  });

  test('bad arguments, queries over the socket and over-limit documents get errors with codes, and the connection stays usable', async () => {
    const wrongId = subscribe(client, FILM_CHANGES, { film: ids.hemsworth });
    await wrongId.ended;
    expect(wrongId.errors).toEqual([
      expect.objectContaining({
        message: '"filter.film" must be the id of a Film, got a Person id.',
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'filter.film' }),
      }),
    ]);
    const badCursor = subscribe(client, FILM_CHANGES, { film: ids.e3, after: 'nope' });
    await badCursor.ended;
    expect(badCursor.errors).toEqual([
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'after' }),
      }),
    ]);
    const query = subscribe(client, `query NotHere { __typename }`);
    await query.ended;
    expect(query.errors).toEqual([
      expect.objectContaining({
        message:
          'Only subscriptions are served over WebSocket; send queries to /graphql over HTTP.',
        extensions: { code: 'BAD_REQUEST' },
      }),
    ]);
    const nested =
      'subject { ... on Credit { film { credits { person { credits { film { credits { person { credits { film { credits { id } } } } } } } } } } } }';
    const deep = subscribe(client, `subscription Deep { changes { ${nested} } }`);
    await deep.ended;
    expect(deep.errors).toEqual([
      expect.objectContaining({
        message: 'Query is too deep: more than 12 levels.',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      }),
    ]);
    // Still connected: a good subscription works on the same client.
    const sub = subscribe<PushedChange>(client, FILM_CHANGES, { film: ids.e3 });
    await waitUntilSubscribed(server);
    const event = await report('e3', 'harbour', 'CONFIRMED');
    expect((await sub.waitFor(1))[0].event.id).toBe(event);
    sub.unsubscribe();
  });

  test('the GraphiQL subscription tab is the README block, names Extraction 3 and runs', async () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    const tab = graphiqlExamples.find((example) => example.name === 'Extraction3LiveReports')!;
    expect(readme).toContain(`\`\`\`graphql\n${tab.query}\n\`\`\``);
    expect(tab.query).toContain(`film: "${ids.e3}"`);
    const sub = subscribe<{ kind: string; event: { status: string } }>(client, tab.query);
    await waitUntilSubscribed(server);
    await report('e3', 'hemsworth', 'PASSED');
    expect(await sub.waitFor(1)).toEqual([
      expect.objectContaining({
        kind: 'RECORDED',
        event: expect.objectContaining({ status: 'PASSED' }),
      }),
    ]);
    sub.unsubscribe();
  });

  test('a subscription sent over HTTP is refused before it runs: 400, BAD_REQUEST, no data', async () => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'subscription OverHttp { changes { kind } }' }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      errors: [
        {
          message:
            'Subscriptions are served over WebSocket (graphql-ws protocol) at /graphql, not over HTTP.',
          extensions: { code: 'BAD_REQUEST' },
        },
      ],
    });
  });
});

/** Subscribing is asynchronous: waits until the feed holds `count` subscriptions. */
async function waitUntilSubscribed(server: TestServer, count = 1): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (server.app.feed.size < count) {
    if (Date.now() > deadline)
      throw new Error(`${server.app.feed.size} subscriptions, not ${count}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
