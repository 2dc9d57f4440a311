-- H2 only: reserve identity values 100,000 at a time instead of H2's default 32.
--
-- H2 keeps a sequence's high-water mark in its meta table and rewrites (and commits) it whenever the
-- reserved range runs out: with 32, that was about once per group commit of the writer and ~9 % of the
-- store's write time (JFR, batches of 32 statuses). The mark is written and committed, in the system
-- session, before the first value of a new range is handed out, and H2 reopens a sequence at that mark;
-- since the MVStore persists commits in order, no file state can hold a row with a value beyond a mark it
-- does not also hold. So a kill -9 cannot make H2 hand out a value twice (and the unique index on
-- messages.seq would refuse the row if it did): it can only leave a gap of up to one range. A clean
-- close writes the exact value back, leaving no gap.
--
-- Gaps are harmless here: messages.seq only orders "newest first" and rejected_items.id only names a row.
-- PostgreSQL keeps its own defaults (not measured here; its writers are several processes anyway).
ALTER TABLE messages ALTER COLUMN seq SET CACHE 100000;
ALTER TABLE rejected_items ALTER COLUMN id SET CACHE 100000;
