import { Arg, type ClassType } from 'type-graphql';
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
