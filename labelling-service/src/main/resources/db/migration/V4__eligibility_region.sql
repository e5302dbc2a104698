-- The region a practitioner practises in (from the registry's events): the regulator's queue filters by it.
alter table practitioner_eligibility add column region_code varchar(3);
