-- Version 4: the digests of raw articles already read, so that a run skips an article it was given before
-- (a feed fetched again, an archive that overlaps an earlier one) without cleaning and parsing it again.

CREATE TABLE read_digests (
    digest  TEXT PRIMARY KEY,  -- sha256 of the raw article: text, title, date, language and captions
    article TEXT NOT NULL      -- id of the article it gave
);
