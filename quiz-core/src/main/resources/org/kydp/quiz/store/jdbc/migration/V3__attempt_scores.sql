-- A finished attempt keeps its score (the sum of its answers' points), written with its finish, so that the
-- leaderboards are rebuilt at start from one row per attempt instead of every answer ever given.
ALTER TABLE attempts ADD COLUMN score INTEGER;

UPDATE attempts SET score = (SELECT COALESCE(SUM(n.points), 0) FROM answers n WHERE n.attempt_id = attempts.attempt_id)
WHERE finished_at_ms IS NOT NULL;
