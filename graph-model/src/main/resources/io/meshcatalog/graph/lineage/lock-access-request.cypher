// An access request, write-locked for the rest of the transaction (the version counts its changes), with the team
// that owns its product: decisions and revocations are checked against a state nobody else can change meanwhile.
MATCH (r:AccessRequest {id: $id})-[:FOR_PRODUCT]->(p:DataProduct)
SET r.version = coalesce(r.version, 0) + 1
RETURN {{access-request r}} AS request, {{owning-team p}} AS owner
