-- Recordings, what they are made of, where each stream's recording stands, and the outbox that feeds
-- sluice.recordings.v1. The media itself is in the object store (<tenant>/<stream>/<recording>/...).

create table recording (
    id                       varchar(40)  primary key,
    tenant                   varchar(128) not null,
    stream_id                varchar(40)  not null,
    playback_id              varchar(40)  not null,
    -- The stream's recording flag when the recording began: false keeps nothing once the stream has ended.
    keep                     boolean      not null,
    status                   varchar(16)  not null,
    reconnect_window_seconds integer      not null,
    started_at               timestamptz  not null,
    -- When the last session ended; null while one is live.
    ended_at                 timestamptz,
    ready_at                 timestamptz,
    deleted_at               timestamptz,
    failure_reason           text,
    duration_micros          bigint       not null default 0,
    size_bytes               bigint       not null default 0,
    segment_count            integer      not null default 0,
    expires_at               timestamptz,
    -- Grows with every change of the stored media: a held playlist request watches it.
    media_version            bigint       not null default 0,
    updated_at               timestamptz  not null,
    constraint recording_status_known check (status in ('recording', 'ready', 'failed', 'deleted')),
    constraint recording_window_range check (reconnect_window_seconds between 0 and 1800)
);

create index recording_tenant_page on recording (tenant, started_at desc, id desc);
create index recording_page on recording (started_at desc, id desc);
create index recording_stream on recording (stream_id, started_at desc);
create index recording_playback on recording (playback_id, started_at desc);
create index recording_open on recording (ended_at) where status = 'recording';
create index recording_expiry on recording (expires_at) where status in ('ready', 'failed');

-- The encoder sessions a recording is made of, in the order they joined it.
create table recording_session (
    recording_id varchar(40) not null references recording (id) on delete cascade,
    session_id   text        not null,
    ordinal      integer     not null,
    started_at   timestamptz not null,
    ended_at     timestamptz,
    end_reason   text,
    primary key (recording_id, session_id)
);

-- One period per set of track configurations: its init segment is init-<period>.mp4.
create table recording_period (
    recording_id  varchar(40) not null references recording (id) on delete cascade,
    period        integer     not null,
    video_codec   varchar(8),
    video_config  bytea,
    audio_codec   varchar(8),
    audio_config  bytea,
    codecs        text        not null,
    width         integer     not null,
    height        integer     not null,
    sample_rate   integer     not null,
    channels      integer     not null,
    primary key (recording_id, period)
);

create table recording_segment (
    recording_id    varchar(40) not null references recording (id) on delete cascade,
    segment         bigint      not null,
    period          integer     not null,
    duration_micros bigint      not null,
    size_bytes      bigint      not null,
    independent     boolean     not null,
    -- The segment's moof boxes and mdat headers (media-core FragmentReader.index): the MP4 download is built
    -- from these without reading the media twice.
    fragment_index  bytea       not null,
    primary key (recording_id, segment)
);

-- LL-HLS parts, kept while they are near the live edge.
create table recording_part (
    recording_id    varchar(40) not null references recording (id) on delete cascade,
    segment         bigint      not null,
    part            integer     not null,
    period          integer     not null,
    duration_micros bigint      not null,
    size_bytes      bigint      not null,
    independent     boolean     not null,
    primary key (recording_id, segment, part)
);

-- Where each stream's recording stands: the segmenter's checkpoint after its last stored output, and the
-- session whose media it takes. A consumer that takes the stream over after a crash or a rebalance starts here.
create table stream_recorder (
    stream_id    varchar(40) primary key,
    recording_id varchar(40) not null references recording (id) on delete cascade,
    session_id   text        not null,
    -- The session ended: media of it that is read again is not recorded again.
    session_ended boolean    not null,
    checkpoint   bytea       not null,
    updated_at   timestamptz not null
);

create table recording_outbox (
    id             bigint generated always as identity primary key,
    stream_id      varchar(40)  not null,
    -- The Kafka record exactly as the relay sends it.
    record_value   bytea        not null,
    record_headers jsonb        not null,
    created_at     timestamptz  not null
);
