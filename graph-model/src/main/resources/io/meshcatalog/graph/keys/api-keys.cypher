// Every stored key, oldest first, at most $limit of them.
MATCH (k:ApiKey)
RETURN k
ORDER BY k.createdAt, k.id
LIMIT $limit
