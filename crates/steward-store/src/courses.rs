//! Courses and learning progress: a course's lessons in order (each a drop), which lessons a
//! member has done (once each, by the primary key), and which courses they finished.

use std::collections::HashSet;

use chrono::{DateTime, Utc};

use super::error::During;
use super::{Result, Store, WriteTx, millis};
use steward_core::ids::MemberId;

/// A course as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CourseRow {
    pub id: String,
    pub title: String,
    pub tier: Option<String>,
    /// Its lessons' drop ids, in order.
    pub lessons: Vec<i64>,
}

impl Store {
    /// Every course with its lessons in order, oldest course first.
    pub async fn courses(&self) -> Result<Vec<CourseRow>> {
        let heads: Vec<(String, String, Option<String>)> =
            sqlx::query_as("SELECT id, title, tier FROM courses ORDER BY created_at, id")
                .fetch_all(&self.pool)
                .await
                .during("courses")?;
        let lessons: Vec<(String, i64)> = sqlx::query_as(
            "SELECT course_id, drop_id FROM course_lessons ORDER BY course_id, position",
        )
        .fetch_all(&self.pool)
        .await
        .during("courses")?;
        Ok(heads
            .into_iter()
            .map(|(id, title, tier)| CourseRow {
                lessons: lessons
                    .iter()
                    .filter(|(course, _)| *course == id)
                    .map(|(_, drop)| *drop)
                    .collect(),
                id,
                title,
                tier,
            })
            .collect())
    }

    /// Whether a drop is a lesson of a course.
    pub async fn is_lesson(&self, drop: i64) -> Result<bool> {
        let found: Option<i64> =
            sqlx::query_scalar("SELECT 1 FROM course_lessons WHERE drop_id = ?")
                .bind(drop)
                .fetch_optional(&self.pool)
                .await
                .during("is_lesson")?;
        Ok(found.is_some())
    }

    /// The drops `member` marked done.
    pub async fn lessons_done(&self, member: MemberId) -> Result<HashSet<i64>> {
        let rows: Vec<i64> =
            sqlx::query_scalar("SELECT drop_id FROM lessons_done WHERE member_id = ?")
                .bind(member.0)
                .fetch_all(&self.pool)
                .await
                .during("lessons_done")?;
        Ok(rows.into_iter().collect())
    }

    /// How many members marked each lesson of `course` done, in lesson order.
    pub async fn lesson_completion(&self, course: &str) -> Result<Vec<(i64, i64)>> {
        let rows = sqlx::query_as(
            "SELECT l.drop_id, (SELECT COUNT(*) FROM lessons_done d WHERE d.drop_id = l.drop_id) \
             FROM course_lessons l WHERE l.course_id = ? ORDER BY l.position",
        )
        .bind(course)
        .fetch_all(&self.pool)
        .await
        .during("lesson_completion")?;
        Ok(rows)
    }
}

impl WriteTx {
    /// Creates a course; `false` when one with this id exists.
    pub async fn create_course(
        &mut self,
        id: &str,
        title: &str,
        at: DateTime<Utc>,
    ) -> Result<bool> {
        let done =
            sqlx::query("INSERT OR IGNORE INTO courses (id, title, created_at) VALUES (?, ?, ?)")
                .bind(id)
                .bind(title)
                .bind(millis(at))
                .execute(&mut *self.tx)
                .await
                .during("create_course")?;
        Ok(done.rows_affected() == 1)
    }

    /// Sets or clears the tier a course needs.
    /// Makes a course declared in config, or brings its title and tier up to date.
    pub async fn upsert_course(
        &mut self,
        id: &str,
        title: &str,
        tier: Option<&str>,
        at: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO courses (id, title, tier, created_at) VALUES (?, ?, ?, ?) \
             ON CONFLICT (id) DO UPDATE SET title = excluded.title, tier = excluded.tier",
        )
        .bind(id)
        .bind(title)
        .bind(tier)
        .bind(millis(at))
        .execute(&mut *self.tx)
        .await
        .during("upsert_course")?;
        Ok(())
    }

    pub async fn set_course_tier(&mut self, id: &str, tier: Option<&str>) -> Result<()> {
        sqlx::query("UPDATE courses SET tier = ? WHERE id = ?")
            .bind(tier)
            .bind(id)
            .execute(&mut *self.tx)
            .await
            .during("set_course_tier")?;
        Ok(())
    }

    /// The course a drop is a lesson of, if any.
    pub async fn course_of(&mut self, drop: i64) -> Result<Option<String>> {
        let course = sqlx::query_scalar("SELECT course_id FROM course_lessons WHERE drop_id = ?")
            .bind(drop)
            .fetch_optional(&mut *self.tx)
            .await
            .during("course_of")?;
        Ok(course)
    }

    /// Appends a drop to a course as its last lesson; its position.
    pub async fn add_lesson(&mut self, course: &str, drop: i64) -> Result<i64> {
        let position: i64 = sqlx::query_scalar(
            "INSERT INTO course_lessons (course_id, position, drop_id) VALUES \
             (?1, (SELECT COALESCE(MAX(position), 0) + 1 FROM course_lessons WHERE course_id = ?1), ?2) \
             RETURNING position",
        )
        .bind(course)
        .bind(drop)
        .fetch_one(&mut *self.tx)
        .await
        .during("add_lesson")?;
        Ok(position)
    }

    /// Takes a lesson out of its course; `false` if it was not in it.
    pub async fn remove_lesson(&mut self, course: &str, drop: i64) -> Result<bool> {
        let done = sqlx::query("DELETE FROM course_lessons WHERE course_id = ? AND drop_id = ?")
            .bind(course)
            .bind(drop)
            .execute(&mut *self.tx)
            .await
            .during("remove_lesson")?;
        Ok(done.rows_affected() == 1)
    }

    /// Marks a lesson done; `false` when it was done before (it pays once).
    pub async fn mark_done(
        &mut self,
        member: MemberId,
        drop: i64,
        at: DateTime<Utc>,
    ) -> Result<bool> {
        let done = sqlx::query(
            "INSERT OR IGNORE INTO lessons_done (member_id, drop_id, at) VALUES (?, ?, ?)",
        )
        .bind(member.0)
        .bind(drop)
        .bind(millis(at))
        .execute(&mut *self.tx)
        .await
        .during("mark_done")?;
        Ok(done.rows_affected() == 1)
    }

    /// Of `course`'s lessons: how many `member` has done, and how many there are.
    pub async fn course_progress(&mut self, member: MemberId, course: &str) -> Result<(i64, i64)> {
        let counts = sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM course_lessons l JOIN lessons_done d ON d.drop_id = l.drop_id \
             AND d.member_id = ?1 WHERE l.course_id = ?2), \
             (SELECT COUNT(*) FROM course_lessons WHERE course_id = ?2)",
        )
        .bind(member.0)
        .bind(course)
        .fetch_one(&mut *self.tx)
        .await
        .during("course_progress")?;
        Ok(counts)
    }

    /// Records that `member` finished `course`; `false` when they had before (the bonus pays once).
    pub async fn finish_course(
        &mut self,
        member: MemberId,
        course: &str,
        at: DateTime<Utc>,
    ) -> Result<bool> {
        let done = sqlx::query(
            "INSERT OR IGNORE INTO courses_finished (member_id, course_id, at) VALUES (?, ?, ?)",
        )
        .bind(member.0)
        .bind(course)
        .bind(millis(at))
        .execute(&mut *self.tx)
        .await
        .during("finish_course")?;
        Ok(done.rows_affected() == 1)
    }
}
