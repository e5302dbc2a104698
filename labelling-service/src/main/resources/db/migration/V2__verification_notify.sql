-- Each instance caches what the public verification reads of a label (VerificationCache). Every change
-- of a label, and of its holder's public name, is announced to all instances when, and only if, its
-- transaction commits: channel label_changed carries the label number, label_holder_changed the
-- practitioner id.
create function label_changed_notify() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        perform pg_notify('label_changed', old.number);
    else
        perform pg_notify('label_changed', new.number);
    end if;
    return null;
end
$$;

create trigger label_changed
    after insert or update or delete on label
    for each row execute function label_changed_notify();

create function label_holder_changed_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('label_holder_changed', old.practitioner_id::text);
    return null;
end
$$;

create trigger label_holder_renamed
    after update on practitioner_eligibility
    for each row when (old.public_name is distinct from new.public_name)
    execute function label_holder_changed_notify();

create trigger label_holder_deleted
    after delete on practitioner_eligibility
    for each row execute function label_holder_changed_notify();
