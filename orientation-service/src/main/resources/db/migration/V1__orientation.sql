-- orientation-service schema. The read model (registry_state, label_state, listing) is built only
-- from the registry.practitioner and labelling.label topics and can be rebuilt from them at any time.

-- Latest registry state per practitioner; personal fields only as far as the practitioner published them.
create table registry_state (
    practitioner_id  uuid          primary key,
    registry_number  varchar(20)   not null,
    subject          varchar(255),
    status           varchar(20)   not null,
    public_name      varchar(220),
    zone_code        varchar(4),
    department_code  varchar(3),
    region_code      varchar(3),
    modes            varchar(40)[],
    remote           boolean       not null default false,
    listed           boolean       not null default false,
    consent_version  int,
    commune_code     varchar(5),
    domains          varchar(40)[],
    appellations     varchar(40)[],
    formats          varchar(40)[],
    languages        varchar(40)[],
    contact_email    varchar(254),
    contact_phone    varchar(16),
    occurred_at      timestamptz
);
create index registry_state_subject_idx on registry_state (subject);

-- Latest label per practitioner.
create table label_state (
    practitioner_id  uuid          primary key,
    label_id         uuid,
    label_number     varchar(40),
    registry_number  varchar(20),
    state            varchar(20)   not null,
    expires_on       date,
    occurred_at      timestamptz
);

-- Published practitioners only (labelled ACTIVE or RENEWAL_DUE, and listed): what search reads.
create table listing (
    practitioner_id  uuid          primary key,
    registry_number  varchar(20)   not null,
    public_name      varchar(220),
    commune_code     varchar(5),
    zone_code        varchar(4),
    department_code  varchar(3),
    region_code      varchar(3),
    modes            varchar(40)[],
    domains          varchar(40)[],
    appellations     varchar(40)[],
    formats          varchar(40)[],
    languages        varchar(40)[],
    remote           boolean       not null,
    label_number     varchar(40)   not null,
    label_state      varchar(20)   not null,
    expires_on       date
);
create unique index listing_registry_number_uk on listing (registry_number);
create index listing_zone_idx on listing (zone_code, registry_number);
create index listing_department_idx on listing (department_code, registry_number);
create index listing_region_idx on listing (region_code, registry_number);
create index listing_remote_idx on listing (registry_number) where remote;
create index listing_domains_gin on listing using gin (domains);
create index listing_appellations_gin on listing using gin (appellations);
create index listing_modes_gin on listing using gin (modes);
create index listing_formats_gin on listing using gin (formats);
create index listing_languages_gin on listing using gin (languages);

-- Orientation requests of employers to practitioners.
create table orientation_request (
    id                uuid          primary key,
    employer_subject  varchar(255)  not null,
    practitioner_id   uuid          not null,
    registry_number   varchar(20)   not null,
    area              varchar(20),
    zone_code         varchar(4),
    department_code   varchar(3),
    region_code       varchar(3),
    domains           varchar(40)[] not null default '{}',
    format            varchar(40),
    workforce_size    int,
    message           varchar(2000),
    status            varchar(20)   not null,
    created_at        timestamptz   not null,
    expires_at        timestamptz   not null,
    answered_at       timestamptz,
    closed_at         timestamptz,
    version           bigint        not null default 0
);
create index orientation_request_employer_idx on orientation_request (employer_subject, created_at);
create index orientation_request_practitioner_idx on orientation_request (practitioner_id, created_at);
create index orientation_request_pending_idx on orientation_request (expires_at) where status = 'PENDING';
create index orientation_request_zone_idx on orientation_request (zone_code);
create index orientation_request_department_idx on orientation_request (department_code);
create index orientation_request_region_idx on orientation_request (region_code);

-- Self-diagnoses an employer chose to save (anonymous ones are never stored).
create table saved_diagnosis (
    id                uuid          primary key,
    employer_subject  varchar(255)  not null,
    created_at        timestamptz   not null,
    input             text          not null,
    result            text          not null
);
create index saved_diagnosis_employer_idx on saved_diagnosis (employer_subject, created_at);

-- Search and request outcomes per place: counters only, no personal data. '' = not applicable.
create table search_outcome (
    zone_code         varchar(4)    not null,
    department_code   varchar(3)    not null,
    region_code       varchar(3)    not null,
    searches          bigint        not null default 0,
    unmet_searches    bigint        not null default 0,
    unmet_requests    bigint        not null default 0,
    primary key (zone_code, department_code, region_code)
);
create index search_outcome_department_idx on search_outcome (department_code);
create index search_outcome_region_idx on search_outcome (region_code);
