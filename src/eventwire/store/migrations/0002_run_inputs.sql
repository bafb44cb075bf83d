-- Version 2: the inputs resumable runs have finished (see run/resume.py), until now created by the run
-- itself; a store that ran `eventwire run` already has the table, so it is created only when missing.

CREATE TABLE IF NOT EXISTS run_inputs (
    input     TEXT PRIMARY KEY,  -- the reader's label: path, path:line or path#record id
    signature TEXT NOT NULL,     -- "size:mtime_ns" of the file when it was read
    article   TEXT NOT NULL,     -- id of the article the input gave
    at        TEXT NOT NULL      -- when it was finished (UTC)
);
