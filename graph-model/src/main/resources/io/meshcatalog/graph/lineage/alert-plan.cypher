// An alert's notifications, one per team to tell (idempotent: planning twice plans once), and the alert planned.
MATCH (a:Alert {id: $alert})
CALL (a) {
  UNWIND $teams AS team
  MERGE (n:Notification {id: a.id + ' -> ' + team.name})
  ON CREATE SET n.team = team.name, n.alert = a.id, n.kind = a.kind, n.subject = a.subject, n.product = a.product,
                n.reason = a.reason, n.affected = team.affected, n.at = a.at, n.createdAt = $now,
                n.state = 'PENDING', n.attempts = 0, n.nextAttemptAt = $now
}
SET a.state = 'PLANNED', a.plannedAt = $now
