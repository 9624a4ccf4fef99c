// Alerts raised outside an event (a dataset found LATE, a harvest that breaks a schema): each once per id.
UNWIND $alerts AS alert
MERGE (a:Alert {id: alert.id})
ON CREATE SET a += alert, a.state = 'NEW'
