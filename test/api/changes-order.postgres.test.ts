import { Credit, creditIdentityKey } from '../../src/credit/credit.entity';
import { CreditRole } from '../../src/credit/credit.enums';
import { Film } from '../../src/film/film.entity';
import { Person } from '../../src/person/person.entity';
import { SEED } from '../../seeds/seed';
import { newApiKey } from '../support/editor';

import { createTestServer, type TestServer } from '../support/test-server';

// On PostgreSQL, write transactions run side by side and can commit in another order than the one in
// which they took their `recordedAt`. On SQLite, writes are serialized: a later write cannot commit
// first, so there is nothing to reorder there.

const RECORD = `mutation Record($input: RecordAttachmentInput!) {
  recordAttachment(input: $input) { event { id recordedAt } } }`;
const FEED = `query Feed($since: DateTime!, $after: String) {
  changes(since: $since, after: $after) { edges { node { event { ... on AttachmentEvent { id } } } } pageInfo { endCursor } } }`;

type Recorded = { recordAttachment: { event: { id: string; recordedAt: string } } };
type Feed = {
  changes: { edges: { node: { event: { id: string } | null } }[]; pageInfo: { endCursor: string } };
};

/** The reports in a page of the feed (it also lists the people and credits created). */
const reportIds = (feed: Feed) =>
  feed.changes.edges.flatMap((edge) => (edge.node.event ? [edge.node.event.id] : []));

describe('on PostgreSQL, the changes feed', () => {
  let server: TestServer;
  let key: string;
  beforeAll(async () => {
    server = await createTestServer();
    key = await newApiKey(server.dataSource, 'feed');
  });
  afterAll(() => server.close());

  test('a poller never misses a change that commits after a later-entered one it has already seen', async () => {
    const since = new Date().toISOString();
    const film = await server.dataSource
      .getRepository(Film)
      .findOneByOrFail({ slug: SEED.films.extraction3 });
    const people = await Promise.all(
      ['Slow Report', 'Fast Report'].map(async (name) => {
        const created = await server.execute<{ createPerson: { person: { id: string } } }>(
          `mutation P($name: String!) { createPerson(input: { name: $name }) { person { id } } }`,
          { name },
          { apiKey: key },
        );
        const slug = name.toLowerCase().replace(' ', '-');
        return {
          id: created.data!.createPerson.person.id,
          local: (await server.dataSource.getRepository(Person).findOneByOrFail({ slug })).id,
        };
      }),
    );
    const report = (person: string, url: string) => ({
      input: {
        film: film.nodeId,
        person,
        role: 'DIRECTOR',
        status: 'RUMORED',
        confidence: 'SPECULATIVE',
        effectiveDate: '2026-09-01',
        source: { url, title: url },
      },
    });

    // Another transaction holds the slow report's credit, uncommitted: the slow report takes its
    // recordedAt, then waits for that row inside its own transaction.
    const blocker = server.dataSource.createQueryRunner();
    await blocker.startTransaction();
    const identity = {
      filmId: film.id,
      personId: people[0].local,
      role: CreditRole.DIRECTOR,
      characterId: null,
      job: null,
    };
    await blocker.manager.insert(Credit, {
      ...identity,
      identityKey: creditIdentityKey(identity),
      billingOrder: null,
    });
    const slow = server.execute<Recorded>(
      RECORD,
      report(people[0].id, 'https://example.com/slow'),
      { apiKey: key },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));

    // A later report commits first, and a poller reads it.
    const fast = await server.execute<Recorded>(
      RECORD,
      report(people[1].id, 'https://example.com/fast'),
      { apiKey: key },
    );
    const firstPoll = await server.execute<Feed>(FEED, { since });
    expect(reportIds(firstPoll.data!)).toEqual([fast.data!.recordAttachment.event.id]);

    await blocker.rollbackTransaction();
    await blocker.release();
    const late = await slow;
    expect(late.errors).toBeUndefined();
    // Entered before the change the poller has seen, committed after it:
    expect(
      late.data!.recordAttachment.event.recordedAt < fast.data!.recordAttachment.event.recordedAt,
    ).toBe(true);

    const nextPoll = await server.execute<Feed>(FEED, {
      since,
      after: firstPoll.data!.changes.pageInfo.endCursor,
    });
    expect(reportIds(nextPoll.data!)).toEqual([late.data!.recordAttachment.event.id]);
  });
});
