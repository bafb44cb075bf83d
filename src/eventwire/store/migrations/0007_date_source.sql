-- Version 7: where an event's date comes from: "text" (the article gives it), "publication" (the
-- publication day of a report of what has just happened) or "fallback" (the publication month). Merging
-- across articles ties two events by a date only when the text gave at least one of them. Events stored
-- before have none until `eventwire reprocess` extracts them again.

ALTER TABLE events ADD COLUMN date_source TEXT;
