// The revisions of a product the viewer may see, newest first; none when it may not.
MATCH (p:DataProduct {id: $productId})-[:HAS_REVISION]->(r:ProductRevision)
WHERE {{visible-product p}}
OPTIONAL MATCH (r)-[:HAS_CHANGE]->(c:ChangeEvent)
WITH r, c ORDER BY c.kind, c.subject
WITH r, [x IN collect(c {.*}) WHERE x.kind IS NOT NULL] AS changes
RETURN r.number AS number, r.at AS at, r.contentHash AS contentHash, r.declaredVersion AS declaredVersion, changes
ORDER BY number DESC
LIMIT $limit
