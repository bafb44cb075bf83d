-- Version 8: where an event's place comes from: "text" (its sentence names it), "context" (the
-- paragraph so far, or one a sentence points back to), "story" (the article's latest occurrence's town)
-- or "dateline". Events stored before have none
-- until `eventwire reprocess` extracts them again.

ALTER TABLE events ADD COLUMN place_source TEXT;
