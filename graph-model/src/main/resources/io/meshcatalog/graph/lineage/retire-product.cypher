// A product its domain no longer declares: retired, not forgotten. Its datasets, fields and lineage stay, so what
// reads it still shows it (as retired) and learns of it.
MATCH (p:DataProduct {id: $productId})
SET p.status = 'RETIRED', p.retiredAt = $at, p.retiredBy = $by, p.descriptor = $descriptor, p.contentHash = $hash
