-- One PostgreSQL server, one database and one owner role per service (database-per-service).
-- Runs once, when the data volume is empty (docker-entrypoint-initdb.d).
-- Local passwords only: never reuse them outside a laptop.
create role registry    login password 'registry';
create role labelling   login password 'labelling';
create role orientation login password 'orientation';
create database registry    owner registry;
create database labelling   owner labelling;
create database orientation owner orientation;

-- Change data capture option (compose profile "cdc"): Debezium reads the WAL as a replication
-- role; membership in the owner roles lets it create the publication on outbox_event.
create role debezium login replication password 'debezium';
grant registry, labelling, orientation to debezium;
