// A new key: the unique constraint on ApiKey.id refuses a second key with the same id.
CREATE (k:ApiKey {id: $id, prefix: $prefix, hash: $hash, subject: $subject, teams: $teams, roles: $roles,
  scopes: $scopes, namespaces: $namespaces, createdAt: $createdAt, createdBy: $createdBy, expiresAt: $expiresAt})
RETURN k
