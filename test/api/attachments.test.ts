import { SEED } from '../../seeds/seed';
import { COMPANIES, SOURCES } from '../../seeds/real-data';
import { createTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(() => server.close());

/** A source as the API returns it under `source { title outlet { name } publishedOn }`. */
function sourceOf(key: keyof typeof SOURCES) {
  const source = SOURCES[key];
  return {
    title: source.title,
    outlet: { name: COMPANIES[source.outlet].name },
    publishedOn: source.publishedOn,
  };
}

const DEADLINE = sourceOf('deadlineRussoStatement');
const NETFLIX_RELEASE = sourceOf('netflixExtraction2Release');

const EXTRACTION_2_CREDITS = `
  query Extraction2Credits($slug: String!, $asOf: Date, $filter: CreditFilter) {
    film(slug: $slug) {
      credits(asOf: $asOf, filter: $filter) {
        role
        person { slug }
        character { name }
        status(asOf: $asOf)
        isConfirmed(asOf: $asOf)
        latestEvent(asOf: $asOf) { status source { title outlet { name } publishedOn } confidence }
      }
    }
  }`;

describe('Extraction 2 attachments', () => {
  test('on 2020-05-05 Joe Russo is CONFIRMED to write while Hargrave and Hemsworth are only EXPECTED, each with the Deadline source', async () => {
    const result = await server.execute(EXTRACTION_2_CREDITS, {
      slug: SEED.films.extraction2,
      asOf: '2020-05-05',
    });
    expect(result).toEqual({
      data: {
        film: {
          credits: [
            {
              role: 'DIRECTOR',
              person: { slug: SEED.people.samHargrave },
              character: null,
              status: 'EXPECTED',
              isConfirmed: false,
              latestEvent: { status: 'EXPECTED', source: DEADLINE, confidence: 'TRADE_REPORTED' },
            },
            {
              role: 'WRITER',
              person: { slug: SEED.people.joeRusso },
              character: null,
              status: 'CONFIRMED',
              isConfirmed: true,
              latestEvent: {
                status: 'CONFIRMED',
                source: DEADLINE,
                confidence: 'PRINCIPAL_ON_RECORD',
              },
            },
            {
              role: 'CAST',
              person: { slug: SEED.people.chrisHemsworth },
              character: { name: 'Tyler Rake' },
              status: 'EXPECTED',
              isConfirmed: false,
              latestEvent: { status: 'EXPECTED', source: DEADLINE, confidence: 'TRADE_REPORTED' },
            },
          ],
        },
      },
    });
  });

  test('asked today, Hargrave, Russo, Hemsworth and the rest of the cast are all CREDITED with the Netflix release as the source', async () => {
    const result = await server.execute(EXTRACTION_2_CREDITS, { slug: SEED.films.extraction2 });
    const credited = (role: string, person: string, character: string | null) => ({
      role,
      person: { slug: person },
      character: character == null ? null : { name: character },
      status: 'CREDITED',
      isConfirmed: true,
      latestEvent: { status: 'CREDITED', source: NETFLIX_RELEASE, confidence: 'OFFICIAL' },
    });
    expect(result).toEqual({
      data: {
        film: {
          credits: [
            credited('DIRECTOR', SEED.people.samHargrave, null),
            credited('WRITER', SEED.people.joeRusso, null),
            credited('CAST', SEED.people.chrisHemsworth, 'Tyler Rake'),
            credited('CAST', SEED.people.golshiftehFarahani, 'Nik Khan'),
            credited('CAST', SEED.people.adamBessa, 'Yaz Khan'),
            credited('CAST', SEED.people.olgaKurylenko, 'Mia'),
            credited('CAST', SEED.people.idrisElba, 'Alcott'),
          ],
        },
      },
    });
  });

  test('on 2020-05-03, before Russo spoke to Deadline, nobody is attached to Extraction 2', async () => {
    const result = await server.execute(EXTRACTION_2_CREDITS, {
      slug: SEED.films.extraction2,
      asOf: '2020-05-03',
    });
    expect(result).toEqual({ data: { film: { credits: [] } } });
  });

  test('a credit answers status, isConfirmed and latestEvent for any day given on the field itself', async () => {
    const result = await server.execute(
      `query HargraveOverTime($slug: String!) {
        film(slug: $slug) {
          credits(filter: { roles: [DIRECTOR] }) {
            before: status(asOf: "2020-05-03")
            expected: status(asOf: "2020-05-05")
            confirmed: status(asOf: "2021-09-25")
            credited: status(asOf: "2023-06-16")
            now: status
            confirmedBefore: isConfirmed(asOf: "2020-05-05")
            confirmedAfter: isConfirmed(asOf: "2021-10-01")
            eventBefore: latestEvent(asOf: "2020-05-03") { status }
            eventTudum: latestEvent(asOf: "2022-01-01") { status effectiveDate confidence source { outlet { name } } }
          }
        }
      }`,
      { slug: SEED.films.extraction2 },
    );
    expect(result).toEqual({
      data: {
        film: {
          credits: [
            {
              before: null,
              expected: 'EXPECTED',
              confirmed: 'CONFIRMED',
              credited: 'CREDITED',
              now: 'CREDITED',
              confirmedBefore: false,
              confirmedAfter: true,
              eventBefore: null,
              eventTudum: {
                status: 'CONFIRMED',
                effectiveDate: '2021-09-25',
                confidence: 'OFFICIAL',
                source: { outlet: { name: COMPANIES.collider.name } },
              },
            },
          ],
        },
      },
    });
  });

  test('a list’s asOf selects its credits and never changes their fields, which take their own asOf', async () => {
    const result = await server.execute(
      `query RussoListedThenAsked($slug: String!) {
        film(slug: $slug) {
          credits(asOf: "2020-05-05", filter: { roles: [WRITER] }) {
            status
            isConfirmed
            latestEvent { status }
            then: status(asOf: "2020-05-05")
            thenEvent: latestEvent(asOf: "2020-05-05") { status }
          }
        }
      }`,
      { slug: SEED.films.extraction2 },
    );
    expect(result).toEqual({
      data: {
        film: {
          credits: [
            {
              status: 'CREDITED',
              isConfirmed: true,
              latestEvent: { status: 'CREDITED' },
              then: 'CONFIRMED',
              thenEvent: { status: 'CONFIRMED' },
            },
          ],
        },
      },
    });
  });

  test('a credit listed then and today in one response has one value per field and arguments', async () => {
    const result = await server.execute<{
      film: { then: Record<string, unknown>[]; today: Record<string, unknown>[] };
    }>(
      `query ThenAndToday($slug: String!) {
        film(slug: $slug) {
          then: credits(asOf: "2020-05-05") { id status status2020: status(asOf: "2020-05-05") }
          today: credits { id status status2020: status(asOf: "2020-05-05") }
        }
      }`,
      { slug: SEED.films.extraction2 },
    );
    const today = new Map(result.data!.film.today.map((credit) => [credit.id, credit]));
    expect(result.data!.film.then).toHaveLength(3);
    for (const credit of result.data!.film.then) expect(credit).toEqual(today.get(credit.id));
  });

  test('history lists every reported change of a credit, oldest first, each with its source', async () => {
    const result = await server.execute(
      `query HemsworthHistory($slug: String!) {
        film(slug: $slug) {
          credits(filter: { roles: [CAST] }) {
            person { slug }
            history { status effectiveDate confidence retracted source { title } speaker { slug } }
          }
        }
      }`,
      { slug: SEED.films.extraction2 },
    );
    const credits = (
      result.data as { film: { credits: { person: { slug: string }; history: unknown }[] } }
    ).film.credits;
    expect(credits.find((c) => c.person.slug === SEED.people.chrisHemsworth)?.history).toEqual([
      {
        status: 'EXPECTED',
        effectiveDate: '2020-05-04',
        confidence: 'TRADE_REPORTED',
        retracted: false,
        source: { title: SOURCES.deadlineRussoStatement.title },
        speaker: { slug: SEED.people.joeRusso },
      },
      {
        status: 'CONFIRMED',
        effectiveDate: '2021-09-25',
        confidence: 'OFFICIAL',
        retracted: false,
        source: { title: SOURCES.colliderTudum2021.title },
        speaker: null,
      },
      {
        status: 'CREDITED',
        effectiveDate: '2023-06-16',
        confidence: 'OFFICIAL',
        retracted: false,
        source: { title: SOURCES.netflixExtraction2Release.title },
        speaker: null,
      },
    ]);
  });
});

describe('the Extraction → Extraction 2 relation', () => {
  test('is FOLLOW_UP on 2020-05-05 and SEQUEL today, seen from Extraction 2 through follows', async () => {
    const result = await server.execute(
      `query Extraction2Follows($slug: String!) {
        film(slug: $slug) {
          follows {
            from { slug }
            to { slug }
            before: kind(asOf: "2020-05-03")
            then: kind(asOf: "2020-05-05")
            kind
            history { kind: relationKind effectiveDate confidence quote source { title } }
          }
        }
      }`,
      { slug: SEED.films.extraction2 },
    );
    expect(result).toEqual({
      data: {
        film: {
          follows: [
            {
              from: { slug: SEED.films.extraction },
              to: { slug: SEED.films.extraction2 },
              before: null,
              then: 'FOLLOW_UP',
              kind: 'SEQUEL',
              history: [
                {
                  kind: 'FOLLOW_UP',
                  effectiveDate: '2020-05-04',
                  confidence: 'PRINCIPAL_ON_RECORD',
                  quote:
                    'We’re not committing yet to whether that story goes forward, or backward in time.',
                  source: { title: SOURCES.deadlineRussoStatement.title },
                },
                {
                  kind: 'SEQUEL',
                  effectiveDate: '2023-06-16',
                  confidence: 'OFFICIAL',
                  quote: null,
                  source: { title: SOURCES.netflixExtraction2Release.title },
                },
              ],
            },
          ],
        },
      },
    });
  });

  test('is the same link seen from Extraction through followedBy', async () => {
    const result = await server.execute(
      `query ExtractionFollowedBy($slug: String!) {
        film(slug: $slug) { followedBy { from { slug } to { slug } then: kind(asOf: "2020-05-05") kind } }
      }`,
      { slug: SEED.films.extraction },
    );
    expect(result).toEqual({
      data: {
        film: {
          followedBy: [
            {
              from: { slug: SEED.films.extraction },
              to: { slug: SEED.films.extraction2 },
              then: 'FOLLOW_UP',
              kind: 'SEQUEL',
            },
          ],
        },
      },
    });
  });
});

describe('Extraction 2 production status', () => {
  test('is null before the first report, IN_DEVELOPMENT in mid 2020, IN_PRODUCTION in 2022 and RELEASED today', async () => {
    const result = await server.execute(
      `query Extraction2Status($slug: String!) {
        film(slug: $slug) {
          before: status(asOf: "2020-05-03")
          development: status(asOf: "2020-06-01")
          production: status(asOf: "2022-01-01")
          status
          productionHistory { status: productionStatus effectiveDate }
        }
      }`,
      { slug: SEED.films.extraction2 },
    );
    expect(result).toEqual({
      data: {
        film: {
          before: null,
          development: 'IN_DEVELOPMENT',
          production: 'IN_PRODUCTION',
          status: 'RELEASED',
          productionHistory: [
            { status: 'IN_DEVELOPMENT', effectiveDate: '2020-05-04' },
            { status: 'IN_PRODUCTION', effectiveDate: '2021-11-29' },
            { status: 'RELEASED', effectiveDate: '2023-06-16' },
          ],
        },
      },
    });
  });
});

describe('the attachments list', () => {
  const ATTACHMENTS = `
    query Attachments($filter: AttachmentFilter, $asOf: Date) {
      attachments(filter: $filter, asOf: $asOf, first: 100) {
        totalCount
        edges { node { film { slug } person { slug } role status(asOf: $asOf) } }
      }
    }`;

  type Row = [film: string, person: string, role: string, status: string];
  const attachmentList = (...rows: Row[]) => ({
    data: {
      attachments: {
        totalCount: rows.length,
        edges: rows.map(([film, person, role, status]) => ({
          node: { film: { slug: film }, person: { slug: person }, role, status },
        })),
      },
    },
  });

  const idOf = async (field: 'film' | 'person' | 'franchise', slug: string) => {
    const result = await server.execute<Record<string, { id: string }>>(
      `query IdOf($slug: String!) { ${field}(slug: $slug) { id } }`,
      { slug },
    );
    return result.data![field].id;
  };

  const { films, people } = SEED;

  test('filters by film, as of a day', async () => {
    const film = await idOf('film', films.extraction2);
    expect(await server.execute(ATTACHMENTS, { filter: { film }, asOf: '2020-05-05' })).toEqual(
      attachmentList(
        [films.extraction2, people.samHargrave, 'DIRECTOR', 'EXPECTED'],
        [films.extraction2, people.joeRusso, 'WRITER', 'CONFIRMED'],
        [films.extraction2, people.chrisHemsworth, 'CAST', 'EXPECTED'],
      ),
    );
  });

  test('leaves out every credit nobody had reported yet on the day asked', async () => {
    const film = await idOf('film', films.extraction2);
    expect(await server.execute(ATTACHMENTS, { filter: { film }, asOf: '2020-05-03' })).toEqual(
      attachmentList(),
    );
  });

  test('filters by person, as of a day', async () => {
    const person = await idOf('person', people.joeRusso);
    expect(await server.execute(ATTACHMENTS, { filter: { person }, asOf: '2020-05-05' })).toEqual(
      attachmentList(
        // One WRITER credit: a credit is (film, person, role, character), whatever the job (issue 13).
        [films.extraction, people.joeRusso, 'WRITER', 'CREDITED'],
        [films.extraction, people.joeRusso, 'PRODUCER', 'CREDITED'],
        [films.extraction2, people.joeRusso, 'WRITER', 'CONFIRMED'],
        [films.winterSoldier, people.joeRusso, 'DIRECTOR', 'CREDITED'],
        [films.civilWar, people.joeRusso, 'DIRECTOR', 'CREDITED'],
        [films.infinityWar, people.joeRusso, 'DIRECTOR', 'CREDITED'],
        [films.endgame, people.joeRusso, 'DIRECTOR', 'CREDITED'],
      ),
    );
  });

  test('filters by franchise and role', async () => {
    const franchise = await idOf('franchise', SEED.franchises.extraction);
    expect(
      await server.execute(ATTACHMENTS, { filter: { franchise, roles: ['DIRECTOR'] } }),
    ).toEqual(
      attachmentList(
        [films.extraction, people.samHargrave, 'DIRECTOR', 'CREDITED'],
        [films.extraction2, people.samHargrave, 'DIRECTOR', 'CREDITED'],
        [films.extraction3, people.samHargrave, 'DIRECTOR', 'ATTACHED'],
      ),
    );
  });

  test('filters by any of several statuses as of a day', async () => {
    expect(
      await server.execute(ATTACHMENTS, {
        filter: { statuses: ['EXPECTED', 'IN_TALKS'] },
        asOf: '2020-05-05',
      }),
    ).toEqual(
      attachmentList(
        [films.extraction2, people.samHargrave, 'DIRECTOR', 'EXPECTED'],
        [films.extraction2, people.chrisHemsworth, 'CAST', 'EXPECTED'],
      ),
    );
  });

  test('filters by confirmed, today and as of a day', async () => {
    expect(await server.execute(ATTACHMENTS, { filter: { confirmed: false } })).toEqual(
      attachmentList(
        [films.extraction3, people.samHargrave, 'DIRECTOR', 'ATTACHED'],
        [films.extraction3, people.joeRusso, 'WRITER', 'ATTACHED'],
      ),
    );
    const film = await idOf('film', films.extraction2);
    expect(
      await server.execute(ATTACHMENTS, { filter: { film, confirmed: true }, asOf: '2020-05-05' }),
    ).toEqual(attachmentList([films.extraction2, people.joeRusso, 'WRITER', 'CONFIRMED']));
  });

  test('filters by changedSince, counting only changes up to asOf', async () => {
    expect(await server.execute(ATTACHMENTS, { filter: { changedSince: '2024-01-01' } })).toEqual(
      attachmentList(
        [films.extraction3, people.samHargrave, 'DIRECTOR', 'ATTACHED'],
        [films.extraction3, people.joeRusso, 'WRITER', 'ATTACHED'],
      ),
    );
    expect(
      await server.execute(ATTACHMENTS, {
        filter: { changedSince: '2021-09-01' },
        asOf: '2021-12-31',
      }),
    ).toEqual(
      attachmentList(
        [films.extraction2, people.samHargrave, 'DIRECTOR', 'CONFIRMED'],
        [films.extraction2, people.chrisHemsworth, 'CAST', 'CONFIRMED'],
      ),
    );
  });

  test('selects by the list’s asOf, while each credit’s latestEvent answers for its own asOf', async () => {
    const film = await idOf('film', films.extraction2);
    const result = await server.execute(
      `query Extraction2Sources($filter: AttachmentFilter, $day: Date) {
        attachments(filter: $filter, asOf: $day) { edges { node {
          isConfirmed(asOf: $day) latestEvent(asOf: $day) { source { title } } today: latestEvent { status }
        } } }
      }`,
      { filter: { film, roles: ['WRITER'], confirmed: true }, day: '2020-05-05' },
    );
    expect(result).toEqual({
      data: {
        attachments: {
          edges: [
            {
              node: {
                isConfirmed: true,
                latestEvent: { source: { title: SOURCES.deadlineRussoStatement.title } },
                today: { status: 'CREDITED' },
              },
            },
          ],
        },
      },
    });
  });
});
