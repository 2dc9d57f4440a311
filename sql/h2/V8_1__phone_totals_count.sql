-- H2: count the phones of the messages already stored (see sql/common/V8__phone_totals.sql). One process owns
-- an H2 file and Flyway migrates before the writer starts, so nothing can be written in between.
INSERT INTO phone_totals (phone, messages, sent, delivered, read_count, failed, last_activity)
SELECT m.phone, COUNT(*),
    SUM(CASE WHEN m.sent_at IS NOT NULL OR m.delivered_at IS NOT NULL THEN 1 ELSE 0 END),
    SUM(CASE WHEN m.delivered_at IS NOT NULL THEN 1 ELSE 0 END),
    SUM(CASE WHEN m.read_at IS NOT NULL THEN 1 ELSE 0 END),
    SUM(CASE WHEN m.failed_at IS NOT NULL THEN 1 ELSE 0 END),
    MAX(m.last_received)
FROM messages m WHERE m.phone IS NOT NULL GROUP BY m.phone;
