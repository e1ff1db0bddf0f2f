import 'reflect-metadata';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { parseDatabaseUrl } from '../src/config';
import { SEED } from '../seeds/seed';
import { createEditorKey } from './editor-key';
import { postWithKey, startServerProcess, type ServerProcess } from './server-process';

/**
 * `node dist/bench/fanout.js [--subscribers 100,1000] [--writes 50]` (and the end of `npm run bench`)
 *
 * The fan-out of subscriptions: one real server process (dist/src/main.js, the real seed data on a
 * fresh SQLite file), N graphql-ws clients (one WebSocket each) subscribed to one film's reports, then
 * `writes` reports on that film recorded over HTTP one after another. For each write: the time from the
 * change's `at` (taken in the writing transaction, just before its COMMIT, on the same machine's clock)
 * to the moment the last of the N subscribers has it. The clients all run in this one process, so the
 * figure includes their own parsing: an upper bound of what the server needs.
 */

const ROOT = resolve(__dirname, '..', '..'); // dist/bench → project root
const MAIN = join(ROOT, 'dist', 'src', 'main.js');

export interface FanoutResult {
  readonly subscribers: number;
  readonly writes: number;
  /** From the change's `at` to the last subscriber's receipt. */
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** From the change's `at` to the first subscriber's receipt. */
  readonly firstP50Ms: number;
  /** The mutation's HTTP round trip. */
  readonly writeP50Ms: number;
}

const SUBSCRIPTION = `subscription FilmReports($film: ID!) {
  changes(filter: { film: $film, kinds: [RECORDED] }) {
    kind at cursor
    event { ... on AttachmentEvent { id status confidence credit { person { name } role } } }
  }
}`;

const RECORD = `mutation Record($input: RecordAttachmentInput!) { recordAttachment(input: $input) { event { id } } }`;

const STATUSES = ['RUMORED', 'IN_TALKS', 'IN_NEGOTIATIONS', 'EXPECTED', 'ATTACHED', 'CONFIRMED'];

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const round = (value: number) => Math.round(value * 10) / 10;

interface Pushed {
  changes: { at: string; event: { id: string } };
}

/** Starts the server on `databaseUrl`; resolves with its URL and what stops it. */
function startServer(databaseUrl: string, maxConnections: number): Promise<ServerProcess> {
  return startServerProcess(
    MAIN,
    {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      WS_MAX_CONNECTIONS: String(maxConnections),
      WRITE_RATE_LIMIT: '100000',
    },
    { nodeArgs: ['--max-semi-space-size=16', '--max-old-space-size=512'], timeoutMs: 120_000 },
  );
}

/** Measures one server with `subscribers` subscriptions (one connection each). */
async function measure(
  url: string,
  key: string,
  ids: { film: string; people: string[] },
  subscribers: number,
  writes: number,
  sequence: { next: number },
): Promise<FanoutResult> {
  const clients: Client[] = [];
  /** Per write (by event id): when each subscriber got it. */
  const arrivals = new Map<string, number[]>();
  const waiting = new Map<string, () => void>();
  const at = new Map<string, number>();
  const onChange = ({ changes }: Pushed) => {
    const now = performance.timeOrigin + performance.now();
    const id = changes.event.id;
    at.set(id, Date.parse(changes.at));
    const times = arrivals.get(id) ?? [];
    times.push(now);
    arrivals.set(id, times);
    if (times.length === subscribers) waiting.get(id)?.();
  };
  for (let i = 0; i < subscribers; i += 1) {
    const client = createClient({
      url: `${url.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
    });
    clients.push(client);
    client.subscribe<Pushed['changes']>(
      { query: SUBSCRIPTION, variables: { film: ids.film } },
      {
        next: (result) => result.data && onChange(result.data as unknown as Pushed),
        error: (error) => process.stderr.write(`subscriber error: ${JSON.stringify(error)}\n`),
        complete: () => undefined,
      },
    );
  }
  /** Records a report and waits until every subscriber got it (`patienceMs` at most). */
  const write = async (patienceMs: number) => {
    sequence.next += 1;
    const n = sequence.next;
    const started = performance.now();
    const data = await postWithKey<{ recordAttachment: { event: { id: string } } }>(
      url,
      key,
      RECORD,
      {
        input: {
          film: ids.film,
          person: ids.people[n % ids.people.length],
          role: 'CAST',
          status: STATUSES[n % STATUSES.length],
          confidence: 'TRADE_REPORTED',
          effectiveDate: '2026-11-01',
          source: { url: `https://example.com/fanout/${Date.now()}/${n}`, title: `Fan-out ${n}` },
        },
      },
    );
    const roundTrip = performance.now() - started;
    const id = data.recordAttachment.event.id;
    await new Promise<void>((done, fail) => {
      if ((arrivals.get(id)?.length ?? 0) >= subscribers) return done();
      const timer = setTimeout(
        () => fail(new Error(`${arrivals.get(id)?.length ?? 0} of ${subscribers} got ${id}`)),
        patienceMs,
      );
      waiting.set(id, () => {
        clearTimeout(timer);
        done();
      });
    });
    return { id, roundTrip };
  };
  try {
    // Warm-up: once every subscriber has one change, all are live. A subscriber still connecting when a
    // change is written never gets that one, so each attempt waits a second, not the 30 s of a measured
    // write: with 1,000 subscribers the first attempt always missed some, and waited 30 s for nothing.
    for (let attempt = 0; ; attempt += 1) {
      try {
        await write(1_000);
        break;
      } catch (error) {
        if (attempt === 60) throw error;
      }
    }
    const last: number[] = [];
    const first: number[] = [];
    const roundTrips: number[] = [];
    for (let i = 0; i < writes; i += 1) {
      const { id, roundTrip } = await write(30_000);
      const times = arrivals.get(id)!;
      last.push(Math.max(...times) - at.get(id)!);
      first.push(Math.min(...times) - at.get(id)!);
      roundTrips.push(roundTrip);
    }
    const sorted = (values: number[]) => [...values].sort((x, y) => x - y);
    return {
      subscribers,
      writes,
      p50Ms: round(percentile(sorted(last), 50)),
      p99Ms: round(percentile(sorted(last), 99)),
      maxMs: round(Math.max(...last)),
      firstP50Ms: round(percentile(sorted(first), 50)),
      writeP50Ms: round(percentile(sorted(roundTrips), 50)),
    };
  } finally {
    await Promise.all(clients.map((client) => client.dispose()));
  }
}

/** Runs the fan-out for each number of subscribers, on one fresh server; writes bench/results-fanout.json. */
export async function measureFanout(
  options: { subscribers?: readonly number[]; writes?: number } = {},
): Promise<FanoutResult[]> {
  const counts = options.subscribers ?? [100, 1000];
  const writes = options.writes ?? 50;
  const dir = mkdtempSync(join(tmpdir(), 'franchise-graph-fanout-'));
  const databaseUrl = `sqlite:${join(dir, 'fanout.sqlite')}`;
  const server = await startServer(
    databaseUrl,
    counts.reduce((sum, count) => sum + count, 10),
  );
  try {
    const key = await createEditorKey(parseDatabaseUrl(databaseUrl), 'fanout');
    const found = await postWithKey<Record<string, { id: string }>>(
      server.url,
      key,
      `query Ids($film: String!, $p1: String!, $p2: String!) {
        film(slug: $film) { id } p1: person(slug: $p1) { id } p2: person(slug: $p2) { id } }`,
      {
        film: SEED.films.extraction3,
        p1: SEED.people.chrisHemsworth,
        p2: SEED.people.davidHarbour,
      },
    );
    const ids = { film: found.film.id, people: [found.p1.id, found.p2.id] };
    const results: FanoutResult[] = [];
    const sequence = { next: 0 };
    for (const count of counts)
      results.push(await measure(server.url, key, ids, count, writes, sequence));
    writeFileSync(
      join(ROOT, 'bench', 'results-fanout.json'),
      `${JSON.stringify({ measuredAt: new Date().toISOString(), writes, results }, null, 2)}\n`,
    );
    return results;
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The table `npm run bench` prints. */
export function formatFanout(results: readonly FanoutResult[]): string {
  return [
    '| subscribers | writes | commit → last p50 | p99 | max | commit → first p50 | write round trip p50 |',
    '|---|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.subscribers} | ${r.writes} | ${r.p50Ms} ms | ${r.p99Ms} ms | ${r.maxMs} ms | ${r.firstP50Ms} ms | ${r.writeP50Ms} ms |`,
    ),
  ].join('\n');
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const option = (name: string) => {
    const index = argv.indexOf(`--${name}`);
    return index < 0 ? undefined : argv[index + 1];
  };
  const subscribers = option('subscribers')?.split(',').map(Number);
  const writes = option('writes') === undefined ? undefined : Number(option('writes'));
  measureFanout({ subscribers, writes })
    .then((results) => process.stdout.write(`${formatFanout(results)}\n`))
    .catch((error: unknown) => {
      process.stderr.write(
        `fanout failed: ${error instanceof Error ? error.stack : String(error)}\n`,
      );
      process.exit(1);
    });
}
