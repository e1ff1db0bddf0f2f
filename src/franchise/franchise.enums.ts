import { registerEnumType } from 'type-graphql';

export enum FranchiseKind {
  FRANCHISE = 'FRANCHISE',
  SHARED_UNIVERSE = 'SHARED_UNIVERSE',
  SERIES = 'SERIES',
  PHASE = 'PHASE',
  SAGA = 'SAGA',
}

registerEnumType(FranchiseKind, {
  name: 'FranchiseKind',
  description: 'What sort of grouping of films a franchise is.',
  valuesConfig: {
    FRANCHISE: { description: 'A film franchise (Extraction).' },
    SHARED_UNIVERSE: {
      description: 'A universe shared by several series (Marvel Cinematic Universe).',
    },
    SERIES: { description: 'A series within a universe (Captain America, Avengers).' },
    PHASE: { description: 'A release phase of a universe (MCU Phase Three).' },
    SAGA: { description: 'A saga spanning phases (The Infinity Saga).' },
  },
});

export enum FranchiseOrder {
  RELEASE = 'RELEASE',
  STORY = 'STORY',
}

registerEnumType(FranchiseOrder, {
  name: 'FranchiseOrder',
  description: 'The order of a franchise’s films.',
  valuesConfig: {
    RELEASE: { description: 'In order of release (releaseOrdinal).' },
    STORY: {
      description: 'In story (chronological) order; films whose place is unknown come last.',
    },
  },
});
