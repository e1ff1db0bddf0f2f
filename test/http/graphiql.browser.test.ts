/// <reference lib="dom" />
/**
 * End-to-end test of the self-hosted GraphiQL page in Debian's headless Chromium
 * (apt-get install -y chromium) driven by playwright-core. Needs `npm run build:graphiql` first.
 *
 * The server comes from ./support/graphiql-test-server (a fake /graphql in the prototype;
 * the real app in the project). Env overrides:
 *   CHROMIUM_PATH             default /usr/bin/chromium
 *   GRAPHIQL_EXPECTED_RESULT  string the first example's result must contain (default "Extraction 2")
 */
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { graphiqlExamples } from '../../src/graphiql/examples';
import { startGraphiqlTestServer, type GraphiqlTestServer } from '../support/graphiql-test-server';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const EXPECTED_RESULT = process.env.GRAPHIQL_EXPECTED_RESULT ?? 'Extraction 2';
const ARTIFACTS_DIR = path.resolve(__dirname, '..', 'artifacts');
const SCREENSHOT = path.join(ARTIFACTS_DIR, 'graphiql.png');
const STEP_TIMEOUT = 45_000;

// Chromium's own background traffic is refused on this machine's closed network.
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * Text of the lines a Monaco editor shows on screen (Monaco also renders a few lines outside
 * its viewport, and renders spaces as U+00A0).
 */
function visibleEditorTextInPage(selector: string): string {
  const editor = document.querySelector(`${selector} .monaco-editor`);
  if (!editor) return '';
  const box = editor.getBoundingClientRect();
  return [...editor.querySelectorAll('.view-lines .view-line')]
    .filter((line) => {
      const r = line.getBoundingClientRect();
      return r.height > 0 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
    })
    .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
    .map((line) => (line.textContent ?? '').replace(/\u00a0/g, ' '))
    .join('\n');
}

async function editorText(page: Page, containerSelector: string): Promise<string> {
  return page.evaluate(visibleEditorTextInPage, containerSelector);
}

/** Poll (from Node: the page's CSP forbids eval) until the editor shows `text`. */
async function waitForEditorText(
  page: Page,
  containerSelector: string,
  text: string,
): Promise<void> {
  const deadline = Date.now() + STEP_TIMEOUT;
  let last = '';
  while (Date.now() < deadline) {
    last = await editorText(page, containerSelector);
    if (last.includes(text)) return;
    await page.waitForTimeout(100);
  }
  throw new Error(
    `timed out waiting for "${text}" in ${containerSelector}; it shows: ${last.slice(0, 500)}`,
  );
}

/** Scroll a Monaco editor (mouse wheel over it) until `text` is rendered; fails at the end of the content. */
async function scrollEditorUntilText(
  page: Page,
  containerSelector: string,
  text: string,
): Promise<void> {
  const box = await page.locator(`${containerSelector} .monaco-editor .view-lines`).boundingBox();
  if (!box) throw new Error(`${containerSelector} editor not visible`);
  await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 200));
  let previous = '';
  let unchanged = 0;
  for (let i = 0; i < 2000; i++) {
    const current = await editorText(page, containerSelector);
    if (current.includes(text)) return;
    unchanged = current === previous ? unchanged + 1 : 0;
    if (unchanged >= 5) break; // reached the end of the content
    previous = current;
    await page.mouse.wheel(0, Math.max(100, box.height / 2));
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined))),
    );
  }
  throw new Error(
    `"${text}" not found in ${containerSelector}; last rendered text: ${previous.slice(0, 500)}`,
  );
}

describe('GraphiQL page (self-hosted, offline)', () => {
  let server: GraphiqlTestServer;
  let browser: Browser;
  let context: BrowserContext;

  beforeAll(async () => {
    server = await startGraphiqlTestServer();
    // launch() gives every run a new, empty profile (user data dir) of its own.
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      timeout: 60_000,
    });
    rmSync(SCREENSHOT, { force: true });
    mkdirSync(ARTIFACTS_DIR, { recursive: true });
  });

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await server?.close();
  });

  test('loads only same-origin assets, shows the example tabs and runs the first one', async () => {
    const origin = new URL(server.baseUrl).origin;
    const requests: string[] = [];
    const problems: string[] = [];
    const workers: string[] = [];

    context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    context.on('request', (req) => {
      const url = req.url();
      requests.push(`${req.method()} ${url}`);
      if (!url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin) {
        problems.push(`request to another host: ${req.method()} ${url}`);
      }
    });
    context.on('requestfailed', (req) => {
      problems.push(`failed: ${req.method()} ${req.url()} (${req.failure()?.errorText ?? '?'})`);
    });
    context.on('response', (res) => {
      if (res.status() >= 400)
        problems.push(`HTTP ${res.status()}: ${res.request().method()} ${res.url()}`);
    });
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT);
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
    });
    page.on('worker', (worker) => workers.push(worker.url()));

    try {
      await exerciseGraphiql(page);
    } catch (err) {
      // Keep what the page looked like and what went wrong, for the CI log / artifacts.
      await page
        .screenshot({ path: path.join(ARTIFACTS_DIR, 'graphiql-failure.png') })
        .catch(() => undefined);
      throw new Error(
        `${(err as Error).message}\n\nproblems seen:\n${problems.join('\n') || '(none)'}\n\nrequests:\n${requests.join('\n')}`,
        { cause: err },
      );
    }
    await page.screenshot({ path: SCREENSHOT, fullPage: false });

    // Everything came from the test server, nothing failed, the Monaco workers ran.
    expect(problems).toEqual([]);
    expect(requests.some((r) => r.startsWith('POST ') && r.endsWith('/graphql'))).toBe(true);
    expect(workers.some((u) => /\/graphiql\/workers\/editor\.worker-\w+\.js$/.test(u))).toBe(true);
    expect(workers.some((u) => /\/graphiql\/workers\/graphql\.worker-\w+\.js$/.test(u))).toBe(true);
    expect(workers.some((u) => /\/graphiql\/workers\/json\.worker-\w+\.js$/.test(u))).toBe(true);
  });

  async function exerciseGraphiql(page: Page): Promise<void> {
    // A browser navigation to the GraphQL endpoint (Accept: text/html...) gets the page.
    const response = await page.goto(`${server.baseUrl}/graphql`, {
      waitUntil: 'load',
      timeout: STEP_TIMEOUT,
    });
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-type']).toMatch(/^text\/html/);

    // One tab per example, named after its operation.
    const tabs = page.locator('.graphiql-tab');
    await tabs.nth(graphiqlExamples.length - 1).waitFor();
    const tabTitles = (await tabs.allInnerTexts()).map((t) => t.trim());
    expect(tabTitles).toEqual(graphiqlExamples.map((e) => e.name));

    // Monaco is up (its web workers load from /graphiql/workers/) and shows the first example.
    await waitForEditorText(page, '.graphiql-query-editor', `query ${graphiqlExamples[0].name}`);

    // Run the first tab and wait for the data in the response pane.
    await page.locator('.graphiql-execute-button').click();
    await waitForEditorText(page, '.graphiql-response', '"data"');

    // Monaco renders only the visible lines: scroll the response pane with the mouse wheel
    // until the expected text is rendered, however long the result is.
    await scrollEditorUntilText(page, '.graphiql-response', EXPECTED_RESULT);
    expect(await editorText(page, '.graphiql-response')).toContain(EXPECTED_RESULT);

    // The journalist's tab shows where the editor key goes: in its Headers editor.
    await tabs.filter({ hasText: 'ReportAttachment' }).locator('button').first().click();
    await waitForEditorText(page, '.graphiql-query-editor', 'mutation ReportAttachment');
    await waitForEditorText(
      page,
      '.graphiql-editor-tool .graphiql-editor:not(.hidden)',
      '"Authorization": "Bearer fgk_',
    );

    // The docs explorer works (introspection of the schema from /graphql).
    await page
      .locator('.graphiql-sidebar button[aria-label*="Documentation Explorer"]')
      .first()
      .click();
    await page
      .locator('.graphiql-doc-explorer')
      .getByText('Query', { exact: true })
      .first()
      .waitFor();
  }
});
