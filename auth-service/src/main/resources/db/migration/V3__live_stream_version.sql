-- The version of a stream as callers see it, for ETag and If-Match: it grows with every change, where
-- registry_version grows only with the changes ingest sees.
alter table live_stream add column version bigint not null default 1;
alter table live_stream alter column version drop default;
