-- The live sessions being forwarded, with what a target needs to start on one: its metadata and sequence headers.
-- An instance that takes over a partition (a restart, a rebalance) never saw these sessions start on the media log,
-- which it reads from the live end; it resumes them from here, at their next keyframe.
create table simulcast_live_session (
    stream_id       text primary key,
    session_id      text not null,
    tenant          text not null,
    media_partition integer not null,
    metadata        bytea,
    video_header    bytea,
    audio_header    bytea,
    started_at      timestamptz not null
);

create index simulcast_live_session_partition on simulcast_live_session (media_partition);
