import WebSocket from 'ws';
import { startServerProcess, type ServerProcess } from '../support/server-process';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// SIGTERM to a real server process (the compiled dist/src/main.js) with subscriptions open.

let database: TestDatabase;
let server: ServerProcess;

beforeAll(async () => {
  database = await createTestDatabase();
  server = await startServerProcess({
    DATABASE_URL: database.url,
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
  });
});

afterAll(async () => {
  await server.stop();
  await database.drop();
});

/** A subscribed socket (the protocol by hand, to see the close code and every message). */
async function subscribed(index: number) {
  const socket = new WebSocket(
    `${server.url.replace(/^http/, 'ws')}/graphql`,
    'graphql-transport-ws',
  );
  const messages: { type: string }[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(String(data)) as { type: string }));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.once('close', (code, reason) => resolve({ code, reason: String(reason) })),
  );
  await new Promise((resolve) => socket.once('open', resolve));
  const acknowledged = new Promise((resolve) => socket.once('message', resolve));
  socket.send(JSON.stringify({ type: 'connection_init' }));
  await acknowledged;
  socket.send(
    JSON.stringify({
      id: String(index),
      type: 'subscribe',
      payload: { query: `subscription Live${index} { changes { kind cursor } }` },
    }),
  );
  return { messages, closed };
}

test('SIGTERM closes open subscriptions with 1001 (going away), logs their end, and exits 0', async () => {
  const sockets = await Promise.all([1, 2, 3].map(subscribed));
  // Each subscription's start is logged with its request id.
  const deadline = Date.now() + 10_000;
  while ((server.output().match(/"subscription started"/g) ?? []).length < 3) {
    if (Date.now() > deadline) throw new Error(server.output());
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const code = await server.stop();
  expect(code).toBe(0);
  for (const socket of sockets) {
    expect(await socket.closed).toEqual({
      code: 1001,
      reason: 'Server shutting down: reconnect with your last cursor',
    });
    expect(socket.messages.map((message) => message.type)).toEqual(['connection_ack']);
  }
  const lines = server
    .output()
    .split('\n')
    .filter((line) => line.includes('"subscription '))
    .map((line) => JSON.parse(line) as { msg: string; requestId: string });
  const started = lines.filter((line) => line.msg === 'subscription started');
  const ended = lines.filter((line) => line.msg === 'subscription ended');
  expect(started).toHaveLength(3);
  expect(ended.map((line) => line.requestId).sort()).toEqual(
    started.map((line) => line.requestId).sort(),
  );
  expect(server.output()).toMatch(/"stopped"/);
});
