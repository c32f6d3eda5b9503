-- The session history is listed newest first in the order its sessions became known to this service (their
-- first event on the stream's partition), by a sequence number given once and never changed. The list was
-- ordered by listed_at, the start time or else the time of the first event, which a late session.started
-- moved: a page cursor made from it could skip or repeat sessions.

alter table stream_session add column seq bigint;
update stream_session s set seq = known.n
    from (select stream_id, session_id, row_number() over (order by listed_at, stream_id, session_id) as n
          from stream_session) known
    where s.stream_id = known.stream_id and s.session_id = known.session_id;
alter table stream_session alter column seq set not null;
alter table stream_session alter column seq add generated always as identity;
select setval(pg_get_serial_sequence('stream_session', 'seq'), coalesce(max(seq), 0) + 1, false) from stream_session;

drop index stream_session_history;
alter table stream_session drop column listed_at, drop column first_seen_at;
create unique index stream_session_history on stream_session (stream_id, seq);
