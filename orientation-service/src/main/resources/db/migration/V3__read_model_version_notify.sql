-- Every instance keeps the version of the listing in memory (ReadModelVersion) instead of reading it
-- for each search: a change of the version is announced on channel read_model_version, which
-- PostgreSQL delivers to the listeners when, and only if, the transaction that bumped it commits.
create function read_model_version_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('read_model_version', new.version::text);
    return new;
end
$$;

create trigger read_model_version_changed
    after update on read_model_version
    for each row execute function read_model_version_notify();
