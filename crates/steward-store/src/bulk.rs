//! Bulk loading for benchmarks: a synthetic community written straight into the tables, and the
//! raw SQLite upsert rate on the same settings as the yardstick.

use std::path::Path;
use std::time::{Duration, Instant};

use sqlx::{QueryBuilder, Sqlite};

use super::error::During;
use super::{Result, Store};
use steward_core::periods::Board;

/// One synthetic member: console account `m{id}`.
#[derive(Debug, Clone, Copy)]
pub struct SyntheticMember {
    pub id: i64,
    pub xp: i64,
    pub reached_at_ms: i64,
    /// XP this week (0 = not active this week).
    pub week_xp: i64,
}

const CHUNK: usize = 1000;

impl Store {
    /// Writes members, their console accounts and their week scores, in large transactions.
    pub async fn bulk_load(&self, members: &[SyntheticMember], week: &Board) -> Result<()> {
        for part in members.chunks(50 * CHUNK) {
            let mut tx = self.writer.begin().await.during("bulk_load")?;
            for rows in part.chunks(CHUNK) {
                let mut q: QueryBuilder<Sqlite> = QueryBuilder::new(
                    "INSERT INTO members (id, display_name, xp, balance, xp_reached_at, created_at) ",
                );
                q.push_values(rows, |mut b, m| {
                    b.push_bind(m.id)
                        .push_bind(format!("m{}", m.id))
                        .push_bind(m.xp)
                        .push_bind(m.xp)
                        .push_bind(m.reached_at_ms)
                        .push_bind(0_i64);
                });
                q.build().execute(&mut *tx).await.during("bulk_load")?;
                let mut q: QueryBuilder<Sqlite> = QueryBuilder::new(
                    "INSERT INTO accounts (platform, user_id, member_id, username, display_name) ",
                );
                q.push_values(rows, |mut b, m| {
                    let name = format!("m{}", m.id);
                    b.push_bind("console")
                        .push_bind(name.clone())
                        .push_bind(m.id)
                        .push_bind(name.clone())
                        .push_bind(name);
                });
                q.build().execute(&mut *tx).await.during("bulk_load")?;
                let active: Vec<&SyntheticMember> = rows.iter().filter(|m| m.week_xp > 0).collect();
                if !active.is_empty() {
                    let mut q: QueryBuilder<Sqlite> = QueryBuilder::new(
                        "INSERT INTO period_scores (board, member_id, xp, reached_at) ",
                    );
                    q.push_values(active, |mut b, m| {
                        b.push_bind(week.key())
                            .push_bind(m.id)
                            .push_bind(m.week_xp)
                            .push_bind(m.reached_at_ms);
                    });
                    q.build().execute(&mut *tx).await.during("bulk_load")?;
                }
            }
            tx.commit().await.during("bulk_load")?;
        }
        sqlx::query("PRAGMA optimize")
            .execute(&self.writer)
            .await
            .during("bulk_load")?;
        Ok(())
    }
}

impl Store {
    /// Links members `ids` to accounts on `platform`: member `m` is user `first_user + m`.
    pub async fn bulk_link(
        &self,
        platform: steward_core::ids::Platform,
        ids: std::ops::RangeInclusive<i64>,
        first_user: i64,
    ) -> Result<()> {
        let ids: Vec<i64> = ids.collect();
        let mut tx = self.writer.begin().await.during("bulk_link")?;
        for rows in ids.chunks(CHUNK) {
            let mut q: QueryBuilder<Sqlite> = QueryBuilder::new(
                "INSERT INTO accounts (platform, user_id, member_id, username, display_name) ",
            );
            q.push_values(rows, |mut b, id| {
                let name = format!("m{id}");
                b.push_bind(platform.as_str())
                    .push_bind((first_user + id).to_string())
                    .push_bind(*id)
                    .push_bind(name.clone())
                    .push_bind(name);
            });
            q.build().execute(&mut *tx).await.during("bulk_link")?;
        }
        tx.commit().await.during("bulk_link")?;
        Ok(())
    }
}

/// The rate of the simplest equivalent statement: one upsert per message, on a fresh file with
/// the product's settings (WAL, synchronous=NORMAL), `per_transaction` upserts a commit (1:
/// autocommit, SPEC's yardstick; 1,000: what batching can reach, the limit for group commit).
/// Returns upserts per second.
pub async fn raw_upsert_rate(
    path: &Path,
    upserts: u32,
    keys: i64,
    per_transaction: u32,
) -> Result<f64> {
    let store = Store::open(path).await.during("raw_upsert_rate")?;
    sqlx::query(
        "CREATE TABLE IF NOT EXISTS raw_bench (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)",
    )
    .execute(&store.pool)
    .await
    .during("raw_upsert_rate")?;
    let upsert =
        "INSERT INTO raw_bench (id, n) VALUES (?, 1) ON CONFLICT (id) DO UPDATE SET n = n + 1";
    let started = Instant::now();
    let mut done = 0;
    while done < upserts {
        let batch = per_transaction.max(1).min(upserts - done);
        if batch == 1 {
            sqlx::query(upsert)
                .bind(i64::from(done) % keys.max(1))
                .execute(&store.writer)
                .await
                .during("raw_upsert_rate")?;
        } else {
            let mut tx = store.writer.begin().await.during("raw_upsert_rate")?;
            for i in done..done + batch {
                sqlx::query(upsert)
                    .bind(i64::from(i) % keys.max(1))
                    .execute(&mut *tx)
                    .await
                    .during("raw_upsert_rate")?;
            }
            tx.commit().await.during("raw_upsert_rate")?;
        }
        done += batch;
    }
    let elapsed = started.elapsed().max(Duration::from_nanos(1));
    store.close().await;
    Ok(f64::from(upserts) / elapsed.as_secs_f64())
}
