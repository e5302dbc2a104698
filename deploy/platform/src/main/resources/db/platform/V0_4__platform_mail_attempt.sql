-- A mail being handed to the SMTP server: committed before the hand-over, deleted in the transaction
-- that records its outcome. A row found by the next attempt means the sender died in between, so the
-- mail may have reached its address already: that attempt is counted in attempts_in_doubt.
create table mail_attempt (
    mail_id     bigint      primary key,
    started_at  timestamptz not null
);

-- Attempts whose outcome the sender could not know (it died, or the connection broke after the hand-over):
-- the mail may have arrived once more, always with the same Message-ID.
alter table mail_message add column attempts_in_doubt int not null default 0;
