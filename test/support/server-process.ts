import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

// The compiled server (`npm test` builds it first), run as a real process.
const MAIN = resolve(__dirname, '..', '..', 'dist', 'src', 'main.js');

export interface ServerProcess {
  readonly url: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** SIGTERM, then waits for the exit code. */
  stop(): Promise<number | null>;
}

/** Starts `node dist/src/main.js` on a free port with `env` added to this process's environment. */
export async function startServerProcess(env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [MAIN], {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += String(chunk)));
  child.stderr!.on('data', (chunk) => (output += String(chunk)));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const port = await new Promise<number>((found, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${output}`)), 60_000);
    const poll = setInterval(() => {
      const match = / at http:\/\/\S+:(\d+)\/graphql/.exec(output);
      if (match || child.exitCode !== null) {
        clearInterval(poll);
        clearTimeout(timer);
        if (match) found(Number(match[1]));
        else fail(new Error(`server exited with ${child.exitCode}:\n${output}`));
      }
    }, 25);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
