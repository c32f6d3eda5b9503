-- The simulcast targets of live streams. The target's stream key is a secret of the user's account elsewhere:
-- only its AES-GCM ciphertext (with the id of the key that made it) and its last four characters are stored.
create table simulcast_target (
    id              text primary key,
    stream_id       text not null,
    tenant          text not null,
    url             text not null,
    host            text not null,
    passthrough     text,
    enabled         boolean not null,
    key_id          text not null,
    key_ciphertext  bytea not null,
    key_last4       text not null,
    tls_ca_pem      text,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    -- What the forwarding engine last saw; shared by every instance through this table.
    status          text not null default 'idle',
    last_error      text,
    connected_at    timestamptz,
    bytes_out       bigint not null default 0,
    reconnects      bigint not null default 0
);

create index simulcast_target_stream on simulcast_target (stream_id, created_at);
