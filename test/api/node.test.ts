import { toGlobalId } from '../../src/graphql/relay/global-id';
import { SEED } from '../../seeds/seed';
import { createTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(() => server.close());

/** One object of every Node type, each with its id, reached from Extraction 2 and Extraction. */
const EVERY_NODE_TYPE = `
  query EveryNodeType($film: String!) {
    film(slug: $film) {
      __typename id
      credits(filter: { roles: [CAST] }) {
        __typename id
        person { __typename id }
        character { __typename id }
        history { __typename id source { __typename id outlet { __typename id } } }
      }
      follows { __typename id history { __typename id } }
      productionHistory { __typename id }
      releases { __typename id }
      franchises { franchise { __typename id } }
    }
    extraction: film(slug: "extraction") { metrics { __typename id } }
  }`;

/** Every `{ __typename, id }` pair anywhere in a result. */
function nodesIn(value: unknown, found = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(value)) value.forEach((item) => nodesIn(item, found));
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.id === 'string' && typeof record.__typename === 'string')
      found.set(record.id, record.__typename);
    Object.values(record).forEach((item) => nodesIn(item, found));
  }
  return found;
}

describe('node and nodes', () => {
  test('every id an object returns fetches that object again through node, with its type', async () => {
    const result = await server.execute(EVERY_NODE_TYPE, { film: SEED.films.extraction2 });
    expect(result.errors).toBeUndefined();
    const found = nodesIn(result.data);
    expect(new Set(found.values())).toEqual(
      new Set([
        'Film',
        'Credit',
        'Person',
        'Character',
        'AttachmentEvent',
        'Source',
        'Company',
        'FilmRelation',
        'FilmRelationEvent',
        'ProductionEvent',
        'ReleaseEvent',
        'Franchise',
        'Metric',
      ]),
    );
    for (const [id, typename] of found) {
      const again = await server.execute(
        `query NodeById($id: ID!) { node(id: $id) { __typename id } }`,
        { id },
      );
      expect(again).toEqual({ data: { node: { __typename: typename, id } } });
    }
  });

  test('node answers the fields of the concrete type through a fragment', async () => {
    const film = await server.execute<{ film: { id: string } }>(
      `query FilmId($slug: String!) { film(slug: $slug) { id } }`,
      {
        slug: SEED.films.extraction2,
      },
    );
    const result = await server.execute(
      `query FilmNode($id: ID!) { node(id: $id) { __typename id ... on Film { slug title } } }`,
      { id: film.data!.film.id },
    );
    expect(result).toEqual({
      data: {
        node: {
          __typename: 'Film',
          id: film.data!.film.id,
          slug: SEED.films.extraction2,
          title: 'Extraction 2',
        },
      },
    });
  });

  test('nodes answers in the order asked; an id that names nothing is null in its slot with NOT_FOUND at its path', async () => {
    const ids = await server.execute<{ film: { id: string }; person: { id: string } }>(
      `query Ids($film: String!, $person: String!) { film(slug: $film) { id } person(slug: $person) { id } }`,
      { film: SEED.films.extraction, person: SEED.people.samHargrave },
    );
    const missing = toGlobalId('Film', 999_999);
    const result = await server.execute(
      `query SomeNodes($ids: [ID!]!) {
        nodes(ids: $ids) { __typename ... on Person { name } ... on Film { title } }
      }`,
      { ids: [ids.data!.person.id, missing, ids.data!.film.id] },
    );
    expect(result).toEqual({
      data: {
        nodes: [
          { __typename: 'Person', name: 'Sam Hargrave' },
          null,
          { __typename: 'Film', title: 'Extraction' },
        ],
      },
      errors: [
        expect.objectContaining({
          message: '"ids[1]" names nothing that exists.',
          path: ['nodes', 1],
          extensions: { code: 'NOT_FOUND', field: 'ids[1]' },
        }),
      ],
    });
  });

  test('node answers null for a well-formed id that names nothing', async () => {
    const result = await server.execute(`query MissingNode($id: ID!) { node(id: $id) { id } }`, {
      id: toGlobalId('Person', 999_999),
    });
    expect(result).toEqual({ data: { node: null } });
  });

  test('nodes refuses more than 100 ids, naming the argument', async () => {
    const ids = Array.from({ length: 101 }, (_, i) => toGlobalId('Film', i + 1));
    const result = await server.execute(
      `query TooManyNodes($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
      { ids },
    );
    expect(result.data).toBeNull();
    expect(result.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'ids' });
  });

  test('nodes accepts exactly 100 ids and answers 100 objects, each under its own id', async () => {
    const listed = await server.execute<{
      people: { edges: { node: { id: string } }[] };
      attachments: { edges: { node: { id: string; history: { id: string }[] } }[] };
    }>(
      `query HundredIds {
        people(first: 100) { edges { node { id } } }
        attachments(first: 100) { edges { node { id history { id } } } }
      }`,
    );
    const real = [
      ...listed.data!.people.edges.map((edge) => edge.node.id),
      ...listed.data!.attachments.edges.flatMap((edge) => [
        edge.node.id,
        ...edge.node.history.map((event) => event.id),
      ]),
    ];
    const ids = [...new Set(real)].slice(0, 100);
    expect(ids).toHaveLength(100);
    const result = await server.execute(
      `query HundredNodes($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
      { ids },
    );
    expect(result).toEqual({ data: { nodes: ids.map((id) => ({ id })) } });
  });
});

describe('malformed and mistyped ids', () => {
  test.each([
    ['not base64url', 'not an id!'],
    ['base64url of something that is not Type:id', Buffer.from('hello').toString('base64url')],
    ['a type that has no objects', Buffer.from('Spaceship:1').toString('base64url')],
    ['a local id that is not a positive integer', Buffer.from('Film:0').toString('base64url')],
  ])('node refuses %s as BAD_USER_INPUT on "id"', async (_what, id) => {
    const result = await server.execute(`query BadNode($id: ID!) { node(id: $id) { id } }`, { id });
    expect(result.data).toEqual({ node: null });
    expect(result.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  test('nodes names the position of the malformed id, and answers the other ids', async () => {
    const result = await server.execute(
      `query BadNodes($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
      {
        ids: [toGlobalId('Film', 1), 'garbage!'],
      },
    );
    expect(result).toEqual({
      data: { nodes: [{ id: toGlobalId('Film', 1) }, null] },
      errors: [
        expect.objectContaining({
          path: ['nodes', 1],
          extensions: { code: 'BAD_USER_INPUT', field: 'ids[1]' },
        }),
      ],
    });
  });

  test('film(id:) refuses the id of a person as BAD_USER_INPUT on "id"', async () => {
    const person = await server.execute<{ person: { id: string } }>(
      `query PersonId($slug: String!) { person(slug: $slug) { id } }`,
      { slug: SEED.people.joeRusso },
    );
    const result = await server.execute(
      `query FilmByPersonId($id: ID!) { film(id: $id) { title } }`,
      {
        id: person.data!.person.id,
      },
    );
    expect(result.data).toEqual({ film: null });
    expect(result.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
  });

  test.each(['franchise', 'person', 'character', 'company'])(
    '%s(id:) refuses the id of a film',
    async (field) => {
      const result = await server.execute(
        `query WrongType($id: ID!) { ${field}(id: $id) { id } }`,
        {
          id: toGlobalId('Film', 1),
        },
      );
      expect(result.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
    },
  );

  test('an id filter refuses the id of another type, naming the input field', async () => {
    const result = await server.execute(
      `query FilmsOfAFilm($id: ID!) { films(filter: { franchise: $id }) { totalCount } }`,
      {
        id: toGlobalId('Film', 1),
      },
    );
    expect(result.errors?.[0].extensions).toEqual({
      code: 'BAD_USER_INPUT',
      field: 'filter.franchise',
    });
  });
});
