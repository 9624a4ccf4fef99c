// Hive Gateway (@graphql-hive/gateway-runtime, what the hive-gateway CLI runs in each worker) serving one supergraph
// file, for the federation benchmark: node index.mjs <supergraph.graphql> <port> [js|router]. "router" plans with
// Hive Router's Rust query planner (@graphql-hive/router-runtime's unifiedGraphHandler), "js" with the default
// JavaScript runtime. One process, as the CLI runs by default (--fork 1). Production settings: no GraphiQL or landing
// page, errors masked, logging at errors only; in-flight deduplication of subgraph requests is on, as by default.
//
// With MESH_CALLER_SECRET in the environment every subgraph fetch carries the mesh-caller header our gateway sends for
// an anonymous caller, made by ../apollo/caller.mjs (see there why the demo subgraphs need it).
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { anonymousAssertion } from '../apollo/caller.mjs';

const [file, port, planner = 'router'] = process.argv.slice(2);
if (!file || !port || !['js', 'router'].includes(planner)) {
  console.error('usage: node index.mjs <supergraph.graphql> <port> [js|router]');
  process.exit(2);
}
const secret = process.env.MESH_CALLER_SECRET;
const vouching = {
  onFetch({ options, setOptions }) {
    setOptions({ ...options, headers: { ...options.headers, 'mesh-caller': anonymousAssertion(secret) } });
  },
};
const gateway = createGatewayRuntime({
  supergraph: readFileSync(file, 'utf8'),
  ...(planner === 'router' ? { unifiedGraphHandler } : {}),
  graphiql: false,
  landingPage: false,
  maskedErrors: true,
  logging: 'error',
  plugins: () => (secret ? [vouching] : []),
});
const server = createServer(gateway);
server.listen(Number(port), '127.0.0.1', () => {
  console.log(`hive gateway (${planner} planner) ${process.env.NODE_ENV ?? 'development'} at http://127.0.0.1:${port}/graphql`);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    server.close();
    await gateway.dispose();
    process.exit(0);
  });
}
