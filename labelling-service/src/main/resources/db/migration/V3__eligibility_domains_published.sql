-- Lived-experience domains are health data: the public verification shows a label's domains only when its
-- holder consented to publish them (the registry's publication carries domains). Until a practitioner's next
-- registry event says so, nothing is published.
alter table practitioner_eligibility add column domains_published boolean not null default false;

-- A change of that consent, like a change of the public name, drops the cached verification answers.
drop trigger label_holder_renamed on practitioner_eligibility;
create trigger label_holder_renamed
    after update on practitioner_eligibility
    for each row when (old.public_name is distinct from new.public_name
        or old.domains_published is distinct from new.domains_published)
    execute function label_holder_changed_notify();
