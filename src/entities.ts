import { ApiKey } from './auth/api-key.entity';
import { Character } from './character/character.entity';
import { CompanyCredit } from './company/company-credit.entity';
import { Company } from './company/company.entity';
import { AttachmentEvent } from './credit/attachment-event.entity';
import { Credit } from './credit/credit.entity';
import { FilmRelation, FilmRelationEvent } from './film/film-relation.entity';
import { Film } from './film/film.entity';
import { ProductionEvent } from './film/production-event.entity';
import { ReleaseEvent } from './film/release-event.entity';
import { TitleEvent } from './film/title-event.entity';
import { FranchiseMembership } from './franchise/franchise-membership.entity';
import { Franchise } from './franchise/franchise.entity';
import { Metric } from './metric/metric.entity';
import { Person } from './person/person.entity';
import { ChangeCounter } from './events/change-counter.entity';
import { ChangeLogEntry } from './events/change-log.entity';
import { Source } from './source/source.entity';
import { MergedRecord } from './graphql/relay/merged-record.entity';

/** Every table, in an order that respects foreign keys (parents first). */
export const ENTITIES = [
  Company,
  Source,
  Person,
  Character,
  Franchise,
  Film,
  FranchiseMembership,
  FilmRelation,
  FilmRelationEvent,
  ProductionEvent,
  ReleaseEvent,
  TitleEvent,
  CompanyCredit,
  Credit,
  AttachmentEvent,
  Metric,
  ApiKey,
  ChangeCounter,
  ChangeLogEntry,
  MergedRecord,
];
