//! Everything the database holds about one member, table by table, for `/privacy export` and
//! `steward export --member`. [`MEMBER_TABLES`] is the one list of where a member's rows live;
//! a test walks the schema so a new table that names members cannot be left out of it.

use serde_json::{Map, Value};
use sqlx::Acquire;

use super::error::During;
use super::{Result, Store};
use steward_core::ids::MemberId;

/// A table with rows about members: which rows are one member's, and which columns hold a
/// member id (another member's id there is left out of an export as `null`).
#[derive(Debug, Clone, Copy)]
pub struct MemberTable {
    pub name: &'static str,
    /// An SQL condition on the table's rows, with `?1` the member's id.
    pub rows: &'static str,
    pub member_columns: &'static [&'static str],
    /// Columns left out of an export: secrets of live sessions, which a file must not carry,
    /// and what a payment says about whoever paid, who may be someone else.
    pub secret_columns: &'static [&'static str],
}

const fn table(
    name: &'static str,
    rows: &'static str,
    member_columns: &'static [&'static str],
) -> MemberTable {
    MemberTable {
        name,
        rows,
        member_columns,
        secret_columns: &[],
    }
}

const fn with_secrets(table: MemberTable, secret_columns: &'static [&'static str]) -> MemberTable {
    MemberTable {
        secret_columns,
        ..table
    }
}

/// Every table that holds rows about a member.
pub const MEMBER_TABLES: &[MemberTable] = &[
    table("members", "id = ?1", &["id"]),
    table("accounts", "member_id = ?1", &["member_id"]),
    table(
        "ledger",
        "member_id = ?1",
        &["member_id", "actor_member_id"],
    ),
    table("award_log", "member_id = ?1", &["member_id"]),
    table("member_days", "member_id = ?1", &["member_id"]),
    table("member_chat_days", "member_id = ?1", &["member_id"]),
    table("period_scores", "member_id = ?1", &["member_id"]),
    table(
        "thanks",
        "giver_id = ?1 OR receiver_id = ?1",
        &["giver_id", "receiver_id"],
    ),
    table("link_codes", "member_id = ?1", &["member_id"]),
    table("memberships", "member_id = ?1", &["member_id"]),
    table(
        "membership_events",
        "member_id = ?1",
        &["member_id", "actor_member_id"],
    ),
    table("redemptions", "member_id = ?1", &["member_id"]),
    // Who paid may be someone else (a gift): the paying account and the provider's event
    // stay out of the member's export.
    with_secrets(
        table("payments", "member_id = ?1", &["member_id"]),
        &["payer", "raw"],
    ),
    with_secrets(
        table("subscriptions", "member_id = ?1", &["member_id"]),
        &["payer"],
    ),
    table("drops", "created_by = ?1", &["created_by"]),
    table("deliveries", "target = 'dm:' || ?1", &[]),
    table("ratings", "member_id = ?1", &["member_id"]),
    table("lessons_done", "member_id = ?1", &["member_id"]),
    table("drop_reach", "member_id = ?1", &["member_id"]),
    table("broadcast_deliveries", "member_id = ?1", &["member_id"]),
    table("broadcasts", "created_by = ?1", &["created_by"]),
    table("promo_uses", "member_id = ?1", &["member_id"]),
    table("promos", "created_by = ?1", &["created_by"]),
    table("referral_codes", "member_id = ?1", &["member_id"]),
    // A code the member bought, or redeemed; the other side's id is left out of the export.
    table(
        "gift_codes",
        "buyer_id = ?1 OR redeemed_by = ?1",
        &["buyer_id", "redeemed_by"],
    ),
    table(
        "referrals",
        "referred_id = ?1 OR referrer_id = ?1",
        &["referred_id", "referrer_id"],
    ),
    // A seat held (and by whom it was given or taken), and a team managed or made.
    table(
        "team_seats",
        "member_id = ?1",
        &["member_id", "added_by", "removed_by"],
    ),
    table(
        "teams",
        "manager_id = ?1 OR created_by = ?1",
        &["manager_id", "created_by"],
    ),
    // Questions asked, and answers given (another member's question they answered is theirs
    // to see only through the answer).
    table("questions", "asker_id = ?1", &["asker_id", "accepted_by"]),
    table("question_answers", "answerer_id = ?1", &["answerer_id"]),
    table("feedback", "member_id = ?1", &["member_id"]),
    table("courses_finished", "member_id = ?1", &["member_id"]),
    table(
        "certificates",
        "member_id = ?1",
        &["member_id", "revoked_by"],
    ),
    table("recommend_weekly", "member_id = ?1", &["member_id"]),
    table("event_members", "member_id = ?1", &["member_id"]),
    table("events", "created_by = ?1", &["created_by"]),
    // Only the member's own submissions: an operator's export must not carry the texts of
    // the submissions they decided, which are other members'.
    table(
        "submissions",
        "member_id = ?1",
        &["member_id", "decided_by"],
    ),
    // Their submissions' files: what they sent, named and typed, and where their platform
    // keeps them.
    table(
        "submission_media",
        "submission_id IN (SELECT id FROM submissions WHERE member_id = ?1)",
        &[],
    ),
    table(
        "erasure_requests",
        "member_id = ?1",
        &["member_id", "requested_by"],
    ),
    with_secrets(
        table("web_logins", "member_id = ?1", &["member_id"]),
        &["token_hash"],
    ),
    with_secrets(
        table("web_sessions", "member_id = ?1", &["member_id"]),
        &["session_hash", "csrf_token"],
    ),
    table(
        "erasures",
        "member_id = ?1",
        &["member_id", "requested_by", "kept_with"],
    ),
];

impl Store {
    /// The member's rows of every table in [`MEMBER_TABLES`], by table name, as JSON objects of
    /// column to value, read in one snapshot.
    pub async fn member_data(&self, member: MemberId) -> Result<Map<String, Value>> {
        self.settle().await.during("member_data")?;
        let mut conn = self.pool.acquire().await.during("member_data")?;
        let mut tx = conn.begin().await.during("member_data")?;
        let mut tables = Map::new();
        for table in MEMBER_TABLES {
            let columns: Vec<String> =
                sqlx::query_scalar("SELECT name FROM pragma_table_info(?) ORDER BY cid")
                    .bind(table.name)
                    .fetch_all(&mut *tx)
                    .await
                    .during("member_data")?;
            let fields: Vec<String> = columns
                .iter()
                .filter(|column| !table.secret_columns.contains(&column.as_str()))
                .map(|column| {
                    let value = if table.member_columns.contains(&column.as_str()) {
                        format!("CASE WHEN \"{column}\" = ?1 THEN \"{column}\" END")
                    } else {
                        format!("\"{column}\"")
                    };
                    format!("'{column}', {value}")
                })
                .collect();
            let sql = format!(
                "SELECT coalesce(json_group_array(json_object({})), '[]') FROM \"{}\" WHERE {}",
                fields.join(", "),
                table.name,
                table.rows
            );
            // Built from MEMBER_TABLES (constants) and the schema's own column names.
            let rows: String = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
                .bind(member.0)
                .fetch_one(&mut *tx)
                .await
                .during("member_data")?;
            let rows: Value = serde_json::from_str(&rows).unwrap_or(Value::Array(Vec::new()));
            tables.insert(table.name.to_owned(), rows);
        }
        Ok(tables)
    }

    /// Whether a member id names a member who has not been erased.
    pub async fn member_exists(&self, member: MemberId) -> Result<bool> {
        let found: Option<i64> =
            sqlx::query_scalar("SELECT 1 FROM members WHERE id = ? AND erased_at IS NULL")
                .bind(member.0)
                .fetch_optional(&self.pool)
                .await
                .during("member_exists")?;
        Ok(found.is_some())
    }
}
