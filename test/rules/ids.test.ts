import { toGlobalId } from '../../src/graphql/relay/global-id';
import { SEED } from '../../seeds/seed';
import { newApiKey } from '../support/editor';
import { createTestServer, type TestServer } from '../support/test-server';

// The rule: every object with an id is fetched again, the same, by `node(id:)` and `nodes(ids:)`; an id
// argument that names a type takes only ids of that type; anything that is not an id is refused.
// Refusals are BAD_USER_INPUT naming the argument; a well-formed id that names nothing is null.

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(() => server.close());

/** The fields asked of each Node type, whichever way an object is reached. */
const TYPE_FIELDS: Record<string, string> = {
  AttachmentEvent: 'status effectiveDate',
  Character: 'slug name',
  Company: 'slug companyKind',
  Credit: 'role person { slug }',
  Film: 'slug title',
  FilmRelation: 'from { slug } to { slug }',
  FilmRelationEvent: 'relationKind effectiveDate',
  Franchise: 'slug kind',
  FranchiseMembership: 'releaseOrdinal storyOrdinal',
  Metric: 'kind value unit',
  Person: 'slug name',
  ProductionEvent: 'productionStatus effectiveDate',
  ReleaseEvent: 'date releaseKind country',
  Source: 'title',
  TitleEvent: 'title effectiveDate',
};
const fragment = (type: string) =>
  `fragment ${type}Fields on ${type} { __typename id ${TYPE_FIELDS[type]} }`;

/** One object of every Node type, reached from films; the paths there are aliased `_…`. */
const ONE_OF_EACH = `
  query OneOfEach($film: String!) {
    film(slug: $film) {
      ...FilmFields
      _credits: credits(filter: { roles: [CAST] }) {
        ...CreditFields
        _person: person { ...PersonFields }
        _character: character { ...CharacterFields }
        _history: history {
          ...AttachmentEventFields
          _source: source { ...SourceFields _outlet: outlet { ...CompanyFields } }
        }
      }
      _follows: follows { ...FilmRelationFields _history: history { ...FilmRelationEventFields } }
      _productionHistory: productionHistory { ...ProductionEventFields }
      _releases: releases { ...ReleaseEventFields }
      _titles: titleHistory { ...TitleEventFields }
      _franchises: franchises { ...FranchiseMembershipFields _franchise: franchise { ...FranchiseFields } }
    }
    _extraction: film(slug: "extraction") { _metrics: metrics { ...MetricFields } }
  }
  ${Object.keys(TYPE_FIELDS).map(fragment).join('\n')}`;

type Found = Record<string, unknown> & { __typename: string; id: string };

/** The paths aliased `_…` lead on from an object; they are not its fields. */
const isPath = (key: string) => key.startsWith('_') && key !== '__typename';

/** The first object of each type in a result, without the paths that led on from it. */
function firstOfEachType(value: unknown, found = new Map<string, Found>()): Map<string, Found> {
  if (Array.isArray(value)) value.forEach((item) => firstOfEachType(item, found));
  else if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.__typename === 'string' && !found.has(record.__typename)) {
      const own = Object.entries(record).filter(([key]) => !isPath(key));
      found.set(record.__typename, Object.fromEntries(own) as Found);
    }
    for (const [key, item] of Object.entries(record)) {
      if (isPath(key) || typeof record.__typename !== 'string') firstOfEachType(item, found);
    }
  }
  return found;
}

async function idOf(type: 'film' | 'person' | 'franchise' | 'character' | 'company', slug: string) {
  const result = await server.execute<Record<string, { id: string }>>(
    `query IdOf($slug: String!) { ${type}(slug: $slug) { id } }`,
    { slug },
  );
  return result.data![type].id;
}

describe('every Node type round-trips', () => {
  test('an object of every type that implements Node is fetched again, the same, by node and by nodes', async () => {
    const schema = await server.execute<{ __type: { possibleTypes: { name: string }[] } }>(
      `query NodeTypes { __type(name: "Node") { possibleTypes { name } } }`,
    );
    const nodeTypes = schema.data!.__type.possibleTypes.map((type) => type.name).sort();
    expect(nodeTypes).toEqual([
      'AttachmentEvent',
      'Character',
      'Company',
      'Credit',
      'Film',
      'FilmRelation',
      'FilmRelationEvent',
      'Franchise',
      'FranchiseMembership',
      'Metric',
      'Person',
      'ProductionEvent',
      'ReleaseEvent',
      'Source',
      'TitleEvent',
    ]);

    // The real data has no retitled film: give Extraction 2 a (made-up) title report to reach.
    const film = await server.execute<{ film: { id: string } }>(
      `query Film($slug: String!) { film(slug: $slug) { id } }`,
      { slug: SEED.films.extraction2 },
    );
    const retitled = await server.execute(
      `mutation Retitle($input: RecordTitleInput!) { recordTitle(input: $input) { duplicate } }`,
      {
        input: {
          film: film.data!.film.id,
          title: 'Extraction II',
          effectiveDate: '2022-01-01',
          confidence: 'SPECULATIVE',
          source: { url: 'https://example.com/made-up-retitle', title: 'A made-up retitle' },
        },
      },
      { apiKey: await newApiKey(server.dataSource, 'ids-retitle') },
    );
    expect(retitled.errors).toBeUndefined();
    const reached = await server.execute(ONE_OF_EACH, { film: SEED.films.extraction2 });
    expect(reached.errors).toBeUndefined();
    const objects = [...firstOfEachType(reached.data).values()].sort((a, b) =>
      a.__typename.localeCompare(b.__typename),
    );
    expect(objects.map((object) => object.__typename)).toEqual(nodeTypes);

    const ids = objects.map((object) => object.id);
    const byNodes = await server.execute(
      `query EveryTypeByNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`,
      { ids },
    );
    const byNode = await Promise.all(
      objects.map(({ __typename, id }) =>
        server.execute(
          `query EveryTypeByNode($id: ID!) { node(id: $id) { ...${__typename}Fields } } ${fragment(__typename)}`,
          { id },
        ),
      ),
    );
    expect({ byNodes, byNode }).toEqual({
      byNodes: {
        data: { nodes: objects.map(({ __typename, id }) => ({ __typename, id })) },
      },
      byNode: objects.map((node) => ({ data: { node } })),
    });
  });

  test.each(['film', 'person', 'franchise', 'character', 'company'] as const)(
    '%s(id:) answers the object of its own id, and null for a well-formed id that names nothing',
    async (type) => {
      const typeName = type[0].toUpperCase() + type.slice(1);
      const slug = {
        film: SEED.films.extraction2,
        person: SEED.people.joeRusso,
        franchise: SEED.franchises.extraction,
        character: SEED.characters.tylerRake,
        company: SEED.companies.netflix,
      }[type];
      const id = await idOf(type, slug);
      const result = await server.execute(
        `query ById($id: ID!, $missing: ID!) {
          found: ${type}(id: $id) { id slug }
          missing: ${type}(id: $missing) { id slug }
        }`,
        { id, missing: toGlobalId(typeName, 999_999) },
      );
      expect(result).toEqual({ data: { found: { id, slug }, missing: null } });
    },
  );
});

describe('an id of the wrong type', () => {
  test.each([
    ['film(id:)', 'person', `film(id: $id) { id }`, 'id', 'Film', 'Person'],
    ['person(id:)', 'film', `person(id: $id) { id }`, 'id', 'Person', 'Film'],
    ['franchise(id:)', 'character', `franchise(id: $id) { id }`, 'id', 'Franchise', 'Character'],
    ['character(id:)', 'company', `character(id: $id) { id }`, 'id', 'Character', 'Company'],
    ['company(id:)', 'franchise', `company(id: $id) { id }`, 'id', 'Company', 'Franchise'],
    [
      'films(filter: { franchise })',
      'film',
      `films(filter: { franchise: $id }) { totalCount }`,
      'filter.franchise',
      'Franchise',
      'Film',
    ],
    [
      'attachments(filter: { film })',
      'person',
      `attachments(filter: { film: $id }) { totalCount }`,
      'filter.film',
      'Film',
      'Person',
    ],
    [
      'attachments(filter: { person })',
      'film',
      `attachments(filter: { person: $id }) { totalCount }`,
      'filter.person',
      'Person',
      'Film',
    ],
    [
      'attachments(filter: { franchise })',
      'film',
      `attachments(filter: { franchise: $id }) { totalCount }`,
      'filter.franchise',
      'Franchise',
      'Film',
    ],
  ] as const)(
    'given to %s (the id of a %s) is BAD_USER_INPUT naming the argument and both types',
    async (_argument, given, selection, field, wanted, got) => {
      const slug = {
        film: SEED.films.extraction2,
        person: SEED.people.joeRusso,
        character: SEED.characters.tylerRake,
        company: SEED.companies.netflix,
        franchise: SEED.franchises.extraction,
      }[given];
      const id = await idOf(given, slug);
      const result = await server.execute(`query WrongType($id: ID!) { ${selection} }`, { id });
      expect(result.errors).toEqual([
        expect.objectContaining({
          message: `"${field}" must be the id of a ${wanted}, got a ${got} id.`,
          extensions: { code: 'BAD_USER_INPUT', field },
        }),
      ]);
    },
  );

  test('given to a mutation’s input is BAD_USER_INPUT naming the input field, and nothing is written', async () => {
    const apiKey = await newApiKey(server.dataSource, 'ids');
    const person = await idOf('person', SEED.people.joeRusso);
    const before = await server.execute(`query Count { attachments { totalCount } }`);
    const result = await server.execute(
      `mutation ReportOnAPerson($input: RecordAttachmentInput!) {
        recordAttachment(input: $input) { duplicate }
      }`,
      {
        input: {
          film: person,
          person,
          role: 'WRITER',
          status: 'RUMORED',
          confidence: 'SPECULATIVE',
          effectiveDate: '2021-01-01',
          source: { url: 'https://example.com/ids', title: 'A report on a person' },
        },
      },
      { apiKey },
    );
    expect(result).toEqual({
      data: null,
      errors: [
        expect.objectContaining({
          message: '"input.film" must be the id of a Film, got a Person id.',
          extensions: { code: 'BAD_USER_INPUT', field: 'input.film' },
        }),
      ],
    });
    expect(await server.execute(`query Count { attachments { totalCount } }`)).toEqual(before);
  });
});

describe('a malformed id', () => {
  const encoded = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
  const MALFORMED = [
    ['not base64url', 'not an id!'],
    ['empty', ''],
    ['base64url of something that is not Type:id', encoded('hello')],
    ['a type that is not a Node', encoded('CompanyCredit:1')],
    ['a type that does not exist', encoded('Spaceship:1')],
    ['a type in lower case', encoded('film:1')],
    ['local id 0', encoded('Film:0')],
    ['a negative local id', encoded('Film:-1')],
    ['a local id with a leading zero', encoded('Film:01')],
    ['a local id that is not an integer', encoded('Film:1.5')],
    ['a local id beyond the safe integers', encoded('Film:9007199254740993')],
    ['longer than 200 characters', encoded(`Film:1${' '.repeat(200)}`)],
  ] as const;

  test.each(MALFORMED)('(%s) is refused by node as BAD_USER_INPUT on "id"', async (_what, id) => {
    const result = await server.execute(`query MalformedNode($id: ID!) { node(id: $id) { id } }`, {
      id,
    });
    expect(result).toEqual({
      data: { node: null },
      errors: [
        expect.objectContaining({
          message: '"id" is not a valid id.',
          extensions: { code: 'BAD_USER_INPUT', field: 'id' },
        }),
      ],
    });
  });

  test.each(MALFORMED.filter(([what]) => what !== 'a type that is not a Node'))(
    '(%s) is refused by film(id:) as BAD_USER_INPUT on "id"',
    async (_what, id) => {
      const result = await server.execute(
        `query MalformedFilm($id: ID!) { film(id: $id) { id } }`,
        { id },
      );
      expect(result).toEqual({
        data: { film: null },
        errors: [
          expect.objectContaining({
            message: expect.stringMatching(
              /^"id" (is not a valid id|must be the id of a Film, got a \w+ id)\.$/,
            ),
            extensions: { code: 'BAD_USER_INPUT', field: 'id' },
          }),
        ],
      });
    },
  );

  test('in nodes, is refused in its own slot, naming its position, and the others are answered', async () => {
    const film = await idOf('film', SEED.films.extraction2);
    const result = await server.execute(
      `query MalformedAmongNodes($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
      { ids: [film, film, encoded('Film:0')] },
    );
    expect(result).toEqual({
      data: { nodes: [{ id: film }, { id: film }, null] },
      errors: [
        expect.objectContaining({
          message: '"ids[2]" is not a valid id.',
          path: ['nodes', 2],
          extensions: { code: 'BAD_USER_INPUT', field: 'ids[2]' },
        }),
      ],
    });
  });
});
