-- Version 3: indexes for the event filters. `near` picks places by a bounding box on (lat, lon) before
-- the exact distance; a date window (`since`, `until`) is counted from (day_start, day_end) alone.

CREATE INDEX places_lat_lon ON places (lat, lon);
CREATE INDEX events_days ON events (day_start, day_end);
