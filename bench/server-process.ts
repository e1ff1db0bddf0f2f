import { spawn, type ChildProcess } from 'node:child_process';

/**
 * The compiled server (`dist/src/main.js`) run as a real process, as the fan-out bench and the tests
 * that need a process of their own (crash, scale-out, shutdown…) start it.
 */

export interface ServerProcess {
  readonly url: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** SIGTERM, then waits for the exit code. */
  stop(): Promise<number | null>;
}

export interface ServerProcessOptions {
  /** Options for node itself, before the script (heap sizes…). */
  readonly nodeArgs?: readonly string[];
  /** How long the server may take to print the line with its URL. */
  readonly timeoutMs?: number;
}

/**
 * Starts `node <main>` on a free port (PORT=0, LOG_LEVEL=warn, then `env`, over this process's
 * environment) and resolves once it has printed the line with its URL.
 */
export async function startServerProcess(
  main: string,
  env: NodeJS.ProcessEnv,
  { nodeArgs = [], timeoutMs = 60_000 }: ServerProcessOptions = {},
): Promise<ServerProcess> {
  let output = '';
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, main], {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += String(chunk)));
  child.stderr!.on('data', (chunk) => (output += String(chunk)));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const port = await new Promise<number>((found, fail) => {
    const timer = setTimeout(() => fail(new Error(`server did not start:\n${output}`)), timeoutMs);
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

/** POSTs `query` to `<url>/graphql` with the API key `key`; its data, or throws with its errors. */
export async function postWithKey<T>(
  url: string,
  key: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  const result = (await response.json()) as { data?: T; errors?: unknown[] };
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}
