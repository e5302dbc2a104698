-- The organisation a practitioner practises in, as far as they consented to publish it (publication.organisation
-- of registry.practitioner): the SIRET when self-employed, the employer's name when salaried. The data·inclusion
-- export makes it the structure of their service.
alter table registry_state add column siret varchar(14), add column employer_name varchar(200);
alter table listing add column siret varchar(14), add column employer_name varchar(200);
