// How many template versions the catalog holds, all and of template $id: publishing stops at the catalog's limits.
MATCH (t:ProductTemplate)
RETURN count(t) AS total, count(CASE WHEN t.id = $id THEN 1 END) AS ofId
