// The mesh-caller header our gateway sends for an anonymous caller (graph-model's CallerAssertion: an HS256 JWS over
// the shared secret, valid two minutes, re-signed every 30 s as our gateway does). The demo subgraphs answer a fetch
// about another domain's product only when a gateway vouches for it: without it finance would price nothing. The
// peers in this benchmark (Apollo Gateway here, Hive Gateway in ../hive) send it on every subgraph fetch.
import { createHmac } from 'node:crypto';

const base64url = (value) => Buffer.from(value).toString('base64url');
let assertion = { value: '', signedAt: 0 };

export function anonymousAssertion(secret) {
  const now = Math.floor(Date.now() / 1000);
  if (now - assertion.signedAt >= 30) {
    const header = base64url(JSON.stringify({ alg: 'HS256' }));
    const claims = base64url(JSON.stringify({ iss: 'mesh-catalog-gateway', sub: '', iat: now, exp: now + 120,
      authenticated: false, everything: false, teams: [], scopes: [], grants: [] }));
    const signature = createHmac('sha256', secret).update(`${header}.${claims}`).digest('base64url');
    assertion = { value: `${header}.${claims}.${signature}`, signedAt: now };
  }
  return assertion.value;
}
