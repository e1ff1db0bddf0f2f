import { createUnionType } from 'type-graphql';
import { AttachmentEvent } from '../credit/attachment-event.entity';
import { FilmRelationEvent } from '../film/film-relation.entity';
import { ProductionEvent } from '../film/production-event.entity';
import { ReleaseEvent } from '../film/release-event.entity';
import { TitleEvent } from '../film/title-event.entity';

/** The kinds of dated, sourced events, by their GraphQL (and entity class) name. */
export const EVENT_TYPES = {
  AttachmentEvent,
  ProductionEvent,
  FilmRelationEvent,
  ReleaseEvent,
  TitleEvent,
} as const;

export type EventTypeName = keyof typeof EVENT_TYPES;
export type AnySourcedEvent =
  AttachmentEvent | ProductionEvent | FilmRelationEvent | ReleaseEvent | TitleEvent;

export const SourcedEvent = createUnionType({
  name: 'SourcedEvent',
  description:
    'A dated, sourced event: a change of a deal status, of a production status or of a film relation’s kind, ' +
    'a release report or a title report.',
  types: () =>
    [AttachmentEvent, ProductionEvent, FilmRelationEvent, ReleaseEvent, TitleEvent] as const,
  resolveType: (value) => value.constructor.name,
});
