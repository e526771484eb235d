-- Live sessions: a host runs one quiz version for a crowd, one question at a time. Every server serving a session
-- applies the facts of its log (live_events) in order; the session row holds its state as of its last event, the
-- count of answers to the open question, and which server runs its timers (a lease).
CREATE TABLE live_sessions (
    session_id             VARCHAR(64)     NOT NULL,
    code                   VARCHAR(6)      NOT NULL,
    quiz_id                VARCHAR(64)     NOT NULL,
    quiz_version           INTEGER         NOT NULL,
    language               VARCHAR(16),
    question_time_limit_ms BIGINT,
    reading_time_ms        BIGINT          NOT NULL,
    late_join              BOOLEAN         NOT NULL,
    auto_advance_ms        BIGINT,
    seed                   BIGINT          NOT NULL,
    host_token_hash        VARCHAR(128)    NOT NULL,
    question_ids           VARCHAR(200000) NOT NULL,
    phase                  VARCHAR(16)     NOT NULL,
    question_index         INTEGER         NOT NULL,
    opened_at_ms           BIGINT,
    answers_open_at_ms     BIGINT,
    deadline_ms            BIGINT,
    closed_at_ms           BIGINT,
    joined                 INTEGER         NOT NULL,
    players                INTEGER         NOT NULL,
    answered               INTEGER         NOT NULL,
    last_event_id          BIGINT          NOT NULL,
    created_at_ms          BIGINT          NOT NULL,
    changed_at_ms          BIGINT          NOT NULL,
    ended_at_ms            BIGINT,
    timer_owner            VARCHAR(64),
    timer_lease_until_ms   BIGINT          NOT NULL,
    CONSTRAINT live_sessions_pk PRIMARY KEY (session_id),
    CONSTRAINT live_sessions_quiz_fk FOREIGN KEY (quiz_id, quiz_version)
        REFERENCES quiz_versions (quiz_id, quiz_version)
);
CREATE INDEX live_sessions_ended_ix ON live_sessions (ended_at_ms);

-- The join codes of the sessions not ended: a code is unique among them, and free again when its session ends.
CREATE TABLE live_codes (
    code       VARCHAR(6)  NOT NULL,
    session_id VARCHAR(64) NOT NULL,
    CONSTRAINT live_codes_pk PRIMARY KEY (code),
    CONSTRAINT live_codes_session_fk FOREIGN KEY (session_id) REFERENCES live_sessions (session_id)
);

-- The players of a session by their ordinal (0 for the first to join). The token is never stored, only its hash;
-- a registered player who joined with their own token has registered_player_id. name_key (the name, case aside) is
-- unique in the session and cleared when the player leaves, so that the name is free again.
CREATE TABLE live_players (
    session_id           VARCHAR(64)  NOT NULL,
    ordinal              INTEGER      NOT NULL,
    live_player_id       VARCHAR(64)  NOT NULL,
    display_name         VARCHAR(128) NOT NULL,
    name_key             VARCHAR(128),
    token_hash           VARCHAR(128) NOT NULL,
    registered_player_id VARCHAR(64),
    joined_at_ms         BIGINT       NOT NULL,
    removed_at_ms        BIGINT,
    CONSTRAINT live_players_pk PRIMARY KEY (session_id, ordinal),
    CONSTRAINT live_players_name_uq UNIQUE (session_id, name_key),
    CONSTRAINT live_players_registered_uq UNIQUE (session_id, registered_player_id),
    CONSTRAINT live_players_session_fk FOREIGN KEY (session_id) REFERENCES live_sessions (session_id)
);
CREATE INDEX live_players_token_ix ON live_players (session_id, token_hash);

-- Each player's one answer to each question, graded and scored when it was given.
CREATE TABLE live_answers (
    session_id     VARCHAR(64)      NOT NULL,
    question_index INTEGER          NOT NULL,
    ordinal        INTEGER          NOT NULL,
    answer_json    VARCHAR(65536)   NOT NULL,
    correct        BOOLEAN          NOT NULL,
    fraction       DOUBLE PRECISION NOT NULL,
    points         INTEGER          NOT NULL,
    streak_bonus   INTEGER          NOT NULL,
    answered_at_ms BIGINT           NOT NULL,
    CONSTRAINT live_answers_pk PRIMARY KEY (session_id, question_index, ordinal),
    CONSTRAINT live_answers_session_fk FOREIGN KEY (session_id) REFERENCES live_sessions (session_id)
);

-- The log of a session: one row per fact, event ids following each other from 1. Which columns a kind uses:
-- joined (ordinal, count_value = players), left (ordinal, count_value = players, removed), opened (question_index,
-- answers_open_at_ms, deadline_ms), counted (question_index, count_value = answers), closed (question_index), ended.
CREATE TABLE live_events (
    session_id         VARCHAR(64) NOT NULL,
    event_id           BIGINT      NOT NULL,
    kind               VARCHAR(16) NOT NULL,
    at_ms              BIGINT      NOT NULL,
    question_index     INTEGER,
    ordinal            INTEGER,
    count_value        INTEGER,
    answers_open_at_ms BIGINT,
    deadline_ms        BIGINT,
    removed            BOOLEAN,
    CONSTRAINT live_events_pk PRIMARY KEY (session_id, event_id),
    CONSTRAINT live_events_session_fk FOREIGN KEY (session_id) REFERENCES live_sessions (session_id)
);
