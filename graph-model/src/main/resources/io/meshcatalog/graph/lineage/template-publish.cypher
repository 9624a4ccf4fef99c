// One version of a template, created when it is new; the stored text comes back either way, so that the caller can
// tell a version published again unchanged (fine) from one changed after publication (refused: versions never change),
// and whether this call created it.
MERGE (t:ProductTemplate {key: $key})
ON CREATE SET t.id = $id, t.version = $version, t.yaml = $yaml, t.publishedAt = $now, t.publishedBy = $by,
  t.creating = true
WITH t, coalesce(t.creating, false) AS created
REMOVE t.creating
RETURN t.yaml AS yaml, t.publishedAt AS publishedAt, t.publishedBy AS publishedBy, created
