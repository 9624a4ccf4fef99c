// The requests the viewer made, newest first, whatever their product's visibility (they are its own); none for an
// anonymous viewer.
MATCH (r:AccessRequest {requester: $subject})
WHERE $authenticated AND $subject <> ''
RETURN {{access-request r}} AS request
ORDER BY r.requestedAt DESC, r.id
LIMIT $limit
