import { SEED } from '../../seeds/seed';
import { newApiKey } from '../support/editor';
import { createTestServer, type TestServer } from '../support/test-server';

// The rules of src/credit/credit.status.ts through the API: which event is in force for a credit on a
// day, whether it comes from the history a list read (film credits) or from the credit's events
// (attachments, node), and how a list's asOf and filter select credits.

let server: TestServer;
let key: string;
let film: string;
/** A composer: IN_TALKS on 2026-01-10, CONFIRMED on 2026-02-01. */
let composer: { credit: string; talks: string; confirmed: string };
/** A cinematographer whose only report, ATTACHED on 2026-01-10, was retracted. */
let retractedCredit: string;

const RECORD = `
  mutation Record($input: RecordAttachmentInput!) {
    recordAttachment(input: $input) { credit { id } event { id } }
  }`;

async function record(person: string, role: string, status: string, effectiveDate: string) {
  const result = await server.execute<{
    recordAttachment: { credit: { id: string }; event: { id: string } };
  }>(
    RECORD,
    {
      input: {
        film,
        person,
        role,
        status,
        effectiveDate,
        confidence: 'TRADE_REPORTED',
        source: {
          url: `https://example.com/${role}/${status}`,
          title: `${role} ${status}`,
          publishedOn: effectiveDate,
        },
      },
    },
    { apiKey: key },
  );
  expect(result.errors).toBeUndefined();
  return {
    credit: result.data!.recordAttachment.credit.id,
    event: result.data!.recordAttachment.event.id,
  };
}

async function createPerson(name: string): Promise<string> {
  const result = await server.execute<{ createPerson: { person: { id: string } } }>(
    `mutation Person($name: String!) { createPerson(input: { name: $name }) { person { id } } }`,
    { name },
    { apiKey: key },
  );
  return result.data!.createPerson.person.id;
}

beforeAll(async () => {
  server = await createTestServer();
  key = await newApiKey(server.dataSource, 'newsdesk');
  const found = await server.execute<{ film: { id: string } }>(
    `query Id($slug: String!) { film(slug: $slug) { id } }`,
    { slug: SEED.films.extraction3 },
  );
  film = found.data!.film.id;

  const composerId = await createPerson('Test Composer');
  const talks = await record(composerId, 'COMPOSER', 'IN_TALKS', '2026-01-10');
  const confirmed = await record(composerId, 'COMPOSER', 'CONFIRMED', '2026-02-01');
  composer = { credit: talks.credit, talks: talks.event, confirmed: confirmed.event };

  const dpId = await createPerson('Test Cinematographer');
  const attached = await record(dpId, 'CINEMATOGRAPHER', 'ATTACHED', '2026-01-10');
  retractedCredit = attached.credit;
  const retracted = await server.execute(
    `mutation Retract($id: ID!) { retractEvent(input: { event: $id, reason: "Wrong film." }) { __typename } }`,
    { id: attached.event },
    { apiKey: key },
  );
  expect(retracted.errors).toBeUndefined();
});
afterAll(() => server.close());

const FILM_CREDITS = `
  query NewCredits($slug: String!, $asOf: Date, $filter: CreditFilter) {
    film(slug: $slug) {
      credits(asOf: $asOf, filter: $filter) {
        id status(asOf: $asOf) isConfirmed(asOf: $asOf) latestEvent(asOf: $asOf) { id }
      }
    }
  }`;

async function filmCredits(asOf: string | null, filter: Record<string, unknown> = {}) {
  const result = await server.execute<{ film: { credits: unknown[] } }>(FILM_CREDITS, {
    slug: SEED.films.extraction3,
    asOf,
    filter: { roles: ['COMPOSER', 'CINEMATOGRAPHER'], ...filter },
  });
  expect(result.errors).toBeUndefined();
  return result.data!.film.credits;
}

describe('a film’s credits', () => {
  test('today leave out a credit whose only report was retracted (what is all retracted is not current)', async () => {
    expect(await filmCredits(null)).toEqual([
      {
        id: composer.credit,
        status: 'CONFIRMED',
        isConfirmed: true,
        latestEvent: { id: composer.confirmed },
      },
    ]);
  });

  test('as of a day leave out a credit with no report in force, and answer for that day', async () => {
    expect(await filmCredits('2026-01-09')).toEqual([]);
    expect(await filmCredits('2026-01-10')).toEqual([
      {
        id: composer.credit,
        status: 'IN_TALKS',
        isConfirmed: false,
        latestEvent: { id: composer.talks },
      },
    ]);
    expect(await filmCredits('2026-02-01')).toEqual([
      {
        id: composer.credit,
        status: 'CONFIRMED',
        isConfirmed: true,
        latestEvent: { id: composer.confirmed },
      },
    ]);
  });

  test('filtered by status or by confirmed, a credit all retracted matches no filter', async () => {
    const ids = async (asOf: string | null, filter: Record<string, unknown>) =>
      (await filmCredits(asOf, filter)).map((credit) => (credit as { id: string }).id);
    expect(await ids(null, { statuses: ['CONFIRMED', 'ATTACHED'] })).toEqual([composer.credit]);
    expect(await ids(null, { statuses: [] })).toEqual([composer.credit]);
    expect(await ids(null, { confirmed: false })).toEqual([]);
    expect(await ids(null, { confirmed: true })).toEqual([composer.credit]);
    expect(await ids('2026-01-10', { confirmed: false })).toEqual([composer.credit]);
    expect(await ids('2026-01-10', { confirmed: true })).toEqual([]);
    expect(await ids('2026-01-10', { statuses: ['IN_TALKS'], roles: ['COMPOSER'] })).toEqual([
      composer.credit,
    ]);
    expect(await ids('2026-01-10', { roles: ['CINEMATOGRAPHER'] })).toEqual([]);
    expect(await ids(null, { roles: ['CINEMATOGRAPHER'] })).toEqual([]);
  });

  test('a person’s and a character’s credits follow the same rule', async () => {
    const result = await server.execute(
      `query Filmography($id: ID!) {
        node(id: $id) { ... on Credit { person {
          now: credits { status }
          then: credits(asOf: "2026-01-10") { status(asOf: "2026-01-10") today: status }
          before: credits(asOf: "2026-01-09") { status }
        } } }
      }`,
      { id: composer.credit },
    );
    expect(result).toEqual({
      data: {
        node: {
          person: {
            now: [{ status: 'CONFIRMED' }],
            then: [{ status: 'IN_TALKS', today: 'CONFIRMED' }],
            before: [],
          },
        },
      },
    });
  });
});

describe('a credit read without its history (attachments, node)', () => {
  test('answers status, isConfirmed and latestEvent for the day of the field, never of the list', async () => {
    const result = await server.execute(
      `query Composer($film: ID!) {
        attachments(filter: { film: $film, roles: [COMPOSER] }, asOf: "2026-01-10") {
          edges { node {
            status isConfirmed latestEvent { id }
            later: status(asOf: "2026-02-01") laterConfirmed: isConfirmed(asOf: "2026-02-01")
            laterEvent: latestEvent(asOf: "2026-02-01") { id }
            earlier: status(asOf: "2026-01-09") earlierConfirmed: isConfirmed(asOf: "2026-01-09")
            earlierEvent: latestEvent(asOf: "2026-01-09") { id }
          } }
        }
      }`,
      { film },
    );
    expect(result).toEqual({
      data: {
        attachments: {
          edges: [
            {
              node: {
                status: 'CONFIRMED',
                isConfirmed: true,
                latestEvent: { id: composer.confirmed },
                later: 'CONFIRMED',
                laterConfirmed: true,
                laterEvent: { id: composer.confirmed },
                earlier: null,
                earlierConfirmed: false,
                earlierEvent: null,
              },
            },
          ],
        },
      },
    });
  });

  test('by id, answers for today unless the field names a day', async () => {
    const result = await server.execute(
      `query ById($composer: ID!, $retracted: ID!) {
        composer: node(id: $composer) { ... on Credit { status isConfirmed latestEvent { id } then: status(asOf: "2026-01-31") thenEvent: latestEvent(asOf: "2026-01-31") { id } } }
        retracted: node(id: $retracted) { ... on Credit { status isConfirmed latestEvent { id } } }
      }`,
      { composer: composer.credit, retracted: retractedCredit },
    );
    expect(result).toEqual({
      data: {
        composer: {
          status: 'CONFIRMED',
          isConfirmed: true,
          latestEvent: { id: composer.confirmed },
          then: 'IN_TALKS',
          thenEvent: { id: composer.talks },
        },
        retracted: { status: null, isConfirmed: false, latestEvent: null },
      },
    });
  });
});
