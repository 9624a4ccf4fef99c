// The products of a domain that are declared and not retired, but that its new descriptor no longer declares.
MATCH (p:DataProduct)-[:IN_DOMAIN]->(:Domain {id: $domain})
WHERE p.placeholder = false AND p.status <> 'RETIRED' AND NOT p.id IN $declared
RETURN p.id AS id, p.descriptor AS descriptor, coalesce(p.revision, 0) AS revision
ORDER BY id
LIMIT $limit
