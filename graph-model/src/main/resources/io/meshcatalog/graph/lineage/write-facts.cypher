// What health reads of the dataset __node__: its SLA's freshness (harvested) and its runs (from OpenLineage).
{
  dataset: __node__.id, freshnessMs: __node__.freshnessMs, sla: coalesce(__node__.freshnessSla, ''),
  lastCompleteAt: __node__.lastCompleteAt, latestRun: __node__.latestRun, latestState: __node__.latestState,
  latestAt: __node__.latestAt
}
