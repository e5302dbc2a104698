-- The employer's own address, from their signed-in account when they send a request: orientation-service
-- mails them the answer (accepted, declined, expired), with a link to read it on the platform.
alter table orientation_request add column employer_email varchar(254);
