/**
 * Browser entry of the self-hosted GraphiQL page (bundled by scripts/build-graphiql.mjs).
 * Not compiled by tsc for the server: it is excluded from the server tsconfig.
 */
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'graphiql/style.css';
import { graphiqlExamples } from './examples';

/** Worker URLs (absolute, under /graphiql/), injected at build time by esbuild `define`. */
declare const __GRAPHIQL_WORKERS__: { editor: string; json: string; graphql: string };

// Monaco (graphiql 5) runs its language services in web workers. They are bundled as
// separate files by the build script; tell Monaco where to find them (no CDN).
(globalThis as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    switch (label) {
      case 'json':
        return new Worker(__GRAPHIQL_WORKERS__.json, { name: 'json' });
      case 'graphql':
        return new Worker(__GRAPHIQL_WORKERS__.graphql, { name: 'graphql' });
      default:
        return new Worker(__GRAPHIQL_WORKERS__.editor, { name: 'editor' });
    }
  },
};

// Subscriptions go over a WebSocket to the same path (graphql-ws); everything else over HTTP.
const fetcher = createGraphiQLFetcher({
  url: `${window.location.origin}/graphql`,
  subscriptionUrl: `${window.location.origin.replace(/^http/, 'ws')}/graphql`,
});

const defaultTabs = graphiqlExamples.map((example) => ({
  query: example.query,
  variables: example.variables ? JSON.stringify(example.variables, null, 2) : undefined,
  headers: example.headers ? JSON.stringify(example.headers, null, 2) : undefined,
}));

const container = document.getElementById('graphiql');
if (!container) throw new Error('#graphiql container missing');

createRoot(container).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      defaultTabs={defaultTabs}
      isHeadersEditorEnabled
      // Keep API keys out of localStorage unless the user opts in (toggle in settings).
      shouldPersistHeaders={false}
      showPersistHeadersSettings
      defaultEditorToolsVisibility="headers"
    />
  </StrictMode>,
);
