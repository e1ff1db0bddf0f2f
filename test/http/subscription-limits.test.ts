import WebSocket from 'ws';
import { SEED } from '../../seeds/seed';
import { withWriteTransaction } from '../../src/db/transactions';
import { ChangeKind, recordChange } from '../../src/events/change-log';
import { SLOW_CONSUMER_CLOSE_CODE } from '../../src/events/change.resolver';
import { Film } from '../../src/film/film.entity';
import { subscribe, wsClient } from '../support/subscriber';
import { createTestServer, type TestServer } from '../support/test-server';

// The limits of subscriptions, with small numbers, over real sockets: the `ws` client speaking the
// graphql-transport-ws protocol by hand where a test needs to misbehave, graphql-ws's client otherwise.

const PROTOCOL = 'graphql-transport-ws';
const LIMITS = {
  WS_MAX_CONNECTIONS: '100',
  WS_MAX_SUBSCRIPTIONS: '3',
  WS_INIT_TIMEOUT_MS: '300',
  WS_KEEPALIVE_MS: '200',
  WS_MAX_QUEUED: '20',
  WS_STALL_MS: '500',
  CORS_ORIGINS: 'https://newsroom.example',
};

/** Opens a raw socket; resolves with it once open, or with the HTTP status that refused it. */
function open(url: string, headers: Record<string, string> = {}): Promise<WebSocket | number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/graphql`, PROTOCOL, { headers });
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    socket.once('error', reject);
  });
}

/** Resolves with the next message of `type`. */
function nextMessage(socket: WebSocket, type: string): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const listener = (data: WebSocket.RawData) => {
      const message = JSON.parse(String(data)) as Record<string, unknown>;
      if (message.type === type) {
        socket.off('message', listener);
        resolve(message);
      }
    };
    socket.on('message', listener);
  });
}

async function initialised(url: string): Promise<WebSocket> {
  const socket = await open(url);
  if (typeof socket === 'number') throw new Error(`refused with ${socket}`);
  const ack = nextMessage(socket, 'connection_ack');
  socket.send(JSON.stringify({ type: 'connection_init' }));
  await ack;
  return socket;
}

const closed = (socket: WebSocket) =>
  new Promise<{ code: number; reason: string }>((resolve) =>
    socket.once('close', (code, reason) => resolve({ code, reason: String(reason) })),
  );

describe('subscription limits', () => {
  let server: TestServer;
  let url: string;
  beforeAll(async () => {
    server = await createTestServer({ env: LIMITS });
    url = await server.listen();
  });
  afterAll(() => server.close());

  test('connection 101 is refused with 503 while 100 are open, and accepted once one closes', async () => {
    const sockets = await Promise.all(Array.from({ length: 100 }, () => initialised(url)));
    expect(await open(url)).toBe(503);
    const first = closed(sockets[0]);
    sockets[0].close();
    await first;
    const another = await open(url);
    expect(another).toBeInstanceOf(WebSocket);
    for (const socket of [...sockets.slice(1), another as WebSocket]) socket.terminate();
  });

  test('a client that does not send connection_init in time is closed with 4408', async () => {
    const socket = await open(url);
    if (typeof socket === 'number') throw new Error(`refused with ${socket}`);
    expect(await closed(socket)).toEqual({
      code: 4408,
      reason: 'Connection initialisation timeout',
    });
  });

  test('the server pings an idle connection every WS_KEEPALIVE_MS', async () => {
    const socket = await initialised(url);
    const pings = await new Promise<number>((resolve) => {
      let count = 0;
      socket.on('ping', () => (count += 1) === 2 && resolve(count));
    });
    expect(pings).toBe(2);
    socket.terminate();
  });

  test('a browser origin outside CORS_ORIGINS is refused with 403; a listed one and the server’s own connect', async () => {
    expect(await open(url, { origin: 'https://elsewhere.example' })).toBe(403);
    // A page of this server itself (GraphiQL) is never refused.
    const same = await open(url, { origin: url });
    expect(same).toBeInstanceOf(WebSocket);
    (same as WebSocket).terminate();
    const allowed = await open(url, { origin: 'https://newsroom.example' });
    expect(allowed).toBeInstanceOf(WebSocket);
    (allowed as WebSocket).terminate();
  });

  test('a fourth subscription on one connection is refused with RATE_LIMITED; the three keep running', async () => {
    const client = wsClient(url);
    const query = `subscription Live { changes { kind } }`;
    const running = [1, 2, 3].map(() => subscribe(client, query));
    const fourth = subscribe(client, query);
    await fourth.ended;
    expect(fourth.errors).toEqual([
      expect.objectContaining({
        message: 'Too many subscriptions on one connection: at most 3.',
        extensions: { code: 'RATE_LIMITED' },
      }),
    ]);
    expect(running.every((sub) => sub.errors.length === 0)).toBe(true);
    await client.dispose();
  });
});

// A client that reads nothing answers no ping either: here pings are rare, so that the test sees the
// slow-consumer close itself rather than the keep-alive's.
describe('a slow consumer', () => {
  let server: TestServer;
  let url: string;
  beforeAll(async () => {
    server = await createTestServer({ env: { ...LIMITS, WS_KEEPALIVE_MS: '60000' } });
    url = await server.listen();
  });
  afterAll(() => server.close());

  test('a client that stops reading is closed with 4008 while the server holds at most WS_MAX_QUEUED changes for it', async () => {
    const film = await server.dataSource
      .getRepository(Film)
      .findOneByOrFail({ slug: SEED.films.extraction3 });
    const socket = await initialised(url);
    // Twenty copies of the film with its credits: each change is a big message, which fills the
    // socket's buffers soon.
    const copies = Array.from(
      { length: 20 },
      (_, i) =>
        `c${i}: subject { ... on Film { id title synopsis credits { id role job person { name aliases } } } }`,
    ).join(' ');
    const started = nextMessage(socket, 'next');
    socket.send(
      JSON.stringify({
        id: '1',
        type: 'subscribe',
        payload: { query: `subscription Big { changes { kind cursor ${copies} } }` },
      }),
    );
    while (server.app.feed.size === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    const write = () =>
      withWriteTransaction(server.dataSource, async (manager) => {
        for (let i = 0; i < 500; i += 1)
          await recordChange(manager, { kind: ChangeKind.UPDATED, subject: film, by: 'test' });
      });
    await write();
    await started;
    // From now on the client reads nothing: the kernel's buffers fill, then the server's queue.
    (socket as unknown as { _socket: { pause(): void } })._socket.pause();
    const end = closed(socket);
    let mostQueued = 0;
    const sample = setInterval(
      () => (mostQueued = Math.max(mostQueued, server.app.feed.queued)),
      5,
    );
    const deadline = Date.now() + 20_000;
    while (server.app.feed.size > 0 && Date.now() < deadline) {
      await write();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    clearInterval(sample);
    expect(server.app.feed.size).toBe(0);
    expect(mostQueued).toBeGreaterThan(0);
    expect(mostQueued).toBeLessThanOrEqual(20);
    (socket as unknown as { _socket: { resume(): void } })._socket.resume();
    expect(await end).toEqual({
      code: SLOW_CONSUMER_CLOSE_CODE,
      reason: 'Slow consumer: changes waited unread; reconnect with your last cursor',
    });
  }, 30_000);
});
