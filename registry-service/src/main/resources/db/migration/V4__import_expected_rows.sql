-- The rows an import will process, counted before it writes any: the maximum of its progress.
alter table import_job add column expected_rows integer;
