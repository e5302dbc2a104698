-- A list gives its indexes in the order of a secret permutation of its own (index = ((n * multiplier) mod
-- 131072) xor mask for its n-th entry, multiplier odd): unique by construction, so a grant takes its entry
-- with one short update of the list's counter instead of holding the list's row until it commits.
-- Lists opened before took random indexes: they take no new entries.
alter table status_list add column multiplier integer;
alter table status_list add column mask integer;
alter table status_list add constraint status_list_permutation
    check (multiplier is null or (multiplier % 2 = 1 and multiplier between 1 and 131071 and mask between 0 and 131071));
