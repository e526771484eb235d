-- The statistics of quizzes as running sums per quiz, version and day (days since 1970-01-01 in the engine's zone;
-- -1000000 for the sums of all days, kept for all but stats_days): reading the statistics of a quiz reads a few rows
-- per question, however many attempts there were. Each server sums what its starts and finishes add in memory and
-- adds it to these rows about twice a second; rows are made at zero when first needed, then added to.
CREATE TABLE stats_days (
    quiz_id       VARCHAR(64) NOT NULL,
    quiz_version  INTEGER     NOT NULL,
    epoch_day     BIGINT      NOT NULL,
    started       BIGINT      NOT NULL,
    finished      BIGINT      NOT NULL,
    players       BIGINT      NOT NULL,
    score_sum     BIGINT      NOT NULL,
    score_squares BIGINT      NOT NULL,
    CONSTRAINT stats_days_pk PRIMARY KEY (quiz_id, quiz_version, epoch_day)
);

-- Finished attempts per score bin and per duration bin (bin_from is the bin's lowest value).
CREATE TABLE stats_bins (
    quiz_id      VARCHAR(64) NOT NULL,
    quiz_version INTEGER     NOT NULL,
    epoch_day    BIGINT      NOT NULL,
    kind         VARCHAR(16) NOT NULL,
    bin_from     BIGINT      NOT NULL,
    bin_width    INTEGER     NOT NULL,
    attempts     BIGINT      NOT NULL,
    CONSTRAINT stats_bins_pk PRIMARY KEY (quiz_id, quiz_version, epoch_day, kind, bin_from)
);

-- Per question: counts, and the sums a correlation needs (x the question's fraction, y the rest of the score).
CREATE TABLE stats_questions (
    quiz_id      VARCHAR(64)      NOT NULL,
    quiz_version INTEGER          NOT NULL,
    epoch_day    BIGINT           NOT NULL,
    question_id  VARCHAR(255)     NOT NULL,
    attempts     BIGINT           NOT NULL,
    served       BIGINT           NOT NULL,
    answered     BIGINT           NOT NULL,
    skipped      BIGINT           NOT NULL,
    timed_out    BIGINT           NOT NULL,
    fully_right  BIGINT           NOT NULL,
    time_ms      BIGINT           NOT NULL,
    timed        BIGINT           NOT NULL,
    scored       BIGINT           NOT NULL,
    sum_x        DOUBLE PRECISION NOT NULL,
    sum_xx       DOUBLE PRECISION NOT NULL,
    sum_y        DOUBLE PRECISION NOT NULL,
    sum_yy       DOUBLE PRECISION NOT NULL,
    sum_xy       DOUBLE PRECISION NOT NULL,
    CONSTRAINT stats_questions_pk PRIMARY KEY (quiz_id, quiz_version, epoch_day, question_id)
);

-- Per question: options chosen, wrong answers given (normalised), items put right.
CREATE TABLE stats_responses (
    quiz_id      VARCHAR(64)  NOT NULL,
    quiz_version INTEGER      NOT NULL,
    epoch_day    BIGINT       NOT NULL,
    question_id  VARCHAR(255) NOT NULL,
    kind         VARCHAR(16)  NOT NULL,
    response     VARCHAR(255) NOT NULL,
    times        BIGINT       NOT NULL,
    CONSTRAINT stats_responses_pk PRIMARY KEY (quiz_id, quiz_version, epoch_day, question_id, kind, response)
);

-- The starts (part 'S') and finishes ('F') not summed yet: a start or finish adds its row in the write that stores
-- it; a server sums its own within a second, deleting the rows in the transaction that adds to the sums (a row is
-- summed by whoever deletes it, once). What a stopped server left, and the attempts stored before this migration,
-- are found by their time and summed by any server. The table holds a second of writes: it needs no other index. stats_token marks the finish that wrote an attempt's row.
CREATE TABLE stats_pending (
    attempt_id VARCHAR(64) NOT NULL,
    part       CHAR(1)     NOT NULL,
    at_ms      BIGINT      NOT NULL,
    CONSTRAINT stats_pending_pk PRIMARY KEY (attempt_id, part)
);
ALTER TABLE attempts ADD COLUMN stats_token BIGINT;
INSERT INTO stats_pending (attempt_id, part, at_ms) SELECT attempt_id, 'S', started_at_ms FROM attempts;
INSERT INTO stats_pending (attempt_id, part, at_ms)
SELECT attempt_id, 'F', finished_at_ms FROM attempts WHERE finished_at_ms IS NOT NULL;
