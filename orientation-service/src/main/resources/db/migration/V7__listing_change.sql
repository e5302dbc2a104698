-- The practitioners whose listing row changed at each read-model version (null: all of them, after a
-- rebuild), written with the version's bump. An instance's in-memory index of the listing
-- (ListingIndex) goes from the version it holds to the one a search reads by reading again only those
-- rows. Rows older than 10 000 versions are deleted.
create table listing_change (
    version          bigint  not null,
    practitioner_id  uuid
);
create index listing_change_version_idx on listing_change (version);
