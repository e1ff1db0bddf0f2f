import { SEED } from '../../seeds/seed';
import { newApiKey } from '../support/editor';
import { createTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let key: string;
beforeAll(async () => {
  server = await createTestServer();
  key = await newApiKey(server.dataSource, 'person-editor');
});
afterAll(() => server.close());

const PEOPLE = `
  query People($filter: PersonFilter, $first: Int) {
    people(filter: $filter, first: $first) { totalCount edges { node { slug } } }
  }`;

const peopleList = (...slugs: string[]) => ({
  data: { people: { totalCount: slugs.length, edges: slugs.map((slug) => ({ node: { slug } })) } },
});

const { people, films } = SEED;

describe('person(id:, slug:)', () => {
  test('finds a person by slug, and again by the id it returned', async () => {
    const bySlug = await server.execute<{ person: { id: string } }>(
      `query PersonBySlug($slug: String!) { person(slug: $slug) { id slug name aliases } }`,
      { slug: people.joeRusso },
    );
    expect(bySlug).toEqual({
      data: {
        person: {
          id: expect.any(String),
          slug: people.joeRusso,
          name: 'Joe Russo',
          aliases: ['Joseph Russo'],
        },
      },
    });
    const byId = await server.execute(`query PersonById($id: ID!) { person(id: $id) { slug } }`, {
      id: bySlug.data!.person.id,
    });
    expect(byId).toEqual({ data: { person: { slug: people.joeRusso } } });
  });

  test('answers null for a slug that nobody has', async () => {
    expect(await server.execute(`query NoSuchPerson { person(slug: "nobody") { name } }`)).toEqual({
      data: { person: null },
    });
  });

  test('lists a filmography by release date, narrowed by role', async () => {
    const result = await server.execute(
      `query HargraveDirecting($slug: String!) {
        person(slug: $slug) { credits(filter: { roles: [DIRECTOR, STUNTS] }) { role job film { slug } status } }
      }`,
      { slug: people.samHargrave },
    );
    expect(result).toEqual({
      data: {
        person: {
          credits: [
            {
              role: 'STUNTS',
              job: 'stunt double for Chris Evans',
              film: { slug: films.winterSoldier },
              status: 'CREDITED',
            },
            {
              role: 'STUNTS',
              job: 'stunt coordinator',
              film: { slug: films.civilWar },
              status: 'CREDITED',
            },
            {
              role: 'DIRECTOR',
              job: 'director (feature debut)',
              film: { slug: films.extraction },
              status: 'CREDITED',
            },
            { role: 'DIRECTOR', job: null, film: { slug: films.extraction2 }, status: 'CREDITED' },
            { role: 'DIRECTOR', job: null, film: { slug: films.extraction3 }, status: 'ATTACHED' },
          ],
        },
      },
    });
  });

  test('lists a filmography as it stood on a day, narrowed by status and by confirmed', async () => {
    const result = await server.execute(
      `query HargraveIn2020($slug: String!, $day: Date!) {
        person(slug: $slug) {
          expected: credits(asOf: $day, filter: { statuses: [EXPECTED] }) { film { slug } status(asOf: $day) }
          unconfirmed: credits(asOf: $day, filter: { confirmed: false }) { film { slug } status(asOf: $day) }
          unconfirmedNow: credits(filter: { confirmed: false }) { film { slug } status }
        }
      }`,
      { slug: people.samHargrave, day: '2020-05-05' },
    );
    expect(result).toEqual({
      data: {
        person: {
          expected: [{ film: { slug: films.extraction2 }, status: 'EXPECTED' }],
          unconfirmed: [{ film: { slug: films.extraction2 }, status: 'EXPECTED' }],
          unconfirmedNow: [{ film: { slug: films.extraction3 }, status: 'ATTACHED' }],
        },
      },
    });
  });
});

describe('people', () => {
  test('lists people by name, 20 to a page by default, with the total', async () => {
    const result = await server.execute<{ people: { totalCount: number; edges: unknown[] } }>(
      PEOPLE,
    );
    expect(result.data!.people.totalCount).toBe(Object.keys(people).length);
    expect(result.data!.people.edges).toHaveLength(20);
    expect(result.data!.people.edges[0]).toEqual({ node: { slug: people.adamBessa } });
  });

  test('filters by part of the name in any case', async () => {
    expect(await server.execute(PEOPLE, { filter: { nameContains: 'RUSSO' } })).toEqual(
      peopleList(people.anthonyRusso, people.joeRusso),
    );
  });

  test('filters by name ignoring accents, both ways', async () => {
    expect(await server.execute(PEOPLE, { filter: { nameContains: 'leon gonzalez' } })).toEqual(
      peopleList(people.fernandoLeonGonzalez),
    );
    expect(await server.execute(PEOPLE, { filter: { nameContains: 'Léon' } })).toEqual(
      peopleList(people.fernandoLeonGonzalez),
    );
  });

  test('finds a person by an alias', async () => {
    expect(await server.execute(PEOPLE, { filter: { nameContains: 'joseph' } })).toEqual(
      peopleList(people.joeRusso),
    );
  });
});

describe('character(id:, slug:)', () => {
  test('finds a character by slug with who played it in which film', async () => {
    const result = await server.execute(
      `query TylerRake($slug: String!) { character(slug: $slug) { slug name credits { film { slug } person { slug } } } }`,
      { slug: SEED.characters.tylerRake },
    );
    expect(result).toEqual({
      data: {
        character: {
          slug: SEED.characters.tylerRake,
          name: 'Tyler Rake',
          credits: [
            { film: { slug: films.extraction }, person: { slug: people.chrisHemsworth } },
            { film: { slug: films.extraction2 }, person: { slug: people.chrisHemsworth } },
          ],
        },
      },
    });
  });

  test('finds the same character again by id, and answers its credits as of a day', async () => {
    const bySlug = await server.execute<{ character: { id: string } }>(
      `query CharacterId($slug: String!) { character(slug: $slug) { id } }`,
      { slug: SEED.characters.tylerRake },
    );
    const byId = await server.execute(
      `query CharacterById($id: ID!) { character(id: $id) { name credits(asOf: "2020-05-05") { film { slug } status(asOf: "2020-05-05") } } }`,
      { id: bySlug.data!.character.id },
    );
    expect(byId).toEqual({
      data: {
        character: {
          name: 'Tyler Rake',
          credits: [
            { film: { slug: films.extraction }, status: 'CREDITED' },
            { film: { slug: films.extraction2 }, status: 'EXPECTED' },
          ],
        },
      },
    });
  });

  test('answers null for a slug that no character has', async () => {
    expect(
      await server.execute(`query NoSuchCharacter { character(slug: "nobody") { name } }`),
    ).toEqual({
      data: { character: null },
    });
  });
});

describe('company(id:, slug:)', () => {
  test('finds a company by slug with its films, and again by id', async () => {
    const bySlug = await server.execute<{ company: { id: string } }>(
      `query Netflix($slug: String!) { company(slug: $slug) { id name companyKind credits { film { slug } role } } }`,
      { slug: SEED.companies.netflix },
    );
    expect(bySlug).toEqual({
      data: {
        company: {
          id: expect.any(String),
          name: 'Netflix',
          companyKind: 'STREAMER',
          credits: [
            { film: { slug: films.extraction }, role: 'STREAMING' },
            { film: { slug: films.extraction2 }, role: 'STREAMING' },
            { film: { slug: films.extraction3 }, role: 'STREAMING' },
          ],
        },
      },
    });
    const byId = await server.execute(`query CompanyById($id: ID!) { company(id: $id) { slug } }`, {
      id: bySlug.data!.company.id,
    });
    expect(byId).toEqual({ data: { company: { slug: SEED.companies.netflix } } });
  });

  test('answers null for a slug that no company has', async () => {
    expect(
      await server.execute(`query NoSuchCompany { company(slug: "nobody") { name } }`),
    ).toEqual({
      data: { company: null },
    });
  });
});

// Runs last: it adds a person, which the lists above would count.
describe('updatePerson', () => {
  test('renaming keeps the slug and the search text in step with the name', async () => {
    const created = await server.execute<{ createPerson: { person: { id: string } } }>(
      `mutation CreateOldName { createPerson(input: { name: "Old Name" }) { person { id } } }`,
      undefined,
      { apiKey: key },
    );
    const id = created.data!.createPerson.person.id;
    const renamed = await server.execute(
      `mutation Rename($id: ID!) { updatePerson(input: { id: $id, expectedVersion: 1, name: "Zoë Névé", aliases: ["ZN"] }) { person { slug name aliases version } } }`,
      { id },
      { apiKey: key },
    );
    expect(renamed).toEqual({
      data: {
        updatePerson: {
          person: { slug: 'zoe-neve', name: 'Zoë Névé', aliases: ['ZN'], version: 2 },
        },
      },
    });
    const found = await server.execute(
      `query FindRenamed { people(filter: { nameContains: "zoe" }) { edges { node { name } } } search(text: "ZN") { edges { node { ... on Person { name } } } } }`,
    );
    expect(found).toEqual({
      data: {
        people: { edges: [{ node: { name: 'Zoë Névé' } }] },
        search: { edges: [{ node: { name: 'Zoë Névé' } }] },
      },
    });
  });
});
