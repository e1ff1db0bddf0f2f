import {
  Arg,
  createUnionType,
  Ctx,
  Field,
  Int,
  ObjectType,
  Query,
  registerEnumType,
  Resolver,
} from 'type-graphql';
import type { EntityManager, EntityTarget } from 'typeorm';
import { Character } from '../character/character.entity';
import { Company } from '../company/company.entity';
import type { Context } from '../graphql/context';
import { BadUserInputError } from '../errors';
import { Film } from '../film/film.entity';
import { Franchise } from '../franchise/franchise.entity';
import { Person } from '../person/person.entity';
import { containsPattern, foldText } from '../lib/text';
import { OrderByArg } from '../graphql/list-args';
import {
  createConnectionType,
  parsePage,
  toConnection,
  type ConnectionResult,
  type CursorValue,
  type Page,
} from '../graphql/relay/connection';
import { countOf } from '../db/batching';

export const SearchResult = createUnionType({
  name: 'SearchResult',
  description: 'Something `search` found: a film, person, franchise, character or company.',
  types: () => [Film, Person, Franchise, Character, Company] as const,
  resolveType: (value) => value.constructor.name,
});

type Searchable = Film | Person | Franchise | Character | Company;

export enum SearchOrder {
  RANK = 'RANK',
}

registerEnumType(SearchOrder, {
  name: 'SearchOrder',
  description: 'The order of search results.',
  valuesConfig: {
    RANK: {
      description:
        'Best matches first: the whole name, then names that start with the text, then a word that does, ' +
        'then any; among equals, shorter names first.',
    },
  },
});

@ObjectType('SearchResultEdge', {
  simpleResolvers: true,
  description: 'Something `search` found, with how well it matched and its cursor.',
})
export class SearchResultEdge {
  @Field(() => String, { description: 'Pass as `after` to page from this result.' })
  cursor!: string;

  @Field(() => SearchResult, { description: 'The film, person, franchise, character or company.' })
  node!: Searchable;

  @Field(() => Int, {
    description:
      'How well it matched, best first: 0 = the whole name (or an alias), 1 = the start of the name, ' +
      '2 = the start of a word, 3 = anywhere.',
  })
  rank!: number;
}

export const SearchResultConnection = createConnectionType(
  'SearchResult',
  SearchResult,
  'A page of search results, best first.',
  SearchResultEdge,
);

/** Each searchable type and the column that holds its display name. */
const SEARCHED: {
  entity: EntityTarget<Searchable>;
  alias: string;
  nameColumn: 'title' | 'name';
}[] = [
  { entity: Film, alias: 'film', nameColumn: 'title' },
  { entity: Person, alias: 'person', nameColumn: 'name' },
  { entity: Franchise, alias: 'franchise', nameColumn: 'name' },
  { entity: Character, alias: 'character', nameColumn: 'name' },
  { entity: Company, alias: 'company', nameColumn: 'name' },
];

/** A match and where it sorts: by rank, then name length, then type, then id (all ascending). */
interface Hit {
  readonly row: Searchable;
  readonly rank: number;
  readonly length: number;
  readonly typeIndex: number;
}

const keyOf = (hit: Hit): CursorValue[] => [hit.rank, hit.length, hit.typeIndex, hit.row.id];

/**
 * One type's matches, ranked in SQL: the whole name, then a name that starts with the text, then a
 * word that does, then any (the search text starts with the folded display name). Ranking in the
 * query means an exact match is never cut off behind earlier partial ones, and the rank read back is
 * what orders the types' matches against each other. After a cursor, only what sorts after it: the
 * type index is the same for every row here, so it decides how the rest of the key is compared.
 */
function matchesOf(reader: EntityManager, typeIndex: number, folded: string, pattern: string) {
  const target = SEARCHED[typeIndex];
  const text = `${target.alias}.searchText`;
  const rank = `CASE WHEN ${text} = :whole OR ${text} LIKE :wholeFirst THEN 0 WHEN ${text} LIKE :prefix THEN 1
          WHEN ${text} LIKE :wordStart THEN 2 ELSE 3 END`;
  const length = `LENGTH(${target.alias}.${target.nameColumn})`;
  const qb = reader
    .getRepository(target.entity)
    .createQueryBuilder(target.alias)
    .where(`${text} LIKE :pattern ESCAPE '\\'`, { pattern })
    // `folded` holds only [a-z0-9 ], so it needs no LIKE escaping.
    .setParameters({
      whole: ` ${folded} `,
      wholeFirst: ` ${folded} |%`,
      prefix: ` ${folded}%`,
      wordStart: `% ${folded}%`,
    });
  return { qb, rank, length, alias: target.alias };
}

async function searchOne(
  reader: EntityManager,
  typeIndex: number,
  folded: string,
  pattern: string,
  page: Page,
): Promise<Hit[]> {
  const { qb, rank, length, alias } = matchesOf(reader, typeIndex, folded, pattern);
  if (page.after) {
    const [r, l, t, id] = page.after;
    const after = { afterRank: r, afterLength: l, afterId: id };
    if (typeIndex > Number(t))
      qb.andWhere(`(${rank}, ${length}) >= (:afterRank, :afterLength)`, after);
    else if (typeIndex < Number(t))
      qb.andWhere(`(${rank}, ${length}) > (:afterRank, :afterLength)`, after);
    else
      qb.andWhere(
        `(${rank}, ${length}, ${alias}.id) > (:afterRank, :afterLength, :afterId)`,
        after,
      );
  }
  const { entities, raw } = await qb
    .addSelect(rank, 'search_rank')
    .addSelect(length, 'search_length')
    .orderBy('search_rank', 'ASC')
    .addOrderBy('search_length', 'ASC')
    .addOrderBy(`${alias}.id`, 'ASC')
    .limit(page.size + 1)
    .getRawAndEntities<{ search_rank: number | string; search_length: number | string }>();
  // No joins: one raw row per entity, in the same order.
  return entities.map((row, i) => ({
    row,
    rank: Number(raw[i].search_rank),
    length: Number(raw[i].search_length),
    typeIndex,
  }));
}

function compareHits(a: Hit, b: Hit): number {
  const x = keyOf(a);
  const y = keyOf(b);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return Number(x[i]) - Number(y[i]);
  return 0;
}

@Resolver()
export class SearchResolver {
  @Query(() => SearchResultConnection, {
    description:
      'Finds films (by title or working title), people (by name or alias), franchises, characters and companies ' +
      'whose name contains the text, ignoring case and accents; best matches first, a page at a time.',
  })
  async search(
    @Ctx() { db }: Context,
    @Arg('text', () => String, {
      description: 'What to look for, e.g. "russo" or "winter soldier".',
    })
    text: string,
    @Arg('first', () => Int, {
      nullable: true,
      description: 'Page size (default 20, at most 100).',
    })
    first: number | null,
    @Arg('after', () => String, {
      nullable: true,
      description: 'Return results after this cursor (of a search for the same text).',
    })
    after: string | null,
    @OrderByArg(SearchOrder, SearchOrder.RANK) orderBy: SearchOrder,
  ): Promise<ConnectionResult<Searchable, SearchResultEdge>> {
    const folded = foldText(text)
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
    if (folded.length === 0 || text.length > 200) {
      throw new BadUserInputError(
        '"text" must hold at least one letter or digit and at most 200 characters.',
        'text',
      );
    }
    // The cursor is bound to the text too: a page of another search would be a wrong page.
    const page = parsePage({ first, after }, `search(${folded}):${orderBy}`, 4);
    const pattern = containsPattern(text);
    const found = await Promise.all(
      SEARCHED.map((_, typeIndex) => searchOne(db, typeIndex, folded, pattern, page)),
    );
    const hits = found
      .flat()
      .sort(compareHits)
      .slice(0, page.size + 1);
    const hitOf = new Map(hits.map((hit) => [hit.row, hit]));
    return toConnection(
      hits.map((hit) => hit.row),
      page,
      (row) => keyOf(hitOf.get(row)!),
      async () => {
        const counts = await Promise.all(
          SEARCHED.map((_, i) => countOf(matchesOf(db, i, folded, pattern).qb)),
        );
        return counts.reduce((sum, n) => sum + n, 0);
      },
      (row, cursor) => ({ cursor, node: row, rank: hitOf.get(row)!.rank }),
    );
  }
}
