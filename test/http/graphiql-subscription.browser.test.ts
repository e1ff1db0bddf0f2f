/// <reference lib="dom" />
/**
 * GraphiQL runs a subscription: its example tab, in Debian's headless Chromium driven by playwright-core,
 * over a WebSocket to the same /graphql (the fetcher's `subscriptionUrl`), while an editor records a
 * report. Needs `npm run build:graphiql` first (npm test builds it). CHROMIUM_PATH as in
 * graphiql.browser.test.ts.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { SEED } from '../../seeds/seed';
import { newApiKey } from '../support/editor';
import { createTestServer, type TestServer } from '../support/test-server';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TAB = 'Extraction3LiveReports';
const STEP_TIMEOUT = 45_000;

/** The text of the lines a Monaco editor renders (spaces come as U+00A0). */
function renderedText(selector: string): string {
  const editor = document.querySelector(`${selector} .monaco-editor`);
  return [...(editor?.querySelectorAll('.view-lines .view-line') ?? [])]
    .map((line) => (line.textContent ?? '').replace(/\u00a0/g, ' '))
    .join('\n');
}

async function waitForText(page: Page, selector: string, text: string): Promise<void> {
  const deadline = Date.now() + STEP_TIMEOUT;
  let last = '';
  while (Date.now() < deadline) {
    last = await page.evaluate(renderedText, selector);
    if (last.includes(text)) return;
    await page.waitForTimeout(100);
  }
  throw new Error(
    `timed out waiting for "${text}" in ${selector}; it shows: ${last.slice(0, 500)}`,
  );
}

describe('GraphiQL subscriptions', () => {
  let server: TestServer;
  let url: string;
  let browser: Browser;
  beforeAll(async () => {
    server = await createTestServer();
    url = await server.listen();
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
      timeout: 60_000,
    });
  });
  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    await server.close();
  });

  test('the live reports tab subscribes over a WebSocket and shows a report recorded meanwhile', async () => {
    const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    page.setDefaultTimeout(STEP_TIMEOUT);
    const problems: string[] = [];
    const sockets: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('websocket', (socket) => sockets.push(socket.url()));
    await page.goto(`${url}/graphql`, { waitUntil: 'load' });
    // Monaco is up (it shows the first tab) before another tab is chosen.
    await waitForText(page, '.graphiql-query-editor', 'query ');
    await page.locator('.graphiql-tab-button', { hasText: TAB }).click();
    await waitForText(page, '.graphiql-query-editor', `subscription ${TAB}`);
    // GraphiQL takes the operation's name from the editor a moment after the tab shows its text;
    // executing before that would send the first tab's name. Its tab state says when it is taken.
    await page.waitForFunction((name) => {
      const state = JSON.parse(localStorage.getItem('graphiql:tabState') ?? 'null') as {
        activeTabIndex: number;
        tabs: { operationName: string | null }[];
      } | null;
      return state?.tabs[state.activeTabIndex]?.operationName === name;
    }, TAB);
    await page.locator('.graphiql-execute-button').click();
    const deadline = Date.now() + STEP_TIMEOUT;
    while (server.app.feed.size === 0) {
      if (Date.now() > deadline) throw new Error(`not subscribed; ${problems.join('\n')}`);
      await page.waitForTimeout(50);
    }
    const key = await newApiKey(server.dataSource, 'graphiql-desk');
    const ids = await server.execute<{ film: { id: string }; person: { id: string } }>(
      `query Ids($film: String!, $person: String!) {
        film(slug: $film) { id } person(slug: $person) { id } }`,
      { film: SEED.films.extraction3, person: SEED.people.chrisHemsworth },
    );
    const recorded = await server.execute(
      `mutation Record($input: RecordAttachmentInput!) { recordAttachment(input: $input) { event { id } } }`,
      {
        input: {
          film: ids.data!.film.id,
          person: ids.data!.person.id,
          role: 'CAST',
          status: 'DENIED',
          confidence: 'PRINCIPAL_ON_RECORD',
          effectiveDate: '2026-11-02',
          source: { url: 'https://example.com/graphiql-live', title: 'Hemsworth denies' },
        },
      },
      { apiKey: key },
    );
    expect(recorded.errors).toBeUndefined();
    await waitForText(page, '.graphiql-response', '"DENIED"');
    expect(sockets).toEqual([`${url.replace(/^http/, 'ws')}/graphql`]);
    expect(problems).toEqual([]);
    await page.close();
  });
});
