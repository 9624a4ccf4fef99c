// Composes running subgraphs with @apollo/composition into one supergraph file, the one both gateways of
// the federation benchmark serve: node compose.mjs <out.graphql> name=url ... (each subgraph's SDL is
// read from its `_service { sdl }` at url).
import { writeFileSync } from 'node:fs';
import { parse } from 'graphql';
import { composeServices } from '@apollo/composition';

const [out, ...specs] = process.argv.slice(2);
if (!out || specs.length === 0) {
  console.error('usage: node compose.mjs <out.graphql> name=url ...');
  process.exit(2);
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
  return { name, url, typeDefs: parse(sdl) };
}));
const result = composeServices(services);
if (result.errors) {
  for (const error of result.errors) console.error(error.message);
  process.exit(1);
}
writeFileSync(out, result.supergraphSdl);
console.log(`composed ${services.map((s) => s.name).join(', ')} into ${out}`);
