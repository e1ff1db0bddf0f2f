import { BadUserInputError } from '../errors';

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
