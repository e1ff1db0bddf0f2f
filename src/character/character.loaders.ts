import type { EntityManager } from 'typeorm';
import { rowsByIdLoader, type LoaderOptions } from '../db/batching';
import { Character } from './character.entity';

export function createCharacterLoaders(reader: EntityManager, options: LoaderOptions) {
  return { characterByIdLoader: rowsByIdLoader(reader, Character, options) };
}
