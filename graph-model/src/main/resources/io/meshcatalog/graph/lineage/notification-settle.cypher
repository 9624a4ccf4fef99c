// What one attempt to send a notification came to.
MATCH (n:Notification {id: $id})
SET n.state = $state, n.attempts = n.attempts + 1, n.lastError = $error, n.nextAttemptAt = $nextAttemptAt,
    n.sentAt = CASE WHEN $state = 'SENT' THEN $now ELSE n.sentAt END, n.leaseUntil = null
