// What the catalog holds of a product before an upsert: the digest and the descriptor snapshot of what it last
// declared, whether it is only a placeholder, and its last revision.
MATCH (p:DataProduct {id: $productId})
RETURN p.contentHash AS hash, p.placeholder AS placeholder, p.descriptor AS descriptor,
       coalesce(p.revision, 0) AS revision
