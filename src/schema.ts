import type { GraphQLSchema } from 'graphql';
import { buildSchema, type PubSub } from 'type-graphql';
import { authChecker } from './auth/auth-checker';
import { CharacterMutationResolver } from './character/character-mutation.resolver';
import { CharacterCreditsResolver, CharacterResolver } from './character/character.resolver';
import { useDirectFieldResolvers } from './graphql/direct-resolvers';
import { NodeResolver } from './graphql/relay/node.resolver';
import { SearchResolver } from './search/search.resolver';
import { validateInput } from './graphql/validation';
import { CompanyMutationResolver } from './company/company-mutation.resolver';
import { CompanyCreditResolver, CompanyResolver } from './company/company.resolver';
import { AttachmentEvent } from './credit/attachment-event.entity';
import { CreditMutationResolver } from './credit/credit-mutation.resolver';
import { AttachmentEventResolver, CreditResolver } from './credit/credit.resolver';
import { FilmMutationResolver } from './film/film-mutation.resolver';
import { FilmRelationEvent } from './film/film-relation.entity';
import {
  FilmCreditsResolver,
  FilmRelationEventResolver,
  FilmRelationResolver,
  FilmResolver,
  ProductionEventResolver,
  ReleaseEventResolver,
  TitleEventResolver,
} from './film/film.resolver';
import { ProductionEvent } from './film/production-event.entity';
import { ReleaseEvent } from './film/release-event.entity';
import { TitleEvent } from './film/title-event.entity';
import { FranchiseMutationResolver } from './franchise/franchise-mutation.resolver';
import { FranchiseMembershipResolver, FranchiseResolver } from './franchise/franchise.resolver';
import { MetricMutationResolver } from './metric/metric-mutation.resolver';
import { MetricResolver } from './metric/metric.resolver';
import { PersonMutationResolver } from './person/person-mutation.resolver';
import { PersonCreditsResolver, PersonResolver } from './person/person.resolver';
import { ChangeResolver, ChangeSubscriptionResolver } from './events/change.resolver';
import { CURATION_RESOLVERS } from './curation/curation.resolver';
import { SourceMutationResolver } from './source/source-mutation.resolver';
import { EventMutationResolver } from './events/event-mutation.resolver';
import { createReportedEventResolver, SourceResolver } from './source/source.resolver';

export const RESOLVERS = [
  NodeResolver,
  SearchResolver,
  FranchiseResolver,
  FranchiseMembershipResolver,
  FilmResolver,
  FilmCreditsResolver,
  FilmRelationResolver,
  FilmRelationEventResolver,
  ProductionEventResolver,
  ReleaseEventResolver,
  TitleEventResolver,
  PersonResolver,
  PersonCreditsResolver,
  CharacterResolver,
  CharacterCreditsResolver,
  CompanyResolver,
  CompanyCreditResolver,
  CreditResolver,
  AttachmentEventResolver,
  SourceResolver,
  MetricResolver,
  createReportedEventResolver(AttachmentEvent, (loaders) => loaders.credit.attachmentEventById),
  createReportedEventResolver(ProductionEvent, (loaders) => loaders.film.productionEventById),
  createReportedEventResolver(FilmRelationEvent, (loaders) => loaders.film.relationEventById),
  createReportedEventResolver(ReleaseEvent, (loaders) => loaders.film.releaseEventById),
  createReportedEventResolver(TitleEvent, (loaders) => loaders.film.titleEventById),
  ChangeResolver,
  ChangeSubscriptionResolver,
  FranchiseMutationResolver,
  FilmMutationResolver,
  PersonMutationResolver,
  CharacterMutationResolver,
  CompanyMutationResolver,
  CreditMutationResolver,
  MetricMutationResolver,
  EventMutationResolver,
  SourceMutationResolver,
  ...CURATION_RESOLVERS,
] as const;

/**
 * type-graphql insists on a PubSub once there is a subscription, though ours are `subscribe` functions
 * (the change feed), not topics: this one refuses topics.
 */
const NO_TOPICS: PubSub = {
  publish() {
    throw new Error('subscriptions read the change feed; there are no topics to publish to');
  },
  subscribe() {
    throw new Error('subscriptions read the change feed; there are no topics to subscribe to');
  },
};

let schema: Promise<GraphQLSchema> | undefined;

// type-graphql has no option for the root types' descriptions; GraphiQL's Docs pane opens on them.
const ROOT_DESCRIPTIONS = {
  Query:
    'Everything that can be read, without a key: franchises and their films in release and story order, ' +
    'films, people, characters, companies and sources (each by id or slug, and as lists), who is attached ' +
    'to which film and how firmly (`attachments`, `asOf` any day), `search` across names and titles, and ' +
    '`changes`, the feed of every write. Lists are Relay connections with `first`/`after`, `orderBy` and ' +
    '`totalCount`.',
  Mutation:
    'Every write, with an API key (`Authorization: Bearer <key>`): editors add and update records and ' +
    'record dated, sourced reports (attachments, production status, relations, releases, titles, metrics), ' +
    'retract and correct them; admins merge and delete. Each mutation takes one `input` and returns a ' +
    '`…Payload` with what it changed, and runs in one transaction that also writes the `changes` feed.',
  Subscription:
    'What is pushed over WebSocket (graphql-ws protocol, same `/graphql` path), without a key: `changes`, ' +
    'every write as it is committed, filtered by film, person, franchise or kind, resumable from a cursor.',
};

/** Builds the schema once per process (type-graphql's metadata is global; resolvers are singletons). */
export function getSchema(): Promise<GraphQLSchema> {
  schema ??= buildSchema({
    resolvers: RESOLVERS,
    validate: true,
    validateFn: validateInput,
    authChecker,
    authMode: 'error',
    emitSchemaFile: false,
    pubSub: NO_TOPICS,
  }).then((built) => {
    useDirectFieldResolvers(built, RESOLVERS);
    built.getQueryType()!.description = ROOT_DESCRIPTIONS.Query;
    built.getMutationType()!.description = ROOT_DESCRIPTIONS.Mutation;
    built.getSubscriptionType()!.description = ROOT_DESCRIPTIONS.Subscription;
    return built;
  });
  return schema;
}
