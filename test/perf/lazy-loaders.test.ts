import * as character from '../../src/character/character.loaders';
import * as company from '../../src/company/company.loaders';
import * as credit from '../../src/credit/credit.loaders';
import * as film from '../../src/film/film.loaders';
import * as franchise from '../../src/franchise/franchise.loaders';
import * as metric from '../../src/metric/metric.loaders';
import * as person from '../../src/person/person.loaders';
import * as source from '../../src/source/source.loaders';
import { SEED } from '../../seeds/seed';
import { newApiKey } from '../support/editor';
import { createTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
let key: string;
beforeAll(async () => {
  server = await createTestServer();
  key = await newApiKey(server.dataSource, 'lazy-loaders');
});
afterAll(() => server.close());

const FACTORIES = {
  character: jest.spyOn(character, 'createCharacterLoaders'),
  company: jest.spyOn(company, 'createCompanyLoaders'),
  credit: jest.spyOn(credit, 'createCreditLoaders'),
  film: jest.spyOn(film, 'createFilmLoaders'),
  franchise: jest.spyOn(franchise, 'createFranchiseLoaders'),
  metric: jest.spyOn(metric, 'createMetricLoaders'),
  person: jest.spyOn(person, 'createPersonLoaders'),
  source: jest.spyOn(source, 'createSourceLoaders'),
};

/** The features whose loaders were built since the last call, and how many times. */
function built(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [name, spy] of Object.entries(FACTORIES)) {
    if (spy.mock.calls.length > 0) counts[name] = spy.mock.calls.length;
    spy.mockClear();
  }
  return counts;
}

describe('per-request loaders', () => {
  test('a request builds no loader until a resolver asks for one', async () => {
    built();
    expect(await server.execute('query Q0 { __typename }')).toEqual({
      data: { __typename: 'Query' },
    });
    expect(built()).toEqual({});
  });

  test('a request builds the loaders of the features it reads, once each', async () => {
    built();
    const result = await server.execute(
      'query F($slug: String!) { film(slug: $slug) { credits { person { slug } } } }',
      { slug: SEED.films.extraction2 },
    );
    expect(result.errors).toBeUndefined();
    // The film is found by its slug (one query, no loader); its credits and their people by loaders.
    expect(built()).toEqual({ credit: 1, person: 1 });
  });

  test('a write that reads nothing back builds no loader (emptying them skips the unbuilt ones)', async () => {
    built();
    const result = await server.execute(
      'mutation C($input: CreateCharacterInput!) { createCharacter(input: $input) { character { name } } }',
      { input: { name: 'Lazy Loader' } },
      { apiKey: key },
    );
    expect(result).toEqual({ data: { createCharacter: { character: { name: 'Lazy Loader' } } } });
    expect(built()).toEqual({});
  });
});
