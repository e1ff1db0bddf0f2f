import { SEED } from '../../seeds/seed';
import { createTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(() => server.close());

/** Every single-object root field takes `id` or `slug`, exactly one (one LookupResolver serves all). */
describe.each([
  ['film', SEED.films.extraction2],
  ['person', SEED.people.joeRusso],
  ['franchise', SEED.franchises.extraction],
  ['character', SEED.characters.tylerRake],
  ['company', SEED.companies.netflix],
])('%s(id:, slug:)', (field, slug) => {
  test('finds the same object by slug and by the id it returns', async () => {
    const bySlug = await server.execute(
      `query BySlug($slug: String!) { ${field}(slug: $slug) { id slug } }`,
      { slug },
    );
    const id = (bySlug.data?.[field] as { id: string }).id;
    const byId = await server.execute(`query ById($id: ID!) { ${field}(id: $id) { id slug } }`, {
      id,
    });
    expect(byId).toEqual({ data: { [field]: { id, slug } } });
  });

  test('is null for a slug nobody has', async () => {
    const result = await server.execute(`query NoSuchSlug { ${field}(slug: "nobody") { id } }`);
    expect(result).toEqual({ data: { [field]: null } });
  });

  test('with both an id and a slug is BAD_USER_INPUT on "slug"', async () => {
    const result = await server.execute(
      `query Both($id: ID!, $slug: String!) { ${field}(id: $id, slug: $slug) { id } }`,
      { id: 'RmlsbTox', slug },
    );
    expect(result.data).toEqual({ [field]: null });
    expect(result.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'slug' });
  });

  test('with neither is BAD_USER_INPUT on "id"', async () => {
    const result = await server.execute(`query Neither { ${field} { id } }`);
    expect(result.data).toEqual({ [field]: null });
    expect(result.errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});
