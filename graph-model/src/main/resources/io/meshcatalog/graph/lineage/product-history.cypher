// The revisions of a product the viewer may see, newest first, each with the descriptor it came from and the one
// before it; none when it may not.
MATCH (p:DataProduct {id: $productId})-[:HAS_REVISION]->(r:ProductRevision)
WHERE {{visible-product p}}
WITH p, r ORDER BY r.number DESC LIMIT $limit
OPTIONAL MATCH (r)-[:HAS_CHANGE]->(c:ChangeEvent)
WITH p, r, c ORDER BY c.kind, c.subject
WITH p, r, [x IN collect(c {.*}) WHERE x.kind IS NOT NULL] AS changes
OPTIONAL MATCH (p)-[:HAS_REVISION]->(previous:ProductRevision {number: r.number - 1})
RETURN r.number AS number, r.at AS at, r.contentHash AS contentHash, r.declaredVersion AS declaredVersion, changes,
       r.descriptor AS descriptor, previous.descriptor AS previousDescriptor, r.harvest AS harvest
ORDER BY number DESC
