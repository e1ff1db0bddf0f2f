import { SEED } from '../../seeds/seed';
import { ApiKeyRole } from '../../src/auth/roles';
import { newApiKey } from '../support/editor';
import { GraphqlHttpClient } from '../support/graphql-http';
import { createTestServer, type TestServer } from '../support/test-server';

// The correction workflow of issue 13, replayed over real HTTP with an editor key and an admin key.

let server: TestServer;
const client = new GraphqlHttpClient();
const { post, ok, refused } = client;
let adminKey: string;
let extraction3: string;
let extraction2: string;

const FILM_ID = `query FilmId($slug: String!) { film(slug: $slug) { id } }`;

beforeAll(async () => {
  server = await createTestServer();
  client.url = await server.listen();
  client.key = await newApiKey(server.dataSource, 'corrections-desk');
  adminKey = await newApiKey(server.dataSource, 'corrections-admin', ApiKeyRole.ADMIN);
  extraction3 = (await ok<{ film: { id: string } }>(FILM_ID, { slug: SEED.films.extraction3 })).film
    .id;
  extraction2 = (await ok<{ film: { id: string } }>(FILM_ID, { slug: SEED.films.extraction2 })).film
    .id;
});
afterAll(() => server.close());

const RECORD = `
  mutation Record($input: RecordAttachmentInput!) {
    recordAttachment(input: $input) {
      duplicate
      credit { id job status }
      event { id status confidence retracted }
      source { id url title kind }
    }
  }`;

type Recorded = {
  recordAttachment: {
    duplicate: boolean;
    credit: { id: string; job: string | null; status: string | null };
    event: { id: string; status: string; confidence: string; retracted: boolean };
    source: { id: string; url: string | null; title: string; kind: string };
  };
};

const CREATE_PERSON = `mutation CreatePerson($name: String!) { createPerson(input: { name: $name }) { person { id slug } } }`;
const RETRACT = `mutation Retract($id: ID!) { retractEvent(input: { event: $id, reason: "The outlet corrected its report." }) { event { ... on AttachmentEvent { id retracted } ... on FilmRelationEvent { id retracted } } } }`;
const FILM_CREDITS = `
  query FilmCredits($slug: String!) {
    film(slug: $slug) { credits(filter: { roles: [WRITER] }) { id person { name } status job } }
  }`;

const article = {
  url: 'https://example.com/trades/extraction-3-writer',
  title: 'A writer is in talks for Extraction 3',
  publishedOn: '2026-03-10',
};

describe('a journalist corrects a report', () => {
  let person: string;
  let creditId: string;
  let firstEvent: string;
  let secondEvent: string;
  let correctedEvent: string;
  let since: string;
  const report = () => ({
    film: extraction3,
    person,
    role: 'WRITER',
    job: 'screenplay',
    status: 'IN_TALKS',
    confidence: 'TRADE_REPORTED',
    effectiveDate: '2026-03-10',
    source: article,
  });

  beforeAll(async () => {
    since = new Date().toISOString();
    person = (
      await ok<{ createPerson: { person: { id: string } } }>(CREATE_PERSON, { name: 'Ima Writer' })
    ).createPerson.person.id;
  });

  test('the first report is recorded', async () => {
    const { recordAttachment } = await ok<Recorded>(RECORD, { input: report() });
    expect(recordAttachment).toMatchObject({
      duplicate: false,
      credit: { job: 'screenplay', status: 'IN_TALKS' },
      event: { status: 'IN_TALKS', confidence: 'TRADE_REPORTED', retracted: false },
      source: { url: article.url, title: article.title, kind: 'ARTICLE' },
    });
    creditId = recordAttachment.credit.id;
    firstEvent = recordAttachment.event.id;
  });

  test('once retracted, the credit whose only event it was leaves film.credits but keeps its history', async () => {
    expect(await ok(RETRACT, { id: firstEvent })).toEqual({
      retractEvent: { event: { id: firstEvent, retracted: true } },
    });
    const credits = await ok<{ film: { credits: { id: string }[] } }>(FILM_CREDITS, {
      slug: SEED.films.extraction3,
    });
    expect(credits.film.credits.map((credit) => credit.id)).not.toContain(creditId);
    expect(
      await ok(
        `query Credit($id: ID!) { node(id: $id) { ... on Credit { id status history { id retracted } } } }`,
        { id: creditId },
      ),
    ).toEqual({
      node: { id: creditId, status: null, history: [{ id: firstEvent, retracted: true }] },
    });
    const filmography = await ok<{ node: { credits: { id: string }[] } }>(
      `query Filmography($id: ID!) { node(id: $id) { ... on Person { credits { id } } } }`,
      { id: person },
    );
    expect(filmography.node.credits).toEqual([]);
  });

  test('the same report sent again after the retraction is recorded anew', async () => {
    const { recordAttachment } = await ok<Recorded>(RECORD, { input: report() });
    expect(recordAttachment).toMatchObject({
      duplicate: false,
      credit: { id: creditId, status: 'IN_TALKS' },
      event: { status: 'IN_TALKS', retracted: false },
    });
    expect(recordAttachment.event.id).not.toBe(firstEvent);
    secondEvent = recordAttachment.event.id;
    // And once more, unchanged: a duplicate of the event in force.
    const again = await ok<Recorded>(RECORD, { input: report() });
    expect(again.recordAttachment).toMatchObject({ duplicate: true, event: { id: secondEvent } });
  });

  test('the same report with another confidence is REPORT_CONFLICT naming the stored event', async () => {
    const extensions = await refused(RECORD, { input: { ...report(), confidence: 'OFFICIAL' } });
    expect(extensions).toEqual({ code: 'REPORT_CONFLICT', existingEvent: secondEvent });
    const result = await post(RECORD, { input: { ...report(), confidence: 'OFFICIAL' } });
    expect(result.errors![0].message).toContain(
      'confidence "TRADE_REPORTED" is stored, "OFFICIAL" was sent',
    );
  });

  test('correctEvent retracts the event and records the corrected one, linked both ways', async () => {
    const result = await ok<{
      correctEvent: {
        corrected: {
          id: string;
          retracted: boolean;
          retractionReason: string;
          correctedBy: { id: string };
        };
        event: { id: string; confidence: string; status: string; corrects: { id: string } };
      };
    }>(
      `mutation Correct($input: CorrectEventInput!) {
        correctEvent(input: $input) {
          corrected { ... on AttachmentEvent { id retracted retractionReason correctedBy { id } } }
          event { ... on AttachmentEvent { id confidence status corrects { id } } }
        }
      }`,
      {
        input: {
          event: secondEvent,
          reason: 'It was announced officially.',
          confidence: 'OFFICIAL',
        },
      },
    );
    correctedEvent = result.correctEvent.event.id;
    expect(result.correctEvent).toEqual({
      corrected: {
        id: secondEvent,
        retracted: true,
        retractionReason: 'It was announced officially.',
        correctedBy: { id: correctedEvent },
      },
      event: {
        id: correctedEvent,
        confidence: 'OFFICIAL',
        status: 'IN_TALKS',
        corrects: { id: secondEvent },
      },
    });
    // Correcting it again is refused: it is retracted already.
    expect(
      await refused(
        `mutation CorrectAgain($input: CorrectEventInput!) { correctEvent(input: $input) { __typename } }`,
        { input: { event: secondEvent, reason: 'Twice.', confidence: 'SECONDARY' } },
      ),
    ).toEqual({ code: 'BAD_USER_INPUT', field: 'input.event' });
  });

  test('the retraction and the corrected event are in history and in changes', async () => {
    const history = await ok<{ node: { history: { id: string; retracted: boolean }[] } }>(
      `query History($id: ID!) { node(id: $id) { ... on Credit { history { id retracted } } } }`,
      { id: creditId },
    );
    expect(history.node.history).toEqual([
      { id: firstEvent, retracted: true },
      { id: secondEvent, retracted: true },
      { id: correctedEvent, retracted: false },
    ]);
    const feed = await ok<{
      changes: {
        edges: {
          node: { kind: string; subject: { __typename: string }; event: { id: string } | null };
        }[];
      };
    }>(
      `query Feed($since: DateTime!) {
        changes(since: $since, first: 100) {
          edges { node { kind subject { __typename } event { ... on AttachmentEvent { id } } } }
        }
      }`,
      { since },
    );
    expect(
      feed.changes.edges.map(({ node }) =>
        node.event ? [node.kind, node.event.id] : [node.kind, node.subject.__typename],
      ),
    ).toEqual([
      ['CREATED', 'Person'],
      ['CREATED', 'Credit'],
      ['RECORDED', firstEvent],
      ['RETRACTED', firstEvent],
      ['RECORDED', secondEvent],
      ['RETRACTED', secondEvent],
      ['RECORDED', correctedEvent],
    ]);
  });

  test('a follow-up without job lands on the same credit, which keeps its job', async () => {
    const { recordAttachment } = await ok<Recorded>(RECORD, {
      input: {
        film: extraction3,
        person,
        role: 'WRITER',
        status: 'ATTACHED',
        confidence: 'TRADE_REPORTED',
        effectiveDate: '2026-04-01',
        source: { ...article, url: `${article.url}-update`, title: 'The writer is attached' },
      },
    });
    expect(recordAttachment).toMatchObject({
      duplicate: false,
      credit: { id: creditId, job: 'screenplay', status: 'ATTACHED' },
    });
    const credits = await ok<{ film: { credits: { id: string; person: { name: string } }[] } }>(
      FILM_CREDITS,
      { slug: SEED.films.extraction3 },
    );
    expect(credits.film.credits.filter((credit) => credit.person.name === 'Ima Writer')).toEqual([
      { id: creditId, person: { name: 'Ima Writer' }, status: 'ATTACHED', job: 'screenplay' },
    ]);
  });

  test('a report can name the credit itself, and updateCredit changes its job', async () => {
    const { recordAttachment } = await ok<Recorded>(RECORD, {
      input: {
        credit: creditId,
        billingOrder: 1,
        status: 'CONFIRMED',
        confidence: 'OFFICIAL',
        effectiveDate: '2026-04-02',
        source: { ...article, url: `${article.url}-confirmed`, title: 'Confirmed' },
      },
    });
    expect(recordAttachment.credit).toEqual({
      id: creditId,
      job: 'screenplay',
      status: 'CONFIRMED',
    });
    const version = await ok<{ node: { version: number } }>(
      `query Version($id: ID!) { node(id: $id) { ... on Credit { version } } }`,
      { id: creditId },
    );
    const UPDATE = `mutation UpdateCredit($input: UpdateCreditInput!) { updateCredit(input: $input) { credit { id job billingOrder } } }`;
    expect(
      await ok(UPDATE, {
        input: { id: creditId, expectedVersion: version.node.version, job: 'screenplay (draft 2)' },
      }),
    ).toEqual({
      updateCredit: { credit: { id: creditId, job: 'screenplay (draft 2)', billingOrder: 1 } },
    });
    expect(
      await refused(UPDATE, {
        input: { id: creditId, expectedVersion: version.node.version, job: 'stale' },
      }),
    ).toMatchObject({ code: 'VERSION_CONFLICT' });
  });
});

describe('correctEvent works for every event kind', () => {
  test('a production status and a relation kind are corrected like a deal status', async () => {
    const CREATE = `mutation CreateFilm($title: String!) { createFilm(input: { title: $title }) { film { id } } }`;
    const a = (await ok<{ createFilm: { film: { id: string } } }>(CREATE, { title: 'Kind A' }))
      .createFilm.film.id;
    const b = (await ok<{ createFilm: { film: { id: string } } }>(CREATE, { title: 'Kind B' }))
      .createFilm.film.id;
    const report = {
      confidence: 'TRADE_REPORTED',
      effectiveDate: '2026-02-01',
      source: { url: 'https://example.com/kinds', title: 'Kinds' },
    };
    const production = await ok<{ recordProductionStatus: { event: { id: string } } }>(
      `mutation Status($input: RecordProductionStatusInput!) { recordProductionStatus(input: $input) { event { id } } }`,
      { input: { ...report, film: a, status: 'IN_PRODUCTION' } },
    );
    const relation = await ok<{ relateFilms: { relation: { history: { id: string }[] } } }>(
      `mutation Relate($input: RelateFilmsInput!) { relateFilms(input: $input) { relation { history { id } } } }`,
      { input: { ...report, from: a, to: b, kind: 'FOLLOW_UP' } },
    );
    const CORRECT = `mutation Correct($input: CorrectEventInput!) {
      correctEvent(input: $input) {
        event { __typename ... on ProductionEvent { status: productionStatus corrects { id } } ... on FilmRelationEvent { kind: relationKind corrects { id } } }
      }
    }`;
    const productionId = production.recordProductionStatus.event.id;
    expect(
      await ok(CORRECT, {
        input: {
          event: productionId,
          reason: 'Still in pre-production.',
          productionStatus: 'PRE_PRODUCTION',
        },
      }),
    ).toEqual({
      correctEvent: {
        event: {
          __typename: 'ProductionEvent',
          status: 'PRE_PRODUCTION',
          corrects: { id: productionId },
        },
      },
    });
    const relationEventId = relation.relateFilms.relation.history[0].id;
    expect(
      await ok(CORRECT, {
        input: {
          event: relationEventId,
          reason: 'Set after the first film.',
          relationKind: 'SEQUEL',
        },
      }),
    ).toEqual({
      correctEvent: {
        event: {
          __typename: 'FilmRelationEvent',
          kind: 'SEQUEL',
          corrects: { id: relationEventId },
        },
      },
    });
    // A value field of another kind is refused, naming it.
    expect(
      await refused(CORRECT, {
        input: { event: relationEventId, reason: 'x', attachmentStatus: 'CONFIRMED' },
      }),
    ).toEqual({ code: 'BAD_USER_INPUT', field: 'input.attachmentStatus' });
    expect(
      await ok(
        `query Film($id: ID!) { node(id: $id) { ... on Film { status followedBy { kind } } } }`,
        {
          id: a,
        },
      ),
    ).toEqual({ node: { status: 'PRE_PRODUCTION', followedBy: [{ kind: 'SEQUEL' }] } });
  });
});

describe('an admin merges a person created twice', () => {
  test('merging keeps every credit, and the duplicate’s id and slug resolve to the kept person', async () => {
    const since = new Date().toISOString();
    const keep = (
      await ok<{ createPerson: { person: { id: string; slug: string } } }>(CREATE_PERSON, {
        name: 'Dupe Director',
      })
    ).createPerson.person;
    const duplicate = (
      await ok<{ createPerson: { person: { id: string; slug: string } } }>(CREATE_PERSON, {
        name: 'Dupe Director',
      })
    ).createPerson.person;
    // Two people may share a name: the second gets a numbered slug.
    expect([keep.slug, duplicate.slug]).toEqual(['dupe-director', 'dupe-director-2']);
    const source = {
      url: 'https://example.com/trades/dupe',
      title: 'Dupe',
      publishedOn: '2026-05-01',
    };
    const base = { confidence: 'TRADE_REPORTED', effectiveDate: '2026-05-01', source };
    await ok(RECORD, {
      input: { ...base, film: extraction3, person: keep.id, role: 'DIRECTOR', status: 'RUMORED' },
    });
    // The same report about the duplicate (kept, retracted, when merged) and a credit only it has.
    await ok(RECORD, {
      input: {
        ...base,
        film: extraction3,
        person: duplicate.id,
        role: 'DIRECTOR',
        status: 'RUMORED',
      },
    });
    await ok(RECORD, {
      input: {
        ...base,
        film: extraction2,
        person: duplicate.id,
        role: 'PRODUCER',
        status: 'RUMORED',
      },
    });

    const MERGE = `mutation Merge($input: MergeInput!) { mergePeople(input: $input) { person { id slug aliases credits { film { slug } role history { retracted } } } } }`;
    const input = { keep: keep.id, duplicate: duplicate.id };
    expect(await refused(MERGE, { input })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await ok(MERGE, { input }, adminKey)).toEqual({
      mergePeople: {
        person: {
          id: keep.id,
          slug: 'dupe-director',
          aliases: [],
          credits: expect.arrayContaining([
            {
              film: { slug: SEED.films.extraction3 },
              role: 'DIRECTOR',
              history: [{ retracted: false }, { retracted: true }],
            },
            {
              film: { slug: SEED.films.extraction2 },
              role: 'PRODUCER',
              history: [{ retracted: false }],
            },
          ]),
        },
      },
    });
    expect(
      await ok(
        `query Merged($slug: String!, $id: ID!) { person(slug: $slug) { id } node(id: $id) { id } }`,
        { slug: 'Dupe-Director-2', id: duplicate.id },
      ),
    ).toEqual({ person: { id: keep.id }, node: { id: keep.id } });
    const feed = await ok<{
      changes: { edges: { node: { kind: string; subject: { id: string } | null } }[] };
    }>(
      `query Feed($since: DateTime!) { changes(since: $since, first: 100) { edges { node { kind subject { id } } } } }`,
      { since },
    );
    expect(feed.changes.edges.filter(({ node }) => node.kind === 'MERGED')).toEqual([
      { node: { kind: 'MERGED', subject: { id: keep.id } } },
    ]);
    // Merging it again finds no duplicate.
    expect(await refused(MERGE, { input }, adminKey)).toMatchObject({ code: 'NOT_FOUND' });
  });

  test('merging two films moves their production history, memberships and relations to the kept film', async () => {
    const CREATE = `mutation CreateFilm($title: String!) { createFilm(input: { title: $title }) { film { id slug } } }`;
    const create = async (title: string) =>
      (await ok<{ createFilm: { film: { id: string; slug: string } } }>(CREATE, { title }))
        .createFilm.film;
    const keep = await create('Twin Film');
    const duplicate = await create('Twin Film');
    const before = await create('Twin Prequel');
    const franchise = (
      await ok<{ createFranchise: { franchise: { id: string } } }>(
        `mutation Franchise { createFranchise(input: { name: "Twin Saga", kind: SERIES }) { franchise { id } } }`,
      )
    ).createFranchise.franchise.id;
    const report = {
      confidence: 'OFFICIAL',
      effectiveDate: '2026-06-01',
      source: { url: 'https://example.com/twins', title: 'Twins' },
    };
    for (const [film, status] of [
      [keep.id, 'ANNOUNCED'],
      [duplicate.id, 'ANNOUNCED'],
      [duplicate.id, 'IN_DEVELOPMENT'],
    ]) {
      await ok(
        `mutation Status($input: RecordProductionStatusInput!) { recordProductionStatus(input: $input) { event { id } } }`,
        { input: { ...report, film, status } },
      );
    }
    await ok(
      `mutation Add($input: AddFilmToFranchiseInput!) { addFilmToFranchise(input: $input) { membership { releaseOrdinal } } }`,
      { input: { film: duplicate.id, franchise, releaseOrdinal: 2 } },
    );
    await ok(
      `mutation Relate($input: RelateFilmsInput!) { relateFilms(input: $input) { relation { id } } }`,
      {
        input: { ...report, from: before.id, to: duplicate.id, kind: 'SEQUEL' },
      },
    );
    const merged = await ok(
      `mutation Merge($input: MergeInput!) {
        mergeFilms(input: $input) { film {
          id slug status
          productionHistory { status: productionStatus retracted }
          franchises { franchise { name } releaseOrdinal }
          follows { from { slug } kind }} }
      }`,
      { input: { keep: keep.id, duplicate: duplicate.id } },
      adminKey,
    );
    expect(merged).toEqual({
      mergeFilms: {
        film: {
          id: keep.id,
          slug: 'twin-film',
          status: 'IN_DEVELOPMENT',
          // The duplicate's repeat of the kept film's report stays in history, retracted.
          productionHistory: [
            { status: 'ANNOUNCED', retracted: false },
            { status: 'ANNOUNCED', retracted: true },
            { status: 'IN_DEVELOPMENT', retracted: false },
          ],
          franchises: [{ franchise: { name: 'Twin Saga' }, releaseOrdinal: 2 }],
          follows: [{ from: { slug: 'twin-prequel' }, kind: 'SEQUEL' }],
        },
      },
    });
    expect(
      await ok(`query Twin($slug: String!) { film(slug: $slug) { id } }`, { slug: duplicate.slug }),
    ).toEqual({ film: { id: keep.id } });
  });

  test('a delete is refused while something refers to the record, and allowed once nothing does', async () => {
    const person = (
      await ok<{ createPerson: { person: { id: string } } }>(CREATE_PERSON, { name: 'Delete Me' })
    ).createPerson.person;
    await ok(RECORD, {
      input: {
        film: extraction3,
        person: person.id,
        role: 'EDITOR',
        status: 'RUMORED',
        confidence: 'SPECULATIVE',
        effectiveDate: '2026-05-02',
        source: { url: 'https://example.com/rumor', title: 'Rumor', publishedOn: '2026-05-02' },
      },
    });
    const DELETE = `mutation Delete($id: ID!) { deletePerson(input: { id: $id }) { deletedId } }`;
    const extensions = await refused(DELETE, { id: person.id }, adminKey);
    expect(extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.id' });
    const unused = (
      await ok<{ createPerson: { person: { id: string } } }>(CREATE_PERSON, { name: 'Unused' })
    ).createPerson.person;
    expect(await refused(DELETE, { id: unused.id })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await ok(DELETE, { id: unused.id }, adminKey)).toEqual({
      deletePerson: { deletedId: unused.id },
    });
    expect(await ok(`query Gone($id: ID!) { node(id: $id) { id } }`, { id: unused.id })).toEqual({
      node: null,
    });
  });
});

describe('sources and names', () => {
  test('a source without URL (an EVENT) is reused by outlet, title and day; an ARTICLE needs a URL', async () => {
    const person = (
      await ok<{ createPerson: { person: { id: string } } }>(CREATE_PERSON, { name: 'Panel Guest' })
    ).createPerson.person;
    const panel = {
      kind: 'EVENT',
      title: 'Extraction panel, Comic-Con',
      publishedOn: '2026-07-20',
    };
    const input = (status: string, effectiveDate: string) => ({
      film: extraction3,
      person: person.id,
      role: 'CAST',
      status,
      confidence: 'PRINCIPAL_ON_RECORD',
      effectiveDate,
      source: panel,
    });
    const first = await ok<Recorded>(RECORD, { input: input('IN_TALKS', '2026-07-19') });
    const second = await ok<Recorded>(RECORD, { input: input('ATTACHED', '2026-07-20') });
    expect(first.recordAttachment.source).toEqual({
      id: second.recordAttachment.source.id,
      url: null,
      title: panel.title,
      kind: 'EVENT',
    });
    expect(
      await refused(RECORD, {
        input: { ...input('RUMORED', '2026-07-01'), source: { title: 'No URL', kind: 'ARTICLE' } },
      }),
    ).toEqual({ code: 'BAD_USER_INPUT', field: 'input.source.url' });
  });

  test('two films titled alike get distinct slugs; a year or a chosen slug tells them apart; slugs ignore case', async () => {
    const CREATE = `mutation CreateFilm($input: CreateFilmInput!) { createFilm(input: $input) { film { slug } } }`;
    const slugs = [];
    for (const input of [
      { title: 'The Remade One' },
      { title: 'The Remade One' },
      { title: 'The Remade One', year: 2015 },
      { title: 'The Remade One', slug: 'The Remade One (TV)' },
    ]) {
      slugs.push(
        (await ok<{ createFilm: { film: { slug: string } } }>(CREATE, { input })).createFilm.film
          .slug,
      );
    }
    expect(slugs).toEqual([
      'the-remade-one',
      'the-remade-one-2',
      'the-remade-one-2015',
      'the-remade-one-tv',
    ]);
    expect(await ok(`query BySlug { film(slug: "The-Remade-One-2015") { slug } }`)).toEqual({
      film: { slug: 'the-remade-one-2015' },
    });
  });

  test('characters and franchises have aliases that search finds', async () => {
    await ok(
      `mutation Doom { createCharacter(input: { name: "Victor von Doom", aliases: ["Doctor Doom"] }) { character { id } } }`,
    );
    await ok(
      `mutation Universe { createFranchise(input: { name: "Imaginary Cinematic Universe", kind: SHARED_UNIVERSE, aliases: ["ICU"] }) { franchise { id } } }`,
    );
    expect(
      await ok(
        `query Search { doom: search(text: "doctor doom") { edges { node { ... on Character { name aliases } } } }
                        icu: search(text: "icu") { edges { node { ... on Franchise { name aliases } } } } }`,
      ),
    ).toEqual({
      doom: { edges: [{ node: { name: 'Victor von Doom', aliases: ['Doctor Doom'] } }] },
      icu: { edges: [{ node: { name: 'Imaginary Cinematic Universe', aliases: ['ICU'] } }] },
    });
  });
});

describe('writes the API refuses', () => {
  const source = {
    url: 'https://example.com/validation',
    title: 'Validation',
    publishedOn: '2026-01-02',
  };

  test('a character on a DIRECTOR credit is BAD_USER_INPUT on input.character', async () => {
    const character = await ok<{ character: { id: string } }>(
      `query Rake($slug: String!) { character(slug: $slug) { id } }`,
      { slug: SEED.characters.tylerRake },
    );
    const person = (
      await ok<{ createPerson: { person: { id: string } } }>(CREATE_PERSON, {
        name: 'Not An Actor',
      })
    ).createPerson.person;
    expect(
      await refused(RECORD, {
        input: {
          film: extraction3,
          person: person.id,
          role: 'DIRECTOR',
          character: character.character.id,
          status: 'RUMORED',
          confidence: 'SPECULATIVE',
          effectiveDate: '2026-01-02',
          source,
        },
      }),
    ).toEqual({ code: 'BAD_USER_INPUT', field: 'input.character' });
  });

  test('a relation in the other direction of an existing one is BAD_USER_INPUT on input.from; a retracted relation leaves followedBy', async () => {
    const CREATE = `mutation CreateFilm($title: String!) { createFilm(input: { title: $title }) { film { id } } }`;
    const a = (await ok<{ createFilm: { film: { id: string } } }>(CREATE, { title: 'Cycle A' }))
      .createFilm.film.id;
    const b = (await ok<{ createFilm: { film: { id: string } } }>(CREATE, { title: 'Cycle B' }))
      .createFilm.film.id;
    const RELATE = `mutation Relate($input: RelateFilmsInput!) { relateFilms(input: $input) { relation { id history { id } } } }`;
    const report = { confidence: 'OFFICIAL', effectiveDate: '2026-01-02', source };
    const relation = await ok<{ relateFilms: { relation: { history: { id: string }[] } } }>(
      RELATE,
      {
        input: { ...report, from: a, to: b, kind: 'SEQUEL' },
      },
    );
    expect(
      await refused(RELATE, { input: { ...report, from: b, to: a, kind: 'PREQUEL' } }),
    ).toEqual({ code: 'BAD_USER_INPUT', field: 'input.from' });

    await ok(RETRACT, { id: relation.relateFilms.relation.history[0].id });
    expect(
      await ok(
        `query Follows($id: ID!) { node(id: $id) { ... on Film { followedBy { kind } } } }`,
        {
          id: a,
        },
      ),
    ).toEqual({ node: { followedBy: [] } });
  });

  test('a release ordinal another film holds in the franchise is BAD_USER_INPUT on input.releaseOrdinal', async () => {
    const franchise = await ok<{ franchise: { id: string } }>(
      `query Franchise($slug: String!) { franchise(slug: $slug) { id } }`,
      { slug: SEED.franchises.extraction },
    );
    const film = (
      await ok<{ createFilm: { film: { id: string } } }>(
        `mutation CreateFilm { createFilm(input: { title: "Extraction: Origins" }) { film { id } } }`,
      )
    ).createFilm.film.id;
    expect(
      await refused(
        `mutation Add($input: AddFilmToFranchiseInput!) { addFilmToFranchise(input: $input) { membership { releaseOrdinal } } }`,
        { input: { film, franchise: franchise.franchise.id, releaseOrdinal: 1 } },
      ),
    ).toEqual({ code: 'BAD_USER_INPUT', field: 'input.releaseOrdinal' });
  });
});
