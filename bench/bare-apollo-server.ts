import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { getSchema } from '../src/schema';

/**
 * The bare-Apollo baseline (Q0 only): the same schema served by Apollo's own `startStandaloneServer`,
 * with Apollo's defaults and no plugin, context or HTTP code of ours. Q0 against it measures what our own
 * code adds per request on top of Apollo's pipeline.
 */
async function main(): Promise<void> {
  const apollo = new ApolloServer({ schema: await getSchema(), stopOnTerminationSignals: false });
  const { url } = await startStandaloneServer(apollo, {
    listen: { port: Number(process.env.PORT ?? 0), host: '127.0.0.1' },
  });
  process.stdout.write(`listening ${new URL(url).port}\n`);
  process.once('SIGTERM', () => void apollo.stop().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bare Apollo failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
