import { SEED } from '../../seeds/seed';
import { COMPANIES, SOURCES } from '../../seeds/real-data';
import { createTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(() => server.close());

const FILMS = `
  query Films($filter: FilmFilter, $orderBy: FilmOrder, $first: Int) {
    films(filter: $filter, orderBy: $orderBy, first: $first) { totalCount edges { node { slug } } }
  }`;

/** The `films` answer listing `slugs` in that order. */
const filmList = (...slugs: string[]) => ({
  data: { films: { totalCount: slugs.length, edges: slugs.map((slug) => ({ node: { slug } })) } },
});

const { films } = SEED;

describe('film(id:, slug:)', () => {
  test('finds a film by slug with its scalar fields', async () => {
    const result = await server.execute(
      `query FilmBySlug($slug: String!) {
        film(slug: $slug) { slug title workingTitle runtimeMinutes tmdbId imdbId releaseDate status version }
      }`,
      { slug: films.extraction },
    );
    expect(result).toEqual({
      data: {
        film: {
          slug: films.extraction,
          title: 'Extraction',
          workingTitle: 'Dhaka',
          runtimeMinutes: 117,
          tmdbId: 545609,
          imdbId: 'tt8936646',
          releaseDate: '2020-04-24',
          status: 'RELEASED',
          version: 1,
        },
      },
    });
  });

  test('finds the same film again by the id it returned', async () => {
    const bySlug = await server.execute<{ film: { id: string } }>(
      `query FilmId($slug: String!) { film(slug: $slug) { id } }`,
      { slug: films.extraction2 },
    );
    const byId = await server.execute(`query FilmById($id: ID!) { film(id: $id) { slug title } }`, {
      id: bySlug.data!.film.id,
    });
    expect(byId).toEqual({ data: { film: { slug: films.extraction2, title: 'Extraction 2' } } });
  });

  test('answers null for a slug that no film has', async () => {
    const result = await server.execute(
      `query NoSuchFilm { film(slug: "extraction-99") { title } }`,
    );
    expect(result).toEqual({ data: { film: null } });
  });

  test('lists releases by date, premieres included, and takes the release date from the theatrical one', async () => {
    const result = await server.execute(
      `query WinterSoldierReleases($slug: String!) {
        film(slug: $slug) { releaseDate releases { date kind: releaseKind country place company { name } } }
      }`,
      { slug: films.winterSoldier },
    );
    expect(result).toEqual({
      data: {
        film: {
          releaseDate: '2014-04-04',
          releases: [
            {
              date: '2014-03-13',
              kind: 'PREMIERE',
              country: 'US',
              place: 'Los Angeles',
              company: { name: COMPANIES.disney.name },
            },
            {
              date: '2014-04-04',
              kind: 'THEATRICAL',
              country: 'US',
              place: null,
              company: { name: COMPANIES.disney.name },
            },
          ],
        },
      },
    });
  });

  test('lists the franchises a film belongs to with its places, and the companies that made it', async () => {
    const result = await server.execute(
      `query CivilWarPlaces($slug: String!) {
        film(slug: $slug) {
          franchises { franchise { slug } releaseOrdinal storyOrdinal }
          companies { company { slug } role }
        }
      }`,
      { slug: films.civilWar },
    );
    expect(result).toEqual({
      data: {
        film: {
          franchises: [
            { franchise: { slug: SEED.franchises.mcu }, releaseOrdinal: 13, storyOrdinal: null },
            {
              franchise: { slug: SEED.franchises.captainAmerica },
              releaseOrdinal: 3,
              storyOrdinal: 3,
            },
            {
              franchise: { slug: SEED.franchises.mcuPhaseThree },
              releaseOrdinal: 1,
              storyOrdinal: null,
            },
          ],
          companies: [
            { company: { slug: SEED.companies.marvelStudios }, role: 'PRODUCTION' },
            { company: { slug: SEED.companies.disney }, role: 'DISTRIBUTION' },
          ],
        },
      },
    });
  });

  test('lists metrics with the methodology and source that make them comparable or not', async () => {
    const result = await server.execute(
      `query ExtractionViewership($slug: String!) {
        film(slug: $slug) { metrics { kind value unit window methodology projected asOf source { title } } }
      }`,
      { slug: films.extraction },
    );
    const methodology = 'a household counts after 2 minutes viewed';
    expect(result).toEqual({
      data: {
        film: {
          metrics: [
            {
              kind: 'VIEWERSHIP',
              value: 90_000_000,
              unit: 'HOUSEHOLDS',
              window: 'first 4 weeks',
              methodology,
              projected: true,
              asOf: '2020-05-01',
              source: { title: SOURCES.netflixViewershipPost.title },
            },
            {
              kind: 'VIEWERSHIP',
              value: 99_000_000,
              unit: 'HOUSEHOLDS',
              window: 'first 28 days',
              methodology,
              projected: false,
              asOf: '2020-07-16',
              source: { title: SOURCES.netflixQ2Earnings2020.title },
            },
          ],
        },
      },
    });
  });
});

describe('films', () => {
  test('lists every film by release date by default, unreleased films last', async () => {
    expect(await server.execute(FILMS)).toEqual(
      filmList(
        films.winterSoldier,
        films.civilWar,
        films.infinityWar,
        films.endgame,
        films.extraction,
        films.extraction2,
        films.extraction3,
      ),
    );
  });

  test('orders by title A to Z with orderBy TITLE', async () => {
    expect(await server.execute(FILMS, { orderBy: 'TITLE' })).toEqual(
      filmList(
        films.endgame,
        films.infinityWar,
        films.civilWar,
        films.winterSoldier,
        films.extraction,
        films.extraction2,
        films.extraction3,
      ),
    );
  });

  test('filters by franchise id', async () => {
    const franchise = await server.execute<{ franchise: { id: string } }>(
      `query FranchiseId($slug: String!) { franchise(slug: $slug) { id } }`,
      { slug: SEED.franchises.avengers },
    );
    expect(
      await server.execute(FILMS, { filter: { franchise: franchise.data!.franchise.id } }),
    ).toEqual(filmList(films.infinityWar, films.endgame));
  });

  test('filters by current production status, any of several', async () => {
    expect(
      await server.execute(FILMS, { filter: { statuses: ['IN_DEVELOPMENT', 'IN_PRODUCTION'] } }),
    ).toEqual(filmList(films.extraction3));
  });

  test('filters by release date, both bounds inclusive', async () => {
    expect(
      await server.execute(FILMS, {
        filter: { releasedAfter: '2019-04-26', releasedBefore: '2020-04-24' },
      }),
    ).toEqual(filmList(films.endgame, films.extraction));
    expect(await server.execute(FILMS, { filter: { releasedAfter: '2020-04-25' } })).toEqual(
      filmList(films.extraction2),
    );
    expect(await server.execute(FILMS, { filter: { releasedBefore: '2014-12-31' } })).toEqual(
      filmList(films.winterSoldier),
    );
  });

  test('filters by title in any case, and by working title', async () => {
    expect(await server.execute(FILMS, { filter: { titleContains: 'WINTER soldier' } })).toEqual(
      filmList(films.winterSoldier),
    );
    expect(await server.execute(FILMS, { filter: { titleContains: 'dhaka' } })).toEqual(
      filmList(films.extraction),
    );
  });

  test('filters by title ignoring accents', async () => {
    expect(await server.execute(FILMS, { filter: { titleContains: 'Éxtráction 2' } })).toEqual(
      filmList(films.extraction2),
    );
  });

  test('combines filters with AND', async () => {
    expect(
      await server.execute(FILMS, {
        filter: { titleContains: 'captain', releasedAfter: '2015-01-01', statuses: ['RELEASED'] },
        orderBy: 'TITLE',
      }),
    ).toEqual(filmList(films.civilWar));
  });

  test('answers an empty connection when nothing matches', async () => {
    expect(await server.execute(FILMS, { filter: { titleContains: 'no such film' } })).toEqual({
      data: { films: { totalCount: 0, edges: [] } },
    });
  });
});
