// The only way the UI reads the catalog: the gateway's public /graphql API, with the caller's own API key.
const KEY = 'meshcatalog.apiKey';

export function apiKey() {
  return localStorage.getItem(KEY) || '';
}

export function setApiKey(key) {
  if (key) {
    localStorage.setItem(KEY, key);
  } else {
    localStorage.removeItem(KEY);
  }
}

/** An answer with errors and no data: each error's message, with where it happened. */
export class GraphQLError extends Error {
  constructor(errors) {
    super(errors.map((e) => (e.path ? `${e.path.join('.')}: ` : '') + e.message).join('\n'));
    this.errors = errors;
  }
}

/** Runs a GraphQL document; answers its data (partial data keeps its errors in `errors`). */
export async function graphql(query, variables = {}) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  const key = apiKey();
  if (key) {
    headers['X-Api-Key'] = key;
  }
  const response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  let body;
  try {
    body = await response.json();
  } catch {
    throw new Error(`the gateway answered HTTP ${response.status} without a GraphQL response`);
  }
  if (!body.data) {
    throw new GraphQLError(body.errors || [{ message: `HTTP ${response.status}` }]);
  }
  return { ...body.data, errors: body.errors || [] };
}
