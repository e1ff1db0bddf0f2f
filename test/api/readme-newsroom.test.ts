/**
 * The README's newsroom script ("tell me when anyone's status on Extraction 3 changes"), run as it is
 * written: Node with the project's graphql-ws and ws, its URL pointed at a test server. An editor then
 * records a report over HTTP, and the script prints it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SEED } from '../../seeds/seed';
import { newApiKey } from '../support/editor';
import { GraphqlHttpClient } from '../support/graphql-http';
import { createTestServer, type TestServer } from '../support/test-server';

const ROOT = join(__dirname, '..', '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const LIVE = README.slice(README.indexOf('## Live updates'), README.indexOf('## Configuration'));
const SCRIPT = /```js\n([\s\S]*?)\n```/.exec(LIVE)![1];

let server: TestServer;
let script: ChildProcess | undefined;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(async () => {
  script?.kill();
  await server.close();
});

test('the README’s newsroom script prints a status recorded on Extraction 3', async () => {
  const url = await server.listen();
  expect(SCRIPT).toContain("url: 'ws://localhost:4000/graphql'");
  // Bare imports in an ES module given with -e resolve from the working directory: the project's.
  script = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      SCRIPT.replace('ws://localhost:4000/graphql', `${url.replace(/^http/, 'ws')}/graphql`),
    ],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  script.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  script.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const deadline = Date.now() + 20_000;
  const until = async (done: () => boolean, what: string) => {
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`${what}; the script printed: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  await until(() => server.app.feed.size > 0, 'the script never subscribed');

  const http = new GraphqlHttpClient();
  http.url = url;
  http.key = await newApiKey(server.dataSource, 'newsroom-script');
  const ids = await http.ok<{ film: { id: string }; person: { id: string } }>(
    `query Ids($film: String!, $person: String!) { film(slug: $film) { id } person(slug: $person) { id } }`,
    { film: SEED.films.extraction3, person: SEED.people.chrisHemsworth },
  );
  await http.ok(
    `mutation Record($input: RecordAttachmentInput!) { recordAttachment(input: $input) { event { id } } }`,
    {
      input: {
        film: ids.film.id,
        person: ids.person.id,
        role: 'CAST',
        status: 'IN_TALKS',
        confidence: 'TRADE_REPORTED',
        effectiveDate: '2026-11-01',
        source: { url: 'https://example.com/newsroom-script', title: 'Hemsworth in talks' },
      },
    },
  );
  await until(() => output.includes('\n'), 'the script printed nothing');
  expect(output).toBe('RECORDED: Chris Hemsworth (CAST) is IN_TALKS\n');
});
