-- The schema of kydp-quiz. Written in SQL that PostgreSQL and H2 (MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE)
-- both run: no RETURNING, no ON CONFLICT DO UPDATE, no jsonb, no reserved words as names.
-- Times are milliseconds since the epoch (UTC) in BIGINT columns named *_ms: exact, and free of time zones.

-- Every version of every quiz, as a document in the native JSON format (QuizDocumentWriter).
CREATE TABLE quiz_versions (
    quiz_id      VARCHAR(64)      NOT NULL,
    quiz_version INTEGER          NOT NULL,
    document     VARCHAR(1000000) NOT NULL,
    saved_at_ms  BIGINT           NOT NULL,
    CONSTRAINT quiz_versions_pk PRIMARY KEY (quiz_id, quiz_version)
);

-- The quizzes that players may see and play (the latest version of each).
CREATE TABLE published_quizzes (
    quiz_id VARCHAR(64) NOT NULL,
    CONSTRAINT published_quizzes_pk PRIMARY KEY (quiz_id)
);

-- Players. The token is never stored: only its SHA-256 hash, by which a player is recognised.
CREATE TABLE players (
    player_id     VARCHAR(64)  NOT NULL,
    display_name  VARCHAR(128) NOT NULL,
    token_hash    VARCHAR(128) NOT NULL,
    created_at_ms BIGINT       NOT NULL,
    CONSTRAINT players_pk PRIMARY KEY (player_id),
    CONSTRAINT players_token_hash_uq UNIQUE (token_hash)
);

-- One play of one quiz version by one player. The seed is secret: it fixes the attempt's shuffles.
CREATE TABLE attempts (
    attempt_id     VARCHAR(64) NOT NULL,
    quiz_id        VARCHAR(64) NOT NULL,
    quiz_version   INTEGER     NOT NULL,
    player_id      VARCHAR(64) NOT NULL,
    seed           BIGINT      NOT NULL,
    started_at_ms  BIGINT      NOT NULL,
    deadline_ms    BIGINT,
    finished_at_ms BIGINT,
    CONSTRAINT attempts_pk PRIMARY KEY (attempt_id),
    CONSTRAINT attempts_quiz_fk FOREIGN KEY (quiz_id, quiz_version) REFERENCES quiz_versions (quiz_id, quiz_version),
    CONSTRAINT attempts_player_fk FOREIGN KEY (player_id) REFERENCES players (player_id)
);
CREATE INDEX attempts_player_quiz_ix ON attempts (player_id, quiz_id);
CREATE INDEX attempts_quiz_finished_ix ON attempts (quiz_id, finished_at_ms);

-- The questions of an attempt in the order it serves them, and when each was first served.
CREATE TABLE attempt_questions (
    attempt_id    VARCHAR(64)  NOT NULL,
    serving_index INTEGER      NOT NULL,
    question_id   VARCHAR(255) NOT NULL,
    served_at_ms  BIGINT,
    CONSTRAINT attempt_questions_pk PRIMARY KEY (attempt_id, serving_index),
    CONSTRAINT attempt_questions_question_uq UNIQUE (attempt_id, question_id),
    CONSTRAINT attempt_questions_attempt_fk FOREIGN KEY (attempt_id) REFERENCES attempts (attempt_id)
);

-- The one answer an attempt keeps per question. answer_json is the answer in the shape it was submitted
-- ({"choice": "b"}, {"pairs": {...}} ...); null for an answer that came too late and counts as unanswered.
CREATE TABLE answers (
    attempt_id     VARCHAR(64)   NOT NULL,
    question_id    VARCHAR(255)  NOT NULL,
    answer_json    VARCHAR(65536),
    correct        BOOLEAN       NOT NULL,
    points         INTEGER       NOT NULL,
    streak_bonus   INTEGER       NOT NULL,
    answered_at_ms BIGINT        NOT NULL,
    CONSTRAINT answers_pk PRIMARY KEY (attempt_id, question_id),
    CONSTRAINT answers_attempt_fk FOREIGN KEY (attempt_id) REFERENCES attempts (attempt_id)
);

-- Poll votes, one row per vote (append-only, so concurrent votes never contend for a counter row).
CREATE TABLE poll_votes (
    quiz_id     VARCHAR(64)  NOT NULL,
    question_id VARCHAR(255) NOT NULL,
    option_id   VARCHAR(255) NOT NULL
);
CREATE INDEX poll_votes_question_ix ON poll_votes (quiz_id, question_id);
