import type DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import { rowsByIdLoader, type LoaderOptions } from '../db/batching';
import { Character } from './character.entity';

/** The character loaders of one request (`loaders.character`). */
export type CharacterLoaders = {
  readonly byId: DataLoader<number, Character | null>;
};

export function createCharacterLoaders(
  reader: EntityManager,
  options: LoaderOptions,
): CharacterLoaders {
  return { byId: rowsByIdLoader(reader, Character, options) };
}
