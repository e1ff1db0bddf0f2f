import { registerEnumType } from 'type-graphql';

export enum CreditRole {
  DIRECTOR = 'DIRECTOR',
  WRITER = 'WRITER',
  PRODUCER = 'PRODUCER',
  EXECUTIVE_PRODUCER = 'EXECUTIVE_PRODUCER',
  CAST = 'CAST',
  CINEMATOGRAPHER = 'CINEMATOGRAPHER',
  EDITOR = 'EDITOR',
  COMPOSER = 'COMPOSER',
  STUNTS = 'STUNTS',
  OTHER = 'OTHER',
}

registerEnumType(CreditRole, {
  name: 'CreditRole',
  description: 'A person’s role on a film; `job` says more in free text.',
  valuesConfig: {
    DIRECTOR: { description: 'Directs the film.' },
    WRITER: { description: 'Writes the screenplay or the story it is based on.' },
    PRODUCER: { description: 'Produces the film.' },
    EXECUTIVE_PRODUCER: { description: 'Executive producer.' },
    CAST: { description: 'Acts in the film; `character` says as whom.' },
    CINEMATOGRAPHER: { description: 'Director of photography.' },
    EDITOR: { description: 'Edits the film.' },
    COMPOSER: { description: 'Writes the score.' },
    STUNTS: { description: 'Stunt performer, double or coordinator.' },
    OTHER: { description: 'Any other crew role; see `job`.' },
  },
});

/** The trade-press vocabulary of how firm an attachment is, from rumor to the final credit. */
export enum AttachmentStatus {
  RUMORED = 'RUMORED',
  IN_TALKS = 'IN_TALKS',
  IN_NEGOTIATIONS = 'IN_NEGOTIATIONS',
  EXPECTED = 'EXPECTED',
  ATTACHED = 'ATTACHED',
  CONFIRMED = 'CONFIRMED',
  CREDITED = 'CREDITED',
  PASSED = 'PASSED',
  EXITED = 'EXITED',
  DENIED = 'DENIED',
}

registerEnumType(AttachmentStatus, {
  name: 'AttachmentStatus',
  description: 'How firm a person’s attachment to a film is, in trade-press terms.',
  valuesConfig: {
    RUMORED: { description: 'Rumored; nobody with knowledge has said so.' },
    IN_TALKS: { description: 'In early talks.' },
    IN_NEGOTIATIONS: { description: 'Negotiating a deal.' },
    EXPECTED: { description: 'A principal expects it, but explicitly no deal is closed.' },
    ATTACHED: { description: '"Set to", "on board": committed, paperwork may be pending.' },
    CONFIRMED: { description: 'The deal is closed, or it was officially announced.' },
    CREDITED: { description: 'The film is out and the person is in its credits.' },
    PASSED: { description: 'Turned the project down.' },
    EXITED: { description: 'Left the project after being attached.' },
    DENIED: { description: 'The person or the studio denied the report.' },
  },
});

/** Statuses that mean the deal is done. */
export const CONFIRMED_STATUSES: readonly AttachmentStatus[] = [
  AttachmentStatus.CONFIRMED,
  AttachmentStatus.CREDITED,
];

export enum AttachmentOrder {
  FIRST_RECORDED = 'FIRST_RECORDED',
}

registerEnumType(AttachmentOrder, {
  name: 'AttachmentOrder',
  description: 'The order of a list of attachments.',
  valuesConfig: {
    FIRST_RECORDED: { description: 'In the order the credits were first recorded, oldest first.' },
  },
});
