import { BadUserInputError } from '../errors';
import { localIdOf } from './global-id';

/**
 * The `(id, slug)` pair of the single-object root fields: exactly one must be given. Returns the local
 * id, or the slug to look up.
 */
export function idOrSlug(
  type: string,
  id: string | null | undefined,
  slug: string | null | undefined,
): { id: number } | { slug: string } {
  if ((id == null) === (slug == null)) {
    throw new BadUserInputError('Pass exactly one of "id" or "slug".', id == null ? 'id' : 'slug');
  }
  return id != null ? { id: localIdOf(type, id, 'id') } : { slug: slug as string };
}
