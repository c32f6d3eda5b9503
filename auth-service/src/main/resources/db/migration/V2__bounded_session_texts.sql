-- Texts from session events get a size: the service cleans them (control characters removed, line breaks
-- and tabs made spaces) and cuts them to these columns before storing (StreamSessionEntity holds the same
-- sizes). Rows stored before are made to follow the same rule. A session id that does not fit is not an
-- ingest session id; such rows are dropped, since cutting them could merge two sessions.

create function pg_temp.event_text(value text, max_length integer) returns text language sql immutable as $$
    select nullif(left(regexp_replace(regexp_replace(value, '[\t\n\x0b\x0c\r\x1c-\x1f]', ' ', 'g'),
                                      '[\x01-\x1f\x7f-\x9f]', '', 'g'), max_length), '')
$$;

delete from stream_session where length(session_id) > 64 or session_id ~ '[\x01-\x1f\x7f-\x9f]';

alter table stream_session
    alter column session_id      type varchar(64),
    alter column ingest_instance type varchar(128)  using pg_temp.event_text(ingest_instance, 128),
    alter column client_address  type varchar(96)   using pg_temp.event_text(client_address, 96),
    alter column protocol        type varchar(16)   using pg_temp.event_text(protocol, 16),
    alter column tls_version     type varchar(32)   using pg_temp.event_text(tls_version, 32),
    alter column encoder         type varchar(255)  using pg_temp.event_text(encoder, 255),
    alter column end_reason      type varchar(32)   using pg_temp.event_text(end_reason, 32),
    alter column end_detail      type varchar(1024) using pg_temp.event_text(end_detail, 1024),
    alter column video_codec     type varchar(32)   using pg_temp.event_text(video_codec, 32),
    alter column audio_codec     type varchar(32)   using pg_temp.event_text(audio_codec, 32);
