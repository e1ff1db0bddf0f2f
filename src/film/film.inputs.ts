import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../common/dates';
import { ProductionStatus } from './film.enums';

@InputType('FilmFilter', { description: 'Narrows a list of films; all given fields must match.' })
export class FilmFilter {
  @Field(() => ID, { nullable: true, description: 'Only films of this franchise.' })
  franchise?: string | null;

  @Field(() => [ProductionStatus], { nullable: true, description: 'Only films now in any of these statuses.' })
  statuses?: ProductionStatus[] | null;

  @Field(() => DateScalar, { nullable: true, description: 'Only films released on or after this day.' })
  releasedAfter?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Only films released on or before this day.' })
  releasedBefore?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only films whose title or working title contains this (any case, any accents).',
  })
  titleContains?: string | null;
}
