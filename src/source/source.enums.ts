import { registerEnumType } from 'type-graphql';

/** How firm a claim is, separately from what it claims. */
export enum Confidence {
  OFFICIAL = 'OFFICIAL',
  PRINCIPAL_ON_RECORD = 'PRINCIPAL_ON_RECORD',
  TRADE_REPORTED = 'TRADE_REPORTED',
  SECONDARY = 'SECONDARY',
  SPECULATIVE = 'SPECULATIVE',
}

registerEnumType(Confidence, {
  name: 'Confidence',
  description: 'How firm a reported claim is, independent of what it claims.',
  valuesConfig: {
    OFFICIAL: { description: 'Said by the rights holder, studio or platform itself.' },
    PRINCIPAL_ON_RECORD: {
      description: 'A named person with direct knowledge said it, quoted on the record.',
    },
    TRADE_REPORTED: {
      description: 'Reported by a trade outlet (Deadline, Variety, THR…) from its own sources.',
    },
    SECONDARY: { description: 'An outlet repeating another outlet’s report.' },
    SPECULATIVE: { description: 'Rumor or speculation; not confirmed by anyone with knowledge.' },
  },
});
