// Composes the subgraph SDLs in a folder with an independent composer (The Guild's federation-composition).
// Usage: node compose.mjs <folder with one <name>.graphqls per subgraph>
import { readdirSync, readFileSync } from 'node:fs';
import { join, basename } from 'node:path';
import { parse } from 'graphql';
import { composeServices } from '@theguild/federation-composition';

const folder = process.argv[2];
if (!folder) {
  console.error('usage: node compose.mjs <folder>');
  process.exit(2);
}
const services = readdirSync(folder).filter((f) => f.endsWith('.graphqls')).sort().map((file) => ({
  name: basename(file, '.graphqls'),
  typeDefs: parse(readFileSync(join(folder, file), 'utf8')),
}));
console.log(`composing ${services.length} subgraphs: ${services.map((s) => s.name).join(', ')}`);
const result = composeServices(services);
if (result.errors && result.errors.length > 0) {
  console.log(`composition FAILED with ${result.errors.length} error(s):`);
  for (const error of result.errors) {
    console.log(`- ${error.extensions?.code ?? 'ERROR'}: ${error.message}`);
  }
  process.exit(1);
}
const supergraph = result.supergraphSdl;
console.log(`composition OK: supergraph SDL of ${supergraph.length} characters`);
for (const type of ['DataProduct', 'Dataset']) {
  const match = supergraph.match(new RegExp(`type ${type}[^{]*`));
  console.log(match ? match[0].trim() : `no type ${type}`);
}
// The fields the gateway protects: each with its authorization directive as the composer wrote it.
const protectedFields = supergraph.split('\n').map((line) => line.trim())
  .filter((line) => !line.startsWith('directive') && /@(authenticated|requiresScopes|policy)\b/.test(line));
console.log(`fields with authorization directives: ${protectedFields.length}`);
for (const field of protectedFields) {
  console.log(`  ${field}`);
}
if (process.env.PRINT_SUPERGRAPH) {
  console.log(supergraph);
}
