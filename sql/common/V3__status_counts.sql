-- Funnel statuses per time bucket of their provider time, for the overview's throughput chart: at 10 s and
-- at 1 min, so a chart of any range reads at most a few thousand rows instead of scanning status_events
-- (which has no time index: each index costs every write). Maintained by the writers in the batch's
-- transaction from the events they add (a repeat adds its count, as status_events.seen does).
CREATE TABLE status_counts (
    grain_ms     BIGINT      NOT NULL,
    bucket_start BIGINT      NOT NULL,
    status       VARCHAR(16) NOT NULL,
    events       BIGINT      NOT NULL,
    PRIMARY KEY (grain_ms, bucket_start, status)
);

INSERT INTO status_counts (grain_ms, bucket_start, status, events)
SELECT 10000, (observed_at / 10000) * 10000, status, SUM(seen) FROM status_events
WHERE status IN ('sent', 'delivered', 'read', 'failed') GROUP BY (observed_at / 10000) * 10000, status;

INSERT INTO status_counts (grain_ms, bucket_start, status, events)
SELECT 60000, (observed_at / 60000) * 60000, status, SUM(seen) FROM status_events
WHERE status IN ('sent', 'delivered', 'read', 'failed') GROUP BY (observed_at / 60000) * 60000, status;
