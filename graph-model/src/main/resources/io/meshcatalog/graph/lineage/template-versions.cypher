// The published versions of one template ($id), or of all ($id null), with their text; at most $limit (publishing
// keeps the catalog within it, so this is all of them).
MATCH (t:ProductTemplate)
WHERE $id IS NULL OR t.id = $id
RETURN t.id AS id, t.version AS version, t.yaml AS yaml, t.publishedAt AS publishedAt, t.publishedBy AS publishedBy
LIMIT $limit
