-- The phones table's figures, maintained per phone, so the Phones view on "All" and GET /api/phones read a few
-- thousand small rows instead of grouping every message (2.0-3.3 s for 1,000,000 messages on H2).
--
-- A row holds what the messages of that phone add up to: messages, sent, delivered, read_count, failed
-- (counted as FORMATS.md §3.9, FUNNEL_SUMS and funnel_minutes count them), and last_activity, the latest
-- server receipt (messages.last_received) of any message while it belonged to the phone. Messages without a
-- phone are not counted.
--
-- A message changes phone when an earlier observation brings another one (FORMATS.md §3.7): its figures
-- move from the old phone to the new one. last_activity only ever grows: a phone that lost a message keeps
-- the time it was last heard of (a GROUP BY over messages would forget it), and a phone that lost every
-- message keeps a row with messages = 0, which readers skip (so the rows read match a GROUP BY over
-- messages). io.tickwatch.store.PhoneTotals reads and writes these tables; PhoneTotalsTest holds them
-- to a GROUP BY over messages.
--
-- H2: the single writer computes each batch's change per phone in Java and adds it to phone_totals in the
-- same transaction. PostgreSQL: triggers on messages append each statement's change to phone_deltas (no
-- shared row, so concurrent writers never wait for each other); writers fold the deltas into phone_totals
-- with the funnel's (every few seconds); readers add both tables up.
--
-- The initial count of existing messages is in the vendor migrations V8_1: PostgreSQL must count under the
-- same lock that installs its triggers, or a writer of another process could commit in between uncounted.
CREATE TABLE phone_totals (
    phone         VARCHAR(24) NOT NULL PRIMARY KEY,
    messages      BIGINT      NOT NULL,
    sent          BIGINT      NOT NULL,
    delivered     BIGINT      NOT NULL,
    read_count    BIGINT      NOT NULL,
    failed        BIGINT      NOT NULL,
    last_activity BIGINT      NOT NULL
);

-- PostgreSQL only (empty on H2): one row per phone per statement, negative for what a message took away.
-- No index: it is only ever read whole (readers, and the fold that empties it).
CREATE TABLE phone_deltas (
    phone         VARCHAR(24) NOT NULL,
    messages      BIGINT      NOT NULL,
    sent          BIGINT      NOT NULL,
    delivered     BIGINT      NOT NULL,
    read_count    BIGINT      NOT NULL,
    failed        BIGINT      NOT NULL,
    last_activity BIGINT      NOT NULL
);
