import { newsdesk } from '../support/newsdesk';
import { createTestServer, type TestServer } from '../support/test-server';

// The rule: an event effective on D counts on D (`effectiveDate <= asOf`), and not the day before.
// Every day asked below is an event's own day or the day before it.

let server: TestServer;
let film: string;
let person: string;
let credit: string;

beforeAll(async () => {
  server = await createTestServer();
  const desk = await newsdesk(server);
  film = await desk.film('Boundary Day');
  const later = await desk.film('Boundary Day Two');
  person = await desk.person('Dana Boundary');
  const report = { film, person, role: 'WRITER' };
  ({ credit } = await desk.report({ ...report, status: 'IN_TALKS', effectiveDate: '2021-03-10' }));
  await desk.report({ ...report, status: 'CONFIRMED', effectiveDate: '2021-03-20' });
  await desk.productionStatus(film, 'ANNOUNCED', '2021-01-05');
  await desk.productionStatus(film, 'IN_PRODUCTION', '2021-06-01');
  await desk.relate(film, later, 'FOLLOW_UP', '2021-02-01');
  await desk.relate(film, later, 'SEQUEL', '2021-04-01');
});
afterAll(() => server.close());

describe('an event counts from its effective day on', () => {
  test('a credit’s status, isConfirmed and latestEvent change on the day of the event, read from a film, from attachments and through node', async () => {
    const result = await server.execute(
      `query CreditOnTheBoundaries($film: ID!, $credit: ID!) {
        film(id: $film) { credits { ...OnTheBoundaries } }
        attachments(filter: { film: $film }) { edges { node { ...OnTheBoundaries } } }
        node(id: $credit) { ...OnTheBoundaries }
      }
      fragment OnTheBoundaries on Credit {
        dayBefore: status(asOf: "2021-03-09")
        firstDay: status(asOf: "2021-03-10")
        dayBeforeConfirmed: status(asOf: "2021-03-19")
        confirmedDay: status(asOf: "2021-03-20")
        notYetConfirmed: isConfirmed(asOf: "2021-03-19")
        confirmed: isConfirmed(asOf: "2021-03-20")
        eventDayBefore: latestEvent(asOf: "2021-03-09") { status effectiveDate }
        eventFirstDay: latestEvent(asOf: "2021-03-10") { status effectiveDate }
        eventDayBeforeConfirmed: latestEvent(asOf: "2021-03-19") { status effectiveDate }
        eventConfirmedDay: latestEvent(asOf: "2021-03-20") { status effectiveDate }
      }`,
      { film, credit },
    );
    const onTheBoundaries = {
      dayBefore: null,
      firstDay: 'IN_TALKS',
      dayBeforeConfirmed: 'IN_TALKS',
      confirmedDay: 'CONFIRMED',
      notYetConfirmed: false,
      confirmed: true,
      eventDayBefore: null,
      eventFirstDay: { status: 'IN_TALKS', effectiveDate: '2021-03-10' },
      eventDayBeforeConfirmed: { status: 'IN_TALKS', effectiveDate: '2021-03-10' },
      eventConfirmedDay: { status: 'CONFIRMED', effectiveDate: '2021-03-20' },
    };
    expect(result).toEqual({
      data: {
        film: { credits: [onTheBoundaries] },
        attachments: { edges: [{ node: onTheBoundaries }] },
        node: onTheBoundaries,
      },
    });
  });

  const LISTS = `
    query ListsOnADay($film: ID!, $person: ID!, $asOf: Date!) {
      film(id: $film) {
        credits(asOf: $asOf) { ...Listed }
        confirmed: credits(asOf: $asOf, filter: { confirmed: true }) { ...Listed }
        notConfirmed: credits(asOf: $asOf, filter: { confirmed: false }) { ...Listed }
        inTalks: credits(asOf: $asOf, filter: { statuses: [IN_TALKS] }) { ...Listed }
      }
      person(id: $person) { credits(asOf: $asOf) { ...Listed } }
      attachments(asOf: $asOf, filter: { film: $film }) { edges { node { ...Listed } } }
      confirmedAttachments: attachments(asOf: $asOf, filter: { film: $film, confirmed: true }) {
        edges { node { ...Listed } }
      }
      notConfirmedAttachments: attachments(asOf: $asOf, filter: { film: $film, confirmed: false }) {
        edges { node { ...Listed } }
      }
      inTalksAttachments: attachments(asOf: $asOf, filter: { film: $film, statuses: [IN_TALKS] }) {
        edges { node { ...Listed } }
      }
    }
    fragment Listed on Credit {
      status(asOf: $asOf)
      isConfirmed(asOf: $asOf)
      latestEvent(asOf: $asOf) { status effectiveDate }
    }`;

  /** What every list answers on a day when the credit's status is `status` (null: not yet reported). */
  function listsWith(status: 'IN_TALKS' | 'CONFIRMED' | null) {
    const listed =
      status == null
        ? []
        : [
            {
              status,
              isConfirmed: status === 'CONFIRMED',
              latestEvent: {
                status,
                effectiveDate: status === 'CONFIRMED' ? '2021-03-20' : '2021-03-10',
              },
            },
          ];
    const confirmed = status === 'CONFIRMED' ? listed : [];
    const notConfirmed = status === 'IN_TALKS' ? listed : [];
    const edges = (credits: typeof listed) => ({ edges: credits.map((node) => ({ node })) });
    return {
      data: {
        film: { credits: listed, confirmed, notConfirmed, inTalks: notConfirmed },
        person: { credits: listed },
        attachments: edges(listed),
        confirmedAttachments: edges(confirmed),
        notConfirmedAttachments: edges(notConfirmed),
        inTalksAttachments: edges(notConfirmed),
      },
    };
  }

  test.each([
    ['2021-03-09', 'the day before the first report, no list has the credit', null],
    ['2021-03-10', 'on the day of the first report, every list has it IN_TALKS', 'IN_TALKS'],
    ['2021-03-19', 'the day before the confirmation, it is still IN_TALKS', 'IN_TALKS'],
    ['2021-03-20', 'on the day of the confirmation, it is CONFIRMED', 'CONFIRMED'],
  ] as const)('with asOf %s, %s', async (asOf, _what, status) => {
    const result = await server.execute(LISTS, { film, person, asOf });
    expect(result).toEqual(listsWith(status));
  });

  test('a film’s production status changes on the day of the event', async () => {
    const result = await server.execute(
      `query FilmStatusOnTheBoundaries($film: ID!) {
        film(id: $film) {
          dayBefore: status(asOf: "2021-01-04")
          announcedDay: status(asOf: "2021-01-05")
          dayBeforeShooting: status(asOf: "2021-05-31")
          shootingDay: status(asOf: "2021-06-01")
        }
      }`,
      { film },
    );
    expect(result).toEqual({
      data: {
        film: {
          dayBefore: null,
          announcedDay: 'ANNOUNCED',
          dayBeforeShooting: 'ANNOUNCED',
          shootingDay: 'IN_PRODUCTION',
        },
      },
    });
  });

  test('a relation’s kind changes on the day of the event', async () => {
    const result = await server.execute(
      `query RelationKindOnTheBoundaries($film: ID!) {
        film(id: $film) {
          followedBy {
            dayBefore: kind(asOf: "2021-01-31")
            followUpDay: kind(asOf: "2021-02-01")
            dayBeforeSequel: kind(asOf: "2021-03-31")
            sequelDay: kind(asOf: "2021-04-01")
          }
        }
      }`,
      { film },
    );
    expect(result).toEqual({
      data: {
        film: {
          followedBy: [
            {
              dayBefore: null,
              followUpDay: 'FOLLOW_UP',
              dayBeforeSequel: 'FOLLOW_UP',
              sequelDay: 'SEQUEL',
            },
          ],
        },
      },
    });
  });
});

describe('changedSince includes its own day', () => {
  test('a change effective exactly on changedSince is included, and not from the day after', async () => {
    const result = await server.execute(
      `query ChangedSinceOnTheBoundaries($film: ID!) {
        onTheDay: attachments(filter: { film: $film, changedSince: "2021-03-20" }) { ...Statuses }
        dayAfter: attachments(filter: { film: $film, changedSince: "2021-03-21" }) { ...Statuses }
        onTheDayAsOfIt: attachments(asOf: "2021-03-20", filter: { film: $film, changedSince: "2021-03-20" }) {
          ...Statuses
        }
        onTheDayAsOfTheDayBefore: attachments(asOf: "2021-03-19", filter: { film: $film, changedSince: "2021-03-20" }) {
          ...Statuses
        }
      }
      fragment Statuses on CreditConnection { totalCount edges { node { status } } }`,
      { film },
    );
    expect(result).toEqual({
      data: {
        onTheDay: { totalCount: 1, edges: [{ node: { status: 'CONFIRMED' } }] },
        dayAfter: { totalCount: 0, edges: [] },
        onTheDayAsOfIt: { totalCount: 1, edges: [{ node: { status: 'CONFIRMED' } }] },
        onTheDayAsOfTheDayBefore: { totalCount: 0, edges: [] },
      },
    });
  });
});
