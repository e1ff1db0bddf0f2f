import { isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

type ParamMetadata = NonNullable<
  ReturnType<typeof getMetadataStorage>['fieldResolvers'][number]['params']
>[number];

/** The parameter kinds a direct resolver can hand over as they are. */
const DIRECT_KINDS = new Set<ParamMetadata['kind']>(['root', 'context', 'arg', 'info']);

/**
 * Whether a direct call hands `param` over as type-graphql's wrapper would: an argument's own
 * `validateFn` runs even on scalars.
 */
const isDirect = (param: ParamMetadata) =>
  DIRECT_KINDS.has(param.kind) && !(param.kind === 'arg' && param.validateFn);

/**
 * Serves type-graphql field resolvers without type-graphql's per-call wrapper when the wrapper would
 * do nothing. For a field with arguments, the wrapper converts each argument and passes it to the
 * validator, and that step is async even when there is nothing to validate: every call makes several
 * promises (`Credit.status(asOf:)` on a deep query, thousands per request). Only input objects are
 * converted (to class instances) and validated (`validateInput` returns at once for anything else), so
 * a call whose argument values are all scalars, enums or null gets exactly the same parameters from a
 * direct call of the resolver method.
 *
 * Taken over: field resolvers of the given resolver classes with no `@Authorized` and no
 * middlewares, whose parameters are only `@Root()`, `@Ctx()`, `@Arg()` (without a `validateFn` of its
 * own) and `@Info()`. A call that carries an input object, or whose root is not yet an instance of the
 * root's class, still goes through type-graphql's resolver, which converts and validates. The schema
 * must be built without `globalMiddlewares`: a direct call skips them.
 * The schema (SDL) does not change. Resolver classes are stateless singletons, so one instance per
 * class here serves as well as type-graphql's.
 */
export function useDirectFieldResolvers(
  schema: GraphQLSchema,
  resolverClasses: readonly object[],
): void {
  const storage = getMetadataStorage();
  const classes = new Set<object>(resolverClasses);
  const instances = new Map<object, Record<string, unknown>>();
  for (const metadata of storage.fieldResolvers) {
    if (!classes.has(metadata.target) || !metadata.getObjectType) continue;
    // `@Authorized()` without roles records `roles: []` and is still checked by the wrapper.
    if (metadata.roles || metadata.middlewares?.length) continue;
    const params = [...(metadata.params ?? [])].sort((a, b) => a.index - b.index);
    if (!params.every(isDirect)) continue;
    const objectClass = metadata.getObjectType();
    const typeName = storage.objectTypes.find((type) => type.target === objectClass)?.name;
    const type = typeName ? schema.getType(typeName) : undefined;
    if (!isObjectType(type)) continue;
    const field = type.getFields()[metadata.schemaName];
    const wrapped = field?.resolve;
    if (!wrapped) continue;

    let instance = instances.get(metadata.target);
    if (!instance) {
      instance = new (metadata.target as new () => Record<string, unknown>)();
      instances.set(metadata.target, instance);
    }
    const method = instance[metadata.methodName] as (...values: unknown[]) => unknown;
    const target = instance;
    const argNames = params.flatMap((param) => (param.kind === 'arg' ? [param.name] : []));
    // A typed `@Root()` is converted to its class unless it is an instance already (entities are).
    const rootParam = params.find((param) => param.kind === 'root');
    const rootType = rootParam?.getType?.();
    // One getter per parameter, called in place: no array of parameters per call.
    const getters = params.map(parameterGetter);
    const direct: GraphQLFieldResolver<unknown, Record<string, unknown>> = (
      root,
      args,
      context,
      info,
    ) => {
      if (typeof rootType === 'function' && !(root instanceof rootType)) {
        return wrapped(root, args, context, info);
      }
      for (const name of argNames) {
        const value: unknown = args[name];
        if (value !== null && typeof value === 'object') return wrapped(root, args, context, info);
      }
      switch (getters.length) {
        case 1:
          return method.call(target, getters[0](root, args, context, info));
        case 2:
          return method.call(
            target,
            getters[0](root, args, context, info),
            getters[1](root, args, context, info),
          );
        case 3:
          return method.call(
            target,
            getters[0](root, args, context, info),
            getters[1](root, args, context, info),
            getters[2](root, args, context, info),
          );
        default:
          return method.apply(
            target,
            getters.map((get) => get(root, args, context, info)),
          );
      }
    };
    field.resolve = direct;
  }
}

type Getter = (
  root: unknown,
  args: Record<string, unknown>,
  context: Record<string, unknown>,
  info: unknown,
) => unknown;

/** Reads one resolver parameter from graphql-js's resolver arguments, as type-graphql passes it. */
function parameterGetter(param: ParamMetadata): Getter {
  switch (param.kind) {
    case 'root': {
      const property = param.propertyName;
      return property ? (root) => (root as Record<string, unknown>)[property] : (root) => root;
    }
    case 'context': {
      const property = param.propertyName;
      return property ? (_r, _a, context) => context[property] : (_r, _a, context) => context;
    }
    case 'arg': {
      const name = param.name;
      return (_r, args) => args[name];
    }
    default:
      return (_r, _a, _c, info) => info;
  }
}
