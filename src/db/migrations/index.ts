import { InitialSchema1764000000000 } from './1764000000000-initial-schema';
import { EditorWrites1764100000000 } from './1764100000000-editor-writes';
import { ListIndexes1764200000000 } from './1764200000000-list-indexes';
import { ScaleOut1764700000000 } from './1764700000000-scale-out';
import { Story1765000000000 } from './1765000000000-story';
import { Corrections1765100000000 } from './1765100000000-corrections';
import { SortKeys1765200000000 } from './1765200000000-sort-keys';

/** Every migration, oldest first. */
export const MIGRATIONS = [
  InitialSchema1764000000000,
  EditorWrites1764100000000,
  ListIndexes1764200000000,
  ScaleOut1764700000000,
  Story1765000000000,
  Corrections1765100000000,
  SortKeys1765200000000,
];
