//! Erasing a member (`/privacy delete`): the request waiting for its confirmation, and the
//! erasure itself in one transaction. The member's row stays as a nameless, hidden tombstone
//! that keeps its ledger rows, so the community's totals and the audit still add up; accounts,
//! names, link codes, thanks, board places and written reasons go. Running memberships the
//! member keeps move, with the accounts they need, to a fresh empty member (see the module
//! docs of `engine/privacy`).

use chrono::{DateTime, Utc};

use super::error::During;
use super::{Result, Store, WriteTx, from_millis, millis};
use steward_core::ids::MemberId;
use steward_core::privacy::ErasureRequest;

/// What an erasure did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Erased {
    /// The fresh member that holds the running memberships and their accounts, if any ran.
    pub kept_with: Option<MemberId>,
    /// Platform accounts removed (0 when they stayed for running memberships).
    pub accounts_removed: u64,
}

/// Who erased whom, for the log.
#[derive(Debug, Clone, Copy)]
pub struct ErasureBy {
    pub requested_by: MemberId,
    pub by_operator: bool,
    pub ended_memberships: bool,
}

impl Store {
    /// The erasure waiting for its confirmation, if any (expired ones included).
    pub async fn erasure_request(
        &self,
        member: MemberId,
    ) -> Result<Option<ErasureRequest<MemberId>>> {
        let row: Option<(i64, i64, i64)> = sqlx::query_as(
            "SELECT requested_by, end_memberships, expires_at FROM erasure_requests WHERE member_id = ?",
        )
        .bind(member.0)
        .fetch_optional(&self.pool)
        .await
        .during("erasure_request")?;
        Ok(row.map(|(by, end, expires)| ErasureRequest {
            requested_by: MemberId(by),
            end_memberships: end != 0,
            expires_at: from_millis(expires),
        }))
    }

    /// Records (or replaces) the erasure `member` waits to confirm.
    pub async fn request_erasure(
        &self,
        member: MemberId,
        request: &ErasureRequest<MemberId>,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO erasure_requests (member_id, requested_by, end_memberships, expires_at) \
             VALUES (?, ?, ?, ?) ON CONFLICT (member_id) DO UPDATE SET \
             requested_by = excluded.requested_by, end_memberships = excluded.end_memberships, \
             expires_at = excluded.expires_at",
        )
        .bind(member.0)
        .bind(request.requested_by.0)
        .bind(i64::from(request.end_memberships))
        .bind(millis(request.expires_at))
        .execute(&self.writer)
        .await
        .during("request_erasure")?;
        Ok(())
    }
}

/// Statements run with ?1 = the erased member, after its accounts are dealt with.
const ERASE: &[&str] = &[
    // Reasons are words people wrote: about the member (a grant) or by them (a thanks).
    "UPDATE ledger SET reason = NULL WHERE member_id = ?1 AND kind IN ('thanks', 'grant', 'remove')",
    "UPDATE ledger SET reason = NULL WHERE actor_member_id = ?1 AND kind IN ('thanks', 'grant', 'remove')",
    "DELETE FROM period_scores WHERE member_id = ?1",
    "DELETE FROM member_days WHERE member_id = ?1",
    "DELETE FROM member_chat_days WHERE member_id = ?1",
    // Which drops reached them is theirs; the drops keep the count.
    "DELETE FROM drop_reach WHERE member_id = ?1",
    "DELETE FROM broadcast_deliveries WHERE member_id = ?1",
    "UPDATE broadcasts SET created_by = NULL WHERE created_by = ?1",
    // Payments stay for the books, without the provider's copy of who paid.
    "UPDATE payments SET raw = NULL, payer = NULL WHERE member_id = ?1",
    "UPDATE subscriptions SET payer = '' WHERE member_id = ?1",
    // A code's uses stay counted against its limit, as its payments stay in the books.
    "UPDATE promos SET created_by = NULL WHERE created_by = ?1",
    // Who brought whom stays, as the credit it earned stays in the ledger; the code goes.
    "DELETE FROM referral_codes WHERE member_id = ?1",
    // A code bought stays good for whoever was given it.
    "UPDATE gift_codes SET buyer_id = NULL WHERE buyer_id = ?1",
    // A seat held is freed for the team's manager to give again; a team they manage runs on
    // (an operator manages it from then on).
    "UPDATE team_seats SET removed_at = ?2, removed_by = ?1 WHERE member_id = ?1 AND removed_at IS NULL",
    // A certificate goes with its member: its page then says "not found", not "revoked".
    "DELETE FROM certificates WHERE member_id = ?1",
    "UPDATE certificates SET revoked_by = NULL WHERE revoked_by = ?1",
    // Their questions go with the answers under them (the XP those earned stays in the
    // ledger); their answers go too, an accepted one leaving its question accepted.
    "UPDATE questions SET accepted_answer_id = NULL WHERE accepted_answer_id IN \
     (SELECT id FROM question_answers WHERE answerer_id = ?1 OR question_id IN \
     (SELECT id FROM questions WHERE asker_id = ?1))",
    "DELETE FROM question_answers WHERE answerer_id = ?1 OR question_id IN \
     (SELECT id FROM questions WHERE asker_id = ?1)",
    "DELETE FROM question_places WHERE question_id IN (SELECT id FROM questions WHERE asker_id = ?1)",
    "DELETE FROM questions WHERE asker_id = ?1",
    "UPDATE questions SET accepted_by = NULL WHERE accepted_by = ?1",
    "DELETE FROM thanks WHERE giver_id = ?1",
    "DELETE FROM thanks WHERE receiver_id = ?1",
    "DELETE FROM link_codes WHERE member_id = ?1",
    "DELETE FROM feedback WHERE member_id = ?1",
    "DELETE FROM recommend_weekly WHERE member_id = ?1",
    "DELETE FROM event_members WHERE member_id = ?1",
    // Their words: what was posted from them stays a drop, the queue keeps nothing.
    "DELETE FROM submission_media WHERE submission_id IN \
     (SELECT id FROM submissions WHERE member_id = ?1)",
    "DELETE FROM submissions WHERE member_id = ?1",
    "UPDATE submissions SET decided_by = NULL WHERE decided_by = ?1",
    "DELETE FROM erasure_requests WHERE member_id = ?1",
    "DELETE FROM web_logins WHERE member_id = ?1",
    "DELETE FROM web_sessions WHERE member_id = ?1",
    "UPDATE deliveries SET state = 'cancelled' WHERE target = 'dm:' || ?1 AND state = 'pending'",
    "UPDATE members SET display_name = '', hidden = 1, erased_at = ?2, language = NULL, \
     app_language = NULL, last_message_xp_at = NULL, daily_last_day = NULL, daily_streak = 0, \
     first_active_day = NULL, last_active_day = NULL WHERE id = ?1",
];

impl WriteTx {
    /// Takes the erasure `requested_by` asked for `member`, if it is still waiting at `now`;
    /// the request is gone once taken, so two confirmations erase once.
    pub async fn take_erasure_request(
        &mut self,
        member: MemberId,
        requested_by: MemberId,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let taken = sqlx::query(
            "DELETE FROM erasure_requests WHERE member_id = ? AND requested_by = ? AND expires_at > ?",
        )
        .bind(member.0)
        .bind(requested_by.0)
        .bind(millis(now))
        .execute(&mut *self.tx)
        .await
        .during("take_erasure_request")?
        .rows_affected();
        Ok(taken > 0)
    }

    /// Erases `member` (see the module docs). Memberships still running are kept: they move,
    /// with the member's accounts stripped of names, to a fresh member.
    pub async fn erase_member(
        &mut self,
        member: MemberId,
        by: ErasureBy,
        at: DateTime<Utc>,
    ) -> Result<Erased> {
        let running: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM memberships WHERE member_id = ? AND ended_at IS NULL",
        )
        .bind(member.0)
        .fetch_one(&mut *self.tx)
        .await
        .during("erase_member")?;
        let mut erased = Erased {
            kept_with: None,
            accounts_removed: 0,
        };
        // The imported XP stays with the erased member's ledger; whatever account lives on
        // holds none of it, so a later import starts it afresh.
        sqlx::query(
            "DELETE FROM imported_xp WHERE (platform, user_id) IN \
             (SELECT platform, user_id FROM accounts WHERE member_id = ?)",
        )
        .bind(member.0)
        .execute(&mut *self.tx)
        .await
        .during("erase_member")?;
        if running > 0 {
            erased.kept_with = Some(self.keep_running_memberships(member, at).await?);
        } else {
            erased.accounts_removed = sqlx::query("DELETE FROM accounts WHERE member_id = ?")
                .bind(member.0)
                .execute(&mut *self.tx)
                .await
                .during("erase_member")?
                .rows_affected();
        }
        for &sql in ERASE {
            sqlx::query(sql)
                .bind(member.0)
                .bind(millis(at))
                .execute(&mut *self.tx)
                .await
                .during("erase_member")?;
        }
        sqlx::query(
            "INSERT INTO erasures (member_id, requested_by, by_operator, ended_memberships, kept_with, at) \
             VALUES (?, ?, ?, ?, ?, ?)",
        )
        .bind(member.0)
        .bind(by.requested_by.0)
        .bind(i64::from(by.by_operator))
        .bind(i64::from(by.ended_memberships))
        .bind(erased.kept_with.map(|m| m.0))
        .bind(millis(at))
        .execute(&mut *self.tx)
        .await
        .during("erase_member")?;
        Ok(erased)
    }

    /// Moves the running memberships and the accounts (without their names) to a new member,
    /// which starts from zero; each move is a `transfer` row in the membership ledger.
    async fn keep_running_memberships(
        &mut self,
        member: MemberId,
        at: DateTime<Utc>,
    ) -> Result<MemberId> {
        let fresh: i64 = sqlx::query_scalar(
            "INSERT INTO members (display_name, xp_reached_at, created_at) VALUES ('', ?1, ?1) RETURNING id",
        )
        .bind(millis(at))
        .fetch_one(&mut *self.tx)
        .await
        .during("keep_running_memberships")?;
        let statements = [
            "UPDATE accounts SET member_id = ?2, username = NULL, display_name = '' WHERE member_id = ?1",
            "INSERT INTO membership_events (member_id, tier, action, expires_before, expires_after, at) \
             SELECT ?2, tier, 'transfer', NULL, expires_at, ?3 FROM memberships \
             WHERE member_id = ?1 AND ended_at IS NULL",
            "UPDATE memberships SET member_id = ?2 WHERE member_id = ?1 AND ended_at IS NULL",
        ];
        for sql in statements {
            sqlx::query(sql)
                .bind(member.0)
                .bind(fresh)
                .bind(millis(at))
                .execute(&mut *self.tx)
                .await
                .during("keep_running_memberships")?;
        }
        Ok(MemberId(fresh))
    }
}
