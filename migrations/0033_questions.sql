-- Questions with accepted answers: a member asks (`/ask TITLE [bounty N]`), others answer where
-- the question lives (replies to its message, messages in its Discord thread), and the asker
-- (or an operator) accepts one answer. A bounty is held from the asker's points by a ledger row
-- written with the question; it goes to the accepted answerer, or back to the asker when the
-- question is still unaccepted after `questions.bounty_days`. Exactly one of the two happens:
-- both move `bounty_state` from 'held' in one statement.
CREATE TABLE questions (
    id INTEGER PRIMARY KEY,
    asker_id INTEGER NOT NULL REFERENCES members (id),
    title TEXT NOT NULL,
    -- Tags from the title's #hashtags, comma-separated, lowercase.
    tags TEXT NOT NULL DEFAULT '',
    -- The tier of the chat it was asked in (a question asked in a Pro channel is Pro); NULL:
    -- everyone's.
    tier TEXT,
    -- Where it was asked: its platform and chat.
    platform TEXT NOT NULL,
    chat_id TEXT NOT NULL,
    bounty INTEGER NOT NULL DEFAULT 0,
    -- 'none' (no bounty), 'held', 'paid' (to the accepted answerer), 'returned' (to the asker).
    bounty_state TEXT NOT NULL DEFAULT 'none',
    asked_at INTEGER NOT NULL,
    first_answer_at INTEGER,
    accepted_answer_id INTEGER REFERENCES question_answers (id),
    accepted_at INTEGER,
    accepted_by INTEGER REFERENCES members (id),
    -- The request that asked it: a redelivered `/ask` finds the same question.
    request_key TEXT NOT NULL UNIQUE
);

CREATE INDEX questions_by_time ON questions (asked_at);
CREATE INDEX questions_by_asker ON questions (asker_id, asked_at);
CREATE INDEX questions_bounties_held ON questions (asked_at) WHERE bounty_state = 'held';

-- Where a question's answers arrive: its Discord thread (message_id = ''), the bot's message
-- that posted it, or the asker's `/ask` message (answers are replies to it).
CREATE TABLE question_places (
    question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    platform TEXT NOT NULL,
    chat_id TEXT NOT NULL,
    message_id TEXT NOT NULL,
    PRIMARY KEY (platform, chat_id, message_id)
);

-- Each answer: who, where (its message, so `/accept` in reply to it finds it), what it said
-- (shown on the web once accepted), and when.
CREATE TABLE question_answers (
    id INTEGER PRIMARY KEY,
    question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
    answerer_id INTEGER NOT NULL REFERENCES members (id),
    platform TEXT NOT NULL,
    chat_id TEXT NOT NULL,
    message_id TEXT NOT NULL,
    text TEXT NOT NULL,
    answered_at INTEGER NOT NULL,
    UNIQUE (platform, chat_id, message_id)
);

CREATE INDEX question_answers_by_question ON question_answers (question_id, answered_at);
CREATE INDEX question_answers_by_answerer ON question_answers (answerer_id);
