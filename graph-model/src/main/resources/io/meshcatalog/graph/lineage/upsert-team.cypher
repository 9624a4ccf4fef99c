// A team and its members, replacing the members it had.
MERGE (t:Team {name: $team.name})
SET t.description = $team.description
WITH t
OPTIONAL MATCH (t)-[old:HAS_MEMBER]->(:Person)
DELETE old
WITH DISTINCT t
UNWIND $team.members AS member
MERGE (p:Person {username: member.username})
SET p.name = member.name
MERGE (t)-[r:HAS_MEMBER]->(p)
SET r.role = member.role
