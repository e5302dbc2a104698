-- Registry numbers are handed out in blocks: each nextval reserves the 50 numbers from the value it
-- returns, which the instance then assigns from memory (RegistryNumbers reads the increment from
-- pg_sequences). Numbers stay unique across instances and are never reused; the unused rest of a
-- block is skipped when an instance stops, and instances interleave their blocks.
alter sequence registry_number_seq increment by 50;
