// The name of the team answerable for the data product __node__: its own team, or its domain's when it names none.
coalesce(head([(__node__)-[:OWNED_BY]->(owningTeamOwn:Team) | owningTeamOwn.name]),
         head([(__node__)-[:IN_DOMAIN]->(:Domain)-[:OWNED_BY]->(owningTeamOfDomain:Team) | owningTeamOfDomain.name]))
