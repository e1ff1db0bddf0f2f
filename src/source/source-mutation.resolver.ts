import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { viewerOf } from '../auth/auth-checker';
import { ApiKeyRole } from '../auth/roles';
import { Company } from '../company/company.entity';
import { isUniqueViolation } from '../db/db-errors';
import { updateVersioned } from '../db/writes';
import { BadUserInputError } from '../errors';
import { ChangeKind, logged } from '../events/change-log';
import type { Context } from '../graphql/context';
import { changedColumns } from '../graphql/input-fields';
import { optionalRow, requireRow } from '../graphql/lookup';
import { localIdOf } from '../graphql/relay/global-id';
import { offlineSourceKey, Source } from './source.entity';
import { SourceKind } from './source.enums';
import { UpdateSourceInput } from './source.inputs';
import { createPayloadType } from '../graphql/payload';

const UpdateSourcePayload = createPayloadType('UpdateSourcePayload', 'What updateSource changed.', {
  source: { type: () => Source, description: 'The source as it now stands.' },
});

@Resolver()
export class SourceMutationResolver {
  @Authorized(ApiKeyRole.EDITOR)
  @Mutation(() => UpdateSourcePayload, {
    description:
      'Changes a source (a reused URL that kept an old title, a missing date), if nobody changed it since ' +
      '`expectedVersion`. Needs an editor key.',
  })
  updateSource(
    @Ctx() context: Context,
    @Arg('input', () => UpdateSourceInput, { description: 'The changes.' })
    input: UpdateSourceInput,
  ): Promise<{ source: Source }> {
    const id = localIdOf('Source', input.id, 'input.id');
    return context.write(async (manager) => {
      const current = await requireRow(manager, Source, input.id, 'input.id');
      const changes = changedColumns(
        input,
        ['kind', 'url', 'title', 'publishedOn'],
        ['kind', 'title'],
      ) as Partial<Source>;
      if (input.outlet !== undefined) {
        changes.outletId =
          (await optionalRow(manager, Company, input.outlet, 'input.outlet'))?.id ?? null;
      }
      const next = { ...current, ...changes };
      if (next.url == null && next.kind === SourceKind.ARTICLE) {
        throw new BadUserInputError(
          '"input.url": an ARTICLE needs a URL; give one, or change the kind.',
          'input.url',
        );
      }
      changes.offlineKey = next.url == null ? offlineSourceKey(next) : null;
      let source: Source;
      try {
        source = await updateVersioned(manager, Source, id, input.expectedVersion, changes);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        throw new BadUserInputError(
          '"input.url": another source already has this URL (or, without URL, this outlet, title and day): ' +
            'cite that source (`sourceId`) instead.',
          'input.url',
        );
      }
      return { source: await logged(manager, ChangeKind.UPDATED, viewerOf(context).name, source) };
    });
  }
}
