//! `config.example.toml` shows every key the schema knows, in its section (set or commented
//! out), so a newcomer who reads it sees everything they can set.

use crate::schema::{Field, Kind, ROOT};

const EXAMPLE: &str = include_str!("../../../../config.example.toml");

/// The example's text under the header of `section` up to the next header, commented headers
/// (`# [[courses]]`) included.
fn block_of(section: &str, kind: Kind) -> Option<String> {
    let header = match kind {
        Kind::Section(_) => format!("[{section}]"),
        Kind::Sections(_) => format!("[[{section}]]"),
        _ => format!("[{section}."),
    };
    let mut block = String::new();
    let mut inside = false;
    for line in EXAMPLE.lines() {
        let bare = line.trim_start_matches(['#', ' ']);
        let is_header =
            bare.starts_with('[') && bare.trim_end().ends_with(']') && !bare.contains(' ');
        if is_header {
            inside = bare.starts_with(&header);
            continue;
        }
        if inside {
            block.push_str(bare);
            block.push('\n');
        }
    }
    (!block.is_empty()).then_some(block)
}

fn names_key(block: &str, field: &Field) -> bool {
    block.lines().any(|line| {
        line.split_once('=')
            .is_some_and(|(key, _)| key.trim() == field.name)
    })
}

#[test]
fn the_example_shows_every_key() {
    let mut missing = Vec::new();
    for section in ROOT {
        let fields = match section.kind {
            Kind::Section(f) | Kind::Sections(f) | Kind::Named(f) => f,
            _ => continue,
        };
        let Some(block) = block_of(section.name, section.kind) else {
            missing.push(format!("[{}]", section.name));
            continue;
        };
        for field in fields {
            if !names_key(&block, field) {
                missing.push(format!("{}.{}", section.name, field.name));
            }
        }
    }
    assert!(missing.is_empty(), "config.example.toml lacks {missing:#?}");
}
