-- Members who asked for the weekly "for you" DM (`/recommend weekly on`), and the weekly slot
-- they were last sent, so a restart never sends a week twice.

CREATE TABLE recommend_weekly (
    member_id INTEGER PRIMARY KEY REFERENCES members (id),
    sent_for INTEGER NOT NULL
);
