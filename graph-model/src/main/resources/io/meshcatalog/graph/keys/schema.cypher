// The API keys an admin created: one node each, by id; idempotent, run at start.
CREATE CONSTRAINT api_key_id IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.id IS UNIQUE;
