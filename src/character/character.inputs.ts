import { ArrayMaxSize } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { SlugChoiceInput, VersionedUpdateInput } from '../graphql/input-fields';
import { IsName } from '../graphql/validation';

@InputType('CharacterFilter', { description: 'Narrows a list of characters.' })
export class CharacterFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Only characters whose name or an alias contains this (any case, any accents).',
  })
  nameContains?: string | null;
}

@InputType('CreateCharacterInput', {
  description: 'A new character. The slug is made from the name and must be unique.',
})
export class CreateCharacterInput extends SlugChoiceInput('name') {
  @Field(() => String, { description: 'The character’s name ("Tyler Rake").' })
  @IsName(200)
  name!: string;

  @Field(() => [String], {
    nullable: true,
    description: 'Other names the character is known by ("Doctor Doom"), at most 20.',
  })
  @ArrayMaxSize(20)
  @IsName(200, { each: true })
  aliases?: string[] | null;
}

@InputType('UpdateCharacterInput', {
  description: 'Changes to a character: omitted fields stay as they are.',
})
export class UpdateCharacterInput extends VersionedUpdateInput('character') {
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
