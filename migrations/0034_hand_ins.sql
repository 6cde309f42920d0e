-- A hand-in: a submission tied to a course (`/submit course ID TEXT`) for an operator to
-- review. Approving it posts nothing: it is the record a course with `requires_review = true`
-- needs before its certificate is issued.
ALTER TABLE submissions ADD COLUMN course_id TEXT;

CREATE INDEX submissions_hand_ins ON submissions (member_id, course_id, state)
    WHERE course_id IS NOT NULL;
