import { createTestServer } from './test-server';

export interface GraphiqlTestServer {
  baseUrl: string;
  close(): Promise<void>;
}

/** The real app (seeded SQLite, Apollo and the GraphiQL router) on a free loopback port. */
export async function startGraphiqlTestServer(): Promise<GraphiqlTestServer> {
  const server = await createTestServer();
  const baseUrl = await server.listen();
  return { baseUrl, close: () => server.close() };
}
