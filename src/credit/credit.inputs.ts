import { Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { VersionedUpdateInput } from '../graphql/input-fields';
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
    'A report of a person’s attachment to a film. The credit is named by `credit`, or by film, person, role ' +
    'and character (created when it does not exist yet); `job` and `billingOrder` are its attributes.',
})
export class RecordAttachmentInput extends ReportInput {
  @Field(() => ID, {
    nullable: true,
    description: 'An existing Credit; pass this or `film` + `person` + `role` (+ `character`).',
  })
  credit?: string | null;

  @Field(() => ID, { nullable: true, description: 'The film (without `credit`).' })
  film?: string | null;

  @Field(() => ID, { nullable: true, description: 'The person (without `credit`).' })
  person?: string | null;

  @Field(() => CreditRole, { nullable: true, description: 'The kind of role (without `credit`).' })
  role?: CreditRole | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Whom the person plays (a Character id), for CAST only (without `credit`).',
  })
  character?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The job in free text ("screenplay"): set on a new credit, or on one that has none; updateCredit changes it.',
  })
  @IsName(300)
  job?: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Position in the billing (1 = top billed): set on a new credit, or on one that has none; updateCredit changes it.',
  })
  @Min(1)
  billingOrder?: number | null;

  @Field(() => AttachmentStatus, {
    description: 'The deal status reported, from `effectiveDate` on.',
  })
  status!: AttachmentStatus;
}

@InputType('UpdateCreditInput', {
  description:
    'Changes to a credit’s attributes: omitted fields stay as they are, null clears them.',
})
export class UpdateCreditInput extends VersionedUpdateInput('credit') {
  @Field(() => String, { nullable: true, description: 'The job in free text ("screenplay").' })
  @IsName(300)
  job?: string | null;

  @Field(() => Int, { nullable: true, description: 'Position in the billing (1 = top billed).' })
  @Min(1)
  billingOrder?: number | null;
}
