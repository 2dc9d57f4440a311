-- No query looks status_events up by request: the detail pane reads a message's events by message_id (the
-- primary key) and the request bodies by webhook_requests.id. The index cost a write per stored event into
-- a B-tree keyed by a random UUID: with one status per request, one more random page dirtied per status
-- (on H2 a copy-on-write page kept in the heap until its chunk is written).
DROP INDEX IF EXISTS status_events_request;
