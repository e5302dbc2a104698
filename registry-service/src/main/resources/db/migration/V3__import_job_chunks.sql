-- The uploaded file of an import, in chunks of bytes (registry.import-jobs.chunk-bytes) kept until the job is
-- done: a request and a job hold one chunk at a time instead of the whole file (and its copies) in one piece.
create table import_job_chunk (
    job_id uuid    not null references import_job (id) on delete cascade,
    seq    integer not null,
    data   bytea   not null,
    primary key (job_id, seq)
);

insert into import_job_chunk (job_id, seq, data)
    select id, 0, convert_to(content, 'UTF8') from import_job where content is not null;

alter table import_job drop column content;

-- The charset the file was sent in (the Content-Type's charset parameter), to decode the stored bytes.
alter table import_job add column charset varchar(40) not null default 'UTF-8';
