-- Platform tables shared by every service (same DDL everywhere, shipped by the platform library).

-- Outbox: columns follow Debezium's outbox event router (id, aggregatetype, aggregateid, type,
-- payload) so that a Debezium connector can replace the in-service relay without code changes.
-- A null payload is a tombstone (Debezium: route.tombstone.on.empty.payload=true).
create table outbox_event (
    id             uuid         primary key,
    seq            bigint       generated always as identity unique,
    aggregatetype  varchar(100) not null,
    aggregateid    varchar(100) not null,
    type           varchar(200) not null,
    payload        jsonb,
    occurred_at    timestamptz  not null,
    correlation_id varchar(64)
);

-- Inbox: ids of consumed events, inserted first in the handler's transaction.
create table inbox_message (
    consumer     varchar(100) not null,
    event_id     varchar(100) not null,
    received_at  timestamptz  not null,
    primary key (consumer, event_id)
);

-- Idempotency-Key of POST requests, claimed first in the request's transaction.
create table idempotency_key (
    scope         varchar(100) not null,
    idem_key      varchar(255) not null,
    request_hash  varchar(64)  not null,
    resource_id   varchar(100),
    created_at    timestamptz  not null,
    primary key (scope, idem_key)
);
