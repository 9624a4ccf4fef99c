// Pending notifications that are due and not held by another sender, oldest first: the candidates of a claim.
MATCH (n:Notification {state: 'PENDING'})
WHERE n.nextAttemptAt <= $now AND (n.leaseUntil IS NULL OR n.leaseUntil < $now)
RETURN n.id AS id
ORDER BY n.nextAttemptAt
LIMIT $limit
