import { ApiKeyRole } from '../../src/auth/roles';
import { newApiKey } from '../support/editor';
import { GraphqlHttpClient } from '../support/graphql-http';
import { createTestServer, type TestServer } from '../support/test-server';

// Release and title reports (issue 12) in the correction machinery of issue 13: the same report is
// stored once among the events that count, other details are REPORT_CONFLICT, correctEvent fixes one
// in a step (the film's cached date and title follow), and a film merge moves them to the kept film.

let server: TestServer;
const client = new GraphqlHttpClient();
const { post, ok, refused } = client;
let adminKey: string;

beforeAll(async () => {
  server = await createTestServer();
  client.url = await server.listen();
  client.key = await newApiKey(server.dataSource, 'story-corrections-desk');
  adminKey = await newApiKey(server.dataSource, 'story-corrections-admin', ApiKeyRole.ADMIN);
});
afterAll(() => server.close());

const CREATE_FILM = `mutation CreateFilm($title: String!) { createFilm(input: { title: $title }) { film { id slug } } }`;
const RECORD_RELEASE = `
  mutation RecordRelease($input: RecordReleaseInput!) {
    recordRelease(input: $input) { duplicate film { releaseDate } event { id date retracted } }
  }`;
const RECORD_TITLE = `
  mutation RecordTitle($input: RecordTitleInput!) {
    recordTitle(input: $input) { duplicate film { title } event { id title } }
  }`;
const CORRECT = `
  mutation Correct($input: CorrectEventInput!) {
    correctEvent(input: $input) {
      corrected { ... on ReleaseEvent { id retracted } ... on TitleEvent { id retracted } }
      event {
        ... on ReleaseEvent { id date precision corrects { id } film { releaseDate releaseDatePrecision } }
        ... on TitleEvent { id title corrects { id } film { title } }
      }
    }
  }`;
const RETRACT = `mutation Retract($id: ID!) { retractEvent(input: { event: $id, reason: "Wrong date." }) { event { ... on ReleaseEvent { id retracted } } } }`;

type ReleaseRecorded = {
  recordRelease: {
    duplicate: boolean;
    film: { releaseDate: string | null };
    event: { id: string; date: string; retracted: boolean };
  };
};
type TitleRecorded = {
  recordTitle: {
    duplicate: boolean;
    film: { title: string };
    event: { id: string; title: string };
  };
};

const source = (name: string) => ({
  url: `https://example.com/story-corrections/${name}`,
  title: `Story corrections: ${name}`,
  publishedOn: '2026-01-15',
});

async function film(title: string): Promise<{ id: string; slug: string }> {
  return (await ok<{ createFilm: { film: { id: string; slug: string } } }>(CREATE_FILM, { title }))
    .createFilm.film;
}

describe('release reports in the correction machinery', () => {
  let filmId: string;
  let input: Record<string, unknown>;
  let first: string;

  beforeAll(async () => {
    filmId = (await film('Reported Release')).id;
    input = {
      film: filmId,
      date: '2027-06-04',
      kind: 'THEATRICAL',
      country: 'US',
      confidence: 'TRADE_REPORTED',
      effectiveDate: '2026-01-15',
      source: source('release'),
    };
  });

  test('a release may be dated in the future; resent, it is the same event', async () => {
    const recorded = await ok<ReleaseRecorded>(RECORD_RELEASE, { input });
    first = recorded.recordRelease.event.id;
    expect(recorded.recordRelease).toEqual({
      duplicate: false,
      film: { releaseDate: '2027-06-04' },
      event: { id: first, date: '2027-06-04', retracted: false },
    });
    const again = await ok<ReleaseRecorded>(RECORD_RELEASE, { input });
    expect(again.recordRelease).toEqual({ ...recorded.recordRelease, duplicate: true });
  });

  test('the same release report with another confidence is REPORT_CONFLICT naming the stored event', async () => {
    expect(await refused(RECORD_RELEASE, { input: { ...input, confidence: 'OFFICIAL' } })).toEqual(
      expect.objectContaining({ code: 'REPORT_CONFLICT', existingEvent: first }),
    );
  });

  test('a release report effective after today is refused, as every report is', async () => {
    expect(
      await refused(RECORD_RELEASE, { input: { ...input, effectiveDate: '2999-01-01' } }),
    ).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.effectiveDate' }));
  });

  test('correctEvent moves the date and the precision in one step; the film’s date follows', async () => {
    const corrected = await ok<{
      correctEvent: { corrected: unknown; event: { id: string } & Record<string, unknown> };
    }>(CORRECT, {
      input: {
        event: first,
        reason: 'The trade had the month only.',
        releaseDate: '2027-06-01',
        releasePrecision: 'MONTH',
      },
    });
    expect(corrected.correctEvent).toEqual({
      corrected: { id: first, retracted: true },
      event: {
        id: corrected.correctEvent.event.id,
        date: '2027-06-01',
        precision: 'MONTH',
        corrects: { id: first },
        film: { releaseDate: '2027-06-01', releaseDatePrecision: 'MONTH' },
      },
    });
    // The corrected report is in force now: resending the retracted one records it anew.
    const resent = await ok<ReleaseRecorded>(RECORD_RELEASE, { input });
    expect(resent.recordRelease.duplicate).toBe(false);
    expect(resent.recordRelease.event.id).not.toBe(first);
  });

  test('a correction effective after today is refused on input.effectiveDate', async () => {
    const { recordRelease } = await ok<ReleaseRecorded>(RECORD_RELEASE, {
      input: { ...input, country: 'FR', source: source('release-fr') },
    });
    expect(
      await refused(CORRECT, {
        input: { event: recordRelease.event.id, reason: 'Later.', effectiveDate: '2999-01-01' },
      }),
    ).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.effectiveDate' }));
    expect(await ok(RETRACT, { id: recordRelease.event.id })).toEqual({
      retractEvent: { event: { id: recordRelease.event.id, retracted: true } },
    });
  });
});

describe('a worldwide release (no country)', () => {
  test('sent five times at once is stored once: one recording, four duplicates of it', async () => {
    const { id } = await film('Worldwide Release');
    const input = {
      film: id,
      date: '2027-02-05',
      kind: 'STREAMING',
      confidence: 'OFFICIAL',
      effectiveDate: '2026-01-15',
      source: source('worldwide'),
    };
    const results = await Promise.all(
      Array.from({ length: 5 }, () => post<ReleaseRecorded>(RECORD_RELEASE, { input })),
    );
    expect(results.map((result) => result.errors)).toEqual(Array(5).fill(undefined));
    const recorded = results.map((result) => result.data!.recordRelease);
    expect(recorded.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(new Set(recorded.map((r) => r.event.id)).size).toBe(1);
  });
});

describe('title reports in the correction machinery', () => {
  test('a title resent with another quote is REPORT_CONFLICT; correctEvent fixes the title and its slug', async () => {
    const { id } = await film('Working Name');
    const input = {
      film: id,
      title: 'Final Nmae',
      effectiveDate: '2026-01-15',
      confidence: 'OFFICIAL',
      source: source('title'),
    };
    const recorded = await ok<TitleRecorded>(RECORD_TITLE, { input });
    expect(recorded.recordTitle.film).toEqual({ title: 'Final Nmae' });
    expect(await refused(RECORD_TITLE, { input: { ...input, quote: 'Another quote' } })).toEqual(
      expect.objectContaining({
        code: 'REPORT_CONFLICT',
        existingEvent: recorded.recordTitle.event.id,
      }),
    );
    const corrected = await ok<{ correctEvent: { event: Record<string, unknown> } }>(CORRECT, {
      input: { event: recorded.recordTitle.event.id, reason: 'Typo.', title: 'Final Name' },
    });
    expect(corrected.correctEvent.event).toEqual(
      expect.objectContaining({ title: 'Final Name', film: { title: 'Final Name' } }),
    );
    expect(await ok(`query BySlug { film(slug: "FINAL-NAME") { id title } }`, {}, null)).toEqual({
      film: { id, title: 'Final Name' },
    });
  });

  test('a title field on a release correction is refused', async () => {
    const { id } = await film('Mismatched Correction');
    const { recordRelease } = await ok<ReleaseRecorded>(RECORD_RELEASE, {
      input: {
        film: id,
        date: '2026-01-01',
        kind: 'STREAMING',
        confidence: 'OFFICIAL',
        effectiveDate: '2026-01-15',
        source: source('mismatch'),
      },
    });
    expect(
      await refused(CORRECT, {
        input: { event: recordRelease.event.id, reason: 'Wrong field.', title: 'Nope' },
      }),
    ).toEqual(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.title' }));
  });
});

describe('merging films', () => {
  test('moves release and title reports to the kept film, whose old and merged slugs all resolve', async () => {
    const keep = await film('Twin Release');
    const duplicate = await film('Twin Release Copy');
    await ok<ReleaseRecorded>(RECORD_RELEASE, {
      input: {
        film: duplicate.id,
        date: '2026-09-01',
        kind: 'THEATRICAL',
        confidence: 'OFFICIAL',
        effectiveDate: '2026-01-15',
        source: source('twin-release'),
      },
    });
    await ok<TitleRecorded>(RECORD_TITLE, {
      input: {
        film: duplicate.id,
        title: 'Twin Release: Reborn',
        effectiveDate: '2026-01-15',
        confidence: 'OFFICIAL',
        source: source('twin-title'),
      },
    });
    const merged = await ok<{ mergeFilms: Record<string, unknown> }>(
      `mutation Merge($input: MergeInput!) {
        mergeFilms(input: $input) { film {
          id title releaseDate
          releaseHistory { date } titleHistory { title }} }
      }`,
      { input: { keep: keep.id, duplicate: duplicate.id } },
      adminKey,
    );
    expect(merged.mergeFilms.film).toEqual({
      id: keep.id,
      title: 'Twin Release: Reborn',
      releaseDate: '2026-09-01',
      releaseHistory: [{ date: '2026-09-01' }],
      titleHistory: [{ title: 'Twin Release: Reborn' }],
    });
    const lookups = await ok<Record<string, { id: string } | null>>(
      `query Slugs {
        first: film(slug: "twin-release") { id }
        merged: film(slug: "Twin-Release-Copy") { id }
        retitled: film(slug: "TWIN-RELEASE-REBORN") { id }
      }`,
      {},
      null,
    );
    expect(lookups).toEqual({
      first: { id: keep.id },
      merged: { id: keep.id },
      retitled: { id: keep.id },
    });
  });
});
