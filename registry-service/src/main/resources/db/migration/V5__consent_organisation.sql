-- Consent to publish the organisation the practitioner practises in (their SIRET when self-employed, their
-- employer's name when salaried). Versions given before it existed did not publish it.
alter table consent add column organisation boolean not null default false;
