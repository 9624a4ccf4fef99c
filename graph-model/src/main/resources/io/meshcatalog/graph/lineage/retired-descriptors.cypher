// The last descriptor snapshot of each retired product (its domain and the product alone), newest retirement first.
MATCH (p:DataProduct {status: 'RETIRED'})
WHERE p.descriptor IS NOT NULL
RETURN p.descriptor AS descriptor
ORDER BY p.retiredAt DESC, p.id
LIMIT $limit
