-- Version 6: the ACLED coding of an event beyond its types (disorder type, actors with their inter codes,
-- interaction, civilian targeting, geo precision), as the JSON object of the document's `acled` less
-- `event_type` and `sub_event_type`; a merged event keeps its members' most common coding. Events stored
-- before have none until `eventwire reprocess` extracts them again.

ALTER TABLE events ADD COLUMN acled_coding TEXT;
ALTER TABLE merged_events ADD COLUMN acled_coding TEXT;
