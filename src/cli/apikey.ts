import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { ApiKeyError, createApiKey, listApiKeys, revokeApiKey } from '../auth/api-keys';
import { parseRole } from '../auth/roles';
import { closeWriter, withWriteTransaction } from '../db/transactions';
import { describeDatabase, loadConfig } from '../config';
import { createDataSource } from '../db/data-source';

const USAGE = `Usage:
  npm run apikey -- create --name <name> --role editor|admin   prints the new key (shown only this once)
  npm run apikey -- list                                       lists keys (names, roles, dates; never the keys)
  npm run apikey -- revoke --name <name>                       revokes a key at once
The database is the one in DATABASE_URL (default sqlite:data/franchise-graph.sqlite): run it with the
server's DATABASE_URL, or the server will not know the key.`;

class UsageError extends Error {}

/** `npm run apikey -- create|list|revoke`: manages API keys in the database of DATABASE_URL. */
async function run(argv: string[]): Promise<void> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      name: { type: 'string' },
      role: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals[0];
  if (values.help || command === undefined) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (!['create', 'list', 'revoke'].includes(command))
    throw new UsageError(`Unknown command "${command}".`);
  if (command !== 'list' && !values.name) throw new UsageError(`"${command}" needs --name <name>.`);

  const { database } = loadConfig();
  // Said first: a key created in another database than the server's is the usual mistake.
  process.stdout.write(`Using the ${describeDatabase(database)}\n`);
  const dataSource = createDataSource(database);
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    if (command === 'create') {
      const role = parseRole(values.role ?? '');
      if (!role) throw new UsageError('"create" needs --role editor or --role admin.');
      const { key, apiKey } = await withWriteTransaction(dataSource, (manager) =>
        createApiKey(manager, values.name!, role),
      );
      process.stdout.write(
        `Created ${apiKey.role} key "${apiKey.name}". Store it now; it is not shown again:\n\n${key}\n\n` +
          `Send it as the HTTP header  Authorization: Bearer ${key}\n`,
      );
    } else if (command === 'revoke') {
      const revoked = await withWriteTransaction(dataSource, (manager) =>
        revokeApiKey(manager, values.name!),
      );
      if (!revoked) throw new ApiKeyError(`No active key is named "${values.name}".`);
      process.stdout.write(`Revoked key "${values.name}".\n`);
    } else {
      const keys = await listApiKeys(dataSource);
      if (keys.length === 0)
        process.stdout.write(
          'No API keys yet. Create one with: npm run apikey -- create --name <name> --role editor\n',
        );
      for (const key of keys) {
        const state = key.revokedAt ? `revoked ${key.revokedAt}` : 'active';
        process.stdout.write(`${key.name}\t${key.role}\tcreated ${key.createdAt}\t${state}\n`);
      }
    }
  } finally {
    await closeWriter(dataSource);
    await dataSource.destroy();
  }
}

run(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof UsageError) process.stderr.write(`${error.message}\n\n${USAGE}\n`);
  else if (error instanceof ApiKeyError) process.stderr.write(`${error.message}\n`);
  else
    process.stderr.write(
      `apikey failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
  process.exit(1);
});
