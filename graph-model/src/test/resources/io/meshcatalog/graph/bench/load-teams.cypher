// Teams, each with one member.
UNWIND $rows AS row
CREATE (t:Team {name: row.name, description: ''})
CREATE (p:Person {username: row.member, name: row.member})
CREATE (t)-[:HAS_MEMBER {role: 'owner'}]->(p)
