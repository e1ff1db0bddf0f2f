import { ArrayMaxSize, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { SlugChoiceInput, VersionedUpdateInput } from '../graphql/input-fields';
import { IsName, IsText } from '../graphql/validation';
import { FranchiseKind } from './franchise.enums';

@InputType('FranchiseFilter', {
  description: 'Narrows a list of franchises; all given fields must match.',
})
export class FranchiseFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Only franchises whose name contains this (any case, any accents).',
  })
  nameContains?: string | null;

  @Field(() => [FranchiseKind], {
    nullable: true,
    description: 'Only franchises of any of these kinds.',
  })
  kinds?: FranchiseKind[] | null;
}

@InputType('CreateFranchiseInput', {
  description: 'A new franchise. Its slug is made from the name and must be unique.',
})
export class CreateFranchiseInput extends SlugChoiceInput('name') {
  @Field(() => String, { description: 'The franchise’s name.' })
  @IsName(200)
  name!: string;

  @Field(() => FranchiseKind, { description: 'What sort of grouping it is.' })
  kind!: FranchiseKind;

  @Field(() => String, { nullable: true, description: 'A short description.' })
  @IsText(5000)
  description?: string | null;

  @Field(() => ID, { nullable: true, description: 'The franchise it sits in.' })
  parent?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Other names the franchise is known by ("MCU"), at most 20.',
  })
  @ArrayMaxSize(20)
  @IsName(200, { each: true })
  aliases?: string[] | null;
}

@InputType('UpdateFranchiseInput', {
  description:
    'Changes to a franchise: omitted fields stay as they are, null clears a field that may be empty.',
})
export class UpdateFranchiseInput extends VersionedUpdateInput('franchise') {
  @Field(() => String, {
    nullable: true,
    description: 'A new name (the slug follows it); cannot be null.',
  })
  @IsName(200)
  name?: string | null;

  @Field(() => FranchiseKind, { nullable: true, description: 'A new kind; cannot be null.' })
  kind?: FranchiseKind | null;

  @Field(() => String, { nullable: true, description: 'A new description; null clears it.' })
  @IsText(5000)
  description?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'A new parent franchise; null makes it top-level.',
  })
  parent?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'The new list of aliases (replaces the old one); null empties it.',
  })
  @ArrayMaxSize(20)
  @IsName(200, { each: true })
  aliases?: string[] | null;
}

@InputType('AddFilmToFranchiseInput', {
  description: 'Puts a film in a franchise, or changes its place when it is already there.',
})
export class AddFilmToFranchiseInput {
  @Field(() => ID, { description: 'The film.' })
  film!: string;

  @Field(() => ID, { description: 'The franchise.' })
  franchise!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'The film’s place in release order (1 = first).',
  })
  @Min(1)
  releaseOrdinal?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'The film’s place in story order (1 = first); null while unknown.',
  })
  @Min(1)
  storyOrdinal?: number | null;
}
