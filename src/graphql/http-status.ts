import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import { GraphQLError } from 'graphql';

/** A subscription sent over HTTP: refused before execution (400, no `data`). */
export class SubscriptionTransportError extends GraphQLError {
  constructor() {
    super(
      'Subscriptions are served over WebSocket (graphql-ws protocol) at /graphql, not over HTTP.',
      { extensions: { code: 'BAD_REQUEST', http: { status: 400 } } },
    );
  }
}

/**
 * GraphQL over HTTP: a response that has `data` (even `null`: execution ran) is 200, whatever errors its
 * fields raised, so that clients (graphql-request, Apollo, Relay) keep the data they got. Errors carry
 * `extensions.http` (a refused variable, a rate limit), which Apollo would turn into the status; it
 * counts only for requests refused before execution, which keep their 4xx. A subscription is one of
 * those: it is refused before it runs (subscriptions are served over WebSocket). One listener serves
 * every request.
 */
export function dataIsOkPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  const listener: GraphQLRequestListener<TContext> = {
    async didResolveOperation({ operation }) {
      if (operation?.operation === 'subscription') throw new SubscriptionTransportError();
    },
    async willSendResponse({ response }) {
      if (response.body.kind === 'single' && 'data' in response.body.singleResult)
        response.http.status = 200;
    },
  };
  return { requestDidStart: async () => listener };
}
