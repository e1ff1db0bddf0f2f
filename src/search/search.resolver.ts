import { Arg, createUnionType, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { EntityManager, EntityTarget } from 'typeorm';
import { Character } from '../character/character.entity';
import { Company } from '../company/company.entity';
import type { Context } from '../graphql/context';
import { BadUserInputError } from '../errors';
import { Film } from '../film/film.entity';
import { Franchise } from '../franchise/franchise.entity';
import { Person } from '../person/person.entity';
import { containsPattern, foldText } from '../lib/text';

export const SearchResult = createUnionType({
  name: 'SearchResult',
  description: 'Something `search` found: a film, person, franchise, character or company.',
  types: () => [Film, Person, Franchise, Character, Company] as const,
  resolveType: (value) => value.constructor.name,
});

type Searchable = Film | Person | Franchise | Character | Company;

const DEFAULT_RESULTS = 10;
const MAX_RESULTS = 100;

/** Each searchable type and the column that holds its display name. */
const SEARCHED: {
  entity: EntityTarget<Searchable>;
  alias: string;
  nameColumn: 'title' | 'name';
  nameOf: (row: Searchable) => string;
}[] = [
  { entity: Film, alias: 'film', nameColumn: 'title', nameOf: (row) => (row as Film).title },
  { entity: Person, alias: 'person', nameColumn: 'name', nameOf: (row) => (row as Person).name },
  {
    entity: Franchise,
    alias: 'franchise',
    nameColumn: 'name',
    nameOf: (row) => (row as Franchise).name,
  },
  {
    entity: Character,
    alias: 'character',
    nameColumn: 'name',
    nameOf: (row) => (row as Character).name,
  },
  { entity: Company, alias: 'company', nameColumn: 'name', nameOf: (row) => (row as Company).name },
];

/** A match and how good it is (smaller is better), as SQL ranked it. */
interface Hit {
  readonly row: Searchable;
  readonly rank: number;
  readonly name: string;
  readonly typeIndex: number;
}

/**
 * The best `limit` matches of one type, ranked in SQL: the whole name, then a name that starts with the
 * text, then a word that does, then any (the search text starts with the folded display name). Ranking
 * in the query means an exact match is never cut off behind earlier partial ones, and the rank read
 * back is what orders the types' matches against each other.
 */
async function searchOne(
  reader: EntityManager,
  typeIndex: number,
  folded: string,
  pattern: string,
  limit: number,
): Promise<Hit[]> {
  const target = SEARCHED[typeIndex];
  const text = `${target.alias}.searchText`;
  const { entities, raw } = await reader
    .getRepository(target.entity)
    .createQueryBuilder(target.alias)
    .addSelect(
      `CASE WHEN ${text} = :whole OR ${text} LIKE :wholeFirst THEN 0 WHEN ${text} LIKE :prefix THEN 1
          WHEN ${text} LIKE :wordStart THEN 2 ELSE 3 END`,
      'search_rank',
    )
    .where(`${text} LIKE :pattern ESCAPE '\\'`, { pattern })
    .orderBy('search_rank', 'ASC')
    .addOrderBy(`LENGTH(${target.alias}.${target.nameColumn})`, 'ASC')
    .addOrderBy(`${target.alias}.id`, 'ASC')
    // `folded` holds only [a-z0-9 ], so it needs no LIKE escaping.
    .setParameters({
      whole: ` ${folded} `,
      wholeFirst: ` ${folded} |%`,
      prefix: ` ${folded}%`,
      wordStart: `% ${folded}%`,
    })
    .limit(limit)
    .getRawAndEntities<{ search_rank: number | string }>();
  // No joins: one raw row per entity, in the same order.
  return entities.map((row, i) => ({
    row,
    rank: Number(raw[i].search_rank),
    name: target.nameOf(row),
    typeIndex,
  }));
}

@Resolver()
export class SearchResolver {
  @Query(() => [SearchResult], {
    description:
      'Finds films (by title or working title), people (by name or alias), franchises, characters and companies ' +
      'whose name contains the text, ignoring case and accents; best matches first.',
  })
  async search(
    @Ctx() { db }: Context,
    @Arg('text', () => String, {
      description: 'What to look for, e.g. "russo" or "winter soldier".',
    })
    text: string,
    @Arg('first', () => Int, {
      nullable: true,
      description: `How many results (default 10, at most ${MAX_RESULTS}).`,
    })
    first: number | null,
  ): Promise<Searchable[]> {
    const limit = first ?? DEFAULT_RESULTS;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_RESULTS) {
      throw new BadUserInputError(
        `"first" must be between 1 and ${MAX_RESULTS}, got ${limit}.`,
        'first',
      );
    }
    const folded = foldText(text)
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
    if (folded.length === 0 || text.length > 200) {
      throw new BadUserInputError(
        '"text" must hold at least one letter or digit and at most 200 characters.',
        'text',
      );
    }
    const pattern = containsPattern(text);
    const found = await Promise.all(
      SEARCHED.map((_, typeIndex) => searchOne(db, typeIndex, folded, pattern, limit)),
    );
    return found
      .flat()
      .sort(
        (a, b) =>
          a.rank - b.rank ||
          a.name.length - b.name.length ||
          a.typeIndex - b.typeIndex ||
          a.row.id - b.row.id,
      )
      .slice(0, limit)
      .map((hit) => hit.row);
  }
}
