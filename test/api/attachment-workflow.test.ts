import { SEED } from '../../seeds/seed';
import { countRows, newApiKey } from '../support/editor';
import { createTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let key: string;
let extraction3: string;
let seeded: string;

beforeAll(async () => {
  server = await createTestServer();
  seeded = new Date().toISOString();
  key = await newApiKey(server.dataSource, 'newsdesk');
  const film = await server.execute<{ film: { id: string } }>(
    `query Id($slug: String!) { film(slug: $slug) { id } }`,
    {
      slug: SEED.films.extraction3,
    },
  );
  extraction3 = film.data!.film.id;
});
afterAll(() => server.close());

const RECORD = `
  mutation Record($input: RecordAttachmentInput!) {
    recordAttachment(input: $input) {
      duplicate
      credit { id role status person { name } }
      event { id status confidence effectiveDate recordedBy quote source { url title publishedOn } }
    }
  }`;

type Recorded = {
  recordAttachment: {
    duplicate: boolean;
    credit: { id: string; role: string; status: string; person: { name: string } };
    event: {
      id: string;
      status: string;
      confidence: string;
      effectiveDate: string;
      recordedBy: string;
      quote: string | null;
      source: { url: string };
    };
  };
};

async function createPerson(name: string): Promise<string> {
  const result = await server.execute<{ createPerson: { person: { id: string } } }>(
    `mutation Person($name: String!) { createPerson(input: { name: $name }) { person { id } } }`,
    { name },
    { apiKey: key },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.createPerson.person.id;
}

const source = {
  url: 'https://example.com/trades/extraction-3-director-talks',
  title: 'Fictional director in talks for Extraction 3',
  publishedOn: '2026-03-10',
};

describe('a journalist records a report and reads it back', () => {
  let personId: string;
  let creditId: string;
  let eventId: string;
  let since: string;

  beforeAll(async () => {
    since = new Date().toISOString();
    personId = await createPerson('Imaginary Director');
    const result = await server.execute<Recorded>(
      RECORD,
      {
        input: {
          film: extraction3,
          person: personId,
          role: 'DIRECTOR',
          status: 'IN_TALKS',
          confidence: 'TRADE_REPORTED',
          effectiveDate: '2026-03-10',
          source,
          quote: 'in early talks to direct',
        },
      },
      { apiKey: key },
    );
    expect(result.errors).toBeUndefined();
    const recorded = result.data!.recordAttachment;
    expect(recorded).toMatchObject({
      duplicate: false,
      credit: { role: 'DIRECTOR', status: 'IN_TALKS', person: { name: 'Imaginary Director' } },
      event: {
        status: 'IN_TALKS',
        confidence: 'TRADE_REPORTED',
        effectiveDate: '2026-03-10',
        recordedBy: 'newsdesk',
        quote: 'in early talks to direct',
        source: { url: source.url },
      },
    });
    creditId = recorded.credit.id;
    eventId = recorded.event.id;
  });

  test('film.credits lists the new credit with its status', async () => {
    const result = await server.execute<{ film: { credits: { id: string; status: string }[] } }>(
      `query Credits($slug: String!) { film(slug: $slug) { credits(filter: { roles: [DIRECTOR] }) { id status person { name } } } }`,
      { slug: SEED.films.extraction3 },
    );
    expect(result.data!.film.credits).toContainEqual({
      id: creditId,
      status: 'IN_TALKS',
      person: { name: 'Imaginary Director' },
    });
  });

  test('attachments(filter: { statuses }) finds it', async () => {
    const result = await server.execute<{ attachments: { edges: { node: { id: string } }[] } }>(
      `query Talks($film: ID!) { attachments(filter: { film: $film, statuses: [IN_TALKS] }) { edges { node { id } } } }`,
      { film: extraction3 },
    );
    expect(result.data!.attachments.edges).toEqual([{ node: { id: creditId } }]);
  });

  test('changes(since:) lists the event as recorded', async () => {
    const result = await server.execute<{
      changes: { edges: { node: unknown }[]; totalCount: number };
    }>(
      `query Feed($since: DateTime!) {
        changes(since: $since) { totalCount edges { node { kind by subject { __typename id } event { ... on AttachmentEvent { id status credit { id } } } } } } }`,
      { since },
    );
    expect(result.data!.changes).toEqual({
      totalCount: 3,
      edges: [
        {
          node: {
            kind: 'CREATED',
            by: 'newsdesk',
            subject: { __typename: 'Person', id: personId },
            event: null,
          },
        },
        {
          node: {
            kind: 'CREATED',
            by: 'newsdesk',
            subject: { __typename: 'Credit', id: creditId },
            event: null,
          },
        },
        {
          node: {
            kind: 'RECORDED',
            by: 'newsdesk',
            subject: { __typename: 'AttachmentEvent', id: eventId },
            event: { id: eventId, status: 'IN_TALKS', credit: { id: creditId } },
          },
        },
      ],
    });
  });

  test('credit.history holds the event with its source', async () => {
    const result = await server.execute(
      `query History($id: ID!) { node(id: $id) { ... on Credit { history { id status recordedBy retracted source { url title publishedOn } } } } }`,
      { id: creditId },
    );
    expect(result).toEqual({
      data: {
        node: {
          history: [
            { id: eventId, status: 'IN_TALKS', recordedBy: 'newsdesk', retracted: false, source },
          ],
        },
      },
    });
  });

  test('as of a day before the report, the credit did not exist', async () => {
    const result = await server.execute<{ film: { credits: { id: string }[] } }>(
      `query Before($slug: String!) { film(slug: $slug) { credits(asOf: "2026-03-09") { id } } }`,
      { slug: SEED.films.extraction3 },
    );
    expect(result.data!.film.credits.map((credit) => credit.id)).not.toContain(creditId);
    const attachments = await server.execute<{ attachments: { totalCount: number } }>(
      `query Before($film: ID!) { attachments(filter: { film: $film, statuses: [IN_TALKS] }, asOf: "2026-03-09") { totalCount } }`,
      { film: extraction3 },
    );
    expect(attachments.data!.attachments.totalCount).toBe(0);
  });

  test('sending the same report again returns the same event and writes nothing', async () => {
    const before = await countRows(server.dataSource, 'credit', 'attachment_event', 'source');
    const result = await server.execute<Recorded>(
      RECORD,
      {
        input: {
          film: extraction3,
          person: personId,
          role: 'DIRECTOR',
          status: 'IN_TALKS',
          confidence: 'TRADE_REPORTED',
          effectiveDate: '2026-03-10',
          source,
          // The same details too: a resend without the quote would be REPORT_CONFLICT (issue 13).
          quote: 'in early talks to direct',
        },
      },
      { apiKey: key },
    );
    expect(result.data!.recordAttachment).toMatchObject({
      duplicate: true,
      credit: { id: creditId },
      event: { id: eventId },
    });
    expect(await countRows(server.dataSource, 'credit', 'attachment_event', 'source')).toEqual(
      before,
    );
  });

  test('a later report with the same source (by URL) moves the status on and reuses the source', async () => {
    const sources = await countRows(server.dataSource, 'source');
    const result = await server.execute<Recorded>(
      RECORD,
      {
        input: {
          film: extraction3,
          person: personId,
          role: 'DIRECTOR',
          status: 'ATTACHED',
          confidence: 'TRADE_REPORTED',
          effectiveDate: '2026-04-01',
          source: { ...source, title: 'A different title is not a different source' },
        },
      },
      { apiKey: key },
    );
    expect(result.data!.recordAttachment).toMatchObject({
      duplicate: false,
      credit: { id: creditId, status: 'ATTACHED' },
    });
    expect(await countRows(server.dataSource, 'source')).toEqual(sources);
  });
});

describe('retraction', () => {
  test('a retracted event no longer counts for status but stays in history, and the feed shows the retraction', async () => {
    const since = new Date().toISOString();
    const personId = await createPerson('Rumoured Actor');
    const report = (status: string, effectiveDate: string, url: string) =>
      server.execute<Recorded>(
        RECORD,
        {
          input: {
            film: extraction3,
            person: personId,
            role: 'CAST',
            status,
            confidence: 'SPECULATIVE',
            effectiveDate,
            source: { url, title: 'A rumour' },
          },
        },
        { apiKey: key },
      );
    const rumor = await report('RUMORED', '2026-05-01', 'https://example.com/rumor');
    const denial = await report('CONFIRMED', '2026-05-02', 'https://example.com/wrong');
    const creditId = rumor.data!.recordAttachment.credit.id;
    expect(denial.data!.recordAttachment.credit.status).toBe('CONFIRMED');

    const retracted = await server.execute(
      `mutation Retract($id: ID!) {
        retractEvent(input: { event: $id, reason: "The outlet corrected its report." }) { event {
          ... on AttachmentEvent { status retracted retractionReason retractedBy }} } }`,
      { id: denial.data!.recordAttachment.event.id },
      { apiKey: key },
    );
    expect(retracted).toEqual({
      data: {
        retractEvent: {
          event: {
            status: 'CONFIRMED',
            retracted: true,
            retractionReason: 'The outlet corrected its report.',
            retractedBy: 'newsdesk',
          },
        },
      },
    });

    const credit = await server.execute(
      `query Credit($id: ID!) { node(id: $id) { ... on Credit { status isConfirmed history { status retracted } } } }`,
      { id: creditId },
    );
    expect(credit).toEqual({
      data: {
        node: {
          status: 'RUMORED',
          isConfirmed: false,
          history: [
            { status: 'RUMORED', retracted: false },
            { status: 'CONFIRMED', retracted: true },
          ],
        },
      },
    });

    const feed = await server.execute<{ changes: { edges: { node: { kind: string } }[] } }>(
      `query Feed($since: DateTime!) { changes(since: $since) { edges { node { kind } } } }`,
      { since },
    );
    expect(feed.data!.changes.edges.map((edge) => edge.node.kind)).toEqual([
      'CREATED',
      'CREATED',
      'RECORDED',
      'RECORDED',
      'RETRACTED',
    ]);

    const again = await server.execute(
      `mutation Retract($id: ID!) { retractEvent(input: { event: $id, reason: "Twice." }) { event { ... on AttachmentEvent { retractionReason } } } }`,
      { id: denial.data!.recordAttachment.event.id },
      { apiKey: key },
    );
    expect(again).toEqual({
      data: { retractEvent: { event: { retractionReason: 'The outlet corrected its report.' } } },
    });
  });

  test('retracting a production event changes the film’s status back', async () => {
    const film = await server.execute<{ createFilm: { film: { id: string } } }>(
      `mutation CreateRetractionTestFilm { createFilm(input: { title: "Retraction Test Film" }) { film { id } } }`,
      undefined,
      { apiKey: key },
    );
    const id = film.data!.createFilm.film.id;
    const record = (status: string, effectiveDate: string) =>
      server.execute<{ recordProductionStatus: { event: { id: string } } }>(
        `mutation P($film: ID!, $status: ProductionStatus!, $date: Date!) {
          recordProductionStatus(input: { film: $film, status: $status, effectiveDate: $date, confidence: OFFICIAL,
            source: { url: "https://example.com/production", title: "Production news" } }) { event { id } } }`,
        { film: id, status, date: effectiveDate },
        { apiKey: key },
      );
    await record('ANNOUNCED', '2026-01-01');
    const wrong = await record('CANCELED', '2026-02-01');
    await server.execute(
      `mutation R($id: ID!) { retractEvent(input: { event: $id, reason: "Not canceled after all." }) { __typename } }`,
      { id: wrong.data!.recordProductionStatus.event.id },
      { apiKey: key },
    );
    const result = await server.execute(
      `query S($id: ID!) { node(id: $id) { ... on Film { status productionHistory { status: productionStatus retracted } } } }`,
      { id },
    );
    expect(result).toEqual({
      data: {
        node: {
          status: 'ANNOUNCED',
          productionHistory: [
            { status: 'ANNOUNCED', retracted: false },
            { status: 'CANCELED', retracted: true },
          ],
        },
      },
    });
  });
});

describe('the changes feed', () => {
  test('pages oldest first with keyset cursors and no gaps or repeats', async () => {
    // Since the seed, so that one page of 100 holds everything written by the tests.
    const since = seeded;
    const all = await server.execute<{
      changes: { totalCount: number; edges: { cursor: string; node: { at: string } }[] };
    }>(
      `query All($since: DateTime!) { changes(since: $since, first: 100) { totalCount edges { cursor node { at } } } }`,
      { since },
    );
    expect(all.data!.changes.totalCount).toBeGreaterThan(7);
    const everything = all.data!.changes.edges;
    expect(everything.length).toBe(all.data!.changes.totalCount);
    const ats = everything.map((edge) => edge.node.at);
    expect([...ats].sort()).toEqual(ats);

    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: {
        data?: {
          changes: {
            edges: { cursor: string }[];
            pageInfo: { hasNextPage: boolean; endCursor: string };
          };
        } | null;
      } = await server.execute(
        `query Page($since: DateTime!, $after: String) {
            changes(since: $since, first: 7, after: $after) { edges { cursor } pageInfo { hasNextPage endCursor } } }`,
        { since, after },
      );
      seen.push(...page.data!.changes.edges.map((edge) => edge.cursor));
      if (!page.data!.changes.pageInfo.hasNextPage) break;
      after = page.data!.changes.pageInfo.endCursor;
    }
    expect(seen).toEqual(everything.map((edge) => edge.cursor));
  });

  test('a cursor of another connection is BAD_USER_INPUT', async () => {
    const result = await server.execute(
      `query ChangesAfterOldCursor { changes(since: "2020-01-01T00:00:00Z", after: "WzFd") { totalCount } }`,
    );
    expect(result.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  test('a cursor from before the feed was ordered by commit (instant first) is BAD_USER_INPUT', async () => {
    const old = Buffer.from(JSON.stringify(['2026-01-01T00:00:00.000Z', 0, 1, 2])).toString(
      'base64url',
    );
    const result = await server.execute(
      `query Old($after: String!) { changes(since: "2020-01-01T00:00:00Z", after: $after) { totalCount } }`,
      { after: old },
    );
    expect(result.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
