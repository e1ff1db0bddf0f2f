import { newsdesk, RETRACTION_REASON } from '../support/newsdesk';
import { createTestServer, type TestServer } from '../support/test-server';

// The rule: a retracted event never counts, for any status, list or filter, on any day; it stays in
// `history`, marked. What is all retracted is not current.

let server: TestServer;
let film: string;
let sequel: string;
let alpha: string;
let bravo: string;
let bravoCredit: string;

beforeAll(async () => {
  server = await createTestServer();
  const desk = await newsdesk(server);
  film = await desk.film('Retraction Film');
  sequel = await desk.film('Retraction Film Two');
  const spinOff = await desk.film('Retraction Film Three');
  alpha = await desk.person('Alex Alpha');
  bravo = await desk.person('Bea Bravo');

  // Alpha: in talks, then a confirmation that the outlet took back.
  await desk.report({
    film,
    person: alpha,
    role: 'WRITER',
    status: 'IN_TALKS',
    effectiveDate: '2021-03-01',
  });
  const confirmation = await desk.report({
    film,
    person: alpha,
    role: 'WRITER',
    status: 'CONFIRMED',
    effectiveDate: '2021-03-05',
  });
  await desk.retract(confirmation.event);
  // Bravo: one rumor, taken back: nothing about this credit counts.
  const rumor = await desk.report({
    film,
    person: bravo,
    role: 'DIRECTOR',
    status: 'RUMORED',
    effectiveDate: '2021-03-02',
  });
  bravoCredit = rumor.credit;
  await desk.retract(rumor.event);

  await desk.productionStatus(film, 'IN_DEVELOPMENT', '2021-01-01');
  await desk.retract(await desk.productionStatus(film, 'IN_PRODUCTION', '2021-02-01'));

  await desk.relate(film, sequel, 'FOLLOW_UP', '2021-01-10');
  await desk.retract((await desk.relate(film, sequel, 'PREQUEL', '2021-01-20')).event);
  await desk.retract((await desk.relate(film, spinOff, 'SPIN_OFF', '2021-01-15')).event);
});
afterAll(() => server.close());

const IN_TALKS = {
  person: { name: 'Alex Alpha' },
  status: 'IN_TALKS',
  isConfirmed: false,
  latestEvent: { status: 'IN_TALKS', effectiveDate: '2021-03-01', retracted: false },
};

describe('a retracted event never counts', () => {
  const LISTS = `
    query ListsWithARetraction($film: ID!, $alpha: ID!, $asOf: Date) {
      film(id: $film) {
        credits(asOf: $asOf, filter: { roles: [WRITER] }) { ...Listed }
        confirmed: credits(asOf: $asOf, filter: { roles: [WRITER], confirmed: true }) { ...Listed }
        notConfirmed: credits(asOf: $asOf, filter: { roles: [WRITER], confirmed: false }) {
          ...Listed
        }
        retractedStatus: credits(asOf: $asOf, filter: { statuses: [CONFIRMED, RUMORED] }) {
          ...Listed
        }
        keptStatus: credits(asOf: $asOf, filter: { statuses: [IN_TALKS] }) { ...Listed }
      }
      person(id: $alpha) {
        credits(asOf: $asOf) { ...Listed }
        confirmed: credits(asOf: $asOf, filter: { confirmed: true }) { ...Listed }
        retractedStatus: credits(asOf: $asOf, filter: { statuses: [CONFIRMED] }) { ...Listed }
      }
      attachments(asOf: $asOf, filter: { film: $film }) { ...Page }
      confirmedAttachments: attachments(asOf: $asOf, filter: { film: $film, confirmed: true }) {
        ...Page
      }
      notConfirmedAttachments: attachments(asOf: $asOf, filter: { film: $film, confirmed: false }) {
        ...Page
      }
      retractedStatusAttachments: attachments(
        asOf: $asOf
        filter: { film: $film, statuses: [CONFIRMED, RUMORED] }
      ) { ...Page }
      keptStatusAttachments: attachments(asOf: $asOf, filter: { film: $film, statuses: [IN_TALKS] }) {
        ...Page
      }
    }
    fragment Listed on Credit {
      person { name } status isConfirmed latestEvent { status effectiveDate retracted }
    }
    fragment Page on CreditConnection { totalCount edges { node { ...Listed } } }`;

  test.each([
    ['today', null],
    ['on the day of the retracted confirmation', '2021-03-05'],
    ['on the day of the retracted rumor', '2021-03-02'],
  ])(
    '%s, every list and filter shows Alpha IN_TALKS, and attachments leave out Bravo, whose only report was retracted',
    async (_when, asOf) => {
      const result = await server.execute(LISTS, { film, alpha, asOf });
      const page = (credits: unknown[]) => ({
        totalCount: credits.length,
        edges: credits.map((node) => ({ node })),
      });
      expect(result).toEqual({
        data: {
          film: {
            credits: [IN_TALKS],
            confirmed: [],
            notConfirmed: [IN_TALKS],
            retractedStatus: [],
            keptStatus: [IN_TALKS],
          },
          person: { credits: [IN_TALKS], confirmed: [], retractedStatus: [] },
          attachments: page([IN_TALKS]),
          confirmedAttachments: page([]),
          notConfirmedAttachments: page([IN_TALKS]),
          retractedStatusAttachments: page([]),
          keptStatusAttachments: page([IN_TALKS]),
        },
      });
    },
  );

  test('a credit whose only report was retracted is not in its person’s credits of the day, nor in attachments', async () => {
    const result = await server.execute(
      `query BravoCredits($bravo: ID!) {
        person(id: $bravo) {
          onTheDay: credits(asOf: "2021-03-02") { id }
          onTheDayNotConfirmed: credits(asOf: "2021-03-02", filter: { confirmed: false }) { id }
        }
        attachments(filter: { person: $bravo }) { totalCount edges { node { id } } }
      }`,
      { bravo },
    );
    expect(result).toEqual({
      data: {
        person: { onTheDay: [], onTheDayNotConfirmed: [] },
        attachments: { totalCount: 0, edges: [] },
      },
    });
  });

  test('a credit whose only report was retracted stays reachable by id, with no status and its history marked', async () => {
    const result = await server.execute(
      `query BravoById($credit: ID!) {
        node(id: $credit) {
          ... on Credit {
            person { name }
            status
            onTheDay: status(asOf: "2021-03-02")
            isConfirmed
            latestEvent { status }
            history { status effectiveDate retracted retractionReason }
          }
        }
      }`,
      { credit: bravoCredit },
    );
    expect(result).toEqual({
      data: {
        node: {
          person: { name: 'Bea Bravo' },
          status: null,
          onTheDay: null,
          isConfirmed: false,
          latestEvent: null,
          history: [
            {
              status: 'RUMORED',
              effectiveDate: '2021-03-02',
              retracted: true,
              retractionReason: RETRACTION_REASON,
            },
          ],
        },
      },
    });
  });

  test('attachments(filter: { changedSince }) does not count a retracted change', async () => {
    const result = await server.execute(
      `query ChangedSinceWithARetraction($film: ID!) {
        sinceTheRetractedChanges: attachments(filter: { film: $film, changedSince: "2021-03-02" }) {
          totalCount edges { node { person { name } } }
        }
        sinceTheKeptChange: attachments(filter: { film: $film, changedSince: "2021-03-01" }) {
          totalCount edges { node { person { name } } }
        }
      }`,
      { film },
    );
    expect(result).toEqual({
      data: {
        sinceTheRetractedChanges: { totalCount: 0, edges: [] },
        sinceTheKeptChange: {
          totalCount: 1,
          edges: [{ node: { person: { name: 'Alex Alpha' } } }],
        },
      },
    });
  });

  test('films(filter: { statuses }) does not match a retracted production status', async () => {
    const result = await server.execute(
      `query FilmsWithARetraction {
        retracted: films(filter: { titleContains: "Retraction Film", statuses: [IN_PRODUCTION] }) {
          totalCount edges { node { title } }
        }
        kept: films(filter: { titleContains: "Retraction Film", statuses: [IN_DEVELOPMENT] }) {
          totalCount edges { node { title } }
        }
      }`,
    );
    expect(result).toEqual({
      data: {
        retracted: { totalCount: 0, edges: [] },
        kept: { totalCount: 1, edges: [{ node: { title: 'Retraction Film' } }] },
      },
    });
  });

  test('a film’s status and a relation’s kind do not count a retracted event', async () => {
    const result = await server.execute(
      `query StatusAndKindWithARetraction($film: ID!, $sequel: ID!) {
        film(id: $film) {
          status
          onTheRetractedDay: status(asOf: "2021-02-01")
        }
        sequel: film(id: $sequel) {
          follows {
            from { title }
            kind
            onTheRetractedDay: kind(asOf: "2021-01-20")
          }
        }
      }`,
      { film, sequel },
    );
    expect(result).toEqual({
      data: {
        film: { status: 'IN_DEVELOPMENT', onTheRetractedDay: 'IN_DEVELOPMENT' },
        sequel: {
          follows: [
            {
              from: { title: 'Retraction Film' },
              kind: 'FOLLOW_UP',
              onTheRetractedDay: 'FOLLOW_UP',
            },
          ],
        },
      },
    });
  });
});

describe('a retracted event stays in history', () => {
  test('credit, production and relation histories list retracted events in their place, marked, with the reason', async () => {
    const result = await server.execute(
      `query HistoriesWithRetractions($film: ID!, $sequel: ID!) {
        film(id: $film) {
          credits(filter: { roles: [WRITER] }) { history { status effectiveDate retracted retractionReason } }
          productionHistory { status: productionStatus effectiveDate retracted retractionReason }
        }
        sequel: film(id: $sequel) {
          follows { history { kind: relationKind effectiveDate retracted retractionReason } }
        }
      }`,
      { film, sequel },
    );
    const kept = (effectiveDate: string) => ({
      effectiveDate,
      retracted: false,
      retractionReason: null,
    });
    const retracted = (effectiveDate: string) => ({
      effectiveDate,
      retracted: true,
      retractionReason: RETRACTION_REASON,
    });
    expect(result).toEqual({
      data: {
        film: {
          credits: [
            {
              history: [
                { status: 'IN_TALKS', ...kept('2021-03-01') },
                { status: 'CONFIRMED', ...retracted('2021-03-05') },
              ],
            },
          ],
          productionHistory: [
            { status: 'IN_DEVELOPMENT', ...kept('2021-01-01') },
            { status: 'IN_PRODUCTION', ...retracted('2021-02-01') },
          ],
        },
        sequel: {
          follows: [
            {
              history: [
                { kind: 'FOLLOW_UP', ...kept('2021-01-10') },
                { kind: 'PREQUEL', ...retracted('2021-01-20') },
              ],
            },
          ],
        },
      },
    });
  });
});
