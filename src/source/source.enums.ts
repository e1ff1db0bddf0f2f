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

/** What kind of publication a source is; only an ARTICLE needs a URL. */
export enum SourceKind {
  ARTICLE = 'ARTICLE',
  PRESS_RELEASE = 'PRESS_RELEASE',
  EVENT = 'EVENT',
  BROADCAST = 'BROADCAST',
  SOCIAL_POST = 'SOCIAL_POST',
  INTERVIEW = 'INTERVIEW',
  OTHER = 'OTHER',
}

registerEnumType(SourceKind, {
  name: 'SourceKind',
  description: 'What kind of publication a source is.',
  valuesConfig: {
    ARTICLE: { description: 'An article online; it has a URL.' },
    PRESS_RELEASE: { description: 'A press release or an official statement.' },
    EVENT: { description: 'A panel, a convention or a live event (Comic-Con, TUDUM).' },
    BROADCAST: { description: 'A TV or radio broadcast, a podcast or a livestream.' },
    SOCIAL_POST: { description: 'A post on a social network.' },
    INTERVIEW: { description: 'An interview, printed or recorded.' },
    OTHER: { description: 'Anything else.' },
  },
});

export enum SourceOrder {
  FIRST_RECORDED = 'FIRST_RECORDED',
}

registerEnumType(SourceOrder, {
  name: 'SourceOrder',
  description: 'The order of a list of sources.',
  valuesConfig: {
    FIRST_RECORDED: { description: 'In the order the sources were first recorded, oldest first.' },
  },
});
