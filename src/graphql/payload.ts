import { Field, ObjectType, type ClassType } from 'type-graphql';

/** The GraphQL type of a payload field: an object type, or an abstract one (a union, an interface). */
type FieldType = ClassType | object;

/** One field of a payload type: its name, type and description. */
export interface PayloadField {
  readonly type: () => FieldType;
  readonly description: string;
  readonly nullable?: boolean;
}

/**
 * Builds `<name>` (e.g. `CreateFilmPayload`), the object type a mutation returns: every mutation
 * returns a payload holding what it changed, so that a field can be added later without breaking
 * clients. One factory for all of them, like the connection types.
 */
export function createPayloadType<F extends Record<string, PayloadField>>(
  name: string,
  description: string,
  fields: F,
): ClassType<{ [K in keyof F]: unknown }> {
  class Payload {}
  for (const [field, { type, description: fieldDescription, nullable }] of Object.entries(fields)) {
    Field(type, { description: fieldDescription, nullable: nullable ?? false })(
      Payload.prototype,
      field,
    );
  }
  ObjectType(name, { description })(Payload);
  Object.defineProperty(Payload, 'name', { value: name });
  return Payload as ClassType<{ [K in keyof F]: unknown }>;
}

/** The `duplicate` field of a report's payload. */
export function duplicateField(sameReport: string): PayloadField {
  return {
    type: () => Boolean,
    description:
      `True when this exact report (${sameReport}) was already recorded and not retracted: nothing ` +
      'was written and `event` is the earlier one.',
  };
}
