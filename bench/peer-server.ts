import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import Database from 'better-sqlite3';
import DataLoader from 'dataloader';
import {
  buildSchema,
  execute,
  GraphQLError,
  parse,
  validate,
  type DocumentNode,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
} from 'graphql';

/**
 * The peer: a plain graphql-js server on node:http over the same SQLite file, with hand-written SQL
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

const db = new Database(process.env.DATABASE_PATH ?? 'data/synthetic-1.sqlite', { readonly: true });
db.pragma('journal_mode = WAL');

const ROLES = [
  'DIRECTOR',
  'WRITER',
  'PRODUCER',
  'EXECUTIVE_PRODUCER',
  'CAST',
  'CINEMATOGRAPHER',
  'EDITOR',
  'COMPOSER',
  'STUNTS',
  'OTHER',
];
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
class RequestContext {
  statements = 0;
  private all<T>(statement: Database.Statement, ...params: unknown[]): T[] {
    this.statements += 1;
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

const schema = buildSchema(SDL);
for (const [typeName, fields] of Object.entries(resolvers)) {
  const type = schema.getType(typeName) as GraphQLObjectType;
  for (const [fieldName, resolve] of Object.entries(fields))
    type.getFields()[fieldName].resolve = resolve;
}

const documents = new Map<string, DocumentNode | readonly GraphQLError[]>();
function documentOf(query: string): DocumentNode | readonly GraphQLError[] {
  let document = documents.get(query);
  if (!document) {
    try {
      const parsed = parse(query);
      const errors = validate(schema, parsed);
      document = errors.length ? errors : parsed;
    } catch (error) {
      document = [error as GraphQLError];
    }
    if (documents.size < 1000) documents.set(query, document);
  }
  return document;
}

/** As franchise-graph reports it, so the bench counts both alike: one JSON line per request on stdout. */
const LOG_REQUESTS = process.env.LOG_LEVEL === 'info';

function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  body: unknown,
  statements: number,
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
  if (LOG_REQUESTS) {
    const requestId = req.headers['x-request-id'];
    process.stdout.write(
      `${JSON.stringify({ msg: 'request', requestId, sqlStatements: statements })}\n`,
    );
  }
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  let request: { query?: string; variables?: Record<string, unknown>; operationName?: string };
  try {
    request = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return send(req, res, 400, { errors: [{ message: 'invalid JSON' }] }, 0);
  }
  const document = documentOf(String(request.query ?? ''));
  if (Array.isArray(document)) return send(req, res, 400, { errors: document }, 0);
  const ctx = new RequestContext();
  const result = await execute({
    schema,
    document: document as DocumentNode,
    variableValues: request.variables,
    operationName: request.operationName,
    contextValue: ctx,
  });
  send(req, res, 200, result, ctx.statements);
}

const server = createServer((req, res) => {
  handle(req, res).catch((error: unknown) =>
    send(req, res, 500, { errors: [{ message: String(error) }] }, 0),
  );
});
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`listening ${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
