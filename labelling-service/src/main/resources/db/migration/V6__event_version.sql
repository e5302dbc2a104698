-- Versions carried by events, ordering them without clocks (deploy/docs/events.md): each label event's
-- version continues the practitioner's label stream (the key of labelling.label); each application event's
-- is the application's; source_version is the version of the last registry.practitioner event applied.
alter table label add column event_version bigint not null default 0;
alter table label_application add column event_version bigint not null default 0;
alter table practitioner_eligibility add column source_version bigint not null default 0;
