import { resolve } from 'node:path';
import { startServerProcess as start, type ServerProcess } from '../../bench/server-process';

export type { ServerProcess };

// The compiled server (`npm test` builds it first), run as a real process.
const MAIN = resolve(__dirname, '..', '..', 'dist', 'src', 'main.js');

/** Starts `node dist/src/main.js` on a free port with `env` added to this process's environment. */
export function startServerProcess(env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  return start(MAIN, env);
}
