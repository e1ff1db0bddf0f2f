import { Field, InputType } from 'type-graphql';
import { IsName } from '../graphql/validation';

@InputType('CreateCharacterInput', {
  description: 'A new character. The slug is made from the name and must be unique.',
})
export class CreateCharacterInput {
  @Field(() => String, { description: 'The character’s name ("Tyler Rake").' })
  @IsName(200)
  name!: string;
}
