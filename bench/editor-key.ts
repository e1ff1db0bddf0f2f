import { createApiKey } from '../src/auth/api-keys';
import { ApiKeyRole } from '../src/auth/roles';
import type { DatabaseConfig } from '../src/config';
import { closeDatabase, createDataSource } from '../src/db/data-source';
import { closeWriter, withWriteTransaction } from '../src/db/transactions';

/**
 * An editor API key in `database`, as `npm run apikey -- create` makes one, named `<prefix>-<now>`: the
 * bench's writes (Q5) and the fan-out's reports are sent with it.
 */
export async function createEditorKey(database: DatabaseConfig, prefix: string): Promise<string> {
  const dataSource = createDataSource(database);
  await dataSource.initialize();
  try {
    const { key } = await withWriteTransaction(dataSource, (manager) =>
      createApiKey(manager, `${prefix}-${Date.now()}`, ApiKeyRole.EDITOR),
    );
    return key;
  } finally {
    await closeWriter(dataSource);
    await closeDatabase(dataSource);
  }
}
