import type { AuthCheckerFn } from 'type-graphql';
import type { Context } from '../graphql/context';
import { ForbiddenError, UnauthenticatedError } from '../errors';
import type { Viewer } from './api-keys';
import { ApiKeyRole, roleIncludes } from './roles';

/**
 * The one place that decides whether a caller may do something that needs a role. Throws UNAUTHENTICATED
 * when no valid key was sent and FORBIDDEN when the key's role is not enough.
 */
export function requireRole(
  context: Pick<Context, 'viewer' | 'request'>,
  role: ApiKeyRole,
  what?: string,
): Viewer {
  const { authRejection } = context.request;
  if (authRejection) throw new UnauthenticatedError(authRejection);
  if (!context.viewer) throw new UnauthenticatedError();
  if (!roleIncludes(context.viewer.role, role)) {
    throw new ForbiddenError(`${what ?? 'This operation'} needs a key with the ${role} role.`);
  }
  return context.viewer;
}

/**
 * type-graphql's check behind `@Authorized(ApiKeyRole.EDITOR)`, which every mutation has: the key must
 * hold the role. It only authorizes: the rate limit counts writes, in `context.write`.
 */
export const authChecker: AuthCheckerFn<Context, ApiKeyRole> = ({ context }, roles) => {
  // `@Authorized()` without roles still needs a valid key, at least an editor's.
  for (const role of roles.length > 0 ? roles : [ApiKeyRole.EDITOR]) requireRole(context, role);
  return true;
};

/** The key holder of a resolver behind `@Authorized`, which has already made sure there is one. */
export function viewerOf(context: Pick<Context, 'viewer'>): Viewer {
  if (!context.viewer) throw new Error('viewerOf() needs a resolver behind @Authorized');
  return context.viewer;
}
