// Requests waiting for a decision of the viewer: pending, unexpired, on products its teams own (every one for admins),
// oldest first.
MATCH (r:AccessRequest {status: 'PENDING'})-[:FOR_PRODUCT]->(p:DataProduct)
WHERE r.until > $now AND ($everything OR {{owning-team p}} IN $teams)
RETURN {{access-request r}} AS request
ORDER BY r.requestedAt, r.id
LIMIT $limit
