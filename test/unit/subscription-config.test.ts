import { loadConfig, SUBSCRIPTION_DEFAULTS } from '../../src/config';
import { configRefusal } from '../support/config-refusal';

describe('subscription settings', () => {
  test('default to SUBSCRIPTION_DEFAULTS', () => {
    expect(loadConfig({}).subscriptions).toEqual({
      maxConnections: 2000,
      maxSubscriptions: 20,
      initTimeoutMs: 5000,
      keepAliveMs: 15000,
      maxQueued: 200,
      stallMs: 10000,
    });
    expect(loadConfig({}).subscriptions).toEqual(SUBSCRIPTION_DEFAULTS);
  });

  test('are read from WS_* variables', () => {
    expect(
      loadConfig({
        WS_MAX_CONNECTIONS: '0',
        WS_MAX_SUBSCRIPTIONS: '1',
        WS_INIT_TIMEOUT_MS: '100',
        WS_KEEPALIVE_MS: '60000',
        WS_MAX_QUEUED: '5',
        WS_STALL_MS: '2000',
      }).subscriptions,
    ).toEqual({
      maxConnections: 0,
      maxSubscriptions: 1,
      initTimeoutMs: 100,
      keepAliveMs: 60000,
      maxQueued: 5,
      stallMs: 2000,
    });
  });

  test.each([
    ['WS_MAX_CONNECTIONS', '-1', 'expected a whole number from 0 to 1000000, got "-1"'],
    ['WS_MAX_SUBSCRIPTIONS', '0', 'expected a whole number from 1 to 1000, got "0"'],
    ['WS_INIT_TIMEOUT_MS', '5s', 'expected a whole number from 100 to 3600000, got "5s"'],
    ['WS_KEEPALIVE_MS', '99', 'expected a whole number from 100 to 3600000, got "99"'],
    ['WS_MAX_QUEUED', '100001', 'expected a whole number from 1 to 100000, got "100001"'],
    ['WS_STALL_MS', 'soon', 'expected a whole number from 100 to 3600000, got "soon"'],
  ])('a bad %s stops start-up naming it', (variable, value, problem) => {
    expect(configRefusal({ [variable]: value })).toBe(`${variable}: ${problem}`);
  });
});
