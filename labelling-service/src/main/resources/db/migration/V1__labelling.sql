-- labelling-service schema

-- This service's view of each practitioner, fed by registry.practitioner events.
-- subject and public_name are personal data: erased when the practitioner withdraws.
create table practitioner_eligibility (
    practitioner_id  uuid         primary key,
    registry_number  varchar(20),
    subject          varchar(255),
    public_name      varchar(120),
    status           varchar(20)  not null,
    core_complete    boolean      not null default false,
    last_event_at    timestamptz  not null,
    updated_at       timestamptz  not null
);
create unique index practitioner_eligibility_subject_uk on practitioner_eligibility (subject) where subject is not null;

create table label_application (
    id                     uuid         primary key,
    practitioner_id        uuid         not null,
    registry_number        varchar(20),
    state                  varchar(20)  not null,
    requested_domains      varchar(40)[] not null default '{}',
    requested_appellations varchar(40)[] not null default '{}',
    submitted_at           timestamptz  not null,
    assigned_to            varchar(255),
    assigned_to_name       varchar(255),
    refused_by             varchar(255),
    label_id               uuid,
    updated_at             timestamptz  not null,
    version                bigint       not null default 0
);
create index label_application_practitioner_idx on label_application (practitioner_id);
create index label_application_state_idx on label_application (state);
-- One open application per practitioner at a time.
create unique index label_application_open_uk on label_application (practitioner_id)
    where state in ('SUBMITTED', 'UNDER_REVIEW', 'APPEALED');

create sequence label_number_seq start with 1;

create table label (
    id               uuid         primary key,
    number           varchar(20)  not null unique,
    practitioner_id  uuid         not null,
    registry_number  varchar(20),
    application_id   uuid         not null references label_application (id),
    state            varchar(20)  not null,
    domains          varchar(40)[] not null default '{}',
    appellations     varchar(40)[] not null default '{}',
    granted_at       timestamptz  not null,
    expires_on       date         not null,
    suspended_until  date,
    state_reason     text,
    updated_at       timestamptz  not null,
    version          bigint       not null default 0
);
create index label_practitioner_idx on label (practitioner_id);
create index label_due_idx on label (state, expires_on);

-- Audit trails: one immutable row per decision (who, when, what, why, from which state to which).
create table application_decision (
    id              uuid         primary key,
    seq             bigint       generated always as identity unique,
    application_id  uuid         not null references label_application (id),
    action          varchar(30)  not null,
    actor_subject   varchar(255),
    actor_name      varchar(255) not null,
    decided_at      timestamptz  not null,
    reason          text,
    previous_state  varchar(20),
    new_state       varchar(20)  not null
);
create index application_decision_application_idx on application_decision (application_id, decided_at);

create table label_decision (
    id               uuid         primary key,
    seq              bigint       generated always as identity unique,
    label_id         uuid         not null references label (id),
    action           varchar(30)  not null,
    actor_subject    varchar(255),
    actor_name       varchar(255) not null,
    decided_at       timestamptz  not null,
    reason           text,
    previous_state   varchar(20),
    new_state        varchar(20)  not null,
    -- The label's dates once the decision applies, to answer "was it valid on that day?".
    effective_on     date         not null,
    expires_on       date         not null,
    suspended_until  date
);
create index label_decision_label_idx on label_decision (label_id, decided_at);

create function forbid_audit_change() returns trigger language plpgsql as $$
begin
    raise exception 'audit records are immutable';
end;
$$;
create trigger application_decision_immutable before update or delete on application_decision
    for each row execute function forbid_audit_change();
create trigger label_decision_immutable before update or delete on label_decision
    for each row execute function forbid_audit_change();

-- The key that signs verification receipts when none is configured: generated once, shared by
-- every instance. Only one row (slot 'current').
create table signing_key (
    slot        varchar(20)  primary key,
    key_id      varchar(64)  not null,
    private_jwk text         not null,
    created_at  timestamptz  not null
);
