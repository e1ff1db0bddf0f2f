import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../common/dates';
import { AttachmentStatus, CreditRole } from './credit.enums';

@InputType('CreditFilter', { description: 'Narrows a list of credits; all given fields must match.' })
export class CreditFilter {
  @Field(() => [CreditRole], { nullable: true, description: 'Any of these roles.' })
  roles?: CreditRole[] | null;

  @Field(() => [AttachmentStatus], { nullable: true, description: 'Any of these statuses (as of `asOf`).' })
  statuses?: AttachmentStatus[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'True: only CONFIRMED or CREDITED; false: only those not (yet) confirmed.',
  })
  confirmed?: boolean | null;
}

@InputType('AttachmentFilter', { description: 'Narrows the attachments list; all given fields must match.' })
export class AttachmentFilter extends CreditFilter {
  @Field(() => ID, { nullable: true, description: 'Only credits on this film.' })
  film?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only credits of this person.' })
  person?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only credits on films of this franchise.' })
  franchise?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Only credits with a (non-retracted) status change effective on or after this day.',
  })
  changedSince?: string | null;
}
