-- Versions carried by events, ordering them without clocks (deploy/docs/events.md): source_version is the
-- version of the last registry.practitioner (resp. labelling.label) event applied; older or equal ones are
-- dropped. event_version is the version the last event of a request carried.
alter table registry_state add column source_version bigint not null default 0;
alter table label_state add column source_version bigint not null default 0;
alter table orientation_request add column event_version bigint not null default 0;
