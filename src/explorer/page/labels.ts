/**
 * Words and marks for the API's enums. A chip's color is never its only signal: it always shows the
 * enum's own name (the word journalists use) and a shape mark, so it reads the same in grey.
 */

export const STATUS_MARKS: Readonly<Record<string, string>> = {
  RUMORED: '?',
  IN_TALKS: '…',
  IN_NEGOTIATIONS: '⋯',
  EXPECTED: '◔',
  ATTACHED: '◑',
  CONFIRMED: '✓',
  CREDITED: '★',
  PASSED: '–',
  EXITED: '×',
  DENIED: '⊘',
};

export const STATUS_HINTS: Readonly<Record<string, string>> = {
  RUMORED: 'rumored, nobody on record',
  IN_TALKS: 'in talks',
  IN_NEGOTIATIONS: 'negotiating a deal',
  EXPECTED: 'expected by a principal, no deal yet',
  ATTACHED: 'set to, on board; paperwork may be pending',
  CONFIRMED: 'deal closed or officially announced',
  CREDITED: 'in the released film’s credits',
  PASSED: 'passed on it',
  EXITED: 'left the project',
  DENIED: 'denied',
};

export const CONFIDENCE_LABELS: Readonly<Record<string, string>> = {
  OFFICIAL: 'Official',
  PRINCIPAL_ON_RECORD: 'Principal on record',
  TRADE_REPORTED: 'Trade reported',
  SECONDARY: 'Secondary report',
  SPECULATIVE: 'Speculative',
};

export const ROLE_LABELS: Readonly<Record<string, string>> = {
  DIRECTOR: 'Director',
  WRITER: 'Writer',
  PRODUCER: 'Producer',
  EXECUTIVE_PRODUCER: 'Executive producer',
  CAST: 'Cast',
  CINEMATOGRAPHER: 'Cinematographer',
  EDITOR: 'Editor',
  COMPOSER: 'Composer',
  STUNTS: 'Stunts',
  OTHER: 'Other',
};

/** The board's order of roles: who makes the film first, then the cast. */
export const ROLE_ORDER = Object.keys(ROLE_LABELS);

export const PRODUCTION_LABELS: Readonly<Record<string, string>> = {
  ANNOUNCED: 'Announced',
  IN_DEVELOPMENT: 'In development',
  PRE_PRODUCTION: 'Pre-production',
  IN_PRODUCTION: 'In production',
  POST_PRODUCTION: 'Post-production',
  RELEASED: 'Released',
  CANCELED: 'Canceled',
};

export const RELATION_HINTS: Readonly<Record<string, string>> = {
  SEQUEL: 'sequel',
  PREQUEL: 'prequel',
  SPIN_OFF: 'spin-off',
  REMAKE: 'remake',
  REBOOT: 'reboot',
  FOLLOW_UP: 'undecided: sequel or prequel',
};

/** Lower-case kebab of an enum value, for CSS classes (`chip--in-talks`). */
export function enumClass(value: string): string {
  return value.toLowerCase().replace(/_/g, '-');
}

export function label(labels: Readonly<Record<string, string>>, value: string): string {
  return labels[value] ?? value;
}
