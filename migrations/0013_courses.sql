-- Courses: ordered series of lessons, each lesson a drop (so scheduling, targets, tiers and
-- delivery all apply to it). A lesson is done once per member: that row is what learning XP
-- pays for, and finishing every lesson of a course pays its bonus once.

CREATE TABLE courses (
    -- What people type: /course stats rust-101.
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    -- Members below this tier do not see the course (NULL: everyone).
    tier TEXT,
    created_at INTEGER NOT NULL
);

CREATE TABLE course_lessons (
    course_id TEXT NOT NULL REFERENCES courses (id),
    position INTEGER NOT NULL,
    -- A drop is a lesson of one course at most.
    drop_id INTEGER NOT NULL UNIQUE REFERENCES drops (id),
    PRIMARY KEY (course_id, position)
);

CREATE TABLE lessons_done (
    member_id INTEGER NOT NULL REFERENCES members (id),
    drop_id INTEGER NOT NULL REFERENCES drops (id),
    at INTEGER NOT NULL,
    PRIMARY KEY (member_id, drop_id)
) WITHOUT ROWID;

CREATE INDEX lessons_done_by_drop ON lessons_done (drop_id);

CREATE TABLE courses_finished (
    member_id INTEGER NOT NULL REFERENCES members (id),
    course_id TEXT NOT NULL REFERENCES courses (id),
    at INTEGER NOT NULL,
    PRIMARY KEY (member_id, course_id)
) WITHOUT ROWID;
