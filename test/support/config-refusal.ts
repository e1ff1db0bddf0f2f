import { ConfigError, loadConfig } from '../../src/config';

/** The message `loadConfig(env)` stops start-up with (fails the test if it accepts `env`). */
export function configRefusal(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error('expected a ConfigError');
}
