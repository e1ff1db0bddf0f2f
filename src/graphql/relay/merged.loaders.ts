import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { LoaderOptions } from '../../db/batching';
import { MergedRecord } from './merged-record.entity';

/** Where merged records went (`loaders.merged`). */
export type MergedLoaders = {
  /** The id a merged record of a type now resolves to, by `Type:localId`; null when not merged. */
  readonly intoByNodeKey: DataLoader<string, number | null>;
};

export function createMergedLoaders(reader: EntityManager, options: LoaderOptions): MergedLoaders {
  return {
    intoByNodeKey: new DataLoader<string, number | null>(
      async (keys) => {
        const pairs = keys.map((key) => {
          const [type, id] = key.split(':');
          return { type, fromId: Number(id) };
        });
        const rows = await reader.getRepository(MergedRecord).find({ where: pairs });
        const into = new Map(rows.map((row) => [`${row.type}:${row.fromId}`, row.intoId]));
        return keys.map((key) => into.get(key) ?? null);
      },
      { batch: options.batch },
    ),
  };
}
