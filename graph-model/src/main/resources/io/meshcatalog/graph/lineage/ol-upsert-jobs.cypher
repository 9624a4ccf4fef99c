// Each job once, as the last of its events describes it, and the datasets jobs read and write (from events that
// carry lineage).
CALL () {
  UNWIND $jobs AS job
  MERGE (j:Job {id: job.id})
  SET j.namespace = job.namespace, j.name = job.name, j.lastSeenAt = job.time, j.producer = job.producer
}
CALL () {
  UNWIND $reads AS read
  MATCH (j:Job {id: read.job}), (i:Dataset {id: read.dataset})
  MERGE (j)-[:READS]->(i)
}
CALL () {
  UNWIND $writes AS write
  MATCH (j:Job {id: write.job}), (o:Dataset {id: write.dataset})
  MERGE (j)-[:WRITES]->(o)
}
