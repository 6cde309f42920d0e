//! A console drop that carries a file named by its path (`/drop … file PATH`): read once when
//! scheduled, listed by `/drop show`, written out with the drop when it is due; a path that
//! names no file is refused plainly when scheduling.

// Helpers here unwrap as the tests do: a failure is the test failing, at its line.
#![allow(clippy::unwrap_used)]

mod cli_support;
use cli_support::{stdout, steward};

#[test]
fn a_console_drop_carries_a_file_named_by_its_path() {
    let dir = tempfile::tempdir().unwrap();
    let pdf: Vec<u8> = (0..1000u32).map(|i| (i % 256) as u8).collect();
    std::fs::write(dir.path().join("week 3.pdf"), &pdf).unwrap();
    let script = "/as admin\n/op\n/drop in 1s file \"week 3.pdf\" Week 3 slides\n/drop show 1\n\
                  /wait 2s\n/drop status 1\n/drop in 1h file missing.pdf Nope\n";
    let text = stdout(&steward(dir.path(), &["console"], script));
    assert!(text.contains("bot> Scheduled drop #1 for "), "{text}");
    assert!(
        text.contains("· document: week 3.pdf (application/pdf, 1000 bytes)"),
        "{text}"
    );
    assert!(text.contains("bot> [#general] Week 3 slides"), "{text}");
    let saved = text
        .lines()
        .find_map(|l| {
            l.split_once("file saved: ")
                .map(|(_, path)| path.trim().to_owned())
        })
        .unwrap_or_else(|| panic!("no file written: {text}"));
    assert_eq!(
        std::fs::read(dir.path().join(&saved)).unwrap(),
        pdf,
        "{saved}"
    );
    assert!(text.contains("console:general: sent"), "{text}");
    assert!(
        text.contains("missing.pdf could not be fetched, so this drop will not be delivered"),
        "{text}"
    );
}
