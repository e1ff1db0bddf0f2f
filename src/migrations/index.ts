import { InitialSchema1764000000000 } from './1764000000000-initial-schema';
import { ListIndexes1764200000000 } from './1764200000000-list-indexes';

/** Every migration, oldest first. */
export const MIGRATIONS = [InitialSchema1764000000000, ListIndexes1764200000000];
