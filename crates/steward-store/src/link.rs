//! Link codes and merging two members into one: accounts, totals, ledger, period scores and
//! thanks move to the surviving member in the transaction that redeems the code.

use chrono::{DateTime, Utc};

use super::error::During;
use super::member_data::MEMBER_TABLES;
use super::{Result, WriteTx, millis};
use steward_core::ids::{MemberId, Platform};

/// Totals of the surviving member after a merge.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MergeOutcome {
    pub survivor: MemberId,
    pub absorbed: MemberId,
    pub xp: i64,
    pub balance: i64,
}

impl WriteTx {
    /// Stores a fresh code for a member, replacing any earlier one of theirs.
    pub async fn create_link_code(
        &mut self,
        code: &str,
        member: MemberId,
        platform: Platform,
        now: DateTime<Utc>,
        expires_at: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query("DELETE FROM link_codes WHERE member_id = ? OR expires_at < ?")
            .bind(member.0)
            .bind(millis(now))
            .execute(&mut *self.tx)
            .await
            .during("create_link_code")?;
        sqlx::query(
            "INSERT INTO link_codes (code, member_id, platform, expires_at) VALUES (?, ?, ?, ?)",
        )
        .bind(code)
        .bind(member.0)
        .bind(platform.as_str())
        .bind(millis(expires_at))
        .execute(&mut *self.tx)
        .await
        .during("create_link_code")?;
        Ok(())
    }

    /// Looks a code up and consumes it; `None` if unknown or expired.
    pub async fn take_link_code(
        &mut self,
        code: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<(MemberId, Platform)>> {
        let row: Option<(i64, String, i64)> = sqlx::query_as(
            "DELETE FROM link_codes WHERE code = ? RETURNING member_id, platform, expires_at",
        )
        .bind(code)
        .fetch_optional(&mut *self.tx)
        .await
        .during("take_link_code")?;
        Ok(row
            .filter(|(_, _, expires)| *expires > millis(now))
            .and_then(|(member, platform, _)| Some((MemberId(member), platform.parse().ok()?))))
    }

    /// Whether a member has an account on a platform.
    pub async fn has_platform(&mut self, member: MemberId, platform: Platform) -> Result<bool> {
        let found: Option<i64> = sqlx::query_scalar(
            "SELECT 1 FROM accounts WHERE member_id = ? AND platform = ? LIMIT 1",
        )
        .bind(member.0)
        .bind(platform.as_str())
        .fetch_optional(&mut *self.tx)
        .await
        .during("has_platform")?;
        Ok(found.is_some())
    }

    /// Moves everything of `absorbed` onto `survivor` and deletes `absorbed`.
    pub async fn merge_members(
        &mut self,
        survivor: MemberId,
        absorbed: MemberId,
        at: DateTime<Utc>,
    ) -> Result<MergeOutcome> {
        let (s, a) = (survivor.0, absorbed.0);
        let statements: &[&'static str] = &[
            "UPDATE accounts SET member_id = ?1 WHERE member_id = ?2",
            // Message XP is one ledger row per member and day: fold same-day rows together.
            "UPDATE ledger AS s SET delta_xp = s.delta_xp + a.delta_xp, delta_balance = s.delta_balance + a.delta_balance \
             FROM ledger AS a WHERE s.member_id = ?1 AND a.member_id = ?2 AND s.kind = 'message' \
             AND a.kind = 'message' AND s.reference = a.reference",
            "DELETE FROM ledger WHERE member_id = ?2 AND kind = 'message' AND reference IN \
             (SELECT reference FROM ledger WHERE member_id = ?1 AND kind = 'message')",
            "UPDATE ledger SET member_id = ?1 WHERE member_id = ?2",
            "UPDATE ledger SET actor_member_id = ?1 WHERE actor_member_id = ?2",
            // Scores on the same board add up; the sum counts as reached at the later time.
            "UPDATE period_scores AS s SET xp = s.xp + a.xp, reached_at = max(s.reached_at, a.reached_at) \
             FROM period_scores AS a WHERE s.member_id = ?1 AND a.member_id = ?2 AND s.board = a.board",
            "UPDATE OR IGNORE period_scores SET member_id = ?1 WHERE member_id = ?2",
            // Activity is one row per member and day: a day both were active stays one row.
            "UPDATE OR IGNORE member_days SET member_id = ?1 WHERE member_id = ?2",
            "DELETE FROM member_days WHERE member_id = ?2",
            "UPDATE OR IGNORE thanks SET giver_id = ?1 WHERE giver_id = ?2",
            "UPDATE OR IGNORE thanks SET receiver_id = ?1 WHERE receiver_id = ?2",
            "UPDATE members AS s SET xp = s.xp + a.xp, balance = s.balance + a.balance, \
             xp_reached_at = max(s.xp_reached_at, a.xp_reached_at), hidden = max(s.hidden, a.hidden), \
             language = coalesce(s.language, a.language), app_language = coalesce(s.app_language, a.app_language), \
             last_message_xp_at = max(coalesce(s.last_message_xp_at, 0), coalesce(a.last_message_xp_at, 0)), \
             first_active_day = min(coalesce(s.first_active_day, a.first_active_day), coalesce(a.first_active_day, s.first_active_day)), \
             last_active_day = max(coalesce(s.last_active_day, a.last_active_day), coalesce(a.last_active_day, s.last_active_day)) \
             FROM members AS a WHERE s.id = ?1 AND a.id = ?2",
            "DELETE FROM link_codes WHERE member_id IN (?1, ?2)",
            // Memberships: per tier the running one with the later expiry (or lifetime) wins.
            "UPDATE memberships AS s SET expires_at = a.expires_at, ended_at = a.ended_at, \
             reminded_secs = a.reminded_secs, started_at = a.started_at \
             FROM memberships AS a WHERE s.member_id = ?1 AND a.member_id = ?2 AND s.tier = a.tier \
             AND a.ended_at IS NULL AND (s.ended_at IS NOT NULL \
             OR (a.expires_at IS NULL AND s.expires_at IS NOT NULL) \
             OR (s.expires_at IS NOT NULL AND a.expires_at > s.expires_at))",
            "UPDATE OR IGNORE memberships SET member_id = ?1 WHERE member_id = ?2",
            "DELETE FROM memberships WHERE member_id = ?2",
            "UPDATE membership_events SET member_id = ?1 WHERE member_id = ?2",
            "UPDATE membership_events SET actor_member_id = ?1 WHERE actor_member_id = ?2",
            "UPDATE redemptions SET member_id = ?1 WHERE member_id = ?2",
            "UPDATE OR IGNORE ratings SET member_id = ?1 WHERE member_id = ?2",
            "DELETE FROM ratings WHERE member_id = ?2",
            "UPDATE feedback SET member_id = ?1 WHERE member_id = ?2",
            // A lesson or course both accounts finished counts once, as it paid once each.
            "UPDATE OR IGNORE lessons_done SET member_id = ?1 WHERE member_id = ?2",
            "DELETE FROM lessons_done WHERE member_id = ?2",
            "UPDATE OR IGNORE courses_finished SET member_id = ?1 WHERE member_id = ?2",
            "DELETE FROM courses_finished WHERE member_id = ?2",
            "UPDATE OR IGNORE recommend_weekly SET member_id = ?1 WHERE member_id = ?2",
            "DELETE FROM recommend_weekly WHERE member_id = ?2",
            // An event both accounts checked in to paid each once; the kept row stands.
            "UPDATE OR IGNORE event_members SET member_id = ?1 WHERE member_id = ?2",
            "DELETE FROM event_members WHERE member_id = ?2",
            "UPDATE events SET created_by = ?1 WHERE created_by = ?2",
            "UPDATE submissions SET member_id = ?1 WHERE member_id = ?2",
            "UPDATE submissions SET decided_by = ?1 WHERE decided_by = ?2",
            "UPDATE drops SET created_by = ?1 WHERE created_by = ?2",
            "UPDATE OR IGNORE deliveries SET target = 'dm:' || ?1 WHERE target = 'dm:' || ?2",
            "UPDATE deliveries SET state = 'cancelled' WHERE target = 'dm:' || ?2 AND state = 'pending'",
            // Whatever could not move (duplicate pair rows) goes with the absorbed member.
            "DELETE FROM period_scores WHERE member_id = ?2",
        ];
        for &sql in statements {
            sqlx::query(sql)
                .bind(s)
                .bind(a)
                .execute(&mut *self.tx)
                .await
                .during("merge_members")?;
        }
        // Every other row that names the absorbed member moves too (payments, subscriptions,
        // web sessions and logins, erasure requests, ...): one list, MEMBER_TABLES, which a test
        // walks against the schema, so a table added later cannot make the delete below fail
        // on a foreign key. A row that cannot move (a duplicate of one the survivor has) goes
        // with the absorbed member.
        for table in MEMBER_TABLES.iter().filter(|t| t.name != "members") {
            for column in table.member_columns {
                for sql in [
                    format!(
                        "UPDATE OR IGNORE {} SET {column} = ?1 WHERE {column} = ?2",
                        table.name
                    ),
                    format!("DELETE FROM {} WHERE {column} = ?2", table.name),
                ] {
                    // Built from MEMBER_TABLES' constant names, never from input.
                    sqlx::query(sqlx::AssertSqlSafe(sql))
                        .bind(s)
                        .bind(a)
                        .execute(&mut *self.tx)
                        .await
                        .during("merge_members")?;
                }
            }
        }
        sqlx::query("DELETE FROM thanks WHERE giver_id = ?1 OR receiver_id = ?1")
            .bind(a)
            .execute(&mut *self.tx)
            .await
            .during("merge_members")?;
        sqlx::query("DELETE FROM members WHERE id = ?")
            .bind(a)
            .execute(&mut *self.tx)
            .await
            .during("merge_members")?;
        sqlx::query(
            "INSERT INTO ledger (member_id, delta_xp, delta_balance, kind, reference, actor_member_id, at) \
             VALUES (?, 0, 0, 'link', ?, ?, ?)",
        )
        .bind(s)
        .bind(format!("merged member {a}"))
        .bind(s)
        .bind(millis(at))
        .execute(&mut *self.tx)
        .await.during("merge_members")?;
        let (xp, balance): (i64, i64) =
            sqlx::query_as("SELECT xp, balance FROM members WHERE id = ?")
                .bind(s)
                .fetch_one(&mut *self.tx)
                .await
                .during("merge_members")?;
        Ok(MergeOutcome {
            survivor,
            absorbed,
            xp,
            balance,
        })
    }
}
