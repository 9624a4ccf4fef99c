// The access requests on a product, newest first: all of them for its owning team and admins, otherwise those the
// viewer made or that were made for one of its teams.
MATCH (p:DataProduct {id: $productId})<-[:FOR_PRODUCT]-(r:AccessRequest)
WHERE $everything OR {{owning-team p}} IN $teams OR r.team IN $teams
   OR (r.requester = $subject AND $subject <> '')
RETURN {{access-request r}} AS request
ORDER BY r.requestedAt DESC, r.id
LIMIT $limit
