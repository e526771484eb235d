-- Poll votes as a count per option, instead of one row per vote: reading a poll's results (after every poll
-- answer) reads one row per option, however many votes were cast. A vote makes sure its option's row exists,
-- then adds one to it, in the transaction that records the answer.
CREATE TABLE poll_counts (
    quiz_id     VARCHAR(64)  NOT NULL,
    question_id VARCHAR(255) NOT NULL,
    option_id   VARCHAR(255) NOT NULL,
    votes       BIGINT       NOT NULL,
    CONSTRAINT poll_counts_pk PRIMARY KEY (quiz_id, question_id, option_id)
);

INSERT INTO poll_counts (quiz_id, question_id, option_id, votes)
SELECT quiz_id, question_id, option_id, COUNT(*) FROM poll_votes GROUP BY quiz_id, question_id, option_id;

DROP TABLE poll_votes;
