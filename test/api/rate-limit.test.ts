import { WriteRateLimiter } from '../../src/auth/rate-limit';
import { createApiKey } from '../../src/auth/api-keys';
import { ApiKeyRole } from '../../src/auth/roles';
import { createTestServer, type TestServer } from '../support/test-server';

describe('the write rate limiter', () => {
  test('lets a burst of perMinute writes through, refuses the next, and refills with time', () => {
    let now = 0;
    const limiter = new WriteRateLimiter(3, () => now);
    for (let i = 0; i < 3; i++) limiter.take('alice');
    expect(() => limiter.take('alice')).toThrow(
      expect.objectContaining({
        extensions: expect.objectContaining({ code: 'RATE_LIMITED', retryAfterSeconds: 20 }),
      }),
    );
    limiter.take('bob'); // each key has its own bucket
    now += 20_000; // a third of a minute: one write back
    limiter.take('alice');
    expect(() => limiter.take('alice')).toThrow();
  });
});

describe('writes over HTTP', () => {
  let server: TestServer;
  let baseUrl: string;
  let key: string;
  beforeAll(async () => {
    server = await createTestServer({ env: { WRITE_RATE_LIMIT: '5' } });
    baseUrl = await server.listen();
    key = (await createApiKey(server.dataSource.manager, 'rate-test', ApiKeyRole.EDITOR)).key;
  });
  afterAll(() => server.close());

  const createCharacter = (name: string, apiKey = key) =>
    fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` },
      body: JSON.stringify({
        query:
          'mutation Create($input: CreateCharacterInput!) { createCharacter(input: $input) { character { name } } }',
        variables: { input: { name } },
      }),
    });

  test('a key that writes faster than WRITE_RATE_LIMIT a minute gets RATE_LIMITED (HTTP 200: the response has data), and reads go on', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await createCharacter(`Rate ${i}`)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    const refused = await createCharacter('Rate 5');
    expect(refused.status).toBe(200);
    const body = await refused.json();
    expect(body.data).toBeNull();
    expect(body.errors[0].extensions).toEqual({ code: 'RATE_LIMITED', retryAfterSeconds: 12 });
    expect(await server.execute('query C { character(slug: "rate-5") { name } }')).toEqual({
      data: { character: null },
    });
    expect(await server.execute('query C { character(slug: "rate-4") { name } }')).toEqual({
      data: { character: { name: 'Rate 4' } },
    });
  });
});

describe('what the rate limit counts', () => {
  let server: TestServer;
  let key: string;
  beforeAll(async () => {
    server = await createTestServer({ seed: false, env: { WRITE_RATE_LIMIT: '1' } });
    key = (await createApiKey(server.dataSource.manager, 'count-test', ApiKeyRole.EDITOR)).key;
  });
  afterAll(() => server.close());

  const createCharacter = (name: string) =>
    server.execute(
      'mutation Create($input: CreateCharacterInput!) { createCharacter(input: $input) { character { name } } }',
      { input: { name } },
      { apiKey: key },
    );

  test('a write refused before its transaction uses up nothing; the transaction takes the write', async () => {
    for (const name of ['', ' ']) {
      const refused = await createCharacter(name);
      expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(await createCharacter('Counted')).toEqual({
      data: { createCharacter: { character: { name: 'Counted' } } },
    });
    const limited = await createCharacter('One too many');
    expect(limited.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
  });
});
