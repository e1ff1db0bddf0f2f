import { SEED } from '../seeds/seed';
import { createTestServer, type TestServer } from './support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(() => server.close());

test('the seeded API answers a film by slug', async () => {
  const result = await server.execute(
    `query FilmTitle($slug: String!) { film(slug: $slug) { title } }`,
    { slug: SEED.films.extraction2 },
  );
  expect(result).toEqual({ data: { film: { title: 'Extraction 2' } } });
});
