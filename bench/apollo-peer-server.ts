import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { RequestContext, schema } from './peer-schema';
import { LOG_REQUESTS, logRequest } from './sqlite-server';

/**
 * The peer on Apollo (reported, not judged): the peer's own schema, hand-written SQL and DataLoaders
 * (bench/peer-schema.ts), served by Apollo Server's `startStandaloneServer` with the per-request plugins
 * that franchise-graph also turns off (cache control, inline trace, landing page). It answers what the
 * targets against the peer leave to our own code: the peer's rate on Apollo is the most an Apollo
 * server doing the peer's work can reach, so a query whose "peer on Apollo" ratio is below its target
 * cannot meet that target while Apollo stays the pipeline.
 */
async function main(): Promise<void> {
  const apollo = new ApolloServer<RequestContext>({
    schema,
    stopOnTerminationSignals: false,
    plugins: [
      // The request's log line, as the peer writes it, for the bench's counting pass (LOG_LEVEL=info).
      {
        async requestDidStart() {
          if (!LOG_REQUESTS) return;
          return {
            async willSendResponse({ request, contextValue }) {
              logRequest(request.http?.headers.get('x-request-id'), contextValue.statements);
            },
          };
        },
      },
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  const { url } = await startStandaloneServer(apollo, {
    listen: { port: Number(process.env.PORT ?? 0), host: '127.0.0.1' },
    context: async ({ req }) => new RequestContext(req.headers.authorization),
  });
  process.stdout.write(`listening ${new URL(url).port}\n`);
  process.once('SIGTERM', () => void apollo.stop().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `peer on Apollo failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
