// Alerts not yet turned into notifications, oldest first.
MATCH (a:Alert {state: 'NEW'})
WITH a ORDER BY a.at LIMIT $limit
RETURN a.id AS id, a.kind AS kind, a.subjectKind AS subjectKind, a.subject AS subject, a.product AS product,
       a.reason AS reason, toString(a.at) AS at
