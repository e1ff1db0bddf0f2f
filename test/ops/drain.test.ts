import { Agent, request } from 'node:http';
import type { Socket } from 'node:net';
import { drain } from '../../src/http/drain';
import { listen } from '../../src/http/server';
import { createTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(() => server.close());

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request on `agent`; `finish()` sends the second half of its body (it is in flight until then). */
function send(port: number, agent: Agent, method: string, path: string, body?: string) {
  let finish = () => {};
  let socket!: Promise<Socket>;
  const done = new Promise<Answer>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method,
        path,
        agent,
        headers: { 'content-type': 'application/json' },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += String(chunk)));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }),
        );
      },
    );
    socket = new Promise((resolveSocket) => req.once('socket', resolveSocket));
    req.on('error', reject);
    if (body === undefined) req.end();
    else {
      req.setHeader('content-length', Buffer.byteLength(body));
      const half = Math.floor(body.length / 2);
      req.write(body.slice(0, half));
      finish = () => req.end(body.slice(half));
    }
  });
  return { done, socket, finish: () => finish() };
}

test('drain closes idle keep-alive connections, lets a request in flight finish, then stops Apollo', async () => {
  const { server: http, port } = await listen(server.app.handler, 0, '127.0.0.1');
  const idleAgent = new Agent({ keepAlive: true });
  const busyAgent = new Agent({ keepAlive: true });
  expect(() => server.app.apollo.assertStarted('a request')).not.toThrow();
  try {
    const idle = send(port, idleAgent, 'GET', '/healthz');
    expect((await idle.done).status).toBe(200);
    const idleSocket = await idle.socket;
    const idleClosed = new Promise<void>((resolve) => idleSocket.once('close', () => resolve()));

    const query = 'query InFlight { film(slug: "extraction-2") { title } }';
    const inFlight = send(port, busyAgent, 'POST', '/graphql', JSON.stringify({ query }));
    await new Promise((resolve) => setTimeout(resolve, 100)); // the server has read the first half

    let drained = false;
    const draining = drain(http, server.app, 10_000).then(() => (drained = true));
    await idleClosed; // the idle connection is closed at once
    expect(drained).toBe(false); // the request in flight holds the drain

    inFlight.finish();
    const answer = await inFlight.done;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body)).toEqual({ data: { film: { title: 'Extraction 2' } } });
    // Answered while draining: the client is told not to reuse the connection.
    expect(answer.headers.connection).toBe('close');

    await draining;
    // Apollo has stopped: it no longer counts as started.
    expect(() => server.app.apollo.assertStarted('a request')).toThrow();
  } finally {
    idleAgent.destroy();
    busyAgent.destroy();
    http.closeAllConnections();
  }
});
