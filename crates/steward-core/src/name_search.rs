//! Searching the boards by name: what a search may be (2 to 64 characters), what matches it
//! (the name contains it, in any case), and how many searches one client may make (a few at
//! once, then one every few seconds). Pure; the engine walks the boards and keeps the counts.

use std::collections::HashMap;
use std::hash::Hash;
use std::net::IpAddr;

use chrono::{DateTime, Duration, Utc};

use super::ids::MemberId;

/// The fewest characters a search may have: one letter would match most of a board.
pub const MIN_QUERY_CHARS: usize = 2;
/// The most: as long as the search box takes.
pub const MAX_QUERY_CHARS: usize = 64;

/// Why a search is not run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QueryError {
    TooShort,
    TooLong,
}

/// A search by name, parsed at the edge: inside the program a query that exists is 2 to 64
/// characters (after trimming spaces).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameQuery {
    /// As typed (trimmed), for showing.
    text: String,
    /// Lower-cased, for matching.
    folded: String,
}

impl NameQuery {
    pub fn parse(text: &str) -> Result<Self, QueryError> {
        let text = text.trim();
        let chars = text.chars().count();
        if chars < MIN_QUERY_CHARS {
            return Err(QueryError::TooShort);
        }
        if chars > MAX_QUERY_CHARS {
            return Err(QueryError::TooLong);
        }
        Ok(Self {
            text: text.to_owned(),
            folded: text.to_lowercase(),
        })
    }

    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether `name` contains the query, in any case (`Ann` finds `joANNa`, `Ä` finds `ä`).
    /// Cheap for the names most boards hold: ASCII names are compared byte by byte, and names
    /// without capitals (Chinese ones, say) as they are; only others are lower-cased first.
    #[must_use]
    pub fn matches(&self, name: &str) -> bool {
        let needle = self.folded.as_bytes();
        if name.is_ascii() {
            return name
                .as_bytes()
                .windows(needle.len())
                .any(|window| window.eq_ignore_ascii_case(needle));
        }
        if name.chars().any(char::is_uppercase) {
            name.to_lowercase().contains(&self.folded)
        } else {
            name.contains(&self.folded)
        }
    }
}

/// Who a search is counted against: a logged-in member wherever they are, else the address it
/// came from. An IPv6 address counts by its /64, the block one subscriber is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SearchClient {
    Member(MemberId),
    Address(IpAddr),
}

impl SearchClient {
    /// The client of a request by `member` (if logged in) from `address`.
    #[must_use]
    pub fn of(member: Option<MemberId>, address: IpAddr) -> Self {
        member.map_or_else(|| Self::address(address), Self::Member)
    }

    #[must_use]
    pub fn address(ip: IpAddr) -> Self {
        match ip {
            IpAddr::V4(_) => Self::Address(ip),
            IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
                Some(v4) => Self::Address(IpAddr::V4(v4)),
                None => {
                    let prefix = u128::from(v6) & !((1u128 << 64) - 1);
                    Self::Address(IpAddr::V6(prefix.into()))
                }
            },
        }
    }
}

/// Searches a client may make at once.
pub const SEARCH_BURST: u32 = 10;
/// Then one more each this long.
pub const SEARCH_EVERY: Duration = Duration::seconds(3);
/// Clients remembered at most; past it, those whose allowance is whole again are forgotten.
const MAX_CLIENTS: usize = 100_000;

/// A token bucket per client: `burst` at once, refilled one per `every`.
#[derive(Debug)]
pub struct Allowance<K> {
    burst: u32,
    every: Duration,
    /// Per client: when its bucket is full again (a bucket full now is not kept).
    full_at: HashMap<K, DateTime<Utc>>,
}

impl<K: Eq + Hash + Copy> Allowance<K> {
    #[must_use]
    pub fn new(burst: u32, every: Duration) -> Self {
        Self {
            burst,
            every,
            full_at: HashMap::new(),
        }
    }

    /// Takes one for `client` at `now`; `Err(wait)` when it has none left and must wait.
    pub fn take(&mut self, client: K, now: DateTime<Utc>) -> Result<(), Duration> {
        let window = self.every * i32::try_from(self.burst).unwrap_or(i32::MAX);
        let full_at = self.full_at.get(&client).copied().unwrap_or(now).max(now);
        // Each search pushes "full again" one step later; a bucket is empty once that is a
        // whole window away.
        let after = full_at + self.every;
        if after - now > window {
            return Err(after - window - now);
        }
        if self.full_at.len() >= MAX_CLIENTS {
            self.full_at.retain(|_, at| *at > now);
        }
        self.full_at.insert(client, after);
        Ok(())
    }
}

impl Default for Allowance<SearchClient> {
    fn default() -> Self {
        Self::new(SEARCH_BURST, SEARCH_EVERY)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_is_two_to_sixty_four_characters() {
        assert_eq!(NameQuery::parse(" a "), Err(QueryError::TooShort));
        assert_eq!(NameQuery::parse(""), Err(QueryError::TooShort));
        assert_eq!(
            NameQuery::parse("林").map(|_| ()),
            Err(QueryError::TooShort)
        );
        assert!(
            NameQuery::parse("林三").is_ok(),
            "two characters, six bytes"
        );
        assert!(NameQuery::parse(&"字".repeat(64)).is_ok());
        assert_eq!(NameQuery::parse(&"x".repeat(65)), Err(QueryError::TooLong));
        assert_eq!(NameQuery::parse("  ann ").unwrap().as_str(), "ann");
    }

    #[test]
    fn a_name_matches_what_it_contains_in_any_case() {
        let ann = NameQuery::parse("Ann").unwrap();
        assert!(ann.matches("joANNa") && ann.matches("ann") && !ann.matches("an-n"));
        assert!(!ann.matches("bob"));
        let umlaut = NameQuery::parse("ÄR").unwrap();
        assert!(umlaut.matches("Bärbel") && umlaut.matches("BÄRBEL"));
        let chinese = NameQuery::parse("小明").unwrap();
        assert!(chinese.matches("王小明") && !chinese.matches("小红"));
        assert!(
            !NameQuery::parse("ä1").unwrap().matches("a1"),
            "an ASCII name"
        );
    }

    #[test]
    fn ipv6_clients_count_by_their_64_block() {
        let one = SearchClient::address("2001:db8:1:2:aaaa::1".parse().unwrap());
        let same = SearchClient::address("2001:db8:1:2:bbbb::9".parse().unwrap());
        let other = SearchClient::address("2001:db8:1:3::1".parse().unwrap());
        assert_eq!(one, same);
        assert_ne!(one, other);
        let mapped = SearchClient::address("::ffff:192.0.2.1".parse().unwrap());
        assert_eq!(mapped, SearchClient::address("192.0.2.1".parse().unwrap()));
    }

    #[test]
    fn a_client_has_a_burst_then_one_every_step() {
        let now: DateTime<Utc> = "2026-11-25T09:00:00Z".parse().unwrap();
        let mut allowance = Allowance::new(3, Duration::seconds(2));
        for _ in 0..3 {
            assert_eq!(allowance.take('a', now), Ok(()));
        }
        assert_eq!(allowance.take('a', now), Err(Duration::seconds(2)));
        assert_eq!(allowance.take('b', now), Ok(()), "others are not held up");
        let later = now + Duration::seconds(2);
        assert_eq!(allowance.take('a', later), Ok(()));
        assert!(allowance.take('a', later).is_err());
        // A long pause gives the whole burst back, not more.
        let rested = later + Duration::hours(1);
        for _ in 0..3 {
            assert_eq!(allowance.take('a', rested), Ok(()));
        }
        assert!(allowance.take('a', rested).is_err());
    }
}
