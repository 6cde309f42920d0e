//! The names on the boards, held in memory. A leaderboard page shows 100 members scattered over
//! the members table, and reading their names from SQLite was most of a page's cost. The names
//! of every listed member are read in the background at start ([`Identity::load_board_names`]);
//! a name not there yet is read on demand and kept. Every rename, erasure and merge forgets the
//! member's name after its commit, and bumps a generation so that a read which raced it does
//! not keep the old name.
//!
//! Compact on purpose (a million members): one offset per member id into one buffer of
//! length-prefixed names, about 4 bytes plus the name's own.

use crate::Identity;
use std::sync::RwLock;

use crate::EngineResult;
use crate::core::ids::MemberId;
use crate::sync;

/// Member ids above this are read from the database each time (the offsets grow with the
/// highest id, and ids are dense in practice).
const MAX_ID: i64 = 50_000_000;
const ABSENT: u32 = u32::MAX;
/// Names loaded per read at start.
const LOAD_CHUNK: u32 = 50_000;
/// Member ids whose names a scan tests between turns for other tasks.
const SCAN_SLICE: usize = 65_536;
const NOT_KEPT: u8 = 0;
const KEPT: u8 = 1;
const MATCHES: u8 = 2;

/// What a [`BoardNames::scan`] found: a byte per member id, about 1 MB a million members.
pub(crate) struct NameScan {
    states: Vec<u8>,
}

impl NameScan {
    /// Whether the member's name passed the test; `None` when no name was kept for them.
    pub(crate) fn matches(&self, member: MemberId) -> Option<bool> {
        match *self.states.get(slot(member)?)? {
            NOT_KEPT => None,
            state => Some(state == MATCHES),
        }
    }
}

#[derive(Debug, Default)]
pub(crate) struct BoardNames {
    directory: RwLock<Directory>,
}

#[derive(Debug, Default)]
struct Directory {
    /// By member id: where the name starts in `buffer`, or `ABSENT`.
    offsets: Vec<u32>,
    /// Names, each after its length as two bytes.
    buffer: Vec<u8>,
    /// Bytes of forgotten names still in `buffer`.
    garbage: usize,
    /// Bumped by every forget; a fill read before it is dropped.
    generation: u64,
}

fn slot(member: MemberId) -> Option<usize> {
    (0..=MAX_ID)
        .contains(&member.0)
        .then(|| usize::try_from(member.0).ok())
        .flatten()
}

impl Directory {
    #[cfg(test)]
    fn get(&self, member: MemberId) -> Option<&str> {
        self.name_at(self.start(member)?)
    }

    fn start(&self, member: MemberId) -> Option<u32> {
        let start = *self.offsets.get(slot(member)?)?;
        (start != ABSENT).then_some(start)
    }

    fn name_at(&self, start: u32) -> Option<&str> {
        let start = start as usize;
        let head = self.buffer.get(start..start + 2)?;
        let len = usize::from(u16::from_le_bytes([head[0], head[1]]));
        std::str::from_utf8(self.buffer.get(start + 2..start + 2 + len)?).ok()
    }

    fn put(&mut self, member: MemberId, name: &str) {
        let (Some(at), Ok(len)) = (slot(member), u16::try_from(name.len())) else {
            return;
        };
        let Ok(start) = u32::try_from(self.buffer.len()) else {
            return; // 4 GiB of names: the rest are read from the database
        };
        if at >= self.offsets.len() {
            self.offsets.resize(at + 1, ABSENT);
        }
        self.drop_name(at);
        self.offsets[at] = start;
        self.buffer.extend_from_slice(&len.to_le_bytes());
        self.buffer.extend_from_slice(name.as_bytes());
    }

    fn forget(&mut self, member: MemberId) {
        self.generation += 1;
        if let Some(at) = slot(member).filter(|at| *at < self.offsets.len()) {
            self.drop_name(at);
            self.offsets[at] = ABSENT;
        }
        if self.garbage > 1 << 20 && self.garbage * 2 > self.buffer.len() {
            self.compact();
        }
    }

    fn drop_name(&mut self, at: usize) {
        let start = self.offsets[at];
        if start != ABSENT {
            let start = start as usize;
            let len = self.buffer[start..start + 2]
                .try_into()
                .map_or(0, |head| usize::from(u16::from_le_bytes(head)));
            self.garbage += 2 + len;
        }
    }

    /// Copies the live names into a new buffer (renames leave old ones behind).
    fn compact(&mut self) {
        let mut buffer = Vec::with_capacity(self.buffer.len() - self.garbage);
        for at in 0..self.offsets.len() {
            let start = self.offsets[at];
            if start == ABSENT {
                continue;
            }
            let start = start as usize;
            let len = usize::from(u16::from_le_bytes([
                self.buffer[start],
                self.buffer[start + 1],
            ]));
            // The buffer shrinks, so every new offset fits where the old one did.
            self.offsets[at] = buffer.len() as u32;
            buffer.extend_from_slice(&self.buffer[start..start + 2 + len]);
        }
        self.buffer = buffer;
        self.garbage = 0;
    }
}

impl BoardNames {
    /// Read before reading names from the database; pass to [`BoardNames::fill`].
    pub(crate) fn generation(&self) -> u64 {
        sync::read(&self.directory).generation
    }

    /// The kept name of each member (`None`: not kept).
    pub(crate) fn names(&self, members: &[MemberId]) -> Vec<Option<String>> {
        let directory = sync::read(&self.directory);
        // Members of a page are scattered over memory: reading every offset first, then every
        // name, lets the processor wait for many of them at once instead of one at a time.
        let starts: Vec<Option<u32>> = members
            .iter()
            .map(|member| directory.start(*member))
            .collect();
        let names: Vec<Option<&str>> = starts
            .iter()
            .map(|start| directory.name_at((*start)?))
            .collect();
        names
            .into_iter()
            .map(|name| name.map(str::to_owned))
            .collect()
    }

    /// Every kept name tested by `test`, in member id order (the order names were loaded, so
    /// the buffer is read front to back), a slice of ids at a time with a turn for other tasks
    /// between slices: the directory is read-locked only for a slice.
    pub(crate) async fn scan(&self, test: impl Fn(&str) -> bool) -> NameScan {
        let mut states = Vec::new();
        let mut at = 0;
        loop {
            {
                let directory = sync::read(&self.directory);
                let end = (at + SCAN_SLICE).min(directory.offsets.len());
                states.extend(directory.offsets[at.min(end)..end].iter().map(|start| {
                    if *start == ABSENT {
                        NOT_KEPT
                    } else if directory.name_at(*start).is_some_and(&test) {
                        MATCHES
                    } else {
                        KEPT
                    }
                }));
                if end >= directory.offsets.len() {
                    break;
                }
                at = end;
            }
            tokio::task::yield_now().await;
        }
        NameScan { states }
    }

    /// Keeps names read from the database, unless a name was forgotten since `generation`.
    pub(crate) fn fill<'a>(
        &self,
        generation: u64,
        names: impl IntoIterator<Item = (MemberId, &'a str)>,
    ) -> bool {
        let mut directory = sync::write(&self.directory);
        if directory.generation != generation {
            return false;
        }
        for (member, name) in names {
            directory.put(member, name);
        }
        true
    }

    /// Forgets a member's name: call after committing a rename, an erasure or a merge.
    pub(crate) fn forget(&self, member: MemberId) {
        sync::write(&self.directory).forget(member);
    }

    fn shrink(&self) {
        let mut directory = sync::write(&self.directory);
        directory.buffer.shrink_to_fit();
        directory.offsets.shrink_to_fit();
    }
}

impl Identity {
    /// Reads the names of every listed member into memory, in chunks; `steward run` starts it
    /// in the background, and pages read names from the database until it is done.
    pub async fn load_board_names(&self) -> EngineResult<()> {
        let names = self.names();
        let mut after = MemberId(0);
        loop {
            let generation = names.generation();
            let chunk = self.kernel.store.listed_names(after, LOAD_CHUNK).await?;
            let Some((last, _)) = chunk.last() else {
                break;
            };
            let last = *last;
            // A rename raced this chunk: read it again.
            if names.fill(
                generation,
                chunk.iter().map(|(id, name)| (*id, name.as_str())),
            ) {
                after = last;
            }
        }
        names.shrink();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_renames_forgets_and_compacts() {
        let names = BoardNames::default();
        let g = names.generation();
        assert!(names.fill(g, [(MemberId(1), "Ada"), (MemberId(3), "林")]));
        assert_eq!(
            names.names(&[MemberId(1), MemberId(2), MemberId(3)]),
            vec![Some("Ada".into()), None, Some("林".into())]
        );
        names.forget(MemberId(1));
        assert_eq!(names.names(&[MemberId(1)]), vec![None]);
        // A read from before the forget is not kept: it may hold the old name.
        assert!(!names.fill(g, [(MemberId(1), "Ada")]));
        assert_eq!(names.names(&[MemberId(1)]), vec![None]);
        let g = names.generation();
        assert!(names.fill(g, [(MemberId(1), "Ada L.")]));
        assert_eq!(names.names(&[MemberId(1)]), vec![Some("Ada L.".into())]);
    }

    #[tokio::test]
    async fn a_scan_tests_every_kept_name_and_tells_the_rest_apart() {
        let names = BoardNames::default();
        let g = names.generation();
        let many = (1..200_000).map(|id| (MemberId(id), if id % 2 == 0 { "ann" } else { "bob" }));
        let many: Vec<(MemberId, &str)> = many.collect();
        assert!(names.fill(g, many));
        names.forget(MemberId(4));
        let scan = names.scan(|name| name == "ann").await;
        assert_eq!(scan.matches(MemberId(2)), Some(true));
        assert_eq!(
            scan.matches(MemberId(199_998)),
            Some(true),
            "past the first slice"
        );
        assert_eq!(scan.matches(MemberId(3)), Some(false));
        assert_eq!(scan.matches(MemberId(4)), None, "forgotten");
        assert_eq!(scan.matches(MemberId(0)), None);
        assert_eq!(scan.matches(MemberId(500_000)), None);
        assert_eq!(scan.matches(MemberId(-1)), None);
    }

    #[test]
    fn compaction_keeps_every_live_name() {
        let mut directory = Directory::default();
        let long = "x".repeat(60_000);
        for id in 0..40 {
            directory.put(MemberId(id), &format!("{long}{id}"));
        }
        for id in 0..30 {
            directory.forget(MemberId(id));
        }
        assert!(directory.buffer.len() < 20 * 60_010, "compacted");
        for id in 30..40 {
            assert_eq!(
                directory.get(MemberId(id)),
                Some(format!("{long}{id}").as_str())
            );
        }
        assert_eq!(directory.get(MemberId(5)), None);
        assert_eq!(directory.get(MemberId(-1)), None);
    }
}
