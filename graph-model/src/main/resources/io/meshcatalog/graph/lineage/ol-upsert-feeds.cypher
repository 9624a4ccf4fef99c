// Dataset-level lineage a job declares: every input FEEDS every output, marked with the job.
UNWIND $edges AS edge
MATCH (i:Dataset {id: edge.input}), (o:Dataset {id: edge.output})
WHERE i <> o
MERGE (i)-[f:FEEDS {job: edge.job}]->(o)
