import { seed, SEED } from '../../seeds/seed';
import { ATTACHMENT_REPORTS, CREDITS, FILMS, PEOPLE } from '../../seeds/real-data';
import { AttachmentEvent } from '../../src/credit/attachment-event.entity';
import { Credit } from '../../src/credit/credit.entity';
import { Film } from '../../src/film/film.entity';
import { Person } from '../../src/person/person.entity';
import { createTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(() => server.close());

/** Tables the seed does not fill: API keys are made by people, never seeded. */
// No film of the real data was retitled (Extraction's "Dhaka" was a working title); merges and
// deletes (issue 13) are not in the seed.
const UNSEEDED = new Set(['api_key', 'title_event', 'merged_record']);

/** The number of rows in every table the seed fills. */
async function rowCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const metadata of server.dataSource.entityMetadatas) {
    if (UNSEEDED.has(metadata.tableName)) continue;
    counts[metadata.tableName] = await server.dataSource.getRepository(metadata.target).count();
  }
  return counts;
}

describe('the seed', () => {
  test('loads every film, person and credit of the real data', async () => {
    const repository = <T extends object>(entity: new () => T) =>
      server.dataSource.getRepository(entity);
    expect(await repository(Film).count()).toBe(Object.keys(FILMS).length);
    expect(await repository(Person).count()).toBe(Object.keys(PEOPLE).length);
    // A credit is one person's role on one film: the final credits and the attachments before them.
    const creditKeys = new Set(
      [...CREDITS, ...ATTACHMENT_REPORTS.map((report) => report.credit)].map((credit) =>
        // The job is an attribute, not identity (issue 13).
        [credit.film, credit.person, credit.role, credit.character ?? ''].join('|'),
      ),
    );
    expect(await repository(Credit).count()).toBe(creditKeys.size);
    expect(
      await repository(AttachmentEvent).count({ where: { retracted: false } }),
    ).toBeGreaterThanOrEqual(ATTACHMENT_REPORTS.length);
  });

  test('is idempotent: running it again, even at another time, changes no row count', async () => {
    const before = await rowCounts();
    expect(Object.values(before).every((count) => count > 0)).toBe(true);
    await seed(server.dataSource);
    await seed(server.dataSource, '2030-01-01T00:00:00.000Z');
    expect(await rowCounts()).toEqual(before);
  });

  test('still answers the same after running again', async () => {
    const result = await server.execute(
      `query RussoOnExtraction2($slug: String!) {
        film(slug: $slug) { credits(asOf: "2020-05-05", filter: { roles: [WRITER] }) { person { name } status(asOf: "2020-05-05") } }
      }`,
      { slug: SEED.films.extraction2 },
    );
    expect(result).toEqual({
      data: { film: { credits: [{ person: { name: 'Joe Russo' }, status: 'CONFIRMED' }] } },
    });
  });
});
