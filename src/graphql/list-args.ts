import { Arg, registerEnumType, type ClassType } from 'type-graphql';
import { DateScalar } from './scalars';

// Parameter decorators rather than an @ArgsType: a field resolver whose parameters are all plain
// `@Arg`s keeps the direct call of useDirectFieldResolvers.

type ArgDecorator = ReturnType<typeof Arg>;

/** A list's `filter` argument. */
export function FilterArg(type: () => ClassType): ArgDecorator {
  return Arg('filter', type, { nullable: true, description: 'What to include.' });
}

/**
 * A list's `asOf` argument: selects the items that existed by that day. It never changes the items'
 * fields, which take their own `asOf` (one id, one value per field and arguments, in a response).
 */
export function ListAsOfArg(): ArgDecorator {
  return Arg('asOf', () => DateScalar, {
    nullable: true,
    description:
      'Only the items that existed by this day (and whose filter held on it); default: today (UTC). It does not change the items’ fields: pass `asOf` to them too.',
  });
}

/**
 * A connection's `orderBy` argument. Every connection takes one, even with a single order, so that
 * clients write lists alike and another order is not a breaking change; cursors are bound to it.
 */
export function OrderByArg<E extends Record<string, string>>(
  type: E,
  defaultValue: E[keyof E],
): ArgDecorator {
  return Arg('orderBy', () => type, { defaultValue, description: 'The order of the list.' });
}

/** The order of lists of named things (people, franchises, characters, companies). */
export enum NameOrder {
  NAME = 'NAME',
}

registerEnumType(NameOrder, {
  name: 'NameOrder',
  description: 'The order of a list of named things.',
  valuesConfig: {
    NAME: { description: 'By name, A to Z, ignoring case and accents (then oldest first).' },
  },
});
