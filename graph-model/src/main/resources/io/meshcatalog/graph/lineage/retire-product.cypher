// A product its domain no longer declares, or declares retired: retired, not forgotten (when first retired). Its datasets, fields and lineage stay, so what
// reads it still shows it and learns of it; they are retired with it (when not already), so a lineage walk sees it on
// each of them, and declaring the product again clears it.
MATCH (p:DataProduct {id: $productId})
SET p.status = 'RETIRED', p.retiredAt = coalesce(p.retiredAt, $at), p.retiredBy = coalesce(p.retiredBy, $by),
    p.descriptor = coalesce($descriptor, p.descriptor), p.contentHash = coalesce($hash, p.contentHash)
WITH p
OPTIONAL MATCH (p)-[:PRODUCES]->(d:Dataset)
WHERE d.retiredAt IS NULL
SET d.retiredAt = $at, d.retiredBy = $by
WITH p
OPTIONAL MATCH (p)-[:PRODUCES]->(:Dataset)-[:HAS_FIELD]->(f:Field)
WHERE f.retiredAt IS NULL
SET f.retiredAt = $at, f.retiredBy = $by
