-- PostgreSQL only: the table layout of the original guide, as a view over the merged messages, so the
-- analytics SQL users already have (written with status ? 'delivered' and status->>'read') runs unchanged.
-- Numbered 1_1 so that vendor migrations stay between the shared ones they build on (a later shared V2
-- still sorts after it).
--
-- status holds only the funnel statuses actually known: sent, delivered (also when only inferred from
-- read, FORMATS.md §3.5), read, failed, each the earliest time as ISO-8601 UTC with milliseconds and a Z
-- ('2023-12-10T11:30:00.000Z'). A cast to timestamptz reads it as UTC; a cast to timestamp gives the UTC
-- wall-clock time; neither depends on the session's TimeZone. No key is invented: a message whose 'sent'
-- was never reported has no 'sent' key, so the guide's "delivered / sent" can differ from /api/funnel,
-- which counts delivered or read messages as sent.
CREATE FUNCTION tickwatch_iso_utc(epoch_millis BIGINT) RETURNS TEXT
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    -- integer arithmetic on a zone-less timestamp: exact to the millisecond, no session TimeZone involved
    AS $$ SELECT to_char(TIMESTAMP 'epoch' + epoch_millis * INTERVAL '1 millisecond', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') $$;

CREATE VIEW broadcasts_messages AS
SELECT m.id                                   AS message_id,
       m.phone                                AS phone_number,
       jsonb_strip_nulls(jsonb_build_object(
           'sent',      tickwatch_iso_utc(m.sent_at),
           'delivered', tickwatch_iso_utc(m.delivered_at),
           'read',      tickwatch_iso_utc(m.read_at),
           'failed',    tickwatch_iso_utc(m.failed_at)))  AS status,
       TIMESTAMPTZ 'epoch' + m.first_received * INTERVAL '1 millisecond' AS created_at,  -- Tickwatch first heard of it
       TIMESTAMPTZ 'epoch' + m.last_received * INTERVAL '1 millisecond'  AS updated_at   -- Tickwatch last heard of it
FROM messages m;
