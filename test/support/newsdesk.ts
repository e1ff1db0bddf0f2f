import type { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { parseGlobalId } from '../../src/graphql/relay/global-id';
import { newApiKey } from './editor';
import type { TestServer } from './test-server';

/**
 * Small fixtures written through the API, as an editor would: each report gets a source of its own, so
 * two reports on one day are two events, never a duplicate.
 */
export interface Newsdesk {
  film(title: string): Promise<string>;
  person(name: string): Promise<string>;
  /** Records a deal status; returns the global ids of the credit and of the new event. */
  report(input: {
    film: string;
    person: string;
    role: string;
    status: string;
    effectiveDate: string;
  }): Promise<{ credit: string; event: string }>;
  /** Records a production status; returns the event's global id. */
  productionStatus(film: string, status: string, effectiveDate: string): Promise<string>;
  /** Records what `to` is to `from`; returns the global ids of the relation and of the new event. */
  relate(
    from: string,
    to: string,
    kind: string,
    effectiveDate: string,
  ): Promise<{ relation: string; event: string }>;
  retract(event: string): Promise<void>;
}

export const RETRACTION_REASON = 'The outlet corrected its report.';

export async function newsdesk(server: TestServer, keyName = 'newsdesk'): Promise<Newsdesk> {
  const apiKey = await newApiKey(server.dataSource, keyName);
  let sources = 0;
  const source = () => {
    sources += 1;
    return {
      url: `https://example.com/${keyName}/${sources}`,
      title: `${keyName} report ${sources}`,
    };
  };
  const run = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
    const result = await server.execute<T>(query, variables, { apiKey });
    if (result.errors) throw new Error(`fixture failed: ${JSON.stringify(result.errors)}`);
    return result.data!;
  };
  return {
    async film(title) {
      const data = await run<{ createFilm: { film: { id: string } } }>(
        `mutation FixtureFilm($title: String!) { createFilm(input: { title: $title }) { film { id } } }`,
        { title },
      );
      return data.createFilm.film.id;
    },
    async person(name) {
      const data = await run<{ createPerson: { person: { id: string } } }>(
        `mutation FixturePerson($name: String!) { createPerson(input: { name: $name }) { person { id } } }`,
        { name },
      );
      return data.createPerson.person.id;
    },
    async report(input) {
      const data = await run<{
        recordAttachment: { credit: { id: string }; event: { id: string } };
      }>(
        `mutation FixtureReport($input: RecordAttachmentInput!) {
          recordAttachment(input: $input) { credit { id } event { id } }
        }`,
        { input: { ...input, confidence: 'TRADE_REPORTED', source: source() } },
      );
      return { credit: data.recordAttachment.credit.id, event: data.recordAttachment.event.id };
    },
    async productionStatus(film, status, effectiveDate) {
      const data = await run<{ recordProductionStatus: { event: { id: string } } }>(
        `mutation FixtureProductionStatus($input: RecordProductionStatusInput!) {
          recordProductionStatus(input: $input) { event { id } }
        }`,
        { input: { film, status, effectiveDate, confidence: 'OFFICIAL', source: source() } },
      );
      return data.recordProductionStatus.event.id;
    },
    async relate(from, to, kind, effectiveDate) {
      const data = await run<{
        relateFilms: {
          relation: { id: string; history: { id: string; kind: string; effectiveDate: string }[] };
        };
      }>(
        `mutation FixtureRelation($input: RelateFilmsInput!) {
          relateFilms(input: $input) { relation { id history { id kind: relationKind effectiveDate } } }
        }`,
        { input: { from, to, kind, effectiveDate, confidence: 'OFFICIAL', source: source() } },
      );
      const event = data.relateFilms.relation.history.find(
        (e) => e.kind === kind && e.effectiveDate === effectiveDate,
      );
      return { relation: data.relateFilms.relation.id, event: event!.id };
    },
    async retract(event) {
      await run(
        `mutation FixtureRetraction($id: ID!, $reason: String!) {
          retractEvent(input: { event: $id, reason: $reason }) { __typename }
        }`,
        { id: event, reason: RETRACTION_REASON },
      );
    },
  };
}

/** The local (database) id inside a global id. */
export function localId(globalId: string): number {
  const parsed = parseGlobalId(globalId);
  if (!parsed) throw new Error(`not a global id: ${globalId}`);
  return parsed.id;
}

/**
 * Inserts one row as it is given (explicit id, `recordedAt` of our choosing): what the API cannot
 * write, such as two events recorded in an order that disagrees with their ids. Plain SQL, because
 * TypeORM's insert drops an explicit value of a generated id on PostgreSQL.
 */
export async function insertRow<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  values: Partial<T>,
): Promise<void> {
  const metadata = dataSource.getMetadata(entity);
  const columns = Object.entries(values).map(([property, value]) => {
    const column = metadata.findColumnWithPropertyName(property);
    if (!column) throw new Error(`${metadata.name} has no column ${property}`);
    return {
      name: column.databaseName,
      value: dataSource.driver.preparePersistentValue(value, column),
    };
  });
  const placeholders = columns.map((_, i) =>
    dataSource.options.type === 'postgres' ? `$${i + 1}` : '?',
  );
  await dataSource.query(
    `INSERT INTO "${metadata.tableName}" (${columns.map((c) => `"${c.name}"`).join(', ')})
     VALUES (${placeholders.join(', ')})`,
    columns.map((c) => c.value),
  );
}
