import { registerEnumType } from 'type-graphql';

export enum CompanyKind {
  STUDIO = 'STUDIO',
  DISTRIBUTOR = 'DISTRIBUTOR',
  STREAMER = 'STREAMER',
  PRODUCTION_COMPANY = 'PRODUCTION_COMPANY',
  NEWS_OUTLET = 'NEWS_OUTLET',
}

registerEnumType(CompanyKind, {
  name: 'CompanyKind',
  description: 'What a company mainly is.',
  valuesConfig: {
    STUDIO: { description: 'A film studio (Marvel Studios).' },
    DISTRIBUTOR: { description: 'A theatrical distributor (Walt Disney Studios Motion Pictures).' },
    STREAMER: { description: 'A streaming platform (Netflix).' },
    PRODUCTION_COMPANY: { description: 'A production company (AGBO).' },
    NEWS_OUTLET: { description: 'A publication that reports on films (Deadline).' },
  },
});

/** What a company did on a particular film. */
export enum CompanyRole {
  PRODUCTION = 'PRODUCTION',
  DISTRIBUTION = 'DISTRIBUTION',
  STREAMING = 'STREAMING',
}

registerEnumType(CompanyRole, {
  name: 'CompanyRole',
  description: 'What a company did on a film.',
  valuesConfig: {
    PRODUCTION: { description: 'Produced or co-produced the film.' },
    DISTRIBUTION: { description: 'Distributed the film in theaters.' },
    STREAMING: { description: 'Released the film on its streaming platform.' },
  },
});
