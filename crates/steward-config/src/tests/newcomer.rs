//! Issue #33 item 11: check-config names every problem of a course entry with its path, an
//! out-of-range price is not also "no price", and a card-only plan without a Stripe key warns.

use super::shown;
use crate::*;

const TIER: &str = "[[tiers]]\nid = \"pro\"\nname = \"Pro\"\nrank = 1\n\n";

#[test]
fn a_course_entry_reports_all_its_problems_with_their_paths() {
    let text =
        format!("{TIER}[[courses]]\nid = \"bad id!\"\ntitle = \"  \"\ndiscord_role = \"abc\"\n");
    let shown = shown(&text).join("\n");
    assert!(shown.contains("courses[0].id"), "{shown}");
    assert!(
        shown.contains("courses[0].title") && shown.contains("a course needs a title"),
        "{shown}"
    );
    assert!(shown.contains("courses[0].discord_role"), "{shown}");
}

#[test]
fn a_price_out_of_range_is_not_also_a_missing_price() {
    let text =
        format!("{TIER}[[plans]]\nid = \"big\"\ntier = \"pro\"\nterm = \"30d\"\nstars = 20000\n");
    let shown = shown(&text).join("\n");
    assert!(shown.contains("stars"), "{shown}");
    assert!(!shown.contains("a plan needs a price"), "{shown}");
}

#[test]
fn a_card_only_plan_without_a_stripe_key_is_warned_of() {
    let text = format!(
        "{TIER}[[plans]]\nid = \"card\"\ntier = \"pro\"\nterm = \"30d\"\nstripe_price = \"price_1\"\n"
    );
    let config = Config::from_toml(&text).unwrap();
    let warnings = config.warnings().join("\n");
    assert!(
        warnings.contains("plan `card` is sold only by card"),
        "{warnings}"
    );
}
