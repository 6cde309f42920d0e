//! The identity component: what the engine remembers of accounts between events (account →
//! member, with the names last seen), so a chat message needs no database round trip to know
//! its sender. A merge (`/link`) moves accounts between members; it bumps a generation so a
//! lookup that raced it does not store a stale entry.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::core::ids::{AccountProfile, AccountRef, MemberId};
use crate::sync;

#[derive(Debug, Clone)]
struct CachedAccount {
    member: MemberId,
    display_name: String,
    username: Option<String>,
}

#[derive(Debug, Default)]
pub(crate) struct IdentityCache {
    accounts: Mutex<HashMap<AccountRef, CachedAccount>>,
    merges: AtomicU64,
}

impl IdentityCache {
    /// The member behind `profile`'s account, if known and seen under the same names.
    pub(crate) fn member(&self, profile: &AccountProfile) -> Option<MemberId> {
        let accounts = sync::lock(&self.accounts);
        let hit = accounts.get(&profile.account)?;
        (hit.display_name == profile.display_name && hit.username == profile.username)
            .then_some(hit.member)
    }

    /// Read before a lookup in the database; pass to [`IdentityCache::remember`].
    pub(crate) fn generation(&self) -> u64 {
        self.merges.load(Ordering::SeqCst)
    }

    /// Remembers a lookup, unless a merge happened since `generation` was read.
    pub(crate) fn remember(&self, profile: &AccountProfile, member: MemberId, generation: u64) {
        let mut accounts = sync::lock(&self.accounts);
        if self.generation() == generation {
            accounts.insert(
                profile.account.clone(),
                CachedAccount {
                    member,
                    display_name: profile.display_name.clone(),
                    username: profile.username.clone(),
                },
            );
        }
    }

    /// Forgets every account of a member merged away.
    pub(crate) fn forget_member(&self, absorbed: MemberId) {
        let mut accounts = sync::lock(&self.accounts);
        self.merges.fetch_add(1, Ordering::SeqCst);
        accounts.retain(|_, cached| cached.member != absorbed);
    }
}
