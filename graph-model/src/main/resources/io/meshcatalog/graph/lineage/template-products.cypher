// The products the viewer may see that were made from template $id, with the version each was made from.
MATCH (p:DataProduct {templateId: $id})
WHERE coalesce(p.placeholder, false) = false AND {{visible-product p}}
RETURN p.id AS id, p.templateVersion AS version, p.status AS status
ORDER BY p.id
LIMIT $limit
