import 'reflect-metadata';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Database, Statement } from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import { searchTextOf, slugify, sortKeyOf } from '../src/lib/text';
import { CompanyKind, CompanyRole } from '../src/company/company.enums';
import { creditIdentityKey } from '../src/credit/credit.entity';
import { AttachmentStatus, CreditRole } from '../src/credit/credit.enums';
import { createDataSource } from '../src/db/data-source';
import { FilmRelationKind, ProductionStatus, ReleaseKind } from '../src/film/film.enums';
import { FranchiseKind } from '../src/franchise/franchise.enums';
import { Confidence, SourceKind } from '../src/source/source.enums';

/**
 * A deterministic generator of benchmark-size data: the same `scale` always gives the same rows, byte
 * for byte. At scale 1: 500 franchises, 10,000 films, 50,000 people, 200,000 credits with 1–3
 * attachment events each, and the sources, releases, memberships, production events and relations
 * around them.
 */

/** Bump when the generated data changes shape, so cached benchmark databases are rebuilt. */
export const SYNTHETIC_VERSION = 2;
export const SYNTHETIC_SEED = 0x5eed_f11e;
/** Films dated after this day are not released yet (a fixed "today" keeps the data deterministic). */
export const SYNTHETIC_TODAY = '2026-06-01';
export const SYNTHETIC_RECORDER = 'synthetic';

export interface SyntheticCounts {
  franchises: number;
  films: number;
  people: number;
  characters: number;
  sources: number;
  credits: number;
  attachmentEvents: number;
  releaseEvents: number;
  productionEvents: number;
  memberships: number;
  relations: number;
}

/** mulberry32: a small, fast, seedable PRNG (Math.random cannot be seeded). */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ADJECTIVES = [
  'Silent',
  'Crimson',
  'Broken',
  'Iron',
  'Hidden',
  'Last',
  'Golden',
  'Shattered',
  'Midnight',
  'Savage',
  'Frozen',
  'Burning',
  'Hollow',
  'Electric',
  'Wild',
  'Lost',
  'Dark',
  'Bright',
  'Endless',
  'Fallen',
  'Rogue',
  'Scarlet',
  'Distant',
  'Twisted',
  'Quiet',
  'Eternal',
  'Steel',
  'Velvet',
  'Neon',
  'Ancient',
];
const NOUNS = [
  'Horizon',
  'Empire',
  'Protocol',
  'Signal',
  'Harbor',
  'Legacy',
  'Frontier',
  'Covenant',
  'Circuit',
  'Tide',
  'Kingdom',
  'Reckoning',
  'Shadow',
  'Orbit',
  'Citadel',
  'Vendetta',
  'Labyrinth',
  'Outpost',
  'Mirage',
  'Pulse',
  'Dominion',
  'Exodus',
  'Paradox',
  'Sentinel',
  'Odyssey',
  'Rift',
  'Vanguard',
  'Eclipse',
  'Cipher',
  'Storm',
];
const FIRST_NAMES = [
  'Ava',
  'Ben',
  'Chloé',
  'Dario',
  'Elena',
  'Felix',
  'Greta',
  'Hugo',
  'Ines',
  'Jonas',
  'Kira',
  'Luca',
  'Maya',
  'Nils',
  'Olga',
  'Pablo',
  'Quinn',
  'Rosa',
  'Sami',
  'Tara',
  'Umar',
  'Vera',
  'Wren',
  'Xavi',
  'Yara',
  'Zoltán',
  'Aiko',
  'Bruno',
  'Clara',
  'Dev',
  'Eva',
  'Farid',
  'Gil',
  'Hana',
  'Ivo',
  'Jade',
  'Kofi',
  'Lena',
  'Milo',
  'Noor',
];
const LAST_NAMES = [
  'Abara',
  'Berg',
  'Castillo',
  'Dubois',
  'Eriksen',
  'Fontaine',
  'García',
  'Hoffmann',
  'Ibáñez',
  'Jansen',
  'Kowalski',
  'Lindqvist',
  'Moreau',
  'Nakamura',
  'Okafor',
  'Petrov',
  'Quintero',
  'Rossi',
  'Schmidt',
  'Takahashi',
  'Uribe',
  'Varga',
  'Weber',
  'Xu',
  'Yilmaz',
  'Zielińska',
  'Almeida',
  'Brandt',
  'Costa',
  'Duarte',
  'Engel',
  'Ferreira',
  'Gallo',
  'Haas',
  'Iversen',
  'Jovanović',
  'Kaur',
  'Lund',
  'Marsh',
  'Novak',
];
const OUTLETS = [
  'Deadline',
  'Variety',
  'The Hollywood Reporter',
  'Collider',
  'Screen Daily',
  'IndieWire',
];
const STUDIOS = [
  'Northlight Pictures',
  'Harbor Lane Films',
  'Copperline Studios',
  'Meridian Entertainment',
];
const STREAMERS = ['Streamly', 'Flixwave'];

const SUPPORTING_ROLES: readonly CreditRole[] = [
  CreditRole.DIRECTOR,
  CreditRole.WRITER,
  CreditRole.WRITER,
  CreditRole.PRODUCER,
  CreditRole.PRODUCER,
  CreditRole.EXECUTIVE_PRODUCER,
  CreditRole.CINEMATOGRAPHER,
  CreditRole.EDITOR,
  CreditRole.COMPOSER,
  CreditRole.STUNTS,
];
/** Deal steps in the order a credit usually goes through them. */
const PROGRESSION: readonly AttachmentStatus[] = [
  AttachmentStatus.RUMORED,
  AttachmentStatus.IN_TALKS,
  AttachmentStatus.IN_NEGOTIATIONS,
  AttachmentStatus.EXPECTED,
  AttachmentStatus.ATTACHED,
  AttachmentStatus.CONFIRMED,
];
const EXITS: readonly AttachmentStatus[] = [
  AttachmentStatus.PASSED,
  AttachmentStatus.EXITED,
  AttachmentStatus.DENIED,
];
const CONFIDENCES = Object.values(Confidence);

function isoDay(epochDay: number): string {
  return new Date(epochDay * 86_400_000).toISOString().slice(0, 10);
}
function epochDayOf(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

/** The better-sqlite3 connection under a TypeORM DataSource (writes here bypass the ORM on purpose). */
export function sqliteConnectionOf(dataSource: DataSource): Database {
  if (dataSource.options.type !== 'better-sqlite3') {
    throw new Error(
      `the synthetic generator writes SQLite only, got a ${dataSource.options.type} DataSource`,
    );
  }
  return (dataSource.driver as unknown as { databaseConnection: Database }).databaseConnection;
}

/** Prepared INSERTs with every column named; `run(values)` binds them in column order. */
function inserter(db: Database, table: string, columns: readonly string[]): Statement<unknown[]> {
  const names = columns.map((c) => `"${c}"`).join(', ');
  return db.prepare(
    `INSERT INTO "${table}" (${names}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
}

const EVENT_COLUMNS = [
  'id',
  'effectiveDate',
  'confidence',
  'sourceId',
  'quote',
  'speakerId',
  'recordedAt',
  'recordedBy',
  'retracted',
  'retractionReason',
  'retractedAt',
] as const;

/**
 * Writes the synthetic data into a migrated, empty database in one transaction. Ids are assigned here
 * (1, 2, 3… per table) so that every run gives the same ids.
 */
export function generateSynthetic(dataSource: DataSource, scale: number): SyntheticCounts {
  if (!(scale > 0 && scale <= 20))
    throw new Error(`--scale must be above 0 and at most 20, got ${scale}`);
  const db = sqliteConnectionOf(dataSource);
  const random = prng(SYNTHETIC_SEED);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

  const n = {
    franchises: Math.max(2, Math.round(500 * scale)),
    films: Math.max(10, Math.round(10_000 * scale)),
    people: Math.max(50, Math.round(50_000 * scale)),
    characters: Math.max(10, Math.round(5_000 * scale)),
    sources: Math.max(20, Math.round(20_000 * scale)),
  };
  const creditsPerFilm = 20;
  const recordedAt = `${SYNTHETIC_TODAY}T00:00:00.000Z`;
  const counts: SyntheticCounts = {
    franchises: n.franchises,
    films: n.films,
    people: n.people,
    characters: n.characters,
    sources: n.sources,
    credits: 0,
    attachmentEvents: 0,
    releaseEvents: 0,
    productionEvents: 0,
    memberships: 0,
    relations: 0,
  };

  /** Names get a number when they repeat (checked on the slug), so slugs are unique per type. */
  const uniqueNamer = () => {
    const taken = new Set<string>();
    return (base: string) => {
      let name = base;
      for (let k = 2; taken.has(slugify(name)); k++) name = `${base} ${k}`;
      taken.add(slugify(name));
      return name;
    };
  };

  const insert = {
    company: inserter(db, 'company', ['id', 'slug', 'name', 'kind', 'searchText', 'sortKey']),
    source: inserter(db, 'source', ['id', 'kind', 'outletId', 'url', 'title', 'publishedOn']),
    person: inserter(db, 'person', [
      'id',
      'slug',
      'name',
      'aliases',
      'searchText',
      'sortKey',
      'version',
    ]),
    character: inserter(db, 'character', [
      'id',
      'slug',
      'name',
      'aliases',
      'searchText',
      'sortKey',
    ]),
    franchise: inserter(db, 'franchise', [
      'id',
      'slug',
      'name',
      'aliases',
      'kind',
      'description',
      'parentId',
      'searchText',
      'sortKey',
      'version',
    ]),
    film: inserter(db, 'film', [
      'id',
      'slug',
      'title',
      'workingTitle',
      'runtimeMinutes',
      'synopsis',
      'tmdbId',
      'imdbId',
      'releaseDate',
      'originalTitle',
      'searchText',
      'sortKey',
      'version',
    ]),
    membership: inserter(db, 'franchise_membership', [
      'franchiseId',
      'filmId',
      'releaseOrdinal',
      'storyOrdinal',
    ]),
    relation: inserter(db, 'film_relation', ['id', 'fromFilmId', 'toFilmId']),
    relationEvent: inserter(db, 'film_relation_event', [...EVENT_COLUMNS, 'relationId', 'kind']),
    productionEvent: inserter(db, 'production_event', [...EVENT_COLUMNS, 'filmId', 'status']),
    releaseEvent: inserter(db, 'release_event', [
      'filmId',
      'date',
      'country',
      'place',
      'kind',
      'companyId',
      'sourceId',
      'effectiveDate',
      'confidence',
      'recordedAt',
      'recordedBy',
      'retracted',
      'precision',
    ]),
    companyCredit: inserter(db, 'company_credit', ['filmId', 'companyId', 'role']),
    credit: inserter(db, 'credit', [
      'id',
      'filmId',
      'personId',
      'role',
      'job',
      'characterId',
      'billingOrder',
      'identityKey',
    ]),
    attachmentEvent: inserter(db, 'attachment_event', [...EVENT_COLUMNS, 'creditId', 'status']),
  };

  const ids = { productionEvent: 0, relationEvent: 0, attachmentEvent: 0 };
  const reported = (id: number, effectiveDate: string, sourceId: number, retracted = false) => [
    id,
    effectiveDate,
    pick(CONFIDENCES),
    sourceId,
    null,
    null,
    recordedAt,
    SYNTHETIC_RECORDER,
    retracted ? 1 : 0,
    retracted ? 'Reported in error.' : null,
    retracted ? recordedAt : null,
  ];

  db.transaction(() => {
    // Companies: outlets (sources' publishers), studios and streamers.
    const companyIds: Record<'outlet' | 'studio' | 'streamer', number[]> = {
      outlet: [],
      studio: [],
      streamer: [],
    };
    let companyId = 0;
    for (const [names, kind, bucket] of [
      [OUTLETS, CompanyKind.NEWS_OUTLET, 'outlet'],
      [STUDIOS, CompanyKind.STUDIO, 'studio'],
      [STREAMERS, CompanyKind.STREAMER, 'streamer'],
    ] as const) {
      for (const name of names) {
        companyId += 1;
        insert.company.run(
          companyId,
          `synthetic-${slugify(name)}`,
          name,
          kind,
          searchTextOf(name),
          sortKeyOf(name),
        );
        companyIds[bucket].push(companyId);
      }
    }

    for (let id = 1; id <= n.sources; id++) {
      const outlet = pick(companyIds.outlet);
      const publishedOn = isoDay(epochDayOf('1985-01-01') + int(0, 15_000));
      insert.source.run(
        id,
        SourceKind.ARTICLE,
        outlet,
        `https://news.example/${outlet}/${id}`,
        `Report ${id}`,
        publishedOn,
      );
    }
    const sourceId = () => int(1, n.sources);

    const personName = uniqueNamer();
    for (let id = 1; id <= n.people; id++) {
      const name = personName(`${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`);
      insert.person.run(id, slugify(name), name, '[]', searchTextOf(name), sortKeyOf(name), 1);
    }
    const characterName = uniqueNamer();
    for (let id = 1; id <= n.characters; id++) {
      const name = characterName(`${pick(FIRST_NAMES)} ${pick(NOUNS)}`);
      insert.character.run(id, `${slugify(name)}`, name, '[]', searchTextOf(name), sortKeyOf(name));
    }

    // Franchises: every tenth is a shared universe that the next three sit in.
    const franchiseName = uniqueNamer();
    const parentOf: (number | null)[] = [null];
    for (let id = 1; id <= n.franchises; id++) {
      const position = (id - 1) % 10;
      const parentId = position >= 1 && position <= 3 ? id - position : null;
      const kind =
        position === 0
          ? FranchiseKind.SHARED_UNIVERSE
          : parentId != null
            ? FranchiseKind.SERIES
            : FranchiseKind.FRANCHISE;
      const name = franchiseName(`The ${pick(ADJECTIVES)} ${pick(NOUNS)}`);
      insert.franchise.run(
        id,
        slugify(name),
        name,
        '[]',
        kind,
        `Synthetic franchise ${id}.`,
        parentId,
        searchTextOf(name),
        sortKeyOf(name),
        1,
      );
      parentOf.push(parentId);
    }

    // Films come in contiguous blocks per franchise, released one to four years apart.
    const filmTitle = uniqueNamer();
    const todayDay = epochDayOf(SYNTHETIC_TODAY);
    /** A person's chance of a credit falls with their id: a few people have long filmographies. */
    const person = () => 1 + Math.min(n.people - 1, Math.floor(n.people * random() ** 1.5));
    let creditId = 0;
    let relationId = 0;
    for (let franchiseId = 1; franchiseId <= n.franchises; franchiseId++) {
      const first = Math.floor(((franchiseId - 1) * n.films) / n.franchises) + 1;
      const last = Math.floor((franchiseId * n.films) / n.franchises);
      const base = `${pick(ADJECTIVES)} ${pick(NOUNS)}`;
      const regulars = Array.from({ length: 8 }, person);
      const heroes = Array.from({ length: 4 }, () => int(1, n.characters));
      let day = epochDayOf('1975-01-01') + int(0, 40 * 365);
      const storyOrder = Array.from({ length: last - first + 1 }, (_, i) => i + 1);
      if (storyOrder.length > 2 && random() < 0.3) storyOrder.unshift(storyOrder.pop()!); // a prequel
      for (let filmId = first; filmId <= last; filmId++) {
        const ordinal = filmId - first + 1;
        day += int(300, 1500);
        const date = isoDay(day);
        const released = day <= todayDay;
        const title = filmTitle(ordinal === 1 ? base : `${base} ${ordinal}`);
        const streamingOnly = random() < 0.2;
        insert.film.run(
          filmId,
          slugify(title),
          title,
          random() < 0.1 ? `Project ${filmId}` : null,
          int(80, 170),
          `Synthetic film ${filmId}.`,
          null,
          null,
          released ? date : null,
          title,
          searchTextOf(title),
          sortKeyOf(title),
          1,
        );

        insert.membership.run(
          franchiseId,
          filmId,
          ordinal,
          random() < 0.1 ? null : storyOrder[ordinal - 1],
        );
        counts.memberships += 1;
        const parentId = parentOf[franchiseId];
        if (parentId != null) {
          // In the shared universe too, after its own films (ordinals are per franchise).
          insert.membership.run(parentId, filmId, 1000 + filmId, null);
          counts.memberships += 1;
        }

        if (released) {
          // Each release is one report, announced 200 days before (no PRNG draw: the data stays the same).
          const report = [isoDay(day - 200), 'OFFICIAL', recordedAt, SYNTHETIC_RECORDER, 0, 'DAY'];
          insert.releaseEvent.run(
            filmId,
            isoDay(day - 10),
            null,
            'Los Angeles',
            ReleaseKind.PREMIERE,
            null,
            sourceId(),
            ...report,
          );
          insert.releaseEvent.run(
            filmId,
            date,
            streamingOnly ? null : 'US',
            null,
            streamingOnly ? ReleaseKind.STREAMING : ReleaseKind.THEATRICAL,
            streamingOnly ? pick(companyIds.streamer) : pick(companyIds.studio),
            sourceId(),
            ...report,
          );
          insert.releaseEvent.run(
            filmId,
            isoDay(day + 120),
            null,
            null,
            ReleaseKind.DIGITAL,
            null,
            1 + (filmId % n.sources),
            ...report,
          );
          counts.releaseEvents += 3;
        }
        insert.companyCredit.run(filmId, pick(companyIds.studio), CompanyRole.PRODUCTION);

        const production: [ProductionStatus, number][] = [
          [ProductionStatus.ANNOUNCED, day - int(700, 1100)],
          [ProductionStatus.IN_PRODUCTION, day - int(300, 500)],
        ];
        if (released) production.push([ProductionStatus.RELEASED, day]);
        for (const [status, at] of production) {
          if (at > todayDay) continue;
          ids.productionEvent += 1;
          insert.productionEvent.run(
            ...reported(ids.productionEvent, isoDay(at), sourceId()),
            filmId,
            status,
          );
          counts.productionEvents += 1;
        }

        if (ordinal > 1) {
          relationId += 1;
          insert.relation.run(relationId, filmId - 1, filmId);
          ids.relationEvent += 1;
          const kind = !released
            ? FilmRelationKind.FOLLOW_UP
            : storyOrder[ordinal - 1] < storyOrder[ordinal - 2]
              ? FilmRelationKind.PREQUEL
              : FilmRelationKind.SEQUEL;
          insert.relationEvent.run(
            ...reported(ids.relationEvent, isoDay(day - 900), sourceId()),
            relationId,
            kind,
          );
          counts.relations += 1;
        }

        const used = new Set<string>();
        for (let slot = 0; slot < creditsPerFilm; slot++) {
          const role = slot < SUPPORTING_ROLES.length ? SUPPORTING_ROLES[slot] : CreditRole.CAST;
          const cast = role === CreditRole.CAST;
          let personId = random() < 0.3 ? pick(regulars) : person();
          while (used.has(`${role}:${personId}`)) personId = person();
          used.add(`${role}:${personId}`);
          creditId += 1;
          const billing = cast ? slot - SUPPORTING_ROLES.length + 1 : null;
          const job = cast ? null : role.toLowerCase().replace('_', ' ');
          const characterId =
            cast && billing != null && billing <= heroes.length ? heroes[billing - 1] : null;
          insert.credit.run(
            creditId,
            filmId,
            personId,
            role,
            job,
            characterId,
            billing,
            creditIdentityKey({ filmId, personId, role, characterId }),
          );
          counts.credits += 1;

          // 1–3 events, dated in order before the film's day; a released film's credit ends CREDITED.
          const steps = int(1, 3);
          const statuses: AttachmentStatus[] = [];
          let from = int(0, PROGRESSION.length - 1);
          for (let s = 0; s < steps; s++) {
            statuses.push(PROGRESSION[from]);
            from = Math.min(PROGRESSION.length - 1, from + int(1, 2));
            if (statuses.includes(PROGRESSION[from])) break;
          }
          if (released) statuses[statuses.length - 1] = AttachmentStatus.CREDITED;
          else if (random() < 0.08) statuses[statuses.length - 1] = pick(EXITS);
          let at = Math.min(day, todayDay) - int(200, 900);
          const end = released ? day : todayDay;
          statuses.forEach((status, i) => {
            at = i === statuses.length - 1 && released ? day : Math.min(end, at + int(10, 200));
            ids.attachmentEvent += 1;
            const retracted = i < statuses.length - 1 && random() < 0.02;
            insert.attachmentEvent.run(
              ...reported(ids.attachmentEvent, isoDay(at), sourceId(), retracted),
              creditId,
              status,
            );
            counts.attachmentEvents += 1;
          });
        }
      }
    }
  })();
  return counts;
}

/** Builds a fresh SQLite file: the real migrations first, then the synthetic data. */
export async function buildSyntheticDatabase(
  path: string,
  scale: number,
): Promise<SyntheticCounts> {
  mkdirSync(dirname(resolve(path)), { recursive: true });
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
  const dataSource = createDataSource({ type: 'sqlite', path });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'all' });
    return generateSynthetic(dataSource, scale);
  } finally {
    await dataSource.destroy();
  }
}

/** `npm run seed:synthetic -- --scale 1 [--out data/synthetic-1.sqlite]` */
async function main(argv: readonly string[]): Promise<void> {
  const option = (name: string) => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const scale = Number(option('scale') ?? '1');
  const out = option('out') ?? `data/synthetic-${scale}.sqlite`;
  if (existsSync(out)) process.stdout.write(`Replacing ${out}\n`);
  const started = Date.now();
  const counts = await buildSyntheticDatabase(out, scale);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `Wrote ${out} at scale ${scale} in ${seconds} s: ${JSON.stringify(counts)}\n`,
  );
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(
      `seed:synthetic failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  });
}
