-- Open Badges 3.0 credentials of labels, their signing keys and their W3C Bitstring Status Lists.

-- RSA keys signing credentials and status lists (RS256). The last created (highest generation) is
-- current; older ones stay published in the JWKS so that credentials they signed still verify.
create table credential_key (
    generation  bigint       generated always as identity primary key,
    key_id      varchar(64)  not null unique,
    private_jwk text         not null,
    created_at  timestamptz  not null
);

-- One status list of 131 072 entries serves both purposes (revocation and suspension): a credential
-- holds the same index in the revocation list and in the suspension list of the same number.
create table status_list (
    id          integer      primary key,
    allocated   integer      not null default 0,
    version     bigint       not null default 0,
    updated_at  timestamptz  not null
);

-- A credential issued for a label (at grant and at each renewal). The row stays for ever so that its
-- status index is never given to another credential; the JWT is erased when the holder withdraws.
create table label_credential (
    id            uuid         primary key,
    label_id      uuid         not null references label (id),
    key_id        varchar(64)  not null,
    issued_at     timestamptz  not null,
    valid_until   timestamptz  not null,
    status_list   integer      not null references status_list (id),
    status_index  integer      not null check (status_index >= 0 and status_index < 131072),
    revoked       boolean      not null default false,
    suspended     boolean      not null default false,
    jwt           text,
    unique (status_list, status_index)
);
create index label_credential_label on label_credential (label_id);
