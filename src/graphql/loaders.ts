import type { EntityManager } from 'typeorm';
import { createCharacterLoaders } from '../character/character.loaders';
import type { LoaderOptions } from '../db/batching';
import { createCompanyLoaders } from '../company/company.loaders';
import { createCreditLoaders } from '../credit/credit.loaders';
import { createFilmLoaders } from '../film/film.loaders';
import { createFranchiseLoaders } from '../franchise/franchise.loaders';
import { createMetricLoaders } from '../metric/metric.loaders';
import { createPersonLoaders } from '../person/person.loaders';
import { createSourceLoaders } from '../source/source.loaders';

const FEATURES = [
  createCharacterLoaders,
  createCompanyLoaders,
  createCreditLoaders,
  createFilmLoaders,
  createFranchiseLoaders,
  createMetricLoaders,
  createPersonLoaders,
  createSourceLoaders,
] as const;

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (
  x: infer I,
) => void
  ? I
  : never;

/** Every loader of one request, by name (`filmByIdLoader`…). */
export type Loaders = UnionToIntersection<ReturnType<(typeof FEATURES)[number]>>;

interface LazyLoaders {
  readonly reader: EntityManager;
  readonly options: LoaderOptions;
  readonly groups: (Record<string, unknown> | undefined)[];
}

let Prototype: object | undefined;

/**
 * The prototype of every request's loaders: one getter per loader name, which builds the loaders of that
 * loader's feature on first use. Most operations touch two or three features, so a request no longer
 * builds some thirty DataLoaders up front (a tenth of the time of a small query went there).
 */
function loadersPrototype(reader: EntityManager, options: LoaderOptions): object {
  if (Prototype) return Prototype;
  const prototype = {};
  FEATURES.forEach((create, index) => {
    // The names are the same for every request: read them once from a throw-away set.
    for (const name of Object.keys(create(reader, options))) {
      Object.defineProperty(prototype, name, {
        enumerable: true,
        get(this: LazyLoaders) {
          const group = (this.groups[index] ??= create(this.reader, this.options) as Record<
            string,
            unknown
          >);
          return group[name];
        },
      });
    }
  });
  return (Prototype = prototype);
}

/** Every loader of one request. Built only by `createContext()`: loaders cache for one request only. */
export function createLoaders(
  reader: EntityManager,
  options: LoaderOptions = { batch: true },
): Loaders {
  const loaders: LazyLoaders = Object.create(loadersPrototype(reader, options));
  Object.assign(loaders, { reader, options, groups: [] });
  return loaders as unknown as Loaders;
}

/** Empties the caches of every loader a request has used so far (the others have nothing cached). */
export function clearLoaders(loaders: Loaders): void {
  for (const group of (loaders as unknown as LazyLoaders).groups) {
    for (const loader of Object.values(group ?? {})) (loader as { clearAll(): unknown }).clearAll();
  }
}
