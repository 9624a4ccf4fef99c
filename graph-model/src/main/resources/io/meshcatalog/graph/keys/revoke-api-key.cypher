// Revokes a key once: a key revoked before keeps its first revocation time.
MATCH (k:ApiKey {id: $id})
SET k.revokedAt = coalesce(k.revokedAt, $revokedAt)
RETURN k
