import { IsOptional, Min, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType } from 'type-graphql';
import { DateScalar } from '../graphql/scalars';
import { IsName, IsText } from '../graphql/validation';
import { SourceInput } from '../source/source.inputs';
import { MetricKind, MetricUnit } from './metric.enums';

@InputType('RecordMetricInput', {
  description: 'A number about a film, with how it was measured and where it was published.',
})
export class RecordMetricInput {
  @Field(() => ID, { description: 'The film measured.' })
  film!: string;

  @Field(() => MetricKind, { description: 'What is measured.' })
  kind!: MetricKind;

  @Field(() => Float, { description: 'The number (not negative).' })
  @Min(0)
  value!: number;

  @Field(() => MetricUnit, { description: 'The unit of `value`.' })
  unit!: MetricUnit;

  @Field(() => String, {
    nullable: true,
    description: 'The period measured, e.g. "first 28 days".',
  })
  @IsName(200)
  window?: string | null;

  @Field(() => String, { description: 'How it was counted.' })
  @IsText(5000)
  methodology!: string;

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'True for a projection rather than a measured figure.',
  })
  projected!: boolean;

  @Field(() => DateScalar, { description: 'The day the figure was announced.' })
  asOf!: string;

  @Field(() => SourceInput, {
    nullable: true,
    description: 'Where it was published; pass this or `sourceId`.',
  })
  @IsOptional()
  @ValidateNested()
  source?: SourceInput | null;

  @Field(() => ID, { nullable: true, description: 'An existing Source; pass this or `source`.' })
  sourceId?: string | null;
}
