// A new pending access request, or the one already pending for the same requester, product, grantee and purpose
// ($key), so that a retried request makes no second one. MERGE on the unique pendingKey is safe under concurrent
// retries. A pending request whose `until` has passed gives its key up first: the retry makes a fresh one.
OPTIONAL MATCH (stale:AccessRequest {pendingKey: $key})
WHERE stale.until <= $now
REMOVE stale.pendingKey
WITH count(*) AS ignored
MATCH (p:DataProduct {id: $productId})
MERGE (r:AccessRequest {pendingKey: $key})
  ON CREATE SET r.id = $id, r.product = $productId, r.requester = $requester, r.team = $team,
    r.purpose = $purpose, r.until = $until, r.status = 'PENDING', r.requestedAt = $now, r.note = ''
MERGE (r)-[:FOR_PRODUCT]->(p)
RETURN {{access-request r}} AS request
