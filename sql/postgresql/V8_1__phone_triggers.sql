-- PostgreSQL: every statement that inserts or updates messages appends what it changed per phone (new rows
-- counted +1, the rows they replaced -1) to phone_deltas; see sql/common/V8__phone_totals.sql. As for the
-- funnel (V2_1__funnel_triggers.sql), the transition tables hold exactly the row versions the statement
-- wrote and replaced, after waiting for any concurrent writer of the same row, so the deltas stay exact with
-- several writers on one database. A replaced row's last_received is no older than what its phone already
-- holds (it was counted when the row was written), so taking the greatest of both sides changes nothing
-- for the phone a message left.
--
-- Writers of other processes may be running: the lock keeps their changes out until the triggers exist and
-- the messages already stored are counted (readers are not blocked), so no change is counted twice or lost.
LOCK TABLE messages IN SHARE ROW EXCLUSIVE MODE;

CREATE FUNCTION tickwatch_phones_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO phone_deltas (phone, messages, sent, delivered, read_count, failed, last_activity)
    SELECT m.phone, COUNT(*),
        SUM(CASE WHEN m.sent_at IS NOT NULL OR m.delivered_at IS NOT NULL THEN 1 ELSE 0 END),
        SUM(CASE WHEN m.delivered_at IS NOT NULL THEN 1 ELSE 0 END),
        SUM(CASE WHEN m.read_at IS NOT NULL THEN 1 ELSE 0 END),
        SUM(CASE WHEN m.failed_at IS NOT NULL THEN 1 ELSE 0 END),
        MAX(m.last_received)
    FROM new_rows m WHERE m.phone IS NOT NULL GROUP BY m.phone;
    RETURN NULL;
END
$$;

CREATE FUNCTION tickwatch_phones_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO phone_deltas (phone, messages, sent, delivered, read_count, failed, last_activity)
    SELECT phone, SUM(messages), SUM(sent), SUM(delivered), SUM(read_count), SUM(failed), MAX(last_activity)
    FROM (SELECT m.phone, 1 AS messages,
            CASE WHEN m.sent_at IS NOT NULL OR m.delivered_at IS NOT NULL THEN 1 ELSE 0 END AS sent,
            CASE WHEN m.delivered_at IS NOT NULL THEN 1 ELSE 0 END AS delivered,
            CASE WHEN m.read_at IS NOT NULL THEN 1 ELSE 0 END AS read_count,
            CASE WHEN m.failed_at IS NOT NULL THEN 1 ELSE 0 END AS failed,
            m.last_received AS last_activity
        FROM new_rows m WHERE m.phone IS NOT NULL
        UNION ALL
        SELECT m.phone, -1 AS messages,
            CASE WHEN m.sent_at IS NOT NULL OR m.delivered_at IS NOT NULL THEN -1 ELSE 0 END AS sent,
            CASE WHEN m.delivered_at IS NOT NULL THEN -1 ELSE 0 END AS delivered,
            CASE WHEN m.read_at IS NOT NULL THEN -1 ELSE 0 END AS read_count,
            CASE WHEN m.failed_at IS NOT NULL THEN -1 ELSE 0 END AS failed,
            m.last_received AS last_activity
        FROM old_rows m WHERE m.phone IS NOT NULL) c
    GROUP BY phone;
    RETURN NULL;
END
$$;

CREATE TRIGGER messages_phones_inserted AFTER INSERT ON messages
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tickwatch_phones_inserted();
CREATE TRIGGER messages_phones_updated AFTER UPDATE ON messages
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tickwatch_phones_updated();

INSERT INTO phone_totals (phone, messages, sent, delivered, read_count, failed, last_activity)
SELECT m.phone, COUNT(*),
    SUM(CASE WHEN m.sent_at IS NOT NULL OR m.delivered_at IS NOT NULL THEN 1 ELSE 0 END),
    SUM(CASE WHEN m.delivered_at IS NOT NULL THEN 1 ELSE 0 END),
    SUM(CASE WHEN m.read_at IS NOT NULL THEN 1 ELSE 0 END),
    SUM(CASE WHEN m.failed_at IS NOT NULL THEN 1 ELSE 0 END),
    MAX(m.last_received)
FROM messages m WHERE m.phone IS NOT NULL GROUP BY m.phone;
