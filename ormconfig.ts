import 'reflect-metadata';
import { loadConfig } from './src/config';
import { createDataSource } from './src/db/data-source';

/** The one DataSource of the TypeORM CLI (`typeorm migration:run -d dist/ormconfig.js`), from DATABASE_URL. */
export const AppDataSource = createDataSource(loadConfig().database);
