-- Live streams, their sessions as reported on sluice.sessions.v1, and the transactional outbox that feeds
-- the key registry (sluice.stream-keys.v1).

create table live_stream (
    id                              varchar(40)  primary key,
    tenant                          varchar(128) not null,
    name                            varchar(120) not null,
    passthrough                     varchar(255),
    -- Lower-case hex SHA-256 of the stream key; the key itself is never stored.
    key_hash                        char(64)     not null,
    enabled                         boolean      not null,
    playback_id                     varchar(40)  not null,
    reconnect_window_seconds        integer      not null,
    recording                       boolean      not null,
    max_continuous_duration_seconds integer      not null,
    max_bitrate_kbps                integer      not null,
    -- Grows with every change that ingest sees; the registry record carries it.
    registry_version                bigint       not null,
    created_by                      varchar(255) not null,
    created_at                      timestamptz  not null,
    updated_at                      timestamptz  not null,
    constraint live_stream_key_hash_unique unique (key_hash),
    constraint live_stream_playback_id_unique unique (playback_id),
    constraint live_stream_reconnect_window_range check (reconnect_window_seconds between 0 and 1800),
    constraint live_stream_max_duration_range check (max_continuous_duration_seconds between 60 and 43200),
    constraint live_stream_max_bitrate_range check (max_bitrate_kbps between 0 and 1000000)
);

-- Pages are newest first, within a tenant or across tenants (admins).
create index live_stream_tenant_page on live_stream (tenant, created_at desc, id desc);
create index live_stream_page on live_stream (created_at desc, id desc);

create table stream_session (
    -- Free text from the events is stored as sent (text, unbounded): an event is never refused for a long
    -- field, and Kafka's record size limit bounds it.
    stream_id            varchar(40)  not null references live_stream (id) on delete cascade,
    session_id           text not null,
    ingest_instance      text,
    client_address       text,
    protocol             text,
    tls_version          text,
    encoder              text,
    -- Null until session.started arrives: events of one session may come in any order.
    started_at           timestamptz,
    ended_at             timestamptz,
    end_reason           text,
    end_detail           text,
    bytes_in             bigint       not null default 0,
    video_frames         bigint       not null default 0,
    audio_frames         bigint       not null default 0,
    video_codec          text,
    audio_codec          text,
    stats_at             timestamptz,
    bitrate_kbps         bigint,
    video_frame_rate     double precision,
    keyframe_interval_ms bigint,
    width                integer,
    height               integer,
    audio_sample_rate    integer,
    audio_channels       integer,
    -- The time of the first event this service got about the session: stands in for started_at in the
    -- history until session.started arrives.
    first_seen_at        timestamptz  not null,
    listed_at            timestamptz  generated always as (coalesce(started_at, first_seen_at)) stored,
    primary key (stream_id, session_id)
);

create index stream_session_history on stream_session (stream_id, listed_at desc, session_id desc);

create table registry_outbox (
    id             bigint generated always as identity primary key,
    stream_id      varchar(40)  not null,
    -- The Kafka record exactly as the relay sends it; a null value is a tombstone.
    record_value   bytea,
    record_headers jsonb        not null,
    created_at     timestamptz  not null
);
