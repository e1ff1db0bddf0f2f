import type { DataSource } from 'typeorm';
import { rowsByIdLoader, type LoaderOptions } from '../common/batching';
import { Character } from './character.entity';

export function createCharacterLoaders(dataSource: DataSource, options: LoaderOptions) {
  return { characterByIdLoader: rowsByIdLoader(dataSource, Character, options) };
}
