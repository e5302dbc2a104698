-- registry-service schema

create sequence registry_number_seq start with 1;

create table practitioner (
    id                 uuid         primary key,
    registry_number    varchar(20)  not null unique,
    subject            varchar(255) unique,
    status             varchar(20)  not null,
    given_name         varchar(100),
    family_name        varchar(100),
    birth_date         date,
    email              varchar(254),
    phone              varchar(16),
    commune_code       varchar(5),
    department_code    varchar(3),
    region_code        varchar(3),
    zone_code          varchar(4),
    domains            varchar(40)[] not null default '{}',
    appellations       varchar(40)[] not null default '{}',
    modes              varchar(40)[] not null default '{}',
    siret              varchar(14),
    employer_name      varchar(200),
    formats            varchar(40)[] not null default '{}',
    languages          varchar(40)[] not null default '{}',
    remote             boolean      not null default false,
    core_complete      boolean      not null default false,
    core_completed_at  timestamptz,
    registered_at      timestamptz  not null,
    updated_at         timestamptz  not null,
    withdrawn_at       timestamptz,
    version            bigint       not null default 0
);
create unique index practitioner_email_uk on practitioner (lower(email)) where email is not null;
create index practitioner_zone_idx on practitioner (zone_code);
create index practitioner_department_idx on practitioner (department_code);
create index practitioner_family_name_idx on practitioner (lower(family_name));

-- Consents to publication in orientation: versioned, each version immutable.
create table consent (
    practitioner_id    uuid         not null references practitioner (id),
    version            int          not null,
    listed             boolean      not null,
    domains            boolean      not null,
    appellations       boolean      not null,
    formats            boolean      not null,
    languages          boolean      not null,
    commune            boolean      not null,
    contact            boolean      not null,
    given_at           timestamptz  not null,
    given_by           varchar(255) not null,
    primary key (practitioner_id, version)
);

-- Training module completions and prior-experience recognitions (VAE).
create table training_record (
    id                  uuid         primary key,
    practitioner_id     uuid         not null references practitioner (id),
    kind                varchar(20)  not null,
    module_codes        varchar(40)[]       not null,
    catalogue_version   varchar(20)  not null,
    achieved_on         date         not null,
    training_body_name  varchar(200),
    training_body_siret varchar(14),
    evidence_reference  varchar(200) not null,
    delivery            varchar(20),
    decided_by          varchar(255),
    recorded_at         timestamptz  not null,
    recorded_by         varchar(255) not null
);
create index training_record_practitioner_idx on training_record (practitioner_id);

-- Bulk imports: one job per uploaded CSV; rejected rows keep line numbers and reasons, never values.
create table import_job (
    id            uuid         primary key,
    status        varchar(20)  not null,
    submitted_by  varchar(255) not null,
    submitted_at  timestamptz  not null,
    finished_at   timestamptz,
    total_rows    int          not null default 0,
    imported_rows int          not null default 0,
    rejected_rows int          not null default 0,
    rejections    jsonb        not null default '[]'
);

-- The uploaded file of an import, kept until the job is done so that an interrupted job resumes.
alter table import_job add column content text;
alter table import_job add column next_line bigint not null default 2;
