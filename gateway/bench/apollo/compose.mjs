// Composes running subgraphs with @apollo/composition into one supergraph file, the one both gateways of
// the federation benchmark serve: node compose.mjs <out.graphql> name=url ... (each subgraph's SDL is
// read from its `_service { sdl }` at url).
//
// The authorization directives (@authenticated, @requiresScopes, @policy, under any name the subgraph's
// federation @link gives them) are left out of what is composed: Apollo Gateway refuses a supergraph with
// SECURITY features it does not implement (UNSUPPORTED_LINKED_FEATURE), and the benchmark measures
// federation, so both gateways serve the same supergraph without them.
import { writeFileSync } from 'node:fs';
import { Kind, parse, visit } from 'graphql';
import { composeServices } from '@apollo/composition';

const FEDERATION = 'https://specs.apollo.dev/federation/';
const AUTHORIZATION = ['authenticated', 'requiresScopes', 'policy'];

const [out, ...specs] = process.argv.slice(2);
if (!out || specs.length === 0) {
  console.error('usage: node compose.mjs <out.graphql> name=url ...');
  process.exit(2);
}

/** The names the subgraph uses for the authorization directives: imported ones (or their `as`) and federation__x. */
function authorizationNames(document) {
  const names = new Set(AUTHORIZATION.map((name) => `federation__${name}`));
  visit(document, {
    Directive(node) {
      if (node.name.value !== 'link') return;
      const url = node.arguments.find((a) => a.name.value === 'url');
      if (!url || url.value.kind !== Kind.STRING || !url.value.value.startsWith(FEDERATION)) return;
      const imports = node.arguments.find((a) => a.name.value === 'import');
      for (const value of imports?.value.kind === Kind.LIST ? imports.value.values : []) {
        if (value.kind === Kind.STRING && AUTHORIZATION.includes(value.value.slice(1))) {
          names.add(value.value.slice(1));
        } else if (value.kind === Kind.OBJECT) {
          const field = (key) => value.fields.find((f) => f.name.value === key)?.value.value;
          if (AUTHORIZATION.includes(field('name')?.slice(1))) names.add((field('as') ?? field('name')).slice(1));
        }
      }
    },
  });
  return names;
}

function withoutAuthorization(document) {
  const names = authorizationNames(document);
  return visit(document, {
    Directive: (node) => (names.has(node.name.value) ? null : undefined),
    DirectiveDefinition: (node) => (names.has(node.name.value) ? null : undefined),
  });
}

const services = await Promise.all(specs.map(async (spec) => {
  const at = spec.indexOf('=');
  const name = spec.slice(0, at);
  const url = spec.slice(at + 1);
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ _service { sdl } }' }),
  });
  const body = await response.json();
  const sdl = body?.data?._service?.sdl;
  if (!sdl) throw new Error(`${name} at ${url} answered no _service { sdl }: ${JSON.stringify(body)}`);
  return { name, url, typeDefs: withoutAuthorization(parse(sdl)) };
}));
const result = composeServices(services);
if (result.errors) {
  for (const error of result.errors) console.error(error.message);
  process.exit(1);
}
writeFileSync(out, result.supergraphSdl);
console.log(`composed ${services.map((s) => s.name).join(', ')} into ${out}`);
