import { BadUserInputError } from '../../errors';

/**
 * Global ids are opaque to clients: base64url of "Type:localId". Local ids are positive integers.
 */
export function toGlobalId(type: string, localId: number): string {
  return Buffer.from(`${type}:${localId}`, 'utf8').toString('base64url');
}

export interface ParsedGlobalId {
  readonly type: string;
  readonly id: number;
}

const GLOBAL_ID_PATTERN = /^([A-Z][A-Za-z]*):([1-9]\d{0,15})$/;

/** Returns null for anything that is not a well-formed global id. */
export function parseGlobalId(globalId: string): ParsedGlobalId | null {
  if (typeof globalId !== 'string' || globalId.length > 200 || !/^[A-Za-z0-9_-]+$/.test(globalId)) {
    return null;
  }
  const match = GLOBAL_ID_PATTERN.exec(Buffer.from(globalId, 'base64url').toString('utf8'));
  if (!match) return null;
  const id = Number(match[2]);
  return Number.isSafeInteger(id) ? { type: match[1], id } : null;
}

/**
 * Decodes an id argument that must name a `type`. A malformed id, or one of another type, is the
 * client's mistake and is reported against `field`.
 */
export function localIdOf(type: string, globalId: string, field: string): number {
  const parsed = parseGlobalId(globalId);
  if (!parsed) throw new BadUserInputError(`"${field}" is not a valid id.`, field);
  if (parsed.type !== type) {
    throw new BadUserInputError(
      `"${field}" must be the id of a ${type}, got a ${parsed.type} id.`,
      field,
    );
  }
  return parsed.id;
}
