// Constraints and indexes of the lineage graph; each statement is idempotent and run at start.
CREATE CONSTRAINT domain_id IF NOT EXISTS FOR (n:Domain) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT product_id IF NOT EXISTS FOR (n:DataProduct) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT dataset_id IF NOT EXISTS FOR (n:Dataset) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT field_id IF NOT EXISTS FOR (n:Field) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT consumer_id IF NOT EXISTS FOR (n:Consumer) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT team_name IF NOT EXISTS FOR (n:Team) REQUIRE n.name IS UNIQUE;
CREATE CONSTRAINT person_username IF NOT EXISTS FOR (n:Person) REQUIRE n.username IS UNIQUE;
CREATE INDEX product_status IF NOT EXISTS FOR (n:DataProduct) ON (n.status);
CREATE INDEX product_domain IF NOT EXISTS FOR (n:DataProduct) ON (n.domain);
CREATE CONSTRAINT job_id IF NOT EXISTS FOR (n:Job) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT run_id IF NOT EXISTS FOR (n:Run) REQUIRE n.id IS UNIQUE;
CREATE INDEX dataset_physical_name IF NOT EXISTS FOR (n:Dataset) ON (n.physicalName);
CREATE INDEX dataset_placeholder IF NOT EXISTS FOR (n:Dataset) ON (n.placeholder);
CREATE INDEX field_placeholder IF NOT EXISTS FOR (n:Field) ON (n.placeholder);
CREATE FULLTEXT INDEX catalog_text IF NOT EXISTS
  FOR (n:DataProduct|Dataset|Field|Consumer)
  ON EACH [n.name, n.keywords, n.description, n.purpose, n.usage, n.limitations]
  OPTIONS {indexConfig: {`fulltext.analyzer`: 'english'}};
CREATE CONSTRAINT access_request_id IF NOT EXISTS FOR (n:AccessRequest) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT access_request_pending IF NOT EXISTS FOR (n:AccessRequest) REQUIRE n.pendingKey IS UNIQUE;
CREATE INDEX access_request_status IF NOT EXISTS FOR (n:AccessRequest) ON (n.status);
CREATE INDEX access_request_requester IF NOT EXISTS FOR (n:AccessRequest) ON (n.requester);
CREATE CONSTRAINT lineage_event_key IF NOT EXISTS FOR (n:LineageEventKey) REQUIRE n.key IS UNIQUE;
CREATE INDEX lineage_event_key_at IF NOT EXISTS FOR (n:LineageEventKey) ON (n.at);
CREATE CONSTRAINT alert_id IF NOT EXISTS FOR (n:Alert) REQUIRE n.id IS UNIQUE;
CREATE INDEX alert_state IF NOT EXISTS FOR (n:Alert) ON (n.state);
CREATE CONSTRAINT notification_id IF NOT EXISTS FOR (n:Notification) REQUIRE n.id IS UNIQUE;
CREATE INDEX notification_state IF NOT EXISTS FOR (n:Notification) ON (n.state, n.nextAttemptAt);
CREATE INDEX notification_team IF NOT EXISTS FOR (n:Notification) ON (n.team, n.createdAt);
CREATE CONSTRAINT quality_result_id IF NOT EXISTS FOR (n:QualityResult) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT template_key IF NOT EXISTS FOR (n:ProductTemplate) REQUIRE n.key IS UNIQUE;
CREATE INDEX template_id IF NOT EXISTS FOR (n:ProductTemplate) ON (n.id);
CREATE INDEX product_template IF NOT EXISTS FOR (n:DataProduct) ON (n.templateId);
CREATE CONSTRAINT harvest_lease_domain IF NOT EXISTS FOR (n:HarvestLease) REQUIRE n.domain IS UNIQUE;
CREATE CONSTRAINT catalog_change_scope IF NOT EXISTS FOR (n:CatalogChange) REQUIRE n.scope IS UNIQUE;
