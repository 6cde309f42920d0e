//! Promo codes and their uses. A use is taken in the caller's [`WriteTx`] with the count of the
//! others read in the same transaction, so two members cannot both take the last one; whether
//! a use may be taken is the core's decision (`promo::Promo::may_take`).

use chrono::{DateTime, Utc};

use super::error::During;
use super::{Result, Store, WriteTx, from_millis, millis};
use steward_core::ids::MemberId;
use steward_core::payments::promo::{Discount, Promo};

/// A promo with how far it has gone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PromoRow {
    pub promo: Promo,
    /// `config` or `operator`.
    pub source: String,
    /// Uses kept by a payment.
    pub paid: u32,
    /// Uses taken at a checkout not paid yet (and not lapsed).
    pub open: u32,
}

/// One member's use of a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PromoUse {
    /// The Stars price it was taken at.
    pub stars: Option<u32>,
    pub taken_at: DateTime<Utc>,
    /// Kept by a payment.
    pub paid: bool,
}

type PromoTuple = (
    String,
    String,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    Option<i64>,
    bool,
    Option<i64>,
);

fn promo(
    (code, plan, percent, stars, until, uses, first_term_only, ended_at): PromoTuple,
) -> Option<Promo> {
    let discount = match (percent, stars) {
        (Some(percent), _) => Discount::Percent(u8::try_from(percent).ok()?),
        (None, Some(stars)) => Discount::Stars(u32::try_from(stars).ok()?),
        (None, None) => return None,
    };
    Some(Promo {
        code,
        plan,
        discount,
        until: until.map(from_millis),
        uses: uses.and_then(|n| u32::try_from(n).ok()),
        first_term_only,
        ended: ended_at.is_some(),
    })
}

fn parts(discount: Discount) -> (Option<i64>, Option<i64>) {
    match discount {
        Discount::Percent(off) => (Some(i64::from(off)), None),
        Discount::Stars(stars) => (None, Some(i64::from(stars))),
    }
}

impl Store {
    /// Writes the config file's promos: each as the file says now (one an operator ended in
    /// chat stays ended: that was their decision), and those no longer in it ended. A code an operator made in chat is left
    /// alone: the codes the file could not write for that are returned.
    pub async fn save_config_promos(
        &self,
        promos: &[Promo],
        at: DateTime<Utc>,
    ) -> Result<Vec<String>> {
        let mut tx = self.writer.begin().await.during("save_config_promos")?;
        let mut taken = Vec::new();
        for p in promos {
            let (percent, stars) = parts(p.discount);
            let done = sqlx::query(
                "INSERT INTO promos (code, plan, percent, stars, until, uses, first_term_only, \
                 source, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'config', ?8) \
                 ON CONFLICT (code) DO UPDATE SET plan = ?2, percent = ?3, stars = ?4, \
                 until = ?5, uses = ?6, first_term_only = ?7 \
                 WHERE source = 'config'",
            )
            .bind(&p.code)
            .bind(&p.plan)
            .bind(percent)
            .bind(stars)
            .bind(p.until.map(millis))
            .bind(p.uses.map(i64::from))
            .bind(p.first_term_only)
            .bind(millis(at))
            .execute(&mut *tx)
            .await
            .during("save_config_promos")?;
            if done.rows_affected() == 0 {
                taken.push(p.code.clone());
            }
        }
        let listed: Vec<&str> = promos.iter().map(|p| p.code.as_str()).collect();
        let listed = serde_json::to_string(&listed).unwrap_or_else(|_| "[]".to_owned());
        sqlx::query(
            "UPDATE promos SET ended_at = ?1 WHERE source = 'config' AND ended_at IS NULL \
             AND code NOT IN (SELECT value FROM json_each(?2))",
        )
        .bind(millis(at))
        .bind(listed)
        .execute(&mut *tx)
        .await
        .during("save_config_promos")?;
        tx.commit().await.during("save_config_promos")?;
        Ok(taken)
    }

    /// Every promo, newest first, with its uses (an open use counts while taken after
    /// `open_since`).
    pub async fn promos(&self, open_since: DateTime<Utc>) -> Result<Vec<PromoRow>> {
        type Row = (
            String,
            String,
            Option<i64>,
            Option<i64>,
            Option<i64>,
            Option<i64>,
            bool,
            Option<i64>,
            String,
            i64,
            i64,
        );
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT code, plan, percent, stars, until, uses, first_term_only, ended_at, source, \
             (SELECT COUNT(*) FROM promo_uses u WHERE u.code = p.code AND u.payment_id IS NOT NULL), \
             (SELECT COUNT(*) FROM promo_uses u WHERE u.code = p.code AND u.payment_id IS NULL \
              AND u.taken_at >= ?) \
             FROM promos p ORDER BY created_at DESC, code",
        )
        .bind(millis(open_since))
        .fetch_all(&self.pool)
        .await
        .during("promos")?;
        Ok(rows
            .into_iter()
            .filter_map(|(c, pl, pe, st, un, us, f, e, source, paid, open)| {
                Some(PromoRow {
                    promo: promo((c, pl, pe, st, un, us, f, e))?,
                    source,
                    paid: u32::try_from(paid).unwrap_or(u32::MAX),
                    open: u32::try_from(open).unwrap_or(u32::MAX),
                })
            })
            .collect())
    }

    /// `member`'s use of `code`, if they took one.
    pub async fn promo_use(&self, code: &str, member: MemberId) -> Result<Option<PromoUse>> {
        use_of(&self.pool, code, member).await
    }
}

/// `member`'s use of `code`, read through `executor` (the pool, or a transaction).
async fn use_of<'e>(
    executor: impl sqlx::SqliteExecutor<'e>,
    code: &str,
    member: MemberId,
) -> Result<Option<PromoUse>> {
    let row: Option<(Option<i64>, i64, Option<i64>)> = sqlx::query_as(
        "SELECT stars, taken_at, payment_id FROM promo_uses WHERE code = ? AND member_id = ?",
    )
    .bind(code)
    .bind(member.0)
    .fetch_optional(executor)
    .await
    .during("promo_use")?;
    Ok(row.map(|(stars, taken_at, payment)| PromoUse {
        stars: stars.and_then(|s| u32::try_from(s).ok()),
        taken_at: from_millis(taken_at),
        paid: payment.is_some(),
    }))
}

impl<S> WriteTx<S> {
    /// A promo by code.
    pub async fn promo(&mut self, code: &str) -> Result<Option<Promo>> {
        let row: Option<PromoTuple> = sqlx::query_as(
            "SELECT code, plan, percent, stars, until, uses, first_term_only, ended_at \
             FROM promos WHERE code = ?",
        )
        .bind(code)
        .fetch_optional(&mut *self.tx)
        .await
        .during("promo")?;
        Ok(row.and_then(promo))
    }

    /// Makes an operator's promo; `false` if the code exists (ended or not).
    pub async fn create_promo(
        &mut self,
        p: &Promo,
        by: MemberId,
        at: DateTime<Utc>,
    ) -> Result<bool> {
        let (percent, stars) = parts(p.discount);
        let done = sqlx::query(
            "INSERT OR IGNORE INTO promos (code, plan, percent, stars, until, uses, \
             first_term_only, source, created_by, created_at) \
             VALUES (?, ?, ?, ?, ?, ?, ?, 'operator', ?, ?)",
        )
        .bind(&p.code)
        .bind(&p.plan)
        .bind(percent)
        .bind(stars)
        .bind(p.until.map(millis))
        .bind(p.uses.map(i64::from))
        .bind(p.first_term_only)
        .bind(by.0)
        .bind(millis(at))
        .execute(&mut *self.tx)
        .await
        .during("create_promo")?;
        Ok(done.rows_affected() == 1)
    }

    /// Ends a promo: no new uses. `false` if there is none running by that code.
    pub async fn end_promo(&mut self, code: &str, at: DateTime<Utc>) -> Result<bool> {
        let done =
            sqlx::query("UPDATE promos SET ended_at = ? WHERE code = ? AND ended_at IS NULL")
                .bind(millis(at))
                .bind(code)
                .execute(&mut *self.tx)
                .await
                .during("end_promo")?;
        Ok(done.rows_affected() == 1)
    }

    /// `member`'s use of `code`, if they took one.
    pub async fn promo_use(&mut self, code: &str, member: MemberId) -> Result<Option<PromoUse>> {
        use_of(&mut *self.tx, code, member).await
    }

    /// Uses of `code` that count against its limit, `member`'s own aside: those paid, and those
    /// taken after `open_since` and not paid yet.
    pub async fn promo_uses_taken(
        &mut self,
        code: &str,
        member: MemberId,
        open_since: DateTime<Utc>,
    ) -> Result<u32> {
        let (n,): (i64,) = sqlx::query_as(
            "SELECT COUNT(*) FROM promo_uses WHERE code = ? AND member_id <> ? \
             AND (payment_id IS NOT NULL OR taken_at >= ?)",
        )
        .bind(code)
        .bind(member.0)
        .bind(millis(open_since))
        .fetch_one(&mut *self.tx)
        .await
        .during("promo_uses_taken")?;
        Ok(u32::try_from(n).unwrap_or(u32::MAX))
    }

    /// Takes (or takes again, after an unpaid one lapsed) `member`'s use of `code`, at `stars`.
    pub async fn take_promo_use(
        &mut self,
        code: &str,
        member: MemberId,
        plan: &str,
        stars: Option<u32>,
        at: DateTime<Utc>,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO promo_uses (code, member_id, plan, stars, taken_at) VALUES (?1, ?2, ?3, ?4, ?5) \
             ON CONFLICT (code, member_id) DO UPDATE SET plan = ?3, stars = ?4, taken_at = ?5 \
             WHERE payment_id IS NULL",
        )
        .bind(code)
        .bind(member.0)
        .bind(plan)
        .bind(stars.map(i64::from))
        .bind(millis(at))
        .execute(&mut *self.tx)
        .await
        .during("take_promo_use")?;
        Ok(())
    }

    /// Marks `member`'s use of `code` kept by `payment` (the first payment keeps it).
    pub async fn keep_promo_use(
        &mut self,
        code: &str,
        member: MemberId,
        payment: i64,
    ) -> Result<()> {
        sqlx::query(
            "UPDATE promo_uses SET payment_id = ? WHERE code = ? AND member_id = ? \
             AND payment_id IS NULL",
        )
        .bind(payment)
        .bind(code)
        .bind(member.0)
        .execute(&mut *self.tx)
        .await
        .during("keep_promo_use")?;
        Ok(())
    }
}
