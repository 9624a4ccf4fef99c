// Notifications, newest first: all of them, or a team's; created before $before when it is given.
MATCH (n:Notification)
WHERE ($team IS NULL OR n.team = $team) AND ($teams IS NULL OR n.team IN $teams)
  AND ($before IS NULL OR n.createdAt < datetime($before))
WITH n ORDER BY n.createdAt DESC, n.id LIMIT $first
RETURN {{notification n}} AS notification
