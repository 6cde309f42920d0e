-- Course certificates: issued to a member who finished a course, under the name they asked to
-- have printed, with an id of 80 random bits that its public page is found by. An operator may
-- revoke one (the page then says since when and why); erasing the member deletes theirs.
CREATE TABLE certificates (
    id TEXT PRIMARY KEY,
    member_id INTEGER NOT NULL REFERENCES members (id),
    course_id TEXT NOT NULL,
    -- What is printed: the name, and the course's title when it was issued.
    name TEXT NOT NULL,
    course_title TEXT NOT NULL,
    finished_at INTEGER NOT NULL,
    issued_at INTEGER NOT NULL,
    revoked_at INTEGER,
    revoked_by INTEGER REFERENCES members (id),
    revoke_reason TEXT
);

-- Asking again for the same course and name gives the same certificate.
CREATE UNIQUE INDEX certificates_by_member ON certificates (member_id, course_id, name);
