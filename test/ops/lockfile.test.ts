import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// The supply-chain check of `npm run lint`: every package in the lockfile comes from the npm registry,
// over https, with an integrity hash. It needs no network. (npm may leave registry packages without a
// `resolved` URL, omit-lockfile-registry-resolved; any other source is always written down.)
const ROOT = resolve(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
};

interface Lockfile {
  packages: Record<string, { resolved?: string; integrity?: string }>;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fg-lockfile-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the lint:lockfile script's command on `lockfile` instead of package-lock.json. */
function lockfileLint(lockfile: string) {
  const command = pkg.scripts['lint:lockfile'].replace('package-lock.json', lockfile);
  return spawnSync(command, { cwd: ROOT, shell: true, encoding: 'utf8', timeout: 60_000 });
}

/** A copy of the real lockfile with one package changed by `tamper`. */
function tampered(name: string, tamper: (entry: Lockfile['packages'][string]) => void): string {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as Lockfile;
  tamper(lock.packages['node_modules/dataloader']);
  const file = join(dir, `${name}.json`);
  writeFileSync(file, JSON.stringify(lock));
  return file;
}

test('npm run lint runs lockfile-lint with the npm host alias, https and integrity checks', () => {
  expect(pkg.scripts.lint).toMatch(/&& npm run -s lint:lockfile$/);
  expect(pkg.scripts['lint:lockfile']).toMatch(/^lockfile-lint --path package-lock\.json /);
  for (const flag of ['--allowed-hosts npm', '--validate-https', '--validate-integrity'])
    expect(pkg.scripts['lint:lockfile']).toContain(flag);
});

test('the lockfile passes: every package comes from the npm registry with an integrity hash', () => {
  const result = lockfileLint('package-lock.json');
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
});

test.each([
  [
    'another host',
    (entry: Lockfile['packages'][string]) => {
      entry.resolved = 'https://registry.example.com/dataloader/-/dataloader-2.2.3.tgz';
    },
  ],
  [
    'plain http',
    (entry: Lockfile['packages'][string]) => {
      entry.resolved = 'http://registry.npmjs.org/dataloader/-/dataloader-2.2.3.tgz';
    },
  ],
  [
    'a git repository',
    (entry: Lockfile['packages'][string]) => {
      entry.resolved = 'git+ssh://git@github.com/graphql/dataloader.git#abc123';
    },
  ],
  [
    'no integrity hash',
    (entry: Lockfile['packages'][string]) => {
      entry.integrity = 'sha1-2jmrmh7Z2uvJ2l3Ah7gm8Ls1z28=';
    },
  ],
])('a package from %s fails the check', (name, tamper) => {
  const result = lockfileLint(tampered(name.replace(/ /g, '-'), tamper));
  expect(result.status).not.toBe(0);
  expect(`${result.stdout}${result.stderr}`).toContain('detected invalid');
});
