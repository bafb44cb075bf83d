-- Version 5: what re-extraction needs (see run/reprocess.py). The raw article each stored article was made
-- from, and the extractor that made its findings, so that a store made by an older extractor can say so and
-- `eventwire reprocess` can run the pipeline again. Articles stored before keep no raw article (reprocess
-- rebuilds one from the cleaned article) and take the extractor their events were stamped with.

ALTER TABLE articles ADD COLUMN extractor TEXT;
UPDATE articles SET extractor = (SELECT max(extractor) FROM events WHERE events.article = articles.rid);

CREATE TABLE raw_articles (
    article   INTEGER PRIMARY KEY REFERENCES articles (rid) ON DELETE CASCADE,
    text      TEXT NOT NULL,     -- the reader's text, before cleaning
    title     TEXT,
    published TEXT,
    own_date  INTEGER NOT NULL,  -- 1 when the input carried `published`, 0 when it came from --published
    language  TEXT,
    captions  TEXT NOT NULL      -- JSON list of the reader's captions
);
