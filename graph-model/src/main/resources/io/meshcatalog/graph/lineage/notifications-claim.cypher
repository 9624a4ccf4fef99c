// The due pending notifications of $ids (candidates read just before), claimed until $leaseUntil unless another
// sender holds them. Each is written to (its write lock taken) before its state and lease are read, so of senders
// claiming at once, on one gateway or several, each notification goes to one.
UNWIND $ids AS id
MATCH (n:Notification {id: id})
SET n.claimedAt = $now
WITH n
WHERE n.state = 'PENDING' AND n.nextAttemptAt <= $now AND (n.leaseUntil IS NULL OR n.leaseUntil < $now)
SET n.leaseUntil = $leaseUntil
RETURN {{notification n}} AS notification
