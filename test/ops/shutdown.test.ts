import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { resolve } from 'node:path';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

// Runs the compiled server (`npm test` builds it first) as a real process and stops it with SIGTERM.
const MAIN = resolve(__dirname, '..', '..', 'dist', 'src', 'main.js');

let database: TestDatabase;
let child: ChildProcess;
let port: number;
let output = '';

beforeAll(async () => {
  // A new database of the kind the suite runs on: SQLite (the close checkpoints its WAL) or PostgreSQL.
  database = await createTestDatabase();
  child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      // As deployed: Apollo, outside NODE_ENV=test, would stop on SIGTERM on its own.
      NODE_ENV: 'production',
      PORT: '0',
      DATABASE_URL: database.url,
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += String(chunk)));
  child.stderr!.on('data', (chunk) => (output += String(chunk)));
  port = await new Promise<number>((resolvePort, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const poll = setInterval(() => {
      const match = / at http:\/\/\S+:(\d+)\/graphql/.exec(output);
      if (match) {
        clearInterval(poll);
        clearTimeout(timer);
        resolvePort(Number(match[1]));
      }
    }, 50);
  });
});

afterAll(async () => {
  if (child.exitCode === null) child.kill('SIGKILL');
  await database.drop();
});

/**
 * Starts a POST whose body arrives in two parts: the request is in flight (headers and half the body
 * sent) until `finish()` sends the rest.
 */
function slowRequest(query: string) {
  const body = JSON.stringify({ query });
  const half = Math.floor(body.length / 2);
  let finish!: () => void;
  const done = new Promise<{ status: number; body: string }>((resolveDone, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += String(chunk)));
        res.on('end', () => resolveDone({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.write(body.slice(0, half));
    finish = () => req.end(body.slice(half));
  });
  return { done, finish: () => finish() };
}

test('SIGTERM stops accepting, lets slow requests in flight finish, then exits 0', async () => {
  const inFlight = Array.from({ length: 5 }, (_, i) =>
    slowRequest(
      `query InFlight${i} { film(slug: "extraction-2") { title credits { person { name } } } }`,
    ),
  );
  await new Promise((r) => setTimeout(r, 200)); // the server has read the first halves
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  child.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 300)); // the server is draining now
  await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow(); // no new connections
  for (const request of inFlight) request.finish();
  const answers = await Promise.all(inFlight.map((r) => r.done));
  for (const answer of answers) {
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).data.film.title).toBe('Extraction 2');
  }
  expect(await exited).toBe(0);
  expect(output).toContain('shutting down');
});
