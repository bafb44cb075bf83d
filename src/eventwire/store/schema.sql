-- eventwire store, the current schema (version 8): articles and everything found in them, events merged
-- across articles, and the inputs of resumable runs.
-- Rows of one article are written in one transaction; an article is never written twice (idempotent by id).
-- `rid` columns are the store's own integer keys; `local_id` keeps the document's ids ("e1", "p3", "ev1").
-- A new store is made from this file. A store of an earlier version is brought up to date by the
-- migrations (store/migrations/NNNN_*.sql, NNNN the version it makes), applied in order by store/db.py;
-- every change goes both here and into a new migration.

CREATE TABLE schema_version (
    version    INTEGER NOT NULL,
    applied_at TEXT NOT NULL
);

CREATE TABLE articles (
    rid           INTEGER PRIMARY KEY,
    id            TEXT NOT NULL UNIQUE,           -- "sha256:…", the hash of the cleaned text
    title         TEXT,
    published     TEXT,                           -- YYYY-MM-DD or NULL
    language      TEXT NOT NULL,
    source_path   TEXT,
    source_id     TEXT,
    source_url    TEXT,
    source_format TEXT,
    text          TEXT NOT NULL,
    doc           TEXT NOT NULL,                  -- the eventwire.document/1 JSON with "text" emptied (stored once)
    ingested_at   TEXT NOT NULL,
    extractor     TEXT                            -- the extractor that made its findings (NULL: unknown)
);
CREATE INDEX articles_published ON articles (published);

CREATE TABLE paragraphs (
    article INTEGER NOT NULL REFERENCES articles (rid) ON DELETE CASCADE,
    idx     INTEGER NOT NULL,
    kind    TEXT NOT NULL,
    start   INTEGER NOT NULL,
    "end"   INTEGER NOT NULL,
    PRIMARY KEY (article, idx)
);

CREATE TABLE entities (
    rid        INTEGER PRIMARY KEY,
    article    INTEGER NOT NULL REFERENCES articles (rid) ON DELETE CASCADE,
    local_id   TEXT NOT NULL,
    name       TEXT NOT NULL,
    type       TEXT NOT NULL,
    roles      TEXT NOT NULL,                     -- JSON list
    attributes TEXT NOT NULL,                     -- JSON object
    UNIQUE (article, local_id)
);
CREATE INDEX entities_name ON entities (name COLLATE NOCASE, type);

CREATE TABLE places (
    rid          INTEGER PRIMARY KEY,
    article      INTEGER NOT NULL REFERENCES articles (rid) ON DELETE CASCADE,
    local_id     TEXT NOT NULL,
    name         TEXT NOT NULL,
    geonameid    INTEGER,
    lat          REAL,
    lon          REAL,
    country_code TEXT,
    admin1       TEXT,
    feature      TEXT NOT NULL,                   -- city|admin1|country|region|other
    UNIQUE (article, local_id)
);
CREATE INDEX places_name ON places (name COLLATE NOCASE);
CREATE INDEX places_lat_lon ON places (lat, lon);          -- `near`: the bounding box before the distance

CREATE TABLE mentions (
    article INTEGER NOT NULL REFERENCES articles (rid) ON DELETE CASCADE,
    entity  INTEGER REFERENCES entities (rid) ON DELETE CASCADE,
    place   INTEGER REFERENCES places (rid) ON DELETE CASCADE,
    start   INTEGER NOT NULL,
    "end"   INTEGER NOT NULL,
    text    TEXT NOT NULL,
    CHECK ((entity IS NULL) != (place IS NULL))
);
CREATE INDEX mentions_entity ON mentions (entity);
CREATE INDEX mentions_place ON mentions (place);

CREATE TABLE times (
    article     INTEGER NOT NULL REFERENCES articles (rid) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL,
    text        TEXT NOT NULL,
    value       TEXT,
    precision   TEXT,
    range_start TEXT,
    range_end   TEXT
);
CREATE INDEX times_article ON times (article);

CREATE TABLE quantities (
    article   INTEGER NOT NULL REFERENCES articles (rid) ON DELETE CASCADE,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    text      TEXT NOT NULL,
    value     REAL,
    unit      TEXT,
    qualifier TEXT NOT NULL
);
CREATE INDEX quantities_article ON quantities (article);

-- Merged events: one row per real-world occurrence, summarizing its member events (see store/merge_across.py).
CREATE TABLE merged_events (
    rid            INTEGER PRIMARY KEY,
    type           TEXT NOT NULL,
    mode           TEXT,
    context        TEXT NOT NULL,                 -- JSON list, the union of the members'
    actor_name     TEXT,
    actor_text     TEXT,
    recipient_name TEXT,
    recipient_text TEXT,
    place          INTEGER REFERENCES places (rid),  -- the most precise member place
    date           TEXT,
    date_precision TEXT,
    date_end       TEXT,
    day_start      TEXT,                          -- the date as a range of days, for filters and merging
    day_end        TEXT,
    status         TEXT NOT NULL,
    dead           INTEGER,                       -- the largest member figure (figures are lower bounds)
    injured        INTEGER,
    arrested       INTEGER,
    count          INTEGER,
    acled_event_type     TEXT,
    acled_sub_event_type TEXT,
    confidence     REAL NOT NULL,
    sources        INTEGER NOT NULL,              -- distinct articles reporting it
    members        INTEGER NOT NULL,              -- member events
    acled_coding   TEXT                           -- JSON: the members' most common ACLED coding
);
CREATE INDEX merged_events_type_day ON merged_events (type, day_start, day_end);
CREATE INDEX merged_events_latest ON merged_events (day_end, rid);

CREATE TABLE events (
    rid            INTEGER PRIMARY KEY,
    article        INTEGER NOT NULL REFERENCES articles (rid) ON DELETE CASCADE,
    local_id       TEXT NOT NULL,
    type           TEXT NOT NULL,
    mode           TEXT,
    context        TEXT NOT NULL,                 -- JSON list
    actor_text     TEXT,
    actor_entity   TEXT,                          -- the document's entity id ("e7")
    actor_name     TEXT,
    recipient_text TEXT,
    recipient_entity TEXT,
    recipient_name TEXT,
    place          INTEGER REFERENCES places (rid),
    date           TEXT,
    date_precision TEXT,
    date_end       TEXT,
    day_start      TEXT,
    day_end        TEXT,
    status         TEXT NOT NULL,
    dead           INTEGER,
    injured        INTEGER,
    arrested       INTEGER,
    count          INTEGER,
    acled_event_type     TEXT,
    acled_sub_event_type TEXT,
    confidence     REAL NOT NULL,
    extractor      TEXT,
    merged         INTEGER REFERENCES merged_events (rid),
    acled_coding   TEXT,                          -- JSON: the document's acled less its two types
    date_source    TEXT,                          -- text | publication | story | fallback
    place_source   TEXT,                          -- text | context | story | dateline
    UNIQUE (article, local_id)
);
CREATE INDEX events_type_day ON events (type, day_start, day_end);
CREATE INDEX events_latest ON events (day_end, rid);
CREATE INDEX events_days ON events (day_start, day_end);     -- counting a date window
CREATE INDEX events_merged ON events (merged);
CREATE INDEX events_place ON events (place);

CREATE TABLE evidence (
    rid       INTEGER PRIMARY KEY,
    event     INTEGER NOT NULL REFERENCES events (rid) ON DELETE CASCADE,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL,
    text      TEXT NOT NULL,
    paragraph INTEGER
);
CREATE INDEX evidence_event ON evidence (event);

CREATE TABLE claims (
    event   INTEGER NOT NULL REFERENCES events (rid) ON DELETE CASCADE,
    speaker TEXT NOT NULL,
    stance  TEXT NOT NULL                        -- assert|deny|hedge
);
CREATE INDEX claims_event ON claims (event);

CREATE TABLE flags (
    rid      INTEGER PRIMARY KEY,
    article  INTEGER NOT NULL REFERENCES articles (rid) ON DELETE CASCADE,
    kind     TEXT NOT NULL,
    message  TEXT NOT NULL,
    evidence TEXT NOT NULL                        -- JSON list of spans
);
CREATE INDEX flags_article ON flags (article);

-- Full-text search over article titles and text, and over event evidence (external content: no copy).
CREATE VIRTUAL TABLE articles_fts USING fts5 (title, text, content = 'articles', content_rowid = 'rid');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.rid, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.rid, old.title, old.text);
END;

CREATE VIRTUAL TABLE evidence_fts USING fts5 (text, content = 'evidence', content_rowid = 'rid');
CREATE TRIGGER evidence_fts_insert AFTER INSERT ON evidence BEGIN
    INSERT INTO evidence_fts (rowid, text) VALUES (new.rid, new.text);
END;
CREATE TRIGGER evidence_fts_delete AFTER DELETE ON evidence BEGIN
    INSERT INTO evidence_fts (evidence_fts, rowid, text) VALUES ('delete', old.rid, old.text);
END;

-- Inputs that resumable runs finished (see run/resume.py); a rerun skips them while the file is unchanged.
CREATE TABLE run_inputs (
    input     TEXT PRIMARY KEY,  -- the reader's label: path, path:line or path#record id
    signature TEXT NOT NULL,     -- "size:mtime_ns" of the file when it was read
    article   TEXT NOT NULL,     -- id of the article the input gave
    at        TEXT NOT NULL      -- when it was finished (UTC)
);

-- Raw articles runs have read (see run/resume.py): an input whose raw article is the same, field for field,
-- as one that gave a stored article is counted as a duplicate without being processed again.
CREATE TABLE read_digests (
    digest  TEXT PRIMARY KEY,  -- sha256 of the raw article: text, title, date, language and captions
    article TEXT NOT NULL      -- id of the article it gave
);

-- The raw article each stored article was made from, for `eventwire reprocess` (see run/reprocess.py).
CREATE TABLE raw_articles (
    article   INTEGER PRIMARY KEY REFERENCES articles (rid) ON DELETE CASCADE,
    text      TEXT NOT NULL,     -- the reader's text, before cleaning
    title     TEXT,
    published TEXT,
    own_date  INTEGER NOT NULL,  -- 1 when the input carried `published`, 0 when it came from --published
    language  TEXT,
    captions  TEXT NOT NULL      -- JSON list of the reader's captions
);
