/** A GraphQL response as it comes over HTTP. */
export interface GraphqlResult<T> {
  data?: T | null;
  errors?: { message: string; extensions: Record<string, unknown> }[];
}

/**
 * Runs operations against a server over real HTTP, with an API key by default (tests that replay a
 * journalist's workflow). `url` and `key` are set once the server listens (in `beforeAll`); the methods
 * are arrow properties, so tests may take them apart: `const { post, ok, refused } = client`.
 */
export class GraphqlHttpClient {
  url = '';
  key: string | null = null;

  post = async <T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    key: string | null = this.key,
  ): Promise<GraphqlResult<T>> => {
    const response = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(key ? { authorization: `Bearer ${key}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphqlResult<T>;
  };

  /** The data of an operation that must succeed. */
  ok = async <T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    key: string | null = this.key,
  ): Promise<T> => {
    const result = await this.post<T>(query, variables, key);
    expect(result.errors).toBeUndefined();
    return result.data!;
  };

  /** The `extensions` of the one error of an operation that must fail. */
  refused = async (
    query: string,
    variables: Record<string, unknown> = {},
    key: string | null = this.key,
  ): Promise<Record<string, unknown>> => {
    const result = await this.post(query, variables, key);
    expect(result.errors).toHaveLength(1);
    return result.errors![0].extensions;
  };
}
