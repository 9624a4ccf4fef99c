// Apollo Gateway (@apollo/gateway + @apollo/server) serving one supergraph file, for the federation
// benchmark: node index.mjs <supergraph.graphql> [port]. Production settings: no landing page, no
// introspection, no usage reporting; Node's HTTP server keeps client connections alive, and the gateway's
// default fetcher (make-fetch-happen) keeps subgraph connections alive.
//
// With MESH_CALLER_SECRET in the environment every subgraph fetch carries the mesh-caller header our gateway
// sends for an anonymous caller (caller.mjs).
import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { anonymousAssertion } from './caller.mjs';

const [file, port = '4100'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node index.mjs <supergraph.graphql> [port]');
  process.exit(2);
}
// Without this the gateway starts an OpenTelemetry exporter that probes cloud metadata endpoints and
// reports usage to Apollo: no place for either in a benchmark on loopback (read in the constructor).
process.env.APOLLO_TELEMETRY_DISABLED ??= 'true';
const secret = process.env.MESH_CALLER_SECRET;
class VouchingDataSource extends RemoteGraphQLDataSource {
  willSendRequest({ request }) {
    request.http.headers.set('mesh-caller', anonymousAssertion(secret));
  }
}
const gateway = new ApolloGateway({
  supergraphSdl: readFileSync(file, 'utf8'),
  ...(secret ? { buildService: ({ url }) => new VouchingDataSource({ url }) } : {}),
});
const server = new ApolloServer({
  gateway,
  introspection: false,
  plugins: [ApolloServerPluginLandingPageDisabled()],
});
const { url } = await startStandaloneServer(server, { listen: { port: Number(port), host: '127.0.0.1' } });
console.log(`apollo gateway ${process.env.NODE_ENV ?? 'development'} at ${url}`);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await server.stop();
    process.exit(0);
  });
}
