import { IsOptional, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { VersionedUpdateInput } from '../graphql/input-fields';
import { DateScalar } from '../graphql/scalars';
import { IsName, IsText, IsWebUrl } from '../graphql/validation';
import { Confidence, SourceKind } from './source.enums';

@InputType('SourceFilter', { description: 'Narrows a list of sources.' })
export class SourceFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Only sources whose title contains this (any case of A to Z).',
  })
  titleContains?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only sources this outlet (a Company) published.',
  })
  outlet?: string | null;

  @Field(() => [SourceKind], { nullable: true, description: 'Only sources of these kinds.' })
  kinds?: SourceKind[] | null;
}

@InputType('SourceInput', {
  description:
    'Where a claim was published. An existing source with the same URL is reused, not duplicated; without ' +
    'a URL, the source with the same outlet, title and day published is.',
})
export class SourceInput {
  @Field(() => SourceKind, {
    defaultValue: SourceKind.ARTICLE,
    description: 'What kind of publication it is (default ARTICLE).',
  })
  kind!: SourceKind;

  @Field(() => String, {
    nullable: true,
    description: 'The address of the publication (http or https); required for an ARTICLE.',
  })
  @IsOptional()
  @IsWebUrl()
  url?: string | null;

  @Field(() => String, { description: 'The headline, or a short description of the publication.' })
  @IsName(500)
  title!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The outlet that published it: a Company id (a NEWS_OUTLET).',
  })
  outlet?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The day it was published.' })
  publishedOn?: string | null;
}

/** What every reported event's input shares but its date: how firm, and who said it where. */
@InputType()
export abstract class ReportDetailsInput {
  @Field(() => Confidence, { description: 'How firm the claim is.' })
  confidence!: Confidence;

  @Field(() => SourceInput, {
    nullable: true,
    description: 'Where it was published; pass this or `sourceId`, not both.',
  })
  @IsOptional()
  @ValidateNested()
  source?: SourceInput | null;

  @Field(() => ID, {
    nullable: true,
    description: 'An existing Source; pass this or `source`, not both.',
  })
  sourceId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The words that were said or printed, verbatim.',
  })
  @IsText(5000)
  quote?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The person who said it (a Person id), when a named person did.',
  })
  speaker?: string | null;
}

/** What every reported event's input shares: when, how firm, and who said it where. */
@InputType()
export abstract class ReportInput extends ReportDetailsInput {
  @Field(() => DateScalar, {
    description:
      'The day the change took effect (not the day it was published); never later than today (UTC).',
  })
  effectiveDate!: string;
}

@InputType('UpdateSourceInput', {
  description:
    'Changes to a source: omitted fields stay as they are. Every event citing it cites the changed source.',
})
export class UpdateSourceInput extends VersionedUpdateInput('source') {
  @Field(() => SourceKind, { nullable: true, description: 'What kind of publication it is.' })
  kind?: SourceKind | null;

  @Field(() => String, {
    nullable: true,
    description: 'The address; null removes it (not for an ARTICLE).',
  })
  @IsOptional()
  @IsWebUrl()
  url?: string | null;

  @Field(() => String, { nullable: true, description: 'The headline or a short description.' })
  @IsName(500)
  title?: string | null;

  @Field(() => ID, { nullable: true, description: 'The outlet (a Company id); null removes it.' })
  outlet?: string | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day it was published; null removes it.',
  })
  publishedOn?: string | null;
}
