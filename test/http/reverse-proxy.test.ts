import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEED } from '../../seeds/seed';
import { createTestServer, type TestServer } from '../support/test-server';
import { newApiKey } from '../support/editor';

/**
 * nginx (Debian's package; .ci/run installs it) in front of the server with `proxy_cache`, configured
 * as the README shows: the same anonymous GET query twice, and the second is answered from nginx's
 * cache (X-Cache-Status: HIT) without reaching the server; with an Authorization header it never is.
 */

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx'].find(existsSync);

let server: TestServer;
let appPort: number;
let proxyUrl: string;
let nginx: ChildProcess;
let dir: string;
let key: string;

/** A free loopback port (asked of the kernel, then released for nginx to take). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** The README's proxy_cache set-up, with every path nginx writes inside `dir`. */
function nginxConfig(listen: number, upstream: number): string {
  return `
daemon off;
master_process off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy_temp;
  fastcgi_temp_path ${dir}/fastcgi_temp;
  uwsgi_temp_path ${dir}/uwsgi_temp;
  scgi_temp_path ${dir}/scgi_temp;
  proxy_cache_path ${dir}/cache levels=1:2 keys_zone=graphql:1m max_size=16m inactive=10m use_temp_path=off;
  server {
    listen 127.0.0.1:${listen};
    location = /nginx-ready { return 204; }
    location /graphql {
      proxy_pass http://127.0.0.1:${upstream};
      proxy_http_version 1.1;
      proxy_cache graphql;
      proxy_cache_methods GET HEAD;
      proxy_cache_revalidate on;
      add_header X-Cache-Status $upstream_cache_status always;
    }
  }
}
`;
}

beforeAll(async () => {
  if (!NGINX) throw new Error('nginx is not installed: apt-get install nginx (.ci/run does)');
  server = await createTestServer({ env: { CACHE_MAX_AGE: '300' } });
  appPort = Number(new URL(await server.listen()).port);
  key = await newApiKey(server.dataSource, 'reverse-proxy-editor');
  dir = mkdtempSync(join(tmpdir(), 'fg-nginx-'));
  const port = await freePort();
  writeFileSync(join(dir, 'nginx.conf'), nginxConfig(port, appPort));
  nginx = spawn(NGINX, ['-p', dir, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  nginx.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  proxyUrl = `http://127.0.0.1:${port}/graphql`;
  // Up when it answers.
  for (let attempt = 0; ; attempt++) {
    if (nginx.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
    try {
      await fetch(`http://127.0.0.1:${port}/nginx-ready`);
      break;
    } catch {
      if (attempt > 100) throw new Error(`nginx did not start: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
});

afterAll(async () => {
  if (nginx && nginx.exitCode === null) {
    const exited = new Promise((resolve) => nginx.once('exit', resolve));
    nginx.kill('SIGQUIT');
    await exited;
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
  await server?.close();
});

const QUERY = 'query ProxiedTitle($slug: String!) { film(slug: $slug) { title } }';

function queryUrl(slug: string): string {
  const search = new URLSearchParams({ query: QUERY, variables: JSON.stringify({ slug }) });
  return `${proxyUrl}?${search}`;
}

const HEADERS = { accept: 'application/json', 'apollo-require-preflight': 'true' };

describe('nginx proxy_cache in front of the server', () => {
  test('the second identical anonymous GET is answered from the cache', async () => {
    const first = await fetch(queryUrl(SEED.films.extraction2), { headers: HEADERS });
    expect(first.status).toBe(200);
    expect(first.headers.get('x-cache-status')).toBe('MISS');
    const firstBody = await first.text();
    expect(JSON.parse(firstBody)).toEqual({ data: { film: { title: 'Extraction 2' } } });

    const second = await fetch(queryUrl(SEED.films.extraction2), { headers: HEADERS });
    expect(second.status).toBe(200);
    expect(second.headers.get('x-cache-status')).toBe('HIT');
    expect(await second.text()).toBe(firstBody);
    expect(second.headers.get('cache-control')).toBe('public, max-age=300');
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
  });

  test('nginx answers a client’s If-None-Match from its cache with 304', async () => {
    const first = await fetch(queryUrl(SEED.films.extraction3), { headers: HEADERS });
    const etag = first.headers.get('etag')!;
    await first.text();
    const again = await fetch(queryUrl(SEED.films.extraction3), {
      headers: { ...HEADERS, 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    expect(again.headers.get('x-cache-status')).toBe('HIT');
  });

  test('with an Authorization header the answer is never stored', async () => {
    const headers = { ...HEADERS, authorization: `Bearer ${key}` };
    const slug = SEED.films.extraction;
    const statuses: (string | null)[] = [];
    for (let i = 0; i < 2; i++) {
      const response = await fetch(queryUrl(slug), { headers });
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('private, no-store');
      expect(await response.json()).toEqual({ data: { film: { title: 'Extraction' } } });
      statuses.push(response.headers.get('x-cache-status'));
    }
    expect(statuses).toEqual(['MISS', 'MISS']);
  });

  test('nginx logged no error', () => {
    const log = readFileSync(join(dir, 'error.log'), 'utf8');
    expect(log).not.toMatch(/\[(error|crit|alert|emerg)\]/);
  });
});
