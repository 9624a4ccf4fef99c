// Pending notifications that are due and not held by another sender, claimed until $leaseUntil, oldest first.
MATCH (n:Notification {state: 'PENDING'})
WHERE n.nextAttemptAt <= $now AND (n.leaseUntil IS NULL OR n.leaseUntil < $now)
WITH n ORDER BY n.nextAttemptAt LIMIT $limit
SET n.leaseUntil = $leaseUntil
RETURN {{notification n}} AS notification
