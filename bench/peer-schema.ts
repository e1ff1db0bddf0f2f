import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import DataLoader from 'dataloader';
import {
  buildSchema,
  GraphQLError,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
} from 'graphql';
import { DATABASE_PATH, openReadonly, ROLES } from './sqlite-server';

/**
 * The peer's schema and resolvers (bench/peer-server.ts serves them on node:http,
 * bench/apollo-peer-server.ts through Apollo Server). The peer: a plain graphql-js server on node:http over the same SQLite file, with hand-written SQL
 * through better-sqlite3 and per-request DataLoaders. No Apollo, no type-graphql, no TypeORM. It serves
 * the schema subset the benchmark's queries need and gives byte-for-byte the same answers as
 * franchise-graph (the bench checks), so the two are compared on the same work.
 *
 * It does what a competent hand-written server would: parsed documents are cached, every statement is
 * prepared once, lists are batched with one bound JSON array.
 */

const SDL = `
enum CreditRole { DIRECTOR WRITER PRODUCER EXECUTIVE_PRODUCER CAST CINEMATOGRAPHER EDITOR COMPOSER STUNTS OTHER }
enum AttachmentStatus { RUMORED IN_TALKS IN_NEGOTIATIONS EXPECTED ATTACHED CONFIRMED CREDITED PASSED EXITED DENIED }
enum Confidence { OFFICIAL PRINCIPAL_ON_RECORD TRADE_REPORTED SECONDARY SPECULATIVE }
enum FilmOrder { RELEASE_DATE TITLE }
input AttachmentFilter { statuses: [AttachmentStatus!] roles: [CreditRole!] }
input SourceInput { url: String! title: String! }
input RecordAttachmentInput {
  film: ID! person: ID! role: CreditRole! status: AttachmentStatus! confidence: Confidence!
  effectiveDate: String! source: SourceInput!
}
type RecordAttachmentPayload { duplicate: Boolean! event: AttachmentEvent! }
type Mutation { recordAttachment(input: RecordAttachmentInput!): RecordAttachmentPayload! }
type Query {
  franchise(slug: String!): Franchise
  person(id: ID!): Person
  attachments(first: Int, after: String, filter: AttachmentFilter): CreditConnection!
  films(first: Int, after: String, orderBy: FilmOrder = RELEASE_DATE): FilmConnection!
}
type Franchise { id: ID! name: String! films(first: Int): FranchiseFilmConnection! }
type FranchiseFilmConnection { edges: [FranchiseFilmEdge!]! }
type FranchiseFilmEdge { cursor: String! releaseOrdinal: Int storyOrdinal: Int node: Film! }
type Film { id: ID! title: String! releaseDate: String credits: [Credit!]! }
type Person { id: ID! name: String! credits: [Credit!]! }
type Credit {
  id: ID! role: CreditRole! job: String status: AttachmentStatus latestEvent: AttachmentEvent
  film: Film! person: Person!
}
type AttachmentEvent { id: ID! status: AttachmentStatus! effectiveDate: String! confidence: Confidence! }
type PageInfo { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }
type CreditConnection { edges: [CreditEdge!]! pageInfo: PageInfo! totalCount: Int! }
type CreditEdge { cursor: String! node: Credit! }
type FilmConnection { edges: [FilmEdge!]! pageInfo: PageInfo! totalCount: Int! }
type FilmEdge { cursor: String! node: Film! }
`;

interface FilmRow {
  id: number;
  title: string;
  releaseDate: string | null;
}
interface PersonRow {
  id: number;
  name: string;
}
interface CreditRow {
  id: number;
  filmId: number;
  personId: number;
  role: string;
  job: string | null;
  billingOrder: number | null;
}
interface EventRow {
  id: number;
  creditId: number;
  status: string;
  effectiveDate: string;
  confidence: string;
  recordedAt: string;
  retracted: number;
}
interface MembershipRow {
  franchiseId: number;
  filmId: number;
  releaseOrdinal: number | null;
  storyOrdinal: number | null;
  title: string;
  releaseDate: string | null;
}

const db = openReadonly();

const ROLE_RANK = new Map(ROLES.map((role, rank) => [role, rank]));
const LAST = 2147483647;
const NO_DATE = '9999-12-31';

const sql = {
  franchiseBySlug: db.prepare('SELECT id, name FROM franchise WHERE slug = ?'),
  franchiseFilms: db.prepare(`
    SELECT * FROM (
      SELECT m.franchiseId, m.filmId, m.releaseOrdinal, m.storyOrdinal, f.title, f.releaseDate,
             ROW_NUMBER() OVER (PARTITION BY m.franchiseId
                                ORDER BY COALESCE(m.releaseOrdinal, ${LAST}), m.filmId) AS rn
      FROM franchise_membership m JOIN film f ON f.id = m.filmId
      WHERE m.franchiseId IN (SELECT value FROM json_each(?))
    ) WHERE rn <= ? ORDER BY franchiseId, rn`),
  filmsById: db.prepare(
    'SELECT id, title, releaseDate FROM film WHERE id IN (SELECT value FROM json_each(?))',
  ),
  peopleById: db.prepare(
    'SELECT id, name FROM person WHERE id IN (SELECT value FROM json_each(?))',
  ),
  creditsByFilm: db.prepare(`SELECT id, filmId, personId, role, job, billingOrder FROM credit
    WHERE filmId IN (SELECT value FROM json_each(?)) ORDER BY id`),
  creditsByPerson:
    db.prepare(`SELECT c.id, c.filmId, c.personId, c.role, c.job, c.billingOrder FROM credit c
    LEFT JOIN film f ON f.id = c.filmId
    WHERE c.personId IN (SELECT value FROM json_each(?))
    ORDER BY COALESCE(f.releaseDate, '${NO_DATE}'), c.filmId, c.id`),
  eventsByCredit:
    db.prepare(`SELECT id, creditId, status, effectiveDate, confidence, recordedAt, retracted
    FROM attachment_event WHERE creditId IN (SELECT value FROM json_each(?))
    ORDER BY effectiveDate, recordedAt, id`),
  attachments:
    db.prepare(`SELECT c.id, c.filmId, c.personId, c.role, c.job, c.billingOrder FROM credit c
    WHERE c.id > ? AND c.role IN (SELECT value FROM json_each(?))
      AND (SELECT e.status FROM attachment_event e WHERE e.creditId = c.id AND e.retracted = 0
           ORDER BY e.effectiveDate DESC, e.recordedAt DESC, e.id DESC LIMIT 1)
          IN (SELECT value FROM json_each(?))
    ORDER BY c.id LIMIT ?`),
  datedFilms: db.prepare(`SELECT id, title, releaseDate FROM film
    WHERE releaseDate IS NOT NULL AND (releaseDate, id) > (?, ?) ORDER BY releaseDate, id LIMIT ?`),
  undatedFilms: db.prepare(`SELECT id, title, releaseDate FROM film
    WHERE releaseDate IS NULL AND id > ? ORDER BY id LIMIT ?`),
  filmsByTitle: db.prepare(
    `SELECT id, title, releaseDate FROM film WHERE (title, id) > (?, ?) ORDER BY title, id LIMIT ?`,
  ),
  filmCount: db.prepare('SELECT COUNT(*) AS n FROM film'),
};

const globalId = (type: string, id: number) =>
  Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
const localId = (type: string, id: string) => {
  const [kind, local] = Buffer.from(id, 'base64url').toString('utf8').split(':');
  return kind === type && /^\d+$/.test(local ?? '') ? Number(local) : null;
};
// The same cursor format as franchise-graph's (the list's name, then the sort key), so that the bench
// sends both servers the same variables.
const encodeCursor = (list: string, values: (string | number)[]) =>
  Buffer.from(JSON.stringify([list, ...values]), 'utf8').toString('base64url');
const decodeCursor = (cursor: string): (string | number)[] => {
  const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!Array.isArray(values)) throw new GraphQLError('"after" is not a cursor of this connection.');
  return values.slice(1) as (string | number)[];
};

/** Per-request state: the loaders and the statement count. */
export class RequestContext {
  /**
   * The statements run, in an object of their own: Apollo runs an operation on a shallow copy of the
   * context, so a plain number would be counted partly on the copy, partly on the original.
   */
  readonly tally = { statements: 0 };
  get statements(): number {
    return this.tally.statements;
  }
  constructor(readonly authorization?: string) {}
  private all<T>(statement: Database.Statement, ...params: unknown[]): T[] {
    this.tally.statements += 1;
    return statement.all(...params) as T[];
  }
  byId<T extends { id: number }>(statement: Database.Statement) {
    return new DataLoader<number, T | null>(async (ids) => {
      const rows = new Map(this.all<T>(statement, JSON.stringify(ids)).map((row) => [row.id, row]));
      return ids.map((id) => rows.get(id) ?? null);
    });
  }
  byKey<T>(
    statement: Database.Statement,
    keyOf: (row: T) => number,
    sort?: (a: T, b: T) => number,
  ) {
    return new DataLoader<number, T[]>(async (keys) => {
      const groups = new Map<number, T[]>(keys.map((key) => [key, []]));
      for (const row of this.all<T>(statement, JSON.stringify(keys)))
        groups.get(keyOf(row))?.push(row);
      return keys.map((key) => (sort ? groups.get(key)!.sort(sort) : groups.get(key)!));
    });
  }
  query<T>(statement: Database.Statement, ...params: unknown[]): T[] {
    return this.all<T>(statement, ...params);
  }
  readonly film = this.byId<FilmRow>(sql.filmsById);
  readonly person = this.byId<PersonRow>(sql.peopleById);
  readonly creditsByFilm = this.byKey<CreditRow>(
    sql.creditsByFilm,
    (row) => row.filmId,
    (a, b) =>
      ROLE_RANK.get(a.role)! - ROLE_RANK.get(b.role)! ||
      (a.billingOrder ?? Number.MAX_SAFE_INTEGER) - (b.billingOrder ?? Number.MAX_SAFE_INTEGER) ||
      a.id - b.id,
  );
  readonly creditsByPerson = this.byKey<CreditRow>(sql.creditsByPerson, (row) => row.personId);
  readonly events = this.byKey<EventRow>(sql.eventsByCredit, (row) => row.creditId);
  /** Only the first page of a franchise's films in release order (what the benchmark asks). */
  readonly franchiseFilms = new DataLoader<number, MembershipRow[]>(async (ids) => {
    const groups = new Map<number, MembershipRow[]>(ids.map((id) => [id, []]));
    for (const row of this.all<MembershipRow>(sql.franchiseFilms, JSON.stringify(ids), 11)) {
      groups.get(row.franchiseId)?.push(row);
    }
    return ids.map((id) => groups.get(id)!);
  });
}

type Resolver = GraphQLFieldResolver<unknown, RequestContext, Record<string, unknown>>;
const res = <S, A = Record<string, never>>(
  fn: (source: S, args: A, ctx: RequestContext) => unknown,
) => fn as unknown as Resolver;

async function latestEvent(credit: CreditRow, ctx: RequestContext): Promise<EventRow | null> {
  const events = await ctx.events.load(credit.id);
  for (let i = events.length - 1; i >= 0; i--) if (!events[i].retracted) return events[i];
  return null;
}

function pageInfo<T>(
  rows: T[],
  size: number,
  after: string | null | undefined,
  cursorOf: (row: T) => string,
) {
  const kept = rows.slice(0, size);
  const edges = kept.map((node) => ({ cursor: cursorOf(node), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: after != null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

const resolvers: Record<string, Record<string, Resolver>> = {
  Query: {
    franchise: res(
      (_, { slug }: { slug: string }, ctx) => ctx.query(sql.franchiseBySlug, slug)[0] ?? null,
    ),
    person: res((_, { id }: { id: string }, ctx) => {
      const local = localId('Person', id);
      return local == null ? null : ctx.person.load(local);
    }),
    attachments: res(
      (
        _,
        args: {
          first?: number;
          after?: string;
          filter?: { statuses?: string[]; roles?: string[] };
        },
        ctx,
      ) => {
        const size = args.first ?? 20;
        const after = args.after ? Number(decodeCursor(args.after)[0]) : 0;
        const rows = ctx.query<CreditRow>(
          sql.attachments,
          after,
          JSON.stringify(args.filter?.roles ?? ROLES),
          JSON.stringify(args.filter?.statuses ?? []),
          size + 1,
        );
        return pageInfo(rows, size, args.after, (row) =>
          encodeCursor('attachments:FIRST_RECORDED', [row.id]),
        );
      },
    ),
    films: res((_, args: { first?: number; after?: string; orderBy: string }, ctx) => {
      const size = args.first ?? 20;
      const cursor = args.after ? decodeCursor(args.after) : null;
      let rows: FilmRow[];
      if (args.orderBy === 'TITLE') {
        rows = ctx.query<FilmRow>(sql.filmsByTitle, cursor?.[0] ?? '', cursor?.[1] ?? 0, size + 1);
      } else {
        const undated = cursor != null && cursor[0] === NO_DATE;
        rows = undated
          ? []
          : ctx.query<FilmRow>(sql.datedFilms, cursor?.[0] ?? '', cursor?.[1] ?? 0, size + 1);
        if (rows.length <= size) {
          const from = undated ? Number(cursor![1]) : 0;
          rows = rows.concat(ctx.query<FilmRow>(sql.undatedFilms, from, size + 1 - rows.length));
        }
      }
      const page = pageInfo(rows, size, args.after, (film) =>
        encodeCursor(
          `films:${args.orderBy}`,
          args.orderBy === 'TITLE' ? [film.title, film.id] : [film.releaseDate ?? NO_DATE, film.id],
        ),
      );
      return { ...page, totalCount: () => ctx.query<{ n: number }>(sql.filmCount)[0].n };
    }),
  },
  Franchise: {
    id: res((f: { id: number }) => globalId('Franchise', f.id)),
    films: res(async (f: { id: number }, { first }: { first?: number }, ctx) => {
      if ((first ?? 20) !== 10) throw new GraphQLError('the peer serves films(first: 10) only');
      const rows = await ctx.franchiseFilms.load(f.id);
      return pageInfo(rows, 10, null, (m) =>
        encodeCursor(`Franchise:${f.id}.films:RELEASE`, [m.releaseOrdinal ?? LAST, m.filmId]),
      );
    }),
  },
  FranchiseFilmEdge: {
    releaseOrdinal: res((edge: { node: MembershipRow }) => edge.node.releaseOrdinal),
    storyOrdinal: res((edge: { node: MembershipRow }) => edge.node.storyOrdinal),
    node: res((edge: { node: MembershipRow }) => ({
      id: edge.node.filmId,
      title: edge.node.title,
      releaseDate: edge.node.releaseDate,
    })),
  },
  Film: {
    id: res((f: FilmRow) => globalId('Film', f.id)),
    credits: res((f: FilmRow, _args, ctx) => ctx.creditsByFilm.load(f.id)),
  },
  Person: {
    id: res((p: PersonRow) => globalId('Person', p.id)),
    credits: res((p: PersonRow, _args, ctx) => ctx.creditsByPerson.load(p.id)),
  },
  Credit: {
    id: res((c: CreditRow) => globalId('Credit', c.id)),
    status: res(async (c: CreditRow, _args, ctx) => (await latestEvent(c, ctx))?.status ?? null),
    latestEvent: res((c: CreditRow, _args, ctx) => latestEvent(c, ctx)),
    film: res((c: CreditRow, _args, ctx) => ctx.film.load(c.filmId)),
    person: res((c: CreditRow, _args, ctx) => ctx.person.load(c.personId)),
  },
  AttachmentEvent: {
    id: res((e: EventRow) => globalId('AttachmentEvent', e.id)),
  },
};

/**
 * Q5 by hand: the same write transaction as franchise-graph's `recordAttachment` of a report on a known
 * credit, with the same guarantees: the editor key checked, one transaction begun IMMEDIATE (the write
 * lock up front), the source found or created through its unique URL, the film, the person and the
 * credit checked, the event inserted once among the events that count (the partial unique index
 * decides; a resent report is a duplicate, or REPORT_CONFLICT with other details), and its `changes`
 * feed entry numbered by the change counter. Opened on the first write only (reads stay read-only).
 */
class Writer {
  private readonly db = new Database(DATABASE_PATH);
  constructor() {
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
  }
  private readonly key = this.db.prepare(
    'SELECT name, role, revokedAt FROM api_key WHERE keyHash = ?',
  );
  private readonly begin = this.db.prepare('BEGIN IMMEDIATE');
  private readonly commit = this.db.prepare('COMMIT');
  private readonly rollback = this.db.prepare('ROLLBACK');
  private readonly newSource = this.db.prepare(`INSERT INTO source (url, title, kind, version)
    VALUES (?, ?, 'ARTICLE', 1) ON CONFLICT (url) DO NOTHING RETURNING id`);
  private readonly sourceByUrl = this.db.prepare('SELECT id FROM source WHERE url = ?');
  private readonly credit = this.db.prepare(`SELECT
      (SELECT id FROM film WHERE id = ?) AS film, (SELECT id FROM person WHERE id = ?) AS person,
      (SELECT id FROM credit WHERE identityKey = ?) AS credit`);
  private readonly newEvent = this.db.prepare(`INSERT INTO attachment_event
      (creditId, status, effectiveDate, confidence, sourceId, recordedAt, recordedBy, retracted)
    VALUES (?, ?, ?, ?, ?, ?, ?, 0)
    ON CONFLICT (creditId, status, effectiveDate, sourceId) WHERE "retracted" = false DO NOTHING
    RETURNING id, status, effectiveDate`);
  private readonly storedEvent = this.db.prepare(`SELECT id, status, effectiveDate, confidence,
      quote, speakerId FROM attachment_event
    WHERE creditId = ? AND status = ? AND effectiveDate = ? AND sourceId = ? AND retracted = 0`);
  private readonly nextSeq = this.db.prepare(
    'UPDATE change_counter SET value = value + 1 WHERE id = 1 RETURNING value',
  );
  private readonly change = this.db.prepare(`INSERT INTO change_log
      (seq, at, by, kind, subjectType, subjectId, detail) VALUES (?, ?, ?, 'RECORDED', 'AttachmentEvent', ?, NULL)`);

  /** The editor's name, or a GraphQL error (the same codes as franchise-graph). */
  editor(ctx: RequestContext, authorization: string | undefined): string {
    const match = /^Bearer (\S+)$/.exec(authorization ?? '');
    if (!match) throw coded('An editor API key is needed.', 'UNAUTHENTICATED');
    ctx.tally.statements += 1;
    const hash = createHash('sha256').update(match[1], 'utf8').digest('hex');
    const key = this.key.get(hash) as { name: string; role: string; revokedAt: string | null };
    if (!key || key.revokedAt != null) throw coded('The API key is not valid.', 'UNAUTHENTICATED');
    if (key.role !== 'EDITOR' && key.role !== 'ADMIN') throw coded('Editors only.', 'FORBIDDEN');
    return key.name;
  }

  recordAttachment(ctx: RequestContext, input: RecordAttachmentInput, by: string) {
    const filmId = localId('Film', input.film);
    const personId = localId('Person', input.person);
    if (filmId == null || personId == null)
      throw coded('Not a film or person id.', 'BAD_USER_INPUT');
    const recordedAt = new Date().toISOString();
    ctx.tally.statements += 1;
    this.begin.run();
    try {
      const event = this.write(ctx, input, filmId, personId, by, recordedAt);
      ctx.tally.statements += 1;
      this.commit.run();
      return event;
    } catch (error) {
      ctx.tally.statements += 1;
      this.rollback.run();
      throw error;
    }
  }

  private write(
    ctx: RequestContext,
    input: RecordAttachmentInput,
    filmId: number,
    personId: number,
    by: string,
    recordedAt: string,
  ) {
    ctx.tally.statements += 1;
    let source = this.newSource.get(input.source.url, input.source.title) as
      { id: number } | undefined;
    if (!source) {
      ctx.tally.statements += 1;
      source = this.sourceByUrl.get(input.source.url) as { id: number };
    }
    ctx.tally.statements += 1;
    const found = this.credit.get(filmId, personId, `${filmId}:${personId}:${input.role}:`) as {
      film: number | null;
      person: number | null;
      credit: number | null;
    };
    if (found.film == null)
      throw coded('"input.film": there is no Film with this id.', 'NOT_FOUND');
    if (found.person == null) throw coded('"input.person": no Person with this id.', 'NOT_FOUND');
    // The bench reports on known credits; a new credit is franchise-graph's business.
    if (found.credit == null)
      throw coded('The peer records reports on known credits only.', 'BAD_USER_INPUT');
    const key = [found.credit, input.status, input.effectiveDate, source.id] as const;
    ctx.tally.statements += 1;
    const event = this.newEvent.get(
      found.credit,
      input.status,
      input.effectiveDate,
      input.confidence,
      source.id,
      recordedAt,
      by,
    ) as { id: number; status: string; effectiveDate: string } | undefined;
    if (!event) {
      ctx.tally.statements += 1;
      const stored = this.storedEvent.get(...key) as {
        id: number;
        status: string;
        effectiveDate: string;
        confidence: string;
        quote: null;
        speakerId: null;
      };
      if (
        stored.confidence !== input.confidence ||
        stored.quote != null ||
        stored.speakerId != null
      )
        throw coded('This report is already recorded with other details.', 'REPORT_CONFLICT');
      return { duplicate: true, event: stored };
    }
    ctx.tally.statements += 2;
    const { value } = this.nextSeq.get() as { value: number };
    this.change.run(value, new Date().toISOString(), by, event.id);
    return { duplicate: false, event };
  }
}

interface RecordAttachmentInput {
  film: string;
  person: string;
  role: string;
  status: string;
  confidence: string;
  effectiveDate: string;
  source: { url: string; title: string };
}

const coded = (message: string, code: string) =>
  new GraphQLError(message, { extensions: { code } });

let writer: Writer | undefined;

resolvers.Mutation = {
  recordAttachment: res((_, { input }: { input: RecordAttachmentInput }, ctx) => {
    writer ??= new Writer();
    const by = writer.editor(ctx, ctx.authorization);
    return writer.recordAttachment(ctx, input, by);
  }),
};

export const schema = buildSchema(SDL);
for (const [typeName, fields] of Object.entries(resolvers)) {
  const type = schema.getType(typeName) as GraphQLObjectType;
  for (const [fieldName, resolve] of Object.entries(fields))
    type.getFields()[fieldName].resolve = resolve;
}
