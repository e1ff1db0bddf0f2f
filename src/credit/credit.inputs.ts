import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../graphql/scalars';
import { IsName } from '../graphql/validation';
import { ReportInput } from '../source/source.inputs';
import { AttachmentStatus, CreditRole } from './credit.enums';

@InputType('CreditFilter', {
  description: 'Narrows a list of credits; all given fields must match.',
})
export class CreditFilter {
  @Field(() => [CreditRole], { nullable: true, description: 'Any of these roles.' })
  roles?: CreditRole[] | null;

  @Field(() => [AttachmentStatus], {
    nullable: true,
    description: 'Any of these statuses (as of `asOf`).',
  })
  statuses?: AttachmentStatus[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'True: only CONFIRMED or CREDITED; false: only those not (yet) confirmed.',
  })
  confirmed?: boolean | null;
}

@InputType('AttachmentFilter', {
  description: 'Narrows the attachments list; all given fields must match.',
})
export class AttachmentFilter extends CreditFilter {
  @Field(() => ID, { nullable: true, description: 'Only credits on this film.' })
  film?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only credits of this person.' })
  person?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only credits on films of this franchise.' })
  franchise?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description:
      'Only credits with a (non-retracted) status change that took effect on or after this day. This is the ' +
      'effective date of the change, not when it was recorded: to poll for newly recorded reports use `changes(since:)`.',
  })
  changedSince?: string | null;
}

@InputType('RecordAttachmentInput', {
  description:
    'A report of a person’s attachment to a film. The credit is identified by film, person, role, job and ' +
    'character, and created when it does not exist yet.',
})
export class RecordAttachmentInput extends ReportInput {
  @Field(() => ID, { description: 'The film.' })
  film!: string;

  @Field(() => ID, { description: 'The person.' })
  person!: string;

  @Field(() => CreditRole, { description: 'The kind of role.' })
  role!: CreditRole;

  @Field(() => String, {
    nullable: true,
    description: 'The job in free text, when the role needs it ("screenplay").',
  })
  @IsName(300)
  job?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Whom the person plays (a Character id), for CAST.',
  })
  character?: string | null;

  @Field(() => AttachmentStatus, {
    description: 'The deal status reported, from `effectiveDate` on.',
  })
  status!: AttachmentStatus;
}
