import { Field, ID, InputType, ObjectType } from 'type-graphql';

@InputType('MergeInput', {
  description:
    'Two records of one type that are the same thing: the one to keep and its duplicate.',
})
export class MergeInput {
  @Field(() => ID, { description: 'The record to keep; it takes everything of the duplicate.' })
  keep!: string;

  @Field(() => ID, {
    description: 'The duplicate: removed, its id and slug resolve to the kept record from now on.',
  })
  duplicate!: string;
}

@InputType('DeleteInput', { description: 'A record to delete; nothing may refer to it.' })
export class DeleteInput {
  @Field(() => ID, { description: 'The record.' })
  id!: string;
}

@ObjectType('DeletePayload', { description: 'What a delete removed.' })
export class DeletePayload {
  @Field(() => ID, { description: 'The id of the deleted record (it no longer resolves).' })
  deletedId!: string;
}
