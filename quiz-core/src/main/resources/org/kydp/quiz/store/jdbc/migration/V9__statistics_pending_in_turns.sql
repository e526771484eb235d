-- The starts and finishes not summed yet go to two tables in turn (stats_pending_a, stats_pending_b), and a summed
-- row is marked (summed), not deleted: a table is emptied whole (TRUNCATE) once it is no longer the one written to
-- and every row in it is summed. H2 2.5.252 leaves pages of rows deleted in a transaction counted as live, so that
-- deleting each row within a second, as V8's stats_pending was used, kept the file from being compacted (README,
-- "Benchmarks", Storage); emptying a table whole drops its storage instead. The rows V8 left pending stay pending,
-- in stats_pending_a, the table written to first.
ALTER TABLE stats_pending RENAME TO stats_pending_a;
ALTER TABLE stats_pending_a ADD COLUMN summed BOOLEAN DEFAULT FALSE NOT NULL;
CREATE TABLE stats_pending_b (
    attempt_id VARCHAR(64) NOT NULL,
    part       CHAR(1)     NOT NULL,
    at_ms      BIGINT      NOT NULL,
    summed     BOOLEAN     DEFAULT FALSE NOT NULL,
    CONSTRAINT stats_pending_b_pk PRIMARY KEY (attempt_id, part)
);

-- Which of the two tables the starts and finishes go to ('a' or 'b'), and since when (ms since 1970), as one row.
CREATE TABLE stats_pending_turn (
    turn     CHAR(1) NOT NULL,
    since_ms BIGINT  NOT NULL
);
INSERT INTO stats_pending_turn (turn, since_ms) VALUES ('a', 0);
