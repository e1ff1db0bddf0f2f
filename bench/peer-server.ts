import type { IncomingMessage, ServerResponse } from 'node:http';
import { execute, GraphQLError, parse, validate, type DocumentNode } from 'graphql';
import { RequestContext, schema } from './peer-schema';
import { sendJson, serve } from './sqlite-server';

/**
 * The peer (bench/peer-schema.ts) on node:http: parsed and validated documents cached by their text,
 * graphql-js's `execute`, the answer written with its length. No Apollo, no type-graphql, no TypeORM.
 */

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

function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  body: unknown,
  statements: number,
): void {
  sendJson(req, res, status, JSON.stringify(body), statements);
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
  const ctx = new RequestContext(req.headers.authorization);
  const result = await execute({
    schema,
    document: document as DocumentNode,
    variableValues: request.variables,
    operationName: request.operationName,
    contextValue: ctx,
  });
  send(req, res, 200, result, ctx.statements);
}

serve((req, res) => {
  handle(req, res).catch((error: unknown) =>
    send(req, res, 500, { errors: [{ message: String(error) }] }, 0),
  );
});
