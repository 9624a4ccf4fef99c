// A product its domain no longer declares: retired, not forgotten. Its datasets, fields and lineage stay, so what
// reads it still shows it and learns of it; they are retired with it (when not already), so a lineage walk sees it on
// each of them, and declaring the product again clears it.
MATCH (p:DataProduct {id: $productId})
SET p.status = 'RETIRED', p.retiredAt = $at, p.retiredBy = $by, p.descriptor = $descriptor, p.contentHash = $hash
WITH p
OPTIONAL MATCH (p)-[:PRODUCES]->(d:Dataset)
WHERE d.retiredAt IS NULL
SET d.retiredAt = $at, d.retiredBy = $by
WITH p
OPTIONAL MATCH (p)-[:PRODUCES]->(:Dataset)-[:HAS_FIELD]->(f:Field)
WHERE f.retiredAt IS NULL
SET f.retiredAt = $at, f.retiredBy = $by
