-- Which instance may write a stream's recording. An instance that takes a stream over (after a crash, a
-- rebalance, or a failure it recovered from) claims it with a new epoch; a round writes a stream's objects and
-- metadata only while the stream's row still holds the epoch its instance claimed, under that row's lock. An
-- instance that lost the stream's partition without noticing yet (paused past the poll interval, cut off from
-- the group) is fenced: it writes nothing, and the owner's parts are never overwritten by what it made.
create sequence stream_recorder_epoch;

alter table stream_recorder add column epoch bigint not null default 0;
