import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputType,
} from 'graphql';
import { ApiKeyRole } from '../../src/auth/roles';
import { toGlobalId } from '../../src/graphql/relay/global-id';
import { getSchema } from '../../src/schema';
import { SEED } from '../../seeds/seed';
import { newApiKey, revokeKey, snapshotDatabase } from '../support/editor';
import { createTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let editorKey: string;
let revokedKey: string;
let adminKey: string;

beforeAll(async () => {
  server = await createTestServer();
  editorKey = await newApiKey(server.dataSource, 'editor-alice');
  adminKey = await newApiKey(server.dataSource, 'admin-root', ApiKeyRole.ADMIN);
  revokedKey = await newApiKey(server.dataSource, 'former-bob');
  await revokeKey(server.dataSource, 'former-bob');
});
afterAll(() => server.close());

/** A value the schema accepts for a type (the resolver is never reached without a valid key). */
function placeholder(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return placeholder(type.ofType);
  if (isListType(type)) return [placeholder(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((field) => isNonNullType(field.type))
        .map((field) => [field.name, placeholder(field.type)]),
    );
  }
  const scalar = getNamedType(type);
  if (!isScalarType(scalar)) throw new Error(`unexpected input type ${String(type)}`);
  return (
    {
      ID: toGlobalId('Film', 1),
      String: 'x',
      Int: 1,
      Float: 1,
      Boolean: true,
      Date: '2020-01-01',
      DateTime: '2020-01-01T00:00:00Z',
    } as Record<string, unknown>
  )[scalar.name];
}

/** For every Mutation field: a document that passes GraphQL validation, with variables for every argument. */
async function everyMutationCall(): Promise<
  { name: string; query: string; variables: Record<string, unknown> }[]
> {
  const mutation = (await getSchema()).getMutationType();
  if (!mutation) throw new Error('the schema has no Mutation type');
  return Object.values(mutation.getFields()).map((field) => {
    const declarations = field.args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
    const passing = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
    return {
      name: field.name,
      query: `mutation Call${field.name}(${declarations}) { ${field.name}(${passing}) { __typename } }`,
      variables: Object.fromEntries(field.args.map((arg) => [arg.name, placeholder(arg.type)])),
    };
  });
}

describe('every mutation in the schema needs a valid editor key', () => {
  const callers = [
    { caller: 'an anonymous caller', auth: {}, code: 'UNAUTHENTICATED' },
    {
      caller: 'an unknown key',
      auth: { apiKey: 'fgk_not-a-key-anyone-was-given' },
      code: 'UNAUTHENTICATED',
    },
    { caller: 'a revoked key', auth: { apiKey: '' }, code: 'UNAUTHENTICATED', revoked: true },
    {
      caller: 'a malformed Authorization header',
      auth: { authorization: 'Basic YWxpY2U6c2VjcmV0' },
      code: 'UNAUTHENTICATED',
    },
  ];

  test.each(callers)(
    'refuses $caller with $code and changes no row',
    async ({ auth, code, revoked }) => {
      const calls = await everyMutationCall();
      expect(calls.map((call) => call.name).sort()).toEqual([
        'addFilmToFranchise',
        'correctEvent',
        'createCharacter',
        'createCompany',
        'createFilm',
        'createFranchise',
        'createPerson',
        'deleteCharacter',
        'deleteCompany',
        'deleteFilm',
        'deletePerson',
        'mergeCharacters',
        'mergeCompanies',
        'mergeFilms',
        'mergePeople',
        'recordAttachment',
        'recordMetric',
        'recordProductionStatus',
        'recordRelease',
        'recordTitle',
        'relateFilms',
        'retractEvent',
        'updateCharacter',
        'updateCompany',
        'updateCredit',
        'updateFilm',
        'updateFranchise',
        'updatePerson',
        'updateSource',
      ]);
      const before = await snapshotDatabase(server.dataSource);
      for (const call of calls) {
        const result = await server.execute(
          call.query,
          call.variables,
          revoked ? { apiKey: revokedKey } : auth,
        );
        expect({
          mutation: call.name,
          data: result.data,
          code: result.errors?.[0]?.extensions?.code,
        }).toEqual({
          mutation: call.name,
          data: null,
          code,
        });
      }
      expect(await snapshotDatabase(server.dataSource)).toEqual(before);
    },
  );

  test('the error for a revoked key says so', async () => {
    const result = await server.execute(
      `mutation Revoked { createCharacter(input: { name: "Nobody" }) { character { id } } }`,
      undefined,
      { apiKey: revokedKey },
    );
    expect(result.errors?.[0]).toMatchObject({
      message: 'The API key has been revoked.',
      extensions: { code: 'UNAUTHENTICATED' },
    });
  });

  test('succeeds for an editor key, for every mutation (an admin key for merges and deletes)', async () => {
    const run = async (
      query: string,
      variables: Record<string, unknown> = {},
      apiKey = editorKey,
    ) => {
      const result = await server.execute<
        Record<string, Record<string, Record<string, unknown> & { id: string }>>
      >(query, variables, { apiKey });
      expect(result.errors).toBeUndefined();
      return Object.values(result.data!)[0];
    };
    const source = {
      url: 'https://example.com/auth-test',
      title: 'An auth test',
      publishedOn: '2024-01-02',
    };
    const done = new Set<string>();
    const company = (
      await run(
        `mutation CreateCompany { createCompany(input: { name: "Auth Test Pictures", kind: STUDIO }) { company { id } } }`,
      )
    ).company;
    done.add('createCompany');
    const franchise = (
      await run(
        `mutation CreateFranchise { createFranchise(input: { name: "Auth Test Saga", kind: SAGA }) { franchise { id version } } }`,
      )
    ).franchise;
    done.add('createFranchise');
    await run(
      `mutation U($id: ID!) { updateFranchise(input: { id: $id, expectedVersion: 1, description: "Tested." }) { franchise { id } } }`,
      {
        id: franchise.id,
      },
    );
    done.add('updateFranchise');
    const film = (
      await run(
        `mutation CreateFilmOne { createFilm(input: { title: "Auth Test One" }) { film { id } } }`,
      )
    ).film;
    const film2 = (
      await run(
        `mutation CreateFilmTwo { createFilm(input: { title: "Auth Test Two" }) { film { id } } }`,
      )
    ).film;
    done.add('createFilm');
    await run(
      `mutation U($id: ID!) { updateFilm(input: { id: $id, expectedVersion: 1, runtimeMinutes: 99 }) { film { id } } }`,
      { id: film.id },
    );
    done.add('updateFilm');
    await run(
      `mutation A($film: ID!, $f: ID!) { addFilmToFranchise(input: { film: $film, franchise: $f, releaseOrdinal: 1 }) { membership { releaseOrdinal } } }`,
      {
        film: film.id,
        f: franchise.id,
      },
    );
    done.add('addFilmToFranchise');
    await run(
      `mutation R($from: ID!, $to: ID!, $source: SourceInput) {
        relateFilms(input: { from: $from, to: $to, kind: SEQUEL, effectiveDate: "2024-01-02", confidence: OFFICIAL, source: $source }) { relation { id } } }`,
      { from: film.id, to: film2.id, source },
    );
    done.add('relateFilms');
    const person = (
      await run(
        `mutation CreatePerson { createPerson(input: { name: "Auth Test Person", aliases: ["A.T."] }) { person { id } } }`,
      )
    ).person;
    done.add('createPerson');
    await run(
      `mutation U($id: ID!) { updatePerson(input: { id: $id, expectedVersion: 1, aliases: [] }) { person { id } } }`,
      { id: person.id },
    );
    done.add('updatePerson');
    const character = (
      await run(
        `mutation CreateCharacter { createCharacter(input: { name: "Auth Test Hero" }) { character { id } } }`,
      )
    ).character;
    done.add('createCharacter');
    await run(
      `mutation R($film: ID!, $company: ID!, $source: SourceInput) {
        recordRelease(input: { film: $film, date: "2025-03-04", kind: STREAMING, company: $company, confidence: OFFICIAL, source: $source }) { event { id } } }`,
      { film: film.id, company: company.id, source },
    );
    done.add('recordRelease');
    await run(
      `mutation T($film: ID!, $source: SourceInput) {
        recordTitle(input: { film: $film, title: "Auth Test: The Sequel", effectiveDate: "2024-01-02", confidence: OFFICIAL, source: $source }) { event { id } } }`,
      { film: film.id, source },
    );
    done.add('recordTitle');
    await run(
      `mutation M($film: ID!, $source: SourceInput) {
        recordMetric(input: { film: $film, kind: VIEWERSHIP, value: 1000, unit: VIEWS, methodology: "views", asOf: "2025-04-01", source: $source }) { metric { id } } }`,
      { film: film.id, source },
    );
    done.add('recordMetric');
    await run(
      `mutation P($film: ID!, $source: SourceInput) {
        recordProductionStatus(input: { film: $film, status: IN_PRODUCTION, effectiveDate: "2024-01-02", confidence: OFFICIAL, source: $source }) { event { id } } }`,
      { film: film.id, source },
    );
    done.add('recordProductionStatus');
    const attachment = await run(
      `mutation A($film: ID!, $person: ID!, $character: ID!, $source: SourceInput) {
        recordAttachment(input: { film: $film, person: $person, role: CAST, character: $character, status: RUMORED,
          effectiveDate: "2024-01-02", confidence: SPECULATIVE, source: $source }) { credit { id } event { id } source { id } } }`,
      { film: film.id, person: person.id, character: character.id, source },
    );
    done.add('recordAttachment');
    const corrected = await run(
      `mutation C($id: ID!) { correctEvent(input: { event: $id, reason: "Only a test.", confidence: OFFICIAL }) {
        event { ... on AttachmentEvent { id } } } }`,
      { id: (attachment.event as { id: string }).id },
    );
    done.add('correctEvent');
    await run(
      `mutation R($id: ID!) { retractEvent(input: { event: $id, reason: "Only a test." }) { __typename } }`,
      {
        id: (corrected.event as { id: string }).id,
      },
    );
    done.add('retractEvent');
    await run(
      `mutation U($id: ID!) { updateCredit(input: { id: $id, expectedVersion: 1, billingOrder: 2 }) { credit { id } } }`,
      { id: (attachment.credit as { id: string }).id },
    );
    done.add('updateCredit');
    await run(
      `mutation U($id: ID!) { updateSource(input: { id: $id, expectedVersion: 1, title: "An auth test, corrected" }) { source { id } } }`,
      { id: (attachment.source as { id: string }).id },
    );
    done.add('updateSource');
    await run(
      `mutation U($id: ID!) { updateCharacter(input: { id: $id, expectedVersion: 1, aliases: ["Hero"] }) { character { id } } }`,
      { id: character.id },
    );
    done.add('updateCharacter');
    await run(
      `mutation U($id: ID!) { updateCompany(input: { id: $id, expectedVersion: 1, name: "Auth Test Studios" }) { company { id } } }`,
      { id: company.id },
    );
    done.add('updateCompany');
    // Merges and deletes need an admin key: each merges a fresh pair, then deletes the kept record.
    for (const [type, create, merge, remove] of [
      ['Person', 'createPerson(input: { name: "Twice" })', 'mergePeople', 'deletePerson'],
      ['Film', 'createFilm(input: { title: "Twice" })', 'mergeFilms', 'deleteFilm'],
      [
        'Character',
        'createCharacter(input: { name: "Twice" })',
        'mergeCharacters',
        'deleteCharacter',
      ],
      [
        'Company',
        'createCompany(input: { name: "Twice", kind: STUDIO })',
        'mergeCompanies',
        'deleteCompany',
      ],
    ]) {
      const record = type.toLowerCase();
      const created = `${create} { ${record} { id } }`;
      const keep = (await run(`mutation Keep${type} { ${created} }`))[record];
      const duplicate = (await run(`mutation Duplicate${type} { ${created} }`))[record];
      await run(
        `mutation M($keep: ID!, $duplicate: ID!) { ${merge}(input: { keep: $keep, duplicate: $duplicate }) { ${record} { id } } }`,
        { keep: keep.id, duplicate: duplicate.id },
        adminKey,
      );
      done.add(merge);
      await run(
        `mutation D($id: ID!) { ${remove}(input: { id: $id }) { deletedId } }`,
        { id: keep.id },
        adminKey,
      );
      done.add(remove);
    }
    const everyMutation = (await everyMutationCall()).map((call) => call.name).sort();
    expect([...done].sort()).toEqual(everyMutation);
  });
});

describe('roles', () => {
  const seedEvent = async () => {
    const result = await server.execute<{
      film: { credits: { history: { id: string; recordedBy: string }[] }[] };
    }>(
      `query SeedEvents($slug: String!) { film(slug: $slug) { credits { history { id recordedBy } } } }`,
      { slug: SEED.films.extraction2 },
    );
    return result.data!.film.credits[0].history[0];
  };

  test('an editor may not retract what another key recorded: FORBIDDEN, and nothing changes', async () => {
    const event = await seedEvent();
    expect(event.recordedBy).toBe('seed');
    const before = await snapshotDatabase(server.dataSource);
    const result = await server.execute(
      `mutation Retract($id: ID!) { retractEvent(input: { event: $id, reason: "I disagree." }) { __typename } }`,
      { id: event.id },
      { apiKey: editorKey },
    );
    expect(result.data).toBeNull();
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await snapshotDatabase(server.dataSource)).toEqual(before);
  });

  test('an admin may retract anything', async () => {
    const event = await seedEvent();
    const result = await server.execute(
      `mutation Retract($id: ID!) { retractEvent(input: { event: $id, reason: "Checked." }) { event { ... on AttachmentEvent { retracted retractedBy } } } }`,
      { id: event.id },
      { apiKey: adminKey },
    );
    expect(result).toEqual({
      data: { retractEvent: { event: { retracted: true, retractedBy: 'admin-root' } } },
    });
  });
});

describe('reads stay public', () => {
  test.each([
    ['without a key', () => ({})],
    ['with an unknown key (ignored by reads)', () => ({ apiKey: 'fgk_unknown' })],
    ['with a revoked key (ignored by reads)', () => ({ apiKey: revokedKey })],
  ])('a query is answered %s', async (_case, auth) => {
    const result = await server.execute(
      `query Title($slug: String!) { film(slug: $slug) { title } }`,
      { slug: SEED.films.extraction2 },
      auth(),
    );
    expect(result).toEqual({ data: { film: { title: 'Extraction 2' } } });
  });
});
