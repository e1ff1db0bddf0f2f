import type { EntityTarget, ObjectLiteral } from 'typeorm';
import { AttachmentEvent } from '../../src/credit/attachment-event.entity';
import { toGlobalId } from '../../src/graphql/relay/global-id';
import { FilmRelationEvent } from '../../src/film/film-relation.entity';
import { ProductionEvent } from '../../src/film/production-event.entity';
import { insertRow, localId, newsdesk } from '../support/newsdesk';
import { createTestServer, type TestServer } from '../support/test-server';

// The rule: of the events effective on one day, the one in force is the newest by `recordedAt`, then
// the one with the highest id; `history` lists events oldest first in that same order. The API
// records events in id order with the clock, so the events below are written straight into the
// tables, with ids and `recordedAt` that disagree, and in an insertion (physical) order that puts the
// winner first: neither the row order nor the ids alone give the right answer.

const SAME_DAY = '2021-05-05';
const EARLIER = '2021-05-06T09:00:00.000Z';
const LATER = '2021-05-06T10:00:00.000Z';
const SAME_INSTANT = '2021-05-06T12:00:00.000Z';

let server: TestServer;
let film: string;
let filmTwo: string;
let byRecordedAt: string;
let byId: string;
let writer: string;
let directorRumor: string;

/** An event row as the API would have written it, apart from its id and `recordedAt`. */
const eventRow = (sourceId: number, id: number, effectiveDate: string, recordedAt: string) => ({
  id,
  effectiveDate,
  recordedAt,
  sourceId,
  confidence: 'TRADE_REPORTED',
  quote: null,
  speakerId: null,
  recordedSeq: 0,
  recordedBy: 'tie-break',
  retracted: false,
  retractionReason: null,
  retractedAt: null,
  retractedBy: null,
  retractedSeq: null,
});

beforeAll(async () => {
  server = await createTestServer();
  const desk = await newsdesk(server);
  film = await desk.film('Tie Break Film');
  filmTwo = await desk.film('Tie Break Film Two');
  writer = await desk.person('Tia Recorded');
  const director = await desk.person('Tom Ident');
  const first = await desk.report({
    film,
    person: writer,
    role: 'WRITER',
    status: 'RUMORED',
    effectiveDate: '2021-01-01',
  });
  byRecordedAt = first.credit;
  ({ credit: byId, event: directorRumor } = await desk.report({
    film,
    person: director,
    role: 'DIRECTOR',
    status: 'RUMORED',
    effectiveDate: '2021-01-01',
  }));
  const relation = await desk.relate(film, filmTwo, 'FOLLOW_UP', '2021-01-01');

  const { sourceId } = await server.dataSource
    .getRepository(AttachmentEvent)
    .findOneByOrFail({ id: localId(first.event) });
  const insert = <T extends ObjectLiteral>(entity: EntityTarget<T>, rows: Partial<T>[]) =>
    rows.reduce(
      (done, row) => done.then(() => insertRow(server.dataSource, entity, row)),
      Promise.resolve(),
    );
  const credit = (id: string) => ({ creditId: localId(id) });
  await insert(AttachmentEvent, [
    // Recorded later, lower id, inserted first: in force.
    {
      ...eventRow(sourceId, 900_001, SAME_DAY, LATER),
      ...credit(byRecordedAt),
      status: 'EXPECTED',
    },
    {
      ...eventRow(sourceId, 900_002, SAME_DAY, EARLIER),
      ...credit(byRecordedAt),
      status: 'ATTACHED',
    },
    // Effective before everything else, inserted last with the highest id: first in history.
    {
      ...eventRow(sourceId, 900_003, '2020-12-01', EARLIER),
      ...credit(byRecordedAt),
      status: 'IN_TALKS',
    },
    // Recorded at the same instant: the higher id, inserted first, is in force.
    {
      ...eventRow(sourceId, 900_012, SAME_DAY, SAME_INSTANT),
      ...credit(byId),
      status: 'CONFIRMED',
    },
    { ...eventRow(sourceId, 900_011, SAME_DAY, SAME_INSTANT), ...credit(byId), status: 'ATTACHED' },
  ] as Partial<AttachmentEvent>[]);
  const filmId = { filmId: localId(film) };
  const filmTwoId = { filmId: localId(filmTwo) };
  await insert(ProductionEvent, [
    { ...eventRow(sourceId, 900_021, SAME_DAY, LATER), ...filmId, status: 'IN_PRODUCTION' },
    { ...eventRow(sourceId, 900_022, SAME_DAY, EARLIER), ...filmId, status: 'PRE_PRODUCTION' },
    {
      ...eventRow(sourceId, 900_032, SAME_DAY, SAME_INSTANT),
      ...filmTwoId,
      status: 'POST_PRODUCTION',
    },
    {
      ...eventRow(sourceId, 900_031, SAME_DAY, SAME_INSTANT),
      ...filmTwoId,
      status: 'IN_PRODUCTION',
    },
  ] as Partial<ProductionEvent>[]);
  const relationId = { relationId: localId(relation.relation) };
  await insert(FilmRelationEvent, [
    { ...eventRow(sourceId, 900_041, SAME_DAY, LATER), ...relationId, kind: 'SEQUEL' },
    { ...eventRow(sourceId, 900_042, SAME_DAY, EARLIER), ...relationId, kind: 'PREQUEL' },
  ] as Partial<FilmRelationEvent>[]);
});
afterAll(() => server.close());

const BY_RECORDED_AT = {
  person: { name: 'Tia Recorded' },
  status: 'EXPECTED',
  isConfirmed: false,
  onTheDay: 'EXPECTED',
  latestEvent: { status: 'EXPECTED', recordedAt: LATER },
};
const BY_ID = {
  person: { name: 'Tom Ident' },
  status: 'CONFIRMED',
  isConfirmed: true,
  onTheDay: 'CONFIRMED',
  latestEvent: { status: 'CONFIRMED', recordedAt: SAME_INSTANT },
};

describe('of two events on one day, the newest recorded counts, then the highest id', () => {
  test('a film’s credits, a person’s credits and attachments agree on the status in force, today and on the day', async () => {
    const result = await server.execute(
      `query TiesInLists($film: ID!, $writer: ID!) {
        film(id: $film) {
          credits { ...InForce }
          onTheDay: credits(asOf: "${SAME_DAY}") { ...InForce }
        }
        person(id: $writer) { credits { ...InForce } }
        attachments(filter: { film: $film }) { edges { node { ...InForce } } }
        onTheDay: attachments(asOf: "${SAME_DAY}", filter: { film: $film }) { edges { node { ...InForce } } }
      }
      fragment InForce on Credit {
        person { name }
        status
        isConfirmed
        onTheDay: status(asOf: "${SAME_DAY}")
        latestEvent { status recordedAt }
      }`,
      { film, writer },
    );
    // The film lists by role (DIRECTOR first); attachments in the order the credits were recorded.
    const attachments = { edges: [{ node: BY_RECORDED_AT }, { node: BY_ID }] };
    expect(result).toEqual({
      data: {
        film: { credits: [BY_ID, BY_RECORDED_AT], onTheDay: [BY_ID, BY_RECORDED_AT] },
        person: { credits: [BY_RECORDED_AT] },
        attachments,
        onTheDay: attachments,
      },
    });
  });

  test('through node, each credit answers the status in force', async () => {
    const result = await server.execute(
      `query TiesThroughNode($byRecordedAt: ID!, $byId: ID!) {
        byRecordedAt: node(id: $byRecordedAt) { ...InForce }
        byId: node(id: $byId) { ...InForce }
      }
      fragment InForce on Credit {
        person { name }
        status
        isConfirmed
        onTheDay: status(asOf: "${SAME_DAY}")
        latestEvent { status recordedAt }
      }`,
      { byRecordedAt, byId },
    );
    expect(result).toEqual({ data: { byRecordedAt: BY_RECORDED_AT, byId: BY_ID } });
  });

  test('the statuses and confirmed filters match the status in force, never the one it beat', async () => {
    const result = await server.execute(
      `query TiesInFilters($film: ID!) {
        film(id: $film) {
          expected: credits(filter: { statuses: [EXPECTED] }) { person { name } }
          attached: credits(filter: { statuses: [ATTACHED] }) { person { name } }
          confirmed: credits(filter: { confirmed: true }) { person { name } }
          notConfirmed: credits(filter: { confirmed: false }) { person { name } }
        }
        expected: attachments(filter: { film: $film, statuses: [EXPECTED] }) { ...Names }
        attached: attachments(filter: { film: $film, statuses: [ATTACHED] }) { ...Names }
        attachedOnTheDay: attachments(asOf: "${SAME_DAY}", filter: { film: $film, statuses: [ATTACHED] }) {
          ...Names
        }
        confirmed: attachments(filter: { film: $film, confirmed: true }) { ...Names }
        notConfirmed: attachments(filter: { film: $film, confirmed: false }) { ...Names }
      }
      fragment Names on CreditConnection { edges { node { person { name } } } }`,
      { film },
    );
    const tia = { person: { name: 'Tia Recorded' } };
    const tom = { person: { name: 'Tom Ident' } };
    const page = (...nodes: unknown[]) => ({ edges: nodes.map((node) => ({ node })) });
    expect(result).toEqual({
      data: {
        film: { expected: [tia], attached: [], confirmed: [tom], notConfirmed: [tia] },
        expected: page(tia),
        attached: page(),
        attachedOnTheDay: page(),
        confirmed: page(tom),
        notConfirmed: page(tia),
      },
    });
  });

  test('films(filter: { statuses }) and a film’s status take the production event in force', async () => {
    const result = await server.execute(
      `query TiesInFilms($film: ID!, $filmTwo: ID!) {
        inProduction: films(filter: { titleContains: "Tie Break", statuses: [IN_PRODUCTION] }) { ...Titles }
        preProduction: films(filter: { titleContains: "Tie Break", statuses: [PRE_PRODUCTION] }) { ...Titles }
        postProduction: films(filter: { titleContains: "Tie Break", statuses: [POST_PRODUCTION] }) { ...Titles }
        film(id: $film) { status onTheDay: status(asOf: "${SAME_DAY}") }
        filmTwo: film(id: $filmTwo) { status onTheDay: status(asOf: "${SAME_DAY}") }
      }
      fragment Titles on FilmConnection { edges { node { title } } }`,
      { film, filmTwo },
    );
    expect(result).toEqual({
      data: {
        inProduction: { edges: [{ node: { title: 'Tie Break Film' } }] },
        preProduction: { edges: [] },
        postProduction: { edges: [{ node: { title: 'Tie Break Film Two' } }] },
        film: { status: 'IN_PRODUCTION', onTheDay: 'IN_PRODUCTION' },
        filmTwo: { status: 'POST_PRODUCTION', onTheDay: 'POST_PRODUCTION' },
      },
    });
  });

  test('a relation’s kind is the one recorded last on the day', async () => {
    const result = await server.execute(
      `query TiesInRelations($film: ID!) {
        film(id: $film) { followedBy { kind onTheDay: kind(asOf: "${SAME_DAY}") } }
      }`,
      { film },
    );
    expect(result).toEqual({
      data: { film: { followedBy: [{ kind: 'SEQUEL', onTheDay: 'SEQUEL' }] } },
    });
  });
});

describe('history is oldest first, with same-day events in the order of the rule', () => {
  test('credit, production and relation histories are sorted by day, then recordedAt, then id', async () => {
    const result = await server.execute(
      `query TiedHistories($film: ID!, $filmTwo: ID!, $byRecordedAt: ID!, $byId: ID!) {
        byRecordedAt: node(id: $byRecordedAt) { ... on Credit { history { status effectiveDate recordedAt } } }
        byId: node(id: $byId) { ... on Credit { history { id status effectiveDate } } }
        film(id: $film) {
          credits(filter: { roles: [WRITER] }) { history { status } }
          productionHistory { status: productionStatus recordedAt }
          followedBy { history { kind: relationKind effectiveDate } }
        }
        filmTwo: film(id: $filmTwo) { productionHistory { id status: productionStatus } }
      }`,
      { film, filmTwo, byRecordedAt, byId },
    );
    const data = result.data as { byRecordedAt: { history: { recordedAt: string }[] } };
    expect(result).toEqual({
      data: {
        byRecordedAt: {
          history: [
            { status: 'IN_TALKS', effectiveDate: '2020-12-01', recordedAt: EARLIER },
            {
              status: 'RUMORED',
              effectiveDate: '2021-01-01',
              recordedAt: data.byRecordedAt.history[1].recordedAt,
            },
            { status: 'ATTACHED', effectiveDate: SAME_DAY, recordedAt: EARLIER },
            { status: 'EXPECTED', effectiveDate: SAME_DAY, recordedAt: LATER },
          ],
        },
        byId: {
          history: [
            { id: directorRumor, status: 'RUMORED', effectiveDate: '2021-01-01' },
            {
              id: toGlobalId('AttachmentEvent', 900_011),
              status: 'ATTACHED',
              effectiveDate: SAME_DAY,
            },
            {
              id: toGlobalId('AttachmentEvent', 900_012),
              status: 'CONFIRMED',
              effectiveDate: SAME_DAY,
            },
          ],
        },
        film: {
          credits: [
            {
              history: [
                { status: 'IN_TALKS' },
                { status: 'RUMORED' },
                { status: 'ATTACHED' },
                { status: 'EXPECTED' },
              ],
            },
          ],
          productionHistory: [
            { status: 'PRE_PRODUCTION', recordedAt: EARLIER },
            { status: 'IN_PRODUCTION', recordedAt: LATER },
          ],
          followedBy: [
            {
              history: [
                { kind: 'FOLLOW_UP', effectiveDate: '2021-01-01' },
                { kind: 'PREQUEL', effectiveDate: SAME_DAY },
                { kind: 'SEQUEL', effectiveDate: SAME_DAY },
              ],
            },
          ],
        },
        filmTwo: {
          productionHistory: [
            { id: toGlobalId('ProductionEvent', 900_031), status: 'IN_PRODUCTION' },
            { id: toGlobalId('ProductionEvent', 900_032), status: 'POST_PRODUCTION' },
          ],
        },
      },
    });
  });
});
