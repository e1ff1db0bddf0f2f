import type { EntityManager } from 'typeorm';
import { createCharacterLoaders, type CharacterLoaders } from '../character/character.loaders';
import type { LoaderOptions } from '../db/batching';
import { createCompanyLoaders, type CompanyLoaders } from '../company/company.loaders';
import { createCreditLoaders, type CreditLoaders } from '../credit/credit.loaders';
import { createFilmLoaders, type FilmLoaders } from '../film/film.loaders';
import { createFranchiseLoaders, type FranchiseLoaders } from '../franchise/franchise.loaders';
import { createMetricLoaders, type MetricLoaders } from '../metric/metric.loaders';
import { createPersonLoaders, type PersonLoaders } from '../person/person.loaders';
import { createSourceLoaders, type SourceLoaders } from '../source/source.loaders';
import { createMergedLoaders, type MergedLoaders } from './relay/merged.loaders';

/** Every loader of one request, by feature: `loaders.film.byId`, `loaders.credit.byPersonId`… */
export interface Loaders {
  readonly character: CharacterLoaders;
  readonly company: CompanyLoaders;
  readonly credit: CreditLoaders;
  readonly film: FilmLoaders;
  readonly franchise: FranchiseLoaders;
  /** Where merged records went, for lookups by a merged id or slug. */
  readonly merged: MergedLoaders;
  readonly metric: MetricLoaders;
  readonly person: PersonLoaders;
  readonly source: SourceLoaders;
}

/** A request's loaders, and the means to empty them (after the request's writes). */
export interface ClearableLoaders extends Loaders {
  /** Empties the caches of the loaders built so far (the others have nothing cached). */
  clearAll(): void;
}

/**
 * One feature's loaders, as far as clearing them is concerned. The groups are declared with `type`, not
 * `interface`, so that they fit this index signature and `clearAll` needs no cast.
 */
type LoaderGroup = Readonly<Record<string, { clearAll(): unknown }>>;

/**
 * Builds each feature's loaders on first use: most operations touch two or three features, and a small
 * query should not pay for some thirty DataLoaders it never calls.
 */
class RequestLoaders implements ClearableLoaders {
  /** The groups built so far, for `clearAll`. */
  private readonly built: LoaderGroup[] = [];
  private characterGroup?: CharacterLoaders;
  private companyGroup?: CompanyLoaders;
  private creditGroup?: CreditLoaders;
  private filmGroup?: FilmLoaders;
  private franchiseGroup?: FranchiseLoaders;
  private mergedGroup?: MergedLoaders;
  private metricGroup?: MetricLoaders;
  private personGroup?: PersonLoaders;
  private sourceGroup?: SourceLoaders;

  constructor(
    private readonly reader: EntityManager,
    private readonly options: LoaderOptions,
  ) {}

  private build<T extends LoaderGroup>(
    create: (reader: EntityManager, options: LoaderOptions) => T,
  ): T {
    const group = create(this.reader, this.options);
    this.built.push(group);
    return group;
  }

  get character(): CharacterLoaders {
    return (this.characterGroup ??= this.build(createCharacterLoaders));
  }
  get company(): CompanyLoaders {
    return (this.companyGroup ??= this.build(createCompanyLoaders));
  }
  get credit(): CreditLoaders {
    return (this.creditGroup ??= this.build(createCreditLoaders));
  }
  get film(): FilmLoaders {
    return (this.filmGroup ??= this.build(createFilmLoaders));
  }
  get franchise(): FranchiseLoaders {
    return (this.franchiseGroup ??= this.build(createFranchiseLoaders));
  }
  get merged(): MergedLoaders {
    return (this.mergedGroup ??= this.build(createMergedLoaders));
  }
  get metric(): MetricLoaders {
    return (this.metricGroup ??= this.build(createMetricLoaders));
  }
  get person(): PersonLoaders {
    return (this.personGroup ??= this.build(createPersonLoaders));
  }
  get source(): SourceLoaders {
    return (this.sourceGroup ??= this.build(createSourceLoaders));
  }

  clearAll(): void {
    for (const group of this.built) {
      for (const loader of Object.values(group)) loader.clearAll();
    }
  }
}

/** Every loader of one request. Built only by `createContext()`: loaders cache for one request only. */
export function createLoaders(
  reader: EntityManager,
  options: LoaderOptions = { batch: true },
): ClearableLoaders {
  return new RequestLoaders(reader, options);
}
