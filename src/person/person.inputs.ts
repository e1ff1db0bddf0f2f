import { ArrayMaxSize } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { SlugChoiceInput, VersionedUpdateInput } from '../graphql/input-fields';
import { IsName } from '../graphql/validation';

@InputType('PersonFilter', { description: 'Narrows a list of people.' })
export class PersonFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Only people whose name or an alias contains this (any case, any accents).',
  })
  nameContains?: string | null;
}

@InputType('CreatePersonInput', {
  description: 'A new person. The slug is made from the name and must be unique.',
})
export class CreatePersonInput extends SlugChoiceInput('name') {
  @Field(() => String, { description: 'The name the person is credited under.' })
  @IsName(200)
  name!: string;

  @Field(() => [String], {
    nullable: true,
    description: 'Other names the person is known by (at most 20).',
  })
  @ArrayMaxSize(20)
  @IsName(200, { each: true })
  aliases?: string[] | null;
}

@InputType('UpdatePersonInput', {
  description: 'Changes to a person: omitted fields stay as they are.',
})
export class UpdatePersonInput extends VersionedUpdateInput('person') {
  @Field(() => String, {
    nullable: true,
    description: 'A new name (the slug follows it); cannot be null.',
  })
  @IsName(200)
  name?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'The new list of aliases (replaces the old one); null empties it.',
  })
  @ArrayMaxSize(20)
  @IsName(200, { each: true })
  aliases?: string[] | null;
}
