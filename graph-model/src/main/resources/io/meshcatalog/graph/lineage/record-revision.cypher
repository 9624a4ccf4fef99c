// A new revision of a product, with the changes that made it and the descriptor it came from (its domain and the
// product alone, meshcatalog/v1), so history shows the whole before and after of every revision.
MATCH (p:DataProduct {id: $productId})
SET p.revision = $revision.number, p.changedAt = $revision.at
CREATE (p)-[:HAS_REVISION]->(r:ProductRevision {product: $productId, number: $revision.number,
        at: $revision.at, contentHash: $revision.contentHash, declaredVersion: $revision.declaredVersion,
        descriptor: $revision.descriptor, harvest: $revision.harvest})
WITH r
UNWIND $revision.changes AS change
CREATE (r)-[:HAS_CHANGE]->(c:ChangeEvent)
SET c = change
