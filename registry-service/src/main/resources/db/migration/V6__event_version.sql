-- The version of the practitioner aggregate that each event of registry.practitioner carries: incremented
-- with every event, in the transaction of the change; consumers keep the highest (deploy/docs/events.md).
alter table practitioner add column event_version bigint not null default 0;
