import { countRows, newApiKey } from '../support/editor';
import { createTestServer, type TestServer } from '../support/test-server';
import { SEED } from '../../seeds/seed';

// The story of a sequel whose release date moved and whose title changed, replayed as a newsroom would:
// mutations over HTTP with an editor key, then reads for several days.
//
// Mission: Impossible – Dead Reckoning Part Two was dated for 2024-06-28 (Paramount's date shuffle of
// January 2022). In October 2023 Paramount moved it to 2025-05-23 and said the "Dead Reckoning Part Two"
// title would be dropped. In November 2024 it was titled Mission: Impossible – The Final Reckoning (the
// teaser of 2024-11-06), and it was released on 2025-05-23. The day of each announcement inside its month
// is as reported at the time; the URLs below are stand-ins (example.com), the dates are the facts.

const OLD_TITLE = 'Mission: Impossible – Dead Reckoning Part Two';
const NEW_TITLE = 'Mission: Impossible – The Final Reckoning';
const OLD_SLUG = 'mission-impossible-dead-reckoning-part-two';
const NEW_SLUG = 'mission-impossible-the-final-reckoning';

const DATED = {
  url: 'https://example.com/paramount-dates-mission-impossible-8-june-28-2024',
  title: 'Paramount dates Mission: Impossible 8 for June 28, 2024',
  publishedOn: '2022-01-21',
};
const MOVED = {
  url: 'https://example.com/paramount-moves-mission-impossible-8-to-may-2025',
  title: 'Mission: Impossible 8 moves to May 23, 2025; Dead Reckoning Part Two title dropped',
  publishedOn: '2023-10-20',
};
const RETITLED = {
  url: 'https://example.com/mission-impossible-the-final-reckoning-teaser',
  title: 'Mission: Impossible – The Final Reckoning: first teaser',
  publishedOn: '2024-11-06',
};

let server: TestServer;
let url: string;
let key: string;
let since: string;

beforeAll(async () => {
  server = await createTestServer();
  url = await server.listen();
  key = await newApiKey(server.dataSource, 'story-desk');
  since = new Date().toISOString();
});
afterAll(() => server.close());

type Result<T> = { data?: T; errors?: { message: string; extensions: Record<string, unknown> }[] };

/** One GraphQL request over HTTP, with the editor key when `write` is set. */
async function post<T>(
  query: string,
  variables: Record<string, unknown> = {},
  write = false,
  status = 200,
): Promise<Result<T>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(write ? { authorization: `Bearer ${key}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  expect(response.status).toBe(status);
  return (await response.json()) as Result<T>;
}

const RECORD_RELEASE = `
  mutation RecordRelease($input: RecordReleaseInput!) {
    recordRelease(input: $input) { duplicate film { releaseDate } event { id date effectiveDate } }
  }`;
type Recorded = {
  recordRelease: {
    duplicate: boolean;
    film: { releaseDate: string };
    event: { id: string; date: string; effectiveDate: string };
  };
};

const release = (film: string, date: string, source: typeof DATED) =>
  post<Recorded>(
    RECORD_RELEASE,
    {
      input: { film, date, kind: 'THEATRICAL', country: 'US', confidence: 'OFFICIAL', source },
    },
    true,
  );

const FILM_ON = `
  query FilmOn($slug: String!, $day: Date!) {
    film(slug: $slug) {
      id slug originalTitle
      title
      titleThen: title(asOf: $day)
      releaseDate
      releaseDateThen: releaseDate(asOf: $day)
      releaseDatePrecision
      releasesThen: releases(asOf: $day) { date kind: releaseKind country }
    }
  }`;
type FilmOn = {
  film: {
    id: string;
    slug: string;
    originalTitle: string;
    title: string;
    titleThen: string;
    releaseDate: string | null;
    releaseDateThen: string | null;
    releaseDatePrecision: string | null;
    releasesThen: { date: string; kind: string; country: string | null }[];
  } | null;
};

const FILMS_RELEASED = `
  query FilmsReleased($after: Date, $before: Date) {
    films(filter: { titleContains: "reckoning", releasedAfter: $after, releasedBefore: $before }) {
      edges { node { slug } }
    }
  }`;
const releasedBetween = async (after: string | null, before: string | null) =>
  (
    await post<{ films: { edges: { node: { slug: string } }[] } }>(FILMS_RELEASED, {
      after,
      before,
    })
  ).data!.films.edges.map((edge) => edge.node.slug);

describe('a sequel whose date moved and whose title changed', () => {
  let film: string;
  let dated: Recorded['recordRelease']['event'];
  let moved: Recorded['recordRelease']['event'];
  let retitle: string;

  beforeAll(async () => {
    const created = await post<{ createFilm: { film: { id: string; slug: string } } }>(
      `mutation CreateFilm($title: String!) { createFilm(input: { title: $title }) { film { id slug } } }`,
      { title: OLD_TITLE },
      true,
    );
    expect(created.errors).toBeUndefined();
    film = created.data!.createFilm.film.id;
  });

  test('the first date is a report, effective when its source published it', async () => {
    const result = await release(film, '2024-06-28', DATED);
    expect(result.errors).toBeUndefined();
    dated = result.data!.recordRelease.event;
    expect(result.data!.recordRelease).toEqual({
      duplicate: false,
      film: { releaseDate: '2024-06-28' },
      event: { id: dated.id, date: '2024-06-28', effectiveDate: '2022-01-21' },
    });
    expect(await releasedBetween(null, '2024-12-31')).toEqual([OLD_SLUG]);
  });

  test('the move is a second report; the first stays in history, superseded', async () => {
    const result = await release(film, '2025-05-23', MOVED);
    expect(result.errors).toBeUndefined();
    moved = result.data!.recordRelease.event;
    expect(result.data!.recordRelease.film).toEqual({ releaseDate: '2025-05-23' });

    const history = await post<unknown>(
      `query ReleaseHistory($slug: String!) {
        film(slug: $slug) { releaseHistory {
          id date effectiveDate superseded retracted source { title }
          beforeTheMove: superseded(asOf: "2023-10-19") onTheMove: superseded(asOf: "2023-10-20")
        } }
      }`,
      { slug: OLD_SLUG },
    );
    expect(history).toEqual({
      data: {
        film: {
          releaseHistory: [
            {
              id: dated.id,
              date: '2024-06-28',
              effectiveDate: '2022-01-21',
              superseded: true,
              retracted: false,
              source: { title: DATED.title },
              beforeTheMove: false,
              onTheMove: true,
            },
            {
              id: moved.id,
              date: '2025-05-23',
              effectiveDate: '2023-10-20',
              superseded: false,
              retracted: false,
              source: { title: MOVED.title },
              beforeTheMove: false,
              onTheMove: false,
            },
          ],
        },
      },
    });
  });

  test('the retitle is a report; the film keeps its slug', async () => {
    const result = await post<{
      recordTitle: {
        duplicate: boolean;
        film: { slug: string; title: string };
        event: { id: string };
      };
    }>(
      `mutation Retitle($input: RecordTitleInput!) {
        recordTitle(input: $input) { duplicate film { slug title } event { id } }
      }`,
      {
        input: {
          film,
          title: NEW_TITLE,
          effectiveDate: '2024-11-06',
          confidence: 'OFFICIAL',
          source: RETITLED,
        },
      },
      true,
    );
    expect(result.errors).toBeUndefined();
    retitle = result.data!.recordTitle.event.id;
    expect(result.data!.recordTitle).toEqual({
      duplicate: false,
      film: { slug: OLD_SLUG, title: NEW_TITLE },
      event: { id: retitle },
    });
  });

  test.each([
    ['before the first report', '2021-12-31', null, [], OLD_TITLE],
    [
      'before the move',
      '2023-10-19',
      '2024-06-28',
      [{ date: '2024-06-28', kind: 'THEATRICAL', country: 'US' }],
      OLD_TITLE,
    ],
    [
      'after the move, before the retitle',
      '2024-11-05',
      '2025-05-23',
      [{ date: '2025-05-23', kind: 'THEATRICAL', country: 'US' }],
      OLD_TITLE,
    ],
    [
      'after the retitle',
      '2024-11-06',
      '2025-05-23',
      [{ date: '2025-05-23', kind: 'THEATRICAL', country: 'US' }],
      NEW_TITLE,
    ],
  ])(
    'read %s (%s), by the old slug and by the new one',
    async (_when, day, date, releases, title) => {
      for (const slug of [OLD_SLUG, NEW_SLUG]) {
        expect(await post<FilmOn>(FILM_ON, { slug, day })).toEqual({
          data: {
            film: {
              id: film,
              slug: OLD_SLUG,
              originalTitle: OLD_TITLE,
              title: NEW_TITLE,
              titleThen: title,
              releaseDate: '2025-05-23',
              releaseDateThen: date,
              releaseDatePrecision: 'DAY',
              releasesThen: releases,
            },
          },
        });
      }
    },
  );

  test('films(filter: { releasedAfter, releasedBefore }) follows the move', async () => {
    expect(await releasedBetween('2025-01-01', null)).toEqual([OLD_SLUG]);
    expect(await releasedBetween(null, '2024-12-31')).toEqual([]);
  });

  test('search finds the film by either title', async () => {
    for (const text of ['dead reckoning part two', 'final reckoning']) {
      const result = await post<{
        search: { edges: { node: { __typename: string; title: string } }[] };
      }>(
        `query Search($text: String!) { search(text: $text) { edges { node { __typename ... on Film { title } } } } }`,
        { text },
      );
      expect(result.data!.search.edges).toEqual([
        { node: { __typename: 'Film', title: NEW_TITLE } },
      ]);
    }
  });

  test('a repeated report is stored once', async () => {
    const before = await countRows(server.dataSource, 'release_event', 'change_log');
    const again = await release(film, '2025-05-23', MOVED);
    expect(again.data!.recordRelease).toEqual({
      duplicate: true,
      film: { releaseDate: '2025-05-23' },
      event: moved,
    });
    const title = await post<{ recordTitle: { duplicate: boolean; event: { id: string } } }>(
      `mutation RetitleAgain($input: RecordTitleInput!) { recordTitle(input: $input) { duplicate event { id } } }`,
      {
        input: {
          film,
          title: NEW_TITLE,
          effectiveDate: '2024-11-06',
          confidence: 'OFFICIAL',
          source: RETITLED,
        },
      },
      true,
    );
    expect(title.data!.recordTitle).toEqual({ duplicate: true, event: { id: retitle } });
    expect(await countRows(server.dataSource, 'release_event', 'change_log')).toEqual(before);
  });

  test('changes(since:) shows each step, in order, with its subject', async () => {
    const feed = await post<{
      changes: { edges: { node: { kind: string; by: string; subject: unknown } }[] };
    }>(
      `query Feed($since: DateTime!) {
        changes(since: $since, first: 100) {
          edges { node { kind by subject { __typename id
            ... on ReleaseEvent { date } ... on TitleEvent { title } ... on Film { slug } } } }
        }
      }`,
      { since },
    );
    expect(feed.data!.changes.edges.map((edge) => edge.node)).toEqual([
      {
        kind: 'CREATED',
        by: 'story-desk',
        subject: { __typename: 'Film', id: film, slug: OLD_SLUG },
      },
      {
        kind: 'RECORDED',
        by: 'story-desk',
        subject: { __typename: 'ReleaseEvent', id: dated.id, date: '2024-06-28' },
      },
      {
        kind: 'RECORDED',
        by: 'story-desk',
        subject: { __typename: 'ReleaseEvent', id: moved.id, date: '2025-05-23' },
      },
      {
        kind: 'RECORDED',
        by: 'story-desk',
        subject: { __typename: 'TitleEvent', id: retitle, title: NEW_TITLE },
      },
    ]);
  });

  test('retracting the move brings the old date back, everywhere', async () => {
    const retracted = await post<unknown>(
      `mutation RetractMove($id: ID!) {
        retractEvent(input: { event: $id, reason: "Checking: the outlet had the wrong film." }) { event {
          ... on ReleaseEvent { id retracted }} }
      }`,
      { id: moved.id },
      true,
    );
    expect(retracted).toEqual({
      data: { retractEvent: { event: { id: moved.id, retracted: true } } },
    });
    const read = await post<FilmOn>(FILM_ON, { slug: OLD_SLUG, day: '2024-01-01' });
    expect(read.data!.film).toMatchObject({
      releaseDate: '2024-06-28',
      releaseDateThen: '2024-06-28',
    });
    expect(await releasedBetween(null, '2024-12-31')).toEqual([OLD_SLUG]);
    expect(await releasedBetween('2025-01-01', null)).toEqual([]);

    const feed = await post<{ changes: { edges: { node: { kind: string } }[] } }>(
      `query LastChange($since: DateTime!) { changes(since: $since, first: 100) { edges { node { kind } } } }`,
      { since },
    );
    expect(feed.data!.changes.edges.at(-1)).toEqual({ node: { kind: 'RETRACTED' } });
  });
});

describe('one meaning of now', () => {
  test('an attachment effective later than today is BAD_USER_INPUT on input.effectiveDate, and nothing is written', async () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const ids = await post<{ film: { id: string }; person: { id: string } }>(
      `query Ids($film: String!, $person: String!) { film(slug: $film) { id } person(slug: $person) { id } }`,
      { film: SEED.films.extraction3, person: SEED.people.chrisHemsworth },
    );
    const tables = ['attachment_event', 'credit', 'source', 'change_log'];
    const before = await countRows(server.dataSource, ...tables);
    const result = await post<unknown>(
      `mutation FutureReport($input: RecordAttachmentInput!) { recordAttachment(input: $input) { duplicate } }`,
      {
        input: {
          film: ids.data!.film.id,
          person: ids.data!.person.id,
          role: 'CAST',
          status: 'CONFIRMED',
          confidence: 'TRADE_REPORTED',
          effectiveDate: tomorrow,
          source: { url: 'https://example.com/tomorrow', title: 'Tomorrow’s news' },
        },
      },
      true,
      200, // a response with data is HTTP 200, whatever its errors (src/graphql/http-status.ts)
    );
    expect(result.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'input.effectiveDate',
    });
    expect(await countRows(server.dataSource, ...tables)).toEqual(before);
  });
});

describe('the feed lists every kind of write', () => {
  test('creates, updates, memberships and their ordinals, relations, reports and retractions, in order', async () => {
    const start = new Date().toISOString();
    const write = async <T>(query: string, variables: Record<string, unknown> = {}) => {
      const result = await post<T>(query, variables, true);
      expect(result.errors).toBeUndefined();
      return result.data!;
    };
    const source = (n: number) => ({ url: `https://example.com/feed/${n}`, title: `Feed ${n}` });
    const {
      createPerson: { person },
    } = await write<{
      createPerson: { person: { id: string; version: number } };
    }>(`mutation P { createPerson(input: { name: "Feed Person" }) { person { id version } } }`);
    await write(
      `mutation UP($id: ID!, $v: Int!) { updatePerson(input: { id: $id, expectedVersion: $v, aliases: ["F. P."] }) { person { id } } }`,
      { id: person.id, v: person.version },
    );
    await write(
      `mutation C { createCharacter(input: { name: "Feed Character" }) { character { id } } }`,
    );
    await write(
      `mutation Co { createCompany(input: { name: "Feed Studio", kind: STUDIO }) { company { id } } }`,
    );
    const {
      createFranchise: { franchise },
    } = await write<{
      createFranchise: { franchise: { id: string; version: number } };
    }>(
      `mutation F { createFranchise(input: { name: "Feed Saga", kind: FRANCHISE }) { franchise { id version } } }`,
    );
    await write(
      `mutation UF($id: ID!, $v: Int!) { updateFranchise(input: { id: $id, expectedVersion: $v, description: "A saga." }) { franchise { id } } }`,
      { id: franchise.id, v: franchise.version },
    );
    const films = await Promise.all(
      ['Feed One', 'Feed Two'].map(async (title) => {
        const { createFilm } = await write<{ createFilm: { film: { id: string } } }>(
          `mutation Film($title: String!) { createFilm(input: { title: $title }) { film { id } } }`,
          { title },
        );
        return createFilm.film.id;
      }),
    );
    const place = `mutation M($film: ID!, $franchise: ID!, $ordinal: Int) {
      addFilmToFranchise(input: { film: $film, franchise: $franchise, releaseOrdinal: $ordinal }) { membership { id } } }`;
    await write(place, { film: films[0], franchise: franchise.id, ordinal: 1 });
    await write(place, { film: films[0], franchise: franchise.id, ordinal: 2 });
    await write(
      `mutation R($from: ID!, $to: ID!, $source: SourceInput!) {
        relateFilms(input: { from: $from, to: $to, kind: FOLLOW_UP, effectiveDate: "2025-01-02", confidence: OFFICIAL, source: $source }) { relation { id } } }`,
      { from: films[0], to: films[1], source: source(1) },
    );
    const {
      recordProductionStatus: { event: status },
    } = await write<{
      recordProductionStatus: { event: { id: string } };
    }>(
      `mutation S($film: ID!, $source: SourceInput!) {
        recordProductionStatus(input: { film: $film, status: ANNOUNCED, effectiveDate: "2025-01-02", confidence: OFFICIAL, source: $source }) { event { id } } }`,
      { film: films[1], source: source(2) },
    );
    await write(
      `mutation X($id: ID!) { retractEvent(input: { event: $id, reason: "Wrong film." }) { __typename } }`,
      { id: status.id },
    );

    const feed = await post<{
      changes: { edges: { node: { kind: string; subject: { __typename: string } } }[] };
    }>(
      `query Everything($since: DateTime!) {
        changes(since: $since, first: 100) { edges { node { kind subject { __typename } } } } }`,
      { since: start },
    );
    expect(
      feed.data!.changes.edges.map(({ node }) => `${node.kind} ${node.subject.__typename}`),
    ).toEqual([
      'CREATED Person',
      'UPDATED Person',
      'CREATED Character',
      'CREATED Company',
      'CREATED Franchise',
      'UPDATED Franchise',
      'CREATED Film',
      'CREATED Film',
      'CREATED FranchiseMembership',
      'UPDATED FranchiseMembership',
      'CREATED FilmRelation',
      'RECORDED FilmRelationEvent',
      'RECORDED ProductionEvent',
      'RETRACTED ProductionEvent',
    ]);
  });
});
