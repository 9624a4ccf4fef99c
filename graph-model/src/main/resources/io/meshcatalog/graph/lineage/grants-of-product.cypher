// The grants in force on a product the viewer may see: who holds them, why, since when, decided by whom, until when.
MATCH (p:DataProduct {id: $productId})<-[:FOR_PRODUCT]-(r:AccessRequest)
WHERE {{visible-product p}} AND {{active-grant r}}
RETURN {{access-request r}} AS request
ORDER BY r.decidedAt, r.id
LIMIT $limit
