-- Webhooks (Standard Webhooks): subscriptions of API clients and the deliveries owed to them.
-- Shipped by the platform library to every service; a service without a webhook API keeps them empty.

-- A client's endpoint and what it follows. filter_keys holds the service's match keys (label numbers,
-- or one typed area such as ze:8421); filter holds the filter as the client gave it, for reading back.
create table webhook_subscription (
    id                          uuid          primary key,
    owner_subject               varchar(255)  not null,
    url                         varchar(2048) not null,
    event_types                 text[]        not null,
    filter                      jsonb         not null,
    filter_keys                 text[]        not null,
    contact_email               varchar(320),
    secret                      varchar(100)  not null,
    previous_secret             varchar(100),
    previous_secret_expires_at  timestamptz,
    enabled                     boolean       not null,
    disabled_at                 timestamptz,
    disabled_reason             varchar(300),
    failing_since               timestamptz,
    created_at                  timestamptz   not null,
    updated_at                  timestamptz   not null
);
create index webhook_subscription_owner on webhook_subscription (owner_subject, created_at);
create index webhook_subscription_keys on webhook_subscription using gin (filter_keys) where enabled;

-- One event owed to one subscription, inserted first (unique per subscription and event id) in the
-- transaction of the change it announces. PENDING until DELIVERED, or FAILED once the retries are
-- exhausted or the endpoint answered 410. next_attempt_at is also the lease of a delivery being sent.
create table webhook_delivery (
    id               uuid          primary key,
    seq              bigint        generated always as identity unique,
    subscription_id  uuid          not null references webhook_subscription (id) on delete cascade,
    event_id         varchar(200)  not null,
    event_type       varchar(200)  not null,
    payload          text          not null,
    status           varchar(20)   not null,
    attempts         integer       not null default 0,
    next_attempt_at  timestamptz,
    last_attempt_at  timestamptz,
    last_http_status integer,
    last_error       varchar(200),
    created_at       timestamptz   not null,
    delivered_at     timestamptz,
    unique (subscription_id, event_id)
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at, seq) where status = 'PENDING';
create index webhook_delivery_log on webhook_delivery (subscription_id, seq);
