-- The version of the published listing: one row, bumped in the same transaction as every change to
-- table listing (event handlers, rebuild). Search answers, their aggregates and their ETags are
-- cached per version, so a change is visible to the next search and a 304 needs no query of the
-- listing. It starts at the creation time in milliseconds rather than 0 so that the ETags of a
-- database created anew do not repeat those of an earlier one.
create table read_model_version (
    id       int     primary key check (id = 1),
    version  bigint  not null
);
insert into read_model_version (id, version)
values (1, (extract(epoch from clock_timestamp()) * 1000)::bigint);
