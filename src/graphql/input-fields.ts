import { Field, ID, InputType, Int } from 'type-graphql';
import type { SlugChoice } from '../db/writes';
import { BadUserInputError } from '../errors';
import { searchTextOf, slugify, sortKeyOf } from '../lib/text';
import { IsName } from './validation';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a mixin's base must take any[] (TS2545)
type InputBase = abstract new (...args: any[]) => object;

abstract class NoFields {}

/**
 * The base of an update input (`UpdateFilmInput`…): the id of the `noun` to change and the version the
 * change is based on, which `updateVersioned` checks. `Base` brings more shared fields (a film's facts).
 */
export function VersionedUpdateInput<B extends InputBase = typeof NoFields>(
  noun: string,
  Base: B = NoFields as B,
) {
  @InputType()
  abstract class VersionedInput extends Base {
    @Field(() => ID, { description: `The ${noun} to change.` })
    id!: string;

    @Field(() => Int, {
      description: `The \`version\` the change is based on; if the ${noun} is at another, VERSION_CONFLICT.`,
    })
    expectedVersion!: number;
  }
  return VersionedInput;
}

/**
 * The base of a create input whose record gets a slug: the optional `slug` that replaces the one made
 * from its `source` field (`name`, or a film's `title`). `Base` brings more shared fields.
 */
export function SlugChoiceInput<B extends InputBase = typeof NoFields>(
  source: 'name' | 'title',
  Base: B = NoFields as B,
) {
  @InputType()
  abstract class SlugChoice extends Base {
    @Field(() => String, {
      nullable: true,
      description: `The slug to use instead of one made from the ${source} (it is made lower-case kebab-case); must be free.`,
    })
    @IsName(200)
    slug?: string | null;
  }
  return SlugChoice;
}

/**
 * The columns an update input sets: a property left out of the input (undefined) is not changed; null
 * clears it, except for the `required` ones, which cannot be cleared.
 */
export function changedColumns<I extends object, K extends keyof I & string>(
  input: I,
  keys: readonly K[],
  required: readonly K[] = [],
): Partial<Record<K, I[K]>> {
  const changes: Partial<Record<K, I[K]>> = {};
  for (const key of keys) {
    const value = input[key];
    if (value === undefined) continue;
    if (value === null && required.includes(key)) {
      throw new BadUserInputError(
        `"input.${key}" cannot be null: omit it to keep the current value.`,
        `input.${key}`,
      );
    }
    changes[key] = typeof value === 'string' ? (value.trim() as I[K]) : value;
  }
  return changes;
}

/** Trims an optional text; null and undefined stay null. */
export function trimmed(value: string | null | undefined): string | null {
  return value == null ? null : value.trim();
}

/** An aliases input as stored: trimmed, without repeats; null and undefined are none. */
export function cleanAliases(aliases: readonly string[] | null | undefined): string[] {
  return [...new Set((aliases ?? []).map((alias) => alias.trim()))];
}

/** A record with a name and aliases, and the columns made from them. */
interface NamedColumns {
  name: string;
  aliases: string[];
  slug: string;
  sortKey: string;
  searchText: string;
}

/**
 * Adds to an update's `changes` what a new name or new aliases change: the aliases as stored, the
 * slug and sort key (a new name), and the search text (either), for which `current` reads the stored
 * row (and refuses an unknown id).
 */
export async function withNameColumns<T extends NamedColumns>(
  changes: Partial<T>,
  aliases: readonly string[] | null | undefined,
  current: () => Promise<T>,
): Promise<void> {
  const named = changes as Partial<NamedColumns>;
  if (aliases !== undefined) named.aliases = cleanAliases(aliases);
  if (named.name != null) {
    named.slug = slugify(named.name);
    named.sortKey = sortKeyOf(named.name);
  }
  if (named.name != null || named.aliases !== undefined) {
    const row = await current();
    named.searchText = searchTextOf(named.name ?? row.name, ...(named.aliases ?? row.aliases));
  }
}

/**
 * The slug of a new record and how to pick another when it is taken: the client's `slug` (kept as
 * given, or refused), else one made from the name, then `alternatives`, then a counter.
 */
export function slugOf(
  input: { slug?: string | null },
  name: string,
  nameField: string,
  alternatives: (slug: string) => string[] = () => [],
): { slug: string; choice: SlugChoice } {
  if (input.slug != null) {
    return { slug: slugify(input.slug), choice: { field: 'input.slug', explicit: true } };
  }
  const slug = slugify(name);
  return { slug, choice: { field: nameField, alternatives: alternatives(slug) } };
}
