-- Each attempt has its number among its player's attempts at its quiz (1, 2, …), unique per player and quiz. An
-- attempt is added with the next number, in a statement that adds it only while the player has fewer attempts than
-- the quiz allows: two servers starting an attempt for one player at the same instant cannot both add the same
-- number, so a quiz's limit of attempts holds for every server on the database.
ALTER TABLE attempts ADD COLUMN attempt_number INTEGER;

UPDATE attempts SET attempt_number = (SELECT COUNT(*) FROM attempts b
    WHERE b.player_id = attempts.player_id AND b.quiz_id = attempts.quiz_id
      AND (b.started_at_ms < attempts.started_at_ms
           OR (b.started_at_ms = attempts.started_at_ms AND b.attempt_id <= attempts.attempt_id)));

ALTER TABLE attempts ALTER COLUMN attempt_number SET NOT NULL;
ALTER TABLE attempts ADD CONSTRAINT attempts_number_uq UNIQUE (player_id, quiz_id, attempt_number);
DROP INDEX attempts_player_quiz_ix;
