// The products the viewer holds a grant in force on (for the caller assertion the gateway signs for subgraphs).
MATCH (r:AccessRequest)-[:FOR_PRODUCT]->(p:DataProduct)
WHERE $authenticated AND {{holds-grant r}}
RETURN DISTINCT p.id AS product
ORDER BY product
LIMIT $limit
