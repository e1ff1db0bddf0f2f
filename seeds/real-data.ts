/**
 * The real seed data, every claim with its source (see ../shared/FACTS.md and seed-article.txt).
 * Plain data only; `seed.ts` writes it.
 */
import { CompanyKind, CompanyRole } from '../src/company/company.enums';
import { AttachmentStatus, CreditRole } from '../src/credit/credit.enums';
import { FilmRelationKind, ProductionStatus, ReleaseKind } from '../src/film/film.enums';
import { FranchiseKind } from '../src/franchise/franchise.enums';
import { MetricKind, MetricUnit } from '../src/metric/metric.enums';
import { Confidence } from '../src/source/source.enums';

export const COMPANIES = {
  netflix: { name: 'Netflix', kind: CompanyKind.STREAMER },
  agbo: { name: 'AGBO', kind: CompanyKind.PRODUCTION_COMPANY },
  marvelStudios: { name: 'Marvel Studios', kind: CompanyKind.STUDIO },
  disney: { name: 'Walt Disney Studios Motion Pictures', kind: CompanyKind.DISTRIBUTOR },
  deadline: { name: 'Deadline', kind: CompanyKind.NEWS_OUTLET },
  et: { name: 'Entertainment Tonight', kind: CompanyKind.NEWS_OUTLET },
  collider: { name: 'Collider', kind: CompanyKind.NEWS_OUTLET },
  comicbook: { name: 'ComicBook.com', kind: CompanyKind.NEWS_OUTLET },
  gamereactor: { name: 'Gamereactor', kind: CompanyKind.NEWS_OUTLET },
  imdb: { name: 'IMDb', kind: CompanyKind.NEWS_OUTLET },
  tmdb: { name: 'The Movie Database', kind: CompanyKind.NEWS_OUTLET },
} as const;
export type CompanyKey = keyof typeof COMPANIES;

export const PEOPLE = {
  joeRusso: { name: 'Joe Russo', aliases: ['Joseph Russo'] },
  anthonyRusso: { name: 'Anthony Russo', aliases: [] },
  samHargrave: { name: 'Sam Hargrave', aliases: [] },
  chrisHemsworth: { name: 'Chris Hemsworth', aliases: [] },
  rudhrakshJaiswal: { name: 'Rudhraksh Jaiswal', aliases: [] },
  randeepHooda: { name: 'Randeep Hooda', aliases: [] },
  golshiftehFarahani: { name: 'Golshifteh Farahani', aliases: [] },
  pankajTripathi: { name: 'Pankaj Tripathi', aliases: [] },
  priyanshuPainyuli: { name: 'Priyanshu Painyuli', aliases: [] },
  davidHarbour: { name: 'David Harbour', aliases: [] },
  adamBessa: { name: 'Adam Bessa', aliases: [] },
  olgaKurylenko: { name: 'Olga Kurylenko', aliases: [] },
  idrisElba: { name: 'Idris Elba', aliases: [] },
  christopherMarkus: { name: 'Christopher Markus', aliases: [] },
  stephenMcFeely: { name: 'Stephen McFeely', aliases: [] },
  kevinFeige: { name: 'Kevin Feige', aliases: [] },
  chrisEvans: { name: 'Chris Evans', aliases: [] },
  mikeLarocca: { name: 'Mike Larocca', aliases: [] },
  andeParks: { name: 'Ande Parks', aliases: [] },
  fernandoLeonGonzalez: { name: 'Fernando León González', aliases: [] },
  ericSkillman: { name: 'Eric Skillman', aliases: [] },
} as const;
export type PersonKey = keyof typeof PEOPLE;

export const CHARACTERS = {
  tylerRake: 'Tyler Rake',
  oviMahajanJr: 'Ovi Mahajan Jr.',
  sajuRav: 'Saju Rav',
  nikKhan: 'Nik Khan',
  oviMahajanSr: 'Ovi Mahajan Sr.',
  amirAsif: 'Amir Asif',
  yazKhan: 'Yaz Khan',
  mia: 'Mia',
  alcott: 'Alcott',
  thor: 'Thor',
  heimdall: 'Heimdall',
  steveRogers: 'Steve Rogers / Captain America',
} as const;
export type CharacterKey = keyof typeof CHARACTERS;

export interface SourceData {
  outlet: CompanyKey;
  title: string;
  url: string | null;
  publishedOn: string;
}

export const SOURCES = {
  deadlineRussoStatement: {
    outlet: 'deadline',
    title:
      'Joe Russo’s statement to Deadline on the Extraction 2 deal (as quoted by Entertainment Tonight)',
    url: null,
    publishedOn: '2020-05-04',
  },
  etSequelArticle: {
    outlet: 'et',
    title: '’Extraction’ Is Getting a Sequel Thanks to Its Massive Netflix Debut',
    url: null,
    publishedOn: '2020-05-05',
  },
  netflixViewershipPost: {
    outlet: 'netflix',
    title: 'Netflix’s post: “a projected 90 million households … in the first 4 weeks”',
    url: null,
    publishedOn: '2020-05-01',
  },
  netflixQ2Earnings2020: {
    outlet: 'netflix',
    title: 'Netflix Q2 2020 earnings report',
    url: null,
    publishedOn: '2020-07-16',
  },
  colliderTudum2021: {
    outlet: 'collider',
    title: 'Extraction 2 teaser at Netflix’s TUDUM event',
    url: null,
    publishedOn: '2021-09-25',
  },
  hargraveShootDay1: {
    outlet: 'collider',
    title: 'Sam Hargrave’s “Shoot Day 1” post from Prague, as reported',
    url: null,
    publishedOn: '2021-12-02',
  },
  netflixExtraction2Release: {
    outlet: 'netflix',
    title: 'Extraction 2 on Netflix (release and on-screen credits)',
    url: 'https://www.netflix.com/title/81098494',
    publishedOn: '2023-06-16',
  },
  netflixExtractionRelease: {
    outlet: 'netflix',
    title: 'Extraction on Netflix (release and on-screen credits)',
    url: 'https://www.netflix.com/title/80230399',
    publishedOn: '2020-04-24',
  },
  tudum2023Extraction3: {
    outlet: 'netflix',
    title: 'Extraction 3 announced at Netflix TUDUM 2023 (exact day unconfirmed)',
    url: null,
    publishedOn: '2023-06-17',
  },
  comicbookExtraction3: {
    outlet: 'comicbook',
    title: 'Joe Russo: “Sam Hargrave is back directing” Extraction 3',
    url: null,
    publishedOn: '2024-04-29',
  },
  imdbWinterSoldier: {
    outlet: 'imdb',
    title: 'Captain America: The Winter Soldier (2014): full credits',
    url: 'https://www.imdb.com/title/tt1843866/fullcredits',
    publishedOn: '2014-04-04',
  },
  tmdbCivilWar: {
    outlet: 'tmdb',
    title: 'Captain America: Civil War (2016): cast and crew',
    url: 'https://www.themoviedb.org/movie/271110/cast',
    publishedOn: '2016-05-06',
  },
  imdbInfinityWar: {
    outlet: 'imdb',
    title: 'Avengers: Infinity War (2018): full credits',
    url: 'https://www.imdb.com/title/tt4154756/fullcredits',
    publishedOn: '2018-04-27',
  },
  imdbEndgame: {
    outlet: 'imdb',
    title: 'Avengers: Endgame (2019): full credits',
    url: 'https://www.imdb.com/title/tt4154796/fullcredits',
    publishedOn: '2019-04-26',
  },
} satisfies Record<string, SourceData>;
export type SourceKey = keyof typeof SOURCES;

export interface FilmData {
  title: string;
  workingTitle?: string;
  runtimeMinutes?: number;
  synopsis?: string;
  tmdbId?: number;
  imdbId?: string;
  /** The source of its final credits (CREDITED events on release), for released films. */
  creditsSource?: SourceKey;
  releases: {
    date: string;
    kind: ReleaseKind;
    country: string | null;
    place?: string;
    company: CompanyKey;
    source?: SourceKey;
  }[];
  companies: [CompanyKey, CompanyRole][];
}

export const FILMS = {
  extraction: {
    title: 'Extraction',
    workingTitle: 'Dhaka',
    runtimeMinutes: 117,
    synopsis:
      'A black-market mercenary, Tyler Rake, is hired to rescue the kidnapped son of an imprisoned Indian drug lord.',
    tmdbId: 545609,
    imdbId: 'tt8936646',
    creditsSource: 'netflixExtractionRelease',
    releases: [
      {
        date: '2020-04-24',
        kind: ReleaseKind.STREAMING,
        country: null,
        company: 'netflix',
        source: 'netflixExtractionRelease',
      },
    ],
    companies: [
      ['agbo', CompanyRole.PRODUCTION],
      ['netflix', CompanyRole.STREAMING],
    ],
  },
  extraction2: {
    title: 'Extraction 2',
    runtimeMinutes: 123,
    synopsis: 'Set nine months after Extraction: Tyler Rake survives and takes on a new mission.',
    tmdbId: 697843,
    imdbId: 'tt12263384',
    creditsSource: 'netflixExtraction2Release',
    releases: [
      {
        date: '2023-06-16',
        kind: ReleaseKind.STREAMING,
        country: null,
        company: 'netflix',
        source: 'netflixExtraction2Release',
      },
    ],
    companies: [
      ['agbo', CompanyRole.PRODUCTION],
      ['netflix', CompanyRole.STREAMING],
    ],
  },
  extraction3: {
    title: 'Extraction 3',
    releases: [],
    companies: [['netflix', CompanyRole.STREAMING]],
  },
  winterSoldier: {
    title: 'Captain America: The Winter Soldier',
    runtimeMinutes: 136,
    tmdbId: 100402,
    imdbId: 'tt1843866',
    creditsSource: 'imdbWinterSoldier',
    releases: [
      {
        date: '2014-03-13',
        kind: ReleaseKind.PREMIERE,
        country: 'US',
        place: 'Los Angeles',
        company: 'disney',
      },
      {
        date: '2014-04-04',
        kind: ReleaseKind.THEATRICAL,
        country: 'US',
        company: 'disney',
        source: 'imdbWinterSoldier',
      },
    ],
    companies: [
      ['marvelStudios', CompanyRole.PRODUCTION],
      ['disney', CompanyRole.DISTRIBUTION],
    ],
  },
  civilWar: {
    title: 'Captain America: Civil War',
    runtimeMinutes: 147,
    tmdbId: 271110,
    creditsSource: 'tmdbCivilWar',
    releases: [
      {
        date: '2016-04-12',
        kind: ReleaseKind.PREMIERE,
        country: 'US',
        place: 'Los Angeles',
        company: 'disney',
      },
      {
        date: '2016-05-06',
        kind: ReleaseKind.THEATRICAL,
        country: 'US',
        company: 'disney',
        source: 'tmdbCivilWar',
      },
    ],
    companies: [
      ['marvelStudios', CompanyRole.PRODUCTION],
      ['disney', CompanyRole.DISTRIBUTION],
    ],
  },
  infinityWar: {
    title: 'Avengers: Infinity War',
    runtimeMinutes: 149,
    tmdbId: 299536,
    imdbId: 'tt4154756',
    creditsSource: 'imdbInfinityWar',
    releases: [
      {
        date: '2018-04-23',
        kind: ReleaseKind.PREMIERE,
        country: 'US',
        place: 'Los Angeles',
        company: 'disney',
      },
      {
        date: '2018-04-27',
        kind: ReleaseKind.THEATRICAL,
        country: 'US',
        company: 'disney',
        source: 'imdbInfinityWar',
      },
    ],
    companies: [
      ['marvelStudios', CompanyRole.PRODUCTION],
      ['disney', CompanyRole.DISTRIBUTION],
    ],
  },
  endgame: {
    title: 'Avengers: Endgame',
    runtimeMinutes: 181,
    tmdbId: 299534,
    imdbId: 'tt4154796',
    creditsSource: 'imdbEndgame',
    releases: [
      {
        date: '2019-04-22',
        kind: ReleaseKind.PREMIERE,
        country: 'US',
        place: 'Los Angeles',
        company: 'disney',
      },
      {
        date: '2019-04-26',
        kind: ReleaseKind.THEATRICAL,
        country: 'US',
        company: 'disney',
        source: 'imdbEndgame',
      },
    ],
    companies: [
      ['marvelStudios', CompanyRole.PRODUCTION],
      ['disney', CompanyRole.DISTRIBUTION],
    ],
  },
} satisfies Record<string, FilmData>;
export type FilmKey = keyof typeof FILMS;

export const FRANCHISES = {
  extraction: {
    name: 'Extraction',
    kind: FranchiseKind.FRANCHISE,
    description: 'Netflix action films following the mercenary Tyler Rake.',
    parent: null,
    films: [
      ['extraction', 1, 1],
      ['extraction2', 2, 2],
      ['extraction3', 3, null],
    ],
  },
  mcu: {
    name: 'Marvel Cinematic Universe',
    kind: FranchiseKind.SHARED_UNIVERSE,
    description: 'The shared universe of Marvel Studios films.',
    parent: null,
    films: [
      ['winterSoldier', 9, null],
      ['civilWar', 13, null],
      ['infinityWar', 19, null],
      ['endgame', 22, null],
    ],
  },
  captainAmerica: {
    name: 'Captain America',
    kind: FranchiseKind.SERIES,
    description: 'The Captain America films of the Marvel Cinematic Universe.',
    parent: 'mcu',
    films: [
      ['winterSoldier', 2, 2],
      ['civilWar', 3, 3],
    ],
  },
  avengers: {
    name: 'Avengers',
    kind: FranchiseKind.SERIES,
    description: 'The Avengers films of the Marvel Cinematic Universe.',
    parent: 'mcu',
    films: [
      ['infinityWar', 3, 3],
      ['endgame', 4, 4],
    ],
  },
  mcuPhaseThree: {
    name: 'MCU Phase Three',
    kind: FranchiseKind.PHASE,
    description:
      'The third phase of the Marvel Cinematic Universe, opened by Captain America: Civil War.',
    parent: 'mcu',
    // Places among the phase's eleven films: Civil War 1st, Infinity War 7th, Endgame 10th.
    films: [
      ['civilWar', 1, null],
      ['infinityWar', 7, null],
      ['endgame', 10, null],
    ],
  },
} satisfies Record<
  string,
  {
    name: string;
    kind: FranchiseKind;
    description: string;
    parent: string | null;
    films: [FilmKey, number, number | null][];
  }
>;
export type FranchiseKey = keyof typeof FRANCHISES;

export interface CreditData {
  film: FilmKey;
  person: PersonKey;
  role: CreditRole;
  job?: string;
  character?: CharacterKey;
  billingOrder?: number;
}

/** The final credits of released films: each gets a CREDITED event on the film's release date. */
export const CREDITS: CreditData[] = [
  {
    film: 'extraction',
    person: 'samHargrave',
    role: CreditRole.DIRECTOR,
    job: 'director (feature debut)',
  },
  // One credit per (film, person, role, character): Joe Russo's two writing jobs share one.
  {
    film: 'extraction',
    person: 'joeRusso',
    role: CreditRole.WRITER,
    job: 'screenplay; graphic novel Ciudad (basis)',
  },
  ...(['andeParks', 'anthonyRusso', 'fernandoLeonGonzalez', 'ericSkillman'] as const).map(
    (person) => ({
      film: 'extraction' as const,
      person,
      role: CreditRole.WRITER,
      job: 'graphic novel Ciudad (basis)',
    }),
  ),
  ...(['joeRusso', 'anthonyRusso', 'mikeLarocca', 'chrisHemsworth'] as const).map((person) => ({
    film: 'extraction' as const,
    person,
    role: CreditRole.PRODUCER,
  })),
  {
    film: 'extraction',
    person: 'chrisHemsworth',
    role: CreditRole.CAST,
    character: 'tylerRake',
    billingOrder: 1,
  },
  {
    film: 'extraction',
    person: 'rudhrakshJaiswal',
    role: CreditRole.CAST,
    character: 'oviMahajanJr',
    billingOrder: 2,
  },
  {
    film: 'extraction',
    person: 'randeepHooda',
    role: CreditRole.CAST,
    character: 'sajuRav',
    billingOrder: 3,
  },
  {
    film: 'extraction',
    person: 'golshiftehFarahani',
    role: CreditRole.CAST,
    character: 'nikKhan',
    billingOrder: 4,
  },
  {
    film: 'extraction',
    person: 'pankajTripathi',
    role: CreditRole.CAST,
    character: 'oviMahajanSr',
    billingOrder: 5,
  },
  {
    film: 'extraction',
    person: 'priyanshuPainyuli',
    role: CreditRole.CAST,
    character: 'amirAsif',
    billingOrder: 6,
  },
  { film: 'extraction', person: 'davidHarbour', role: CreditRole.CAST, billingOrder: 7 },
  {
    film: 'extraction',
    person: 'adamBessa',
    role: CreditRole.CAST,
    character: 'yazKhan',
    billingOrder: 8,
  },

  { film: 'extraction2', person: 'samHargrave', role: CreditRole.DIRECTOR },
  { film: 'extraction2', person: 'joeRusso', role: CreditRole.WRITER },
  {
    film: 'extraction2',
    person: 'chrisHemsworth',
    role: CreditRole.CAST,
    character: 'tylerRake',
    billingOrder: 1,
  },
  {
    film: 'extraction2',
    person: 'golshiftehFarahani',
    role: CreditRole.CAST,
    character: 'nikKhan',
    billingOrder: 2,
  },
  {
    film: 'extraction2',
    person: 'adamBessa',
    role: CreditRole.CAST,
    character: 'yazKhan',
    billingOrder: 3,
  },
  {
    film: 'extraction2',
    person: 'olgaKurylenko',
    role: CreditRole.CAST,
    character: 'mia',
    billingOrder: 4,
  },
  {
    film: 'extraction2',
    person: 'idrisElba',
    role: CreditRole.CAST,
    character: 'alcott',
    billingOrder: 5,
  },

  ...(['winterSoldier', 'civilWar', 'infinityWar', 'endgame'] as const).flatMap((film) => [
    { film, person: 'anthonyRusso' as const, role: CreditRole.DIRECTOR },
    { film, person: 'joeRusso' as const, role: CreditRole.DIRECTOR },
    { film, person: 'christopherMarkus' as const, role: CreditRole.WRITER, job: 'screenplay' },
    { film, person: 'stephenMcFeely' as const, role: CreditRole.WRITER, job: 'screenplay' },
  ]),
  { film: 'winterSoldier', person: 'kevinFeige', role: CreditRole.PRODUCER },
  {
    film: 'winterSoldier',
    person: 'chrisEvans',
    role: CreditRole.CAST,
    character: 'steveRogers',
    billingOrder: 1,
  },
  {
    film: 'winterSoldier',
    person: 'samHargrave',
    role: CreditRole.STUNTS,
    job: 'stunt double for Chris Evans',
  },
  { film: 'civilWar', person: 'samHargrave', role: CreditRole.STUNTS, job: 'stunt coordinator' },
  { film: 'infinityWar', person: 'chrisHemsworth', role: CreditRole.CAST, character: 'thor' },
  { film: 'infinityWar', person: 'idrisElba', role: CreditRole.CAST, character: 'heimdall' },
  {
    film: 'infinityWar',
    person: 'samHargrave',
    role: CreditRole.OTHER,
    job: 'second unit director',
  },
  { film: 'endgame', person: 'chrisHemsworth', role: CreditRole.CAST, character: 'thor' },
];

export interface ReportData {
  effectiveDate: string;
  confidence: Confidence;
  source: SourceKey;
  quote?: string;
  speaker?: PersonKey;
}

/** Attachments reported before a film's credits were final: the journalists' timeline. */
export const ATTACHMENT_REPORTS: (ReportData & {
  credit: CreditData;
  status: AttachmentStatus;
})[] = [
  {
    credit: { film: 'extraction2', person: 'joeRusso', role: CreditRole.WRITER },
    status: AttachmentStatus.CONFIRMED,
    effectiveDate: '2020-05-04',
    confidence: Confidence.PRINCIPAL_ON_RECORD,
    source: 'deadlineRussoStatement',
    speaker: 'joeRusso',
    quote:
      'The deal is closed for me to write Extraction 2, and we are in the formative stages of what the story can be.',
  },
  {
    credit: { film: 'extraction2', person: 'samHargrave', role: CreditRole.DIRECTOR },
    status: AttachmentStatus.EXPECTED,
    effectiveDate: '2020-05-04',
    confidence: Confidence.TRADE_REPORTED,
    source: 'deadlineRussoStatement',
    speaker: 'joeRusso',
    quote:
      'Russo told Deadline that he expects director Sam Hargrave to return for the second installment, however no deal has been confirmed.',
  },
  {
    credit: {
      film: 'extraction2',
      person: 'chrisHemsworth',
      role: CreditRole.CAST,
      character: 'tylerRake',
    },
    status: AttachmentStatus.EXPECTED,
    effectiveDate: '2020-05-04',
    confidence: Confidence.TRADE_REPORTED,
    source: 'deadlineRussoStatement',
    speaker: 'joeRusso',
    quote: '…however no deal has been confirmed. The same goes for Hemsworth.',
  },
  {
    credit: {
      film: 'extraction2',
      person: 'chrisHemsworth',
      role: CreditRole.CAST,
      character: 'tylerRake',
    },
    status: AttachmentStatus.CONFIRMED,
    effectiveDate: '2021-09-25',
    confidence: Confidence.OFFICIAL,
    source: 'colliderTudum2021',
  },
  {
    credit: { film: 'extraction2', person: 'samHargrave', role: CreditRole.DIRECTOR },
    status: AttachmentStatus.CONFIRMED,
    effectiveDate: '2021-09-25',
    confidence: Confidence.OFFICIAL,
    source: 'colliderTudum2021',
  },
  {
    credit: { film: 'extraction3', person: 'samHargrave', role: CreditRole.DIRECTOR },
    status: AttachmentStatus.ATTACHED,
    effectiveDate: '2024-04-29',
    confidence: Confidence.PRINCIPAL_ON_RECORD,
    source: 'comicbookExtraction3',
    speaker: 'joeRusso',
    quote: 'Sam Hargrave is back directing.',
  },
  {
    credit: { film: 'extraction3', person: 'joeRusso', role: CreditRole.WRITER },
    status: AttachmentStatus.ATTACHED,
    effectiveDate: '2024-04-29',
    confidence: Confidence.PRINCIPAL_ON_RECORD,
    source: 'comicbookExtraction3',
    speaker: 'joeRusso',
    quote: 'We’re developing it at the moment.',
  },
];

export const PRODUCTION_REPORTS: (ReportData & { film: FilmKey; status: ProductionStatus })[] = [
  {
    film: 'extraction2',
    status: ProductionStatus.IN_DEVELOPMENT,
    effectiveDate: '2020-05-04',
    confidence: Confidence.PRINCIPAL_ON_RECORD,
    source: 'deadlineRussoStatement',
    speaker: 'joeRusso',
    quote: 'We are in the formative stages of what the story can be.',
  },
  {
    film: 'extraction2',
    status: ProductionStatus.IN_PRODUCTION,
    effectiveDate: '2021-11-29',
    confidence: Confidence.OFFICIAL,
    source: 'hargraveShootDay1',
    speaker: 'samHargrave',
    quote: 'Shoot Day 1',
  },
  {
    film: 'extraction3',
    status: ProductionStatus.ANNOUNCED,
    effectiveDate: '2023-06-17',
    confidence: Confidence.SECONDARY,
    source: 'tudum2023Extraction3',
  },
  {
    film: 'extraction3',
    status: ProductionStatus.IN_DEVELOPMENT,
    effectiveDate: '2024-04-29',
    confidence: Confidence.PRINCIPAL_ON_RECORD,
    source: 'comicbookExtraction3',
    speaker: 'joeRusso',
    quote: 'We’re developing it at the moment.',
  },
];

export const RELATION_REPORTS: (ReportData & {
  from: FilmKey;
  to: FilmKey;
  kind: FilmRelationKind;
})[] = [
  {
    from: 'extraction',
    to: 'extraction2',
    kind: FilmRelationKind.FOLLOW_UP,
    effectiveDate: '2020-05-04',
    confidence: Confidence.PRINCIPAL_ON_RECORD,
    source: 'deadlineRussoStatement',
    speaker: 'joeRusso',
    quote: 'We’re not committing yet to whether that story goes forward, or backward in time.',
  },
  {
    from: 'extraction',
    to: 'extraction2',
    kind: FilmRelationKind.SEQUEL,
    effectiveDate: '2023-06-16',
    confidence: Confidence.OFFICIAL,
    source: 'netflixExtraction2Release',
  },
  {
    from: 'extraction2',
    to: 'extraction3',
    kind: FilmRelationKind.FOLLOW_UP,
    effectiveDate: '2024-04-29',
    confidence: Confidence.PRINCIPAL_ON_RECORD,
    source: 'comicbookExtraction3',
    speaker: 'joeRusso',
  },
  {
    from: 'winterSoldier',
    to: 'civilWar',
    kind: FilmRelationKind.SEQUEL,
    effectiveDate: '2016-05-06',
    confidence: Confidence.OFFICIAL,
    source: 'tmdbCivilWar',
  },
  {
    from: 'infinityWar',
    to: 'endgame',
    kind: FilmRelationKind.SEQUEL,
    effectiveDate: '2019-04-26',
    confidence: Confidence.OFFICIAL,
    source: 'imdbEndgame',
  },
];

export const METRICS: {
  film: FilmKey;
  kind: MetricKind;
  value: number;
  unit: MetricUnit;
  window: string;
  methodology: string;
  projected: boolean;
  asOf: string;
  source: SourceKey;
}[] = [
  {
    film: 'extraction',
    kind: MetricKind.VIEWERSHIP,
    value: 90_000_000,
    unit: MetricUnit.HOUSEHOLDS,
    window: 'first 4 weeks',
    methodology: 'a household counts after 2 minutes viewed',
    projected: true,
    asOf: '2020-05-01',
    source: 'netflixViewershipPost',
  },
  {
    film: 'extraction',
    kind: MetricKind.VIEWERSHIP,
    value: 99_000_000,
    unit: MetricUnit.HOUSEHOLDS,
    window: 'first 28 days',
    methodology: 'a household counts after 2 minutes viewed',
    projected: false,
    asOf: '2020-07-16',
    source: 'netflixQ2Earnings2020',
  },
];
