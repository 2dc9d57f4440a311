-- Hourly status counts beside the 10 s and 1 min ones (V3__status_counts.sql): a chart of a week or more
-- (buckets of whole hours) reads a few hundred rows instead of forty thousand.
INSERT INTO status_counts (grain_ms, bucket_start, status, events)
SELECT 3600000, (bucket_start / 3600000) * 3600000, status, SUM(events) FROM status_counts
WHERE grain_ms = 60000 GROUP BY (bucket_start / 3600000) * 3600000, status;
