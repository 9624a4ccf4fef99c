MATCH (p:DataProduct {id: $productId}) RETURN p.contentHash AS hash, p.placeholder AS placeholder
