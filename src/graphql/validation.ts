import { IsUrl, Matches, MaxLength, validate, type ValidationError } from 'class-validator';
import { getNamedType } from 'graphql';
import type { ValidatorFn } from 'type-graphql';
import { BadUserInputError } from '../errors';

/** The first failed constraint, depth first, with the dotted path of the property that failed. */
export function firstViolation(
  errors: readonly ValidationError[],
  prefix: string[] = [],
): { path: string[]; message: string } | null {
  for (const error of errors) {
    const path = [...prefix, error.property];
    const message = Object.values(error.constraints ?? {})[0];
    if (message) return { path, message };
    const nested = firstViolation(error.children ?? [], path);
    if (nested) return nested;
  }
  return null;
}

/**
 * type-graphql's validation hook (`buildSchema({ validateFn })`): runs class-validator on every input
 * object, as `validate: true` would, but reports the first problem as BAD_USER_INPUT naming the whole
 * input path ("input.source.url"), which type-graphql's own ArgumentValidationError cannot (it does not
 * know the argument's name).
 */
export const validateInput: ValidatorFn = async (argValue, argType, { info }) => {
  if (argValue == null || typeof argValue !== 'object') return;
  const items: unknown[] = Array.isArray(argValue) ? argValue : [argValue];
  const typeName = typeof argType === 'function' ? argType.name : '';
  const args = info.parentType.getFields()[info.fieldName]?.args ?? [];
  // An @Args class is spread over several arguments: its properties are the argument names.
  const arg = args.find((candidate) => getNamedType(candidate.type).name === typeName);
  for (const [index, item] of items.entries()) {
    if (item == null || typeof item !== 'object') continue;
    const errors = await validate(item, {
      skipMissingProperties: true,
      forbidUnknownValues: false,
    });
    const violation = firstViolation(errors);
    if (violation) {
      const head = arg ? [Array.isArray(argValue) ? `${arg.name}[${index}]` : arg.name] : [];
      const field = [...head, ...violation.path].join('.');
      throw new BadUserInputError(`"${field}": ${violation.message}`, field);
    }
  }
};

/** A display name or title: not blank, at most `max` characters. */
export function IsName(max = 200, options: { each?: boolean } = {}): PropertyDecorator {
  return (target, key) => {
    Matches(/\S/, { ...options, message: '$property must not be empty' })(target, key);
    MaxLength(max, { ...options, message: `$property must be at most ${max} characters` })(
      target,
      key,
    );
  };
}

/** Free text that may be long but not unbounded. */
export function IsText(max: number): PropertyDecorator {
  return (target, key) => {
    Matches(/\S/, { message: '$property must not be blank (omit it or pass null instead)' })(
      target,
      key,
    );
    MaxLength(max, { message: `$property must be at most ${max} characters` })(target, key);
  };
}

/** An http(s) address. */
export function IsWebUrl(): PropertyDecorator {
  return (target, key) => {
    IsUrl(
      { protocols: ['http', 'https'], require_protocol: true, require_tld: true },
      { message: '$property must be an http:// or https:// address' },
    )(target, key);
    MaxLength(2000, { message: '$property must be at most 2000 characters' })(target, key);
  };
}
