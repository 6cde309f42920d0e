-- Activity per chat, for the dashboard's channel table: one row per member per chat per
-- community day they wrote a chat line there (written once, with the first; dropped after
-- `analytics.keep_days` with member_days). Each new row adds one to the counter
-- ('chat-active:PLATFORM:CHAT', day); chat lines add to ('chat-messages:PLATFORM:CHAT', day), and
-- to ('hour:HH', day) by the community's hour they were written in, for the hour-of-week heatmap.
CREATE TABLE member_chat_days (
    member_id INTEGER NOT NULL REFERENCES members (id),
    chat TEXT NOT NULL,
    day TEXT NOT NULL,
    PRIMARY KEY (member_id, chat, day)
) WITHOUT ROWID;

CREATE INDEX member_chat_days_by_day ON member_chat_days (day);
