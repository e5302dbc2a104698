-- Mail to people: a queue written in the transaction that decides to send (a consumer's, with its inbox
-- insert), drained by MailSender; and each person's mail settings (language, kinds turned off).

create table mail_message (
    id               bigint       generated always as identity primary key,
    -- One mail per key (the event id and the kind): a second enqueue of the same mail changes nothing.
    dedupe_key       varchar(200) not null unique,
    -- Whose mail it is (a practitioner id, an employer's subject): erasure deletes by owner.
    owner            varchar(255) not null,
    kind             varchar(40)  not null,
    -- Address and bodies are cleared once the mail is sent (or given up): only the trace stays.
    recipient        varchar(254),
    subject          varchar(300),
    text_body        text,
    html_body        text,
    message_id       varchar(100) not null,
    created_at       timestamptz  not null,
    next_attempt_at  timestamptz  not null,
    attempts         int          not null default 0,
    last_error       varchar(200),
    sent_at          timestamptz,
    given_up_at      timestamptz
);
create index mail_message_due_idx on mail_message (next_attempt_at) where sent_at is null and given_up_at is null;
create index mail_message_owner_idx on mail_message (owner);

create table mail_settings (
    owner        varchar(255) primary key,
    language     varchar(8)   not null default 'fr',
    muted_kinds  varchar(40)[] not null default '{}',
    updated_at   timestamptz  not null
);
