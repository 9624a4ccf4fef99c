// A job's runs, newest first, those updated after $after when it is given, $first at most.
MATCH (r:Run)-[:OF_JOB]->(j:Job {id: $id})
WHERE ($everything OR $authenticated) AND ($after IS NULL OR r.updatedAt > datetime($after))
WITH r, j ORDER BY r.updatedAt DESC LIMIT $first
RETURN r.id AS id, j.id AS job, j.namespace AS namespace, r.state AS state, toString(r.startedAt) AS startedAt,
       toString(r.updatedAt) AS updatedAt, toString(r.endedAt) AS endedAt, r.error AS error
