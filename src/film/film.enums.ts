import { registerEnumType } from 'type-graphql';

export enum ProductionStatus {
  ANNOUNCED = 'ANNOUNCED',
  IN_DEVELOPMENT = 'IN_DEVELOPMENT',
  PRE_PRODUCTION = 'PRE_PRODUCTION',
  IN_PRODUCTION = 'IN_PRODUCTION',
  POST_PRODUCTION = 'POST_PRODUCTION',
  RELEASED = 'RELEASED',
  CANCELED = 'CANCELED',
}

registerEnumType(ProductionStatus, {
  name: 'ProductionStatus',
  description: 'Where a film stands in production.',
  valuesConfig: {
    ANNOUNCED: { description: 'The film has been announced.' },
    IN_DEVELOPMENT: { description: 'Being written or packaged; no shoot scheduled.' },
    PRE_PRODUCTION: { description: 'Preparing to shoot: casting, locations, crew.' },
    IN_PRODUCTION: { description: 'Principal photography is under way.' },
    POST_PRODUCTION: { description: 'Shooting has wrapped; editing, effects and sound.' },
    RELEASED: { description: 'The film has been released.' },
    CANCELED: { description: 'The film was abandoned.' },
  },
});

export enum ReleaseKind {
  PREMIERE = 'PREMIERE',
  THEATRICAL = 'THEATRICAL',
  STREAMING = 'STREAMING',
  DIGITAL = 'DIGITAL',
  PHYSICAL = 'PHYSICAL',
  TV = 'TV',
}

registerEnumType(ReleaseKind, {
  name: 'ReleaseKind',
  description: 'How a film was released.',
  valuesConfig: {
    PREMIERE: { description: 'A premiere or festival screening (not a release date).' },
    THEATRICAL: { description: 'In cinemas.' },
    STREAMING: { description: 'On a subscription streaming platform.' },
    DIGITAL: { description: 'For digital purchase or rental.' },
    PHYSICAL: { description: 'On disc.' },
    TV: { description: 'On television.' },
  },
});

export enum FilmRelationKind {
  SEQUEL = 'SEQUEL',
  PREQUEL = 'PREQUEL',
  SPIN_OFF = 'SPIN_OFF',
  REMAKE = 'REMAKE',
  REBOOT = 'REBOOT',
  FOLLOW_UP = 'FOLLOW_UP',
}

registerEnumType(FilmRelationKind, {
  name: 'FilmRelationKind',
  description: 'What the later film (`to`) is to the earlier one (`from`).',
  valuesConfig: {
    SEQUEL: { description: 'Continues the story forward in time.' },
    PREQUEL: { description: 'Tells what happened before.' },
    SPIN_OFF: { description: 'Follows other characters from the same story.' },
    REMAKE: { description: 'Tells the same story again.' },
    REBOOT: { description: 'Starts the franchise over.' },
    FOLLOW_UP: {
      description: 'A next film whose direction (sequel or prequel) is not decided yet.',
    },
  },
});

export enum FilmOrder {
  RELEASE_DATE = 'RELEASE_DATE',
  TITLE = 'TITLE',
}

registerEnumType(FilmOrder, {
  name: 'FilmOrder',
  description: 'The order of a list of films.',
  valuesConfig: {
    RELEASE_DATE: { description: 'By release date, earliest first; unreleased films last.' },
    TITLE: { description: 'By title, A to Z, ignoring case and accents.' },
  },
});

export enum DatePrecision {
  DAY = 'DAY',
  MONTH = 'MONTH',
  YEAR = 'YEAR',
}

registerEnumType(DatePrecision, {
  name: 'DatePrecision',
  description: 'How exactly a date is known; the date is the first day of the period.',
  valuesConfig: {
    DAY: { description: 'The day is known ("June 16, 2023").' },
    MONTH: { description: 'Only the month is known ("June 2026"); the date is its first day.' },
    YEAR: { description: 'Only the year is known ("2027"); the date is January 1.' },
  },
});
