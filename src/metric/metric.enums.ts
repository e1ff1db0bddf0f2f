import { registerEnumType } from 'type-graphql';

export enum MetricKind {
  VIEWERSHIP = 'VIEWERSHIP',
  BOX_OFFICE = 'BOX_OFFICE',
  BUDGET = 'BUDGET',
}

registerEnumType(MetricKind, {
  name: 'MetricKind',
  description: 'What a metric measures.',
  valuesConfig: {
    VIEWERSHIP: { description: 'How many watched (households, hours, views).' },
    BOX_OFFICE: { description: 'Ticket sales.' },
    BUDGET: { description: 'What the film cost to make.' },
  },
});

export enum MetricUnit {
  HOUSEHOLDS = 'HOUSEHOLDS',
  HOURS = 'HOURS',
  VIEWS = 'VIEWS',
  USD = 'USD',
}

registerEnumType(MetricUnit, {
  name: 'MetricUnit',
  description: 'The unit of a metric’s value.',
  valuesConfig: {
    HOUSEHOLDS: { description: 'Member households (the methodology says when one counts).' },
    HOURS: { description: 'Hours viewed.' },
    VIEWS: { description: 'Views: hours viewed divided by running time.' },
    USD: { description: 'US dollars.' },
  },
});
