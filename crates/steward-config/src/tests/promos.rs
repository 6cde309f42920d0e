//! `[[promos]]`: a code that cannot be typed, a plan that is not one, no discount or two, a
//! Stars price above the plan's or on a plan without Stars, a bad day, and a code twice are
//! problems with their key and line, as are a promo on a plan that sells seats and a seat plan
//! sold as a Discord SKU; a good one is read with its last day in the community's
//! timezone.

use super::shown;
use crate::*;
use steward_core::payments::promo::Discount;

const PLANS: &str = r#"[community]
timezone = "Asia/Shanghai"

[[tiers]]
id = "pro"
name = "Pro"
rank = 1

[[plans]]
id = "pro-month"
tier = "pro"
term = "30d"
stars = 500

[[plans]]
id = "card"
tier = "pro"
term = "30d"
stripe_price = "price_1"

[[plans]]
id = "team"
tier = "pro"
term = "30d"
stars = 300
seats = true
"#;

#[test]
fn promos_that_cannot_sell_are_problems_with_their_line() {
    let text = format!(
        "{PLANS}\n[[promos]]\ncode = \"a b\"\nplan = \"pro-month\"\npercent = 10\n\n\
         [[promos]]\ncode = \"gold\"\nplan = \"gold\"\npercent = 10\n\n\
         [[promos]]\ncode = \"both\"\nplan = \"pro-month\"\npercent = 10\nprice = 100\n\n\
         [[promos]]\ncode = \"dear\"\nplan = \"pro-month\"\nprice = 600\n\n\
         [[promos]]\ncode = \"nostars\"\nplan = \"card\"\nprice = 100\n\n\
         [[promos]]\ncode = \"someday\"\nplan = \"pro-month\"\npercent = 10\nuntil = \"soon\"\n\n\
         [[promos]]\ncode = \"twice\"\nplan = \"pro-month\"\npercent = 10\n\n\
         [[promos]]\ncode = \"TWICE\"\nplan = \"pro-month\"\npercent = 20\n\n\
         [[promos]]\ncode = \"crew\"\nplan = \"team\"\npercent = 20\n"
    );
    let shown = shown(&text);
    for expected in [
        "line 29: promos[0].code: must be 3 to 24 letters, digits, - or _",
        "line 35: promos[1].plan: `gold` is not a plan id",
        "line 39: promos[2].code: a promo needs one discount: percent or price",
        "line 47: promos[3].price: must be 1 to 499 Stars",
        "line 52: promos[4].price: is a price in Stars, and plan `card` has none",
        "line 58: promos[5].until: must be a date",
        "line 66: promos[7].code: `TWICE` is defined twice (also on line 61)",
        "line 72: promos[8].plan: plan `team` sells seats, which promo codes do not discount",
    ] {
        assert!(
            shown.iter().any(|p| p.starts_with(expected)),
            "expected `{expected}` in {shown:#?}"
        );
    }
}

#[test]
fn a_promo_is_read_with_its_last_day_in_the_communitys_timezone() {
    let text = format!(
        "{PLANS}\n[[promos]]\ncode = \"spring-25\"\nplan = \"pro-month\"\npercent = 20\n\
         until = \"2027-03-31\"\nuses = 100\nfirst_term_only = true\n"
    );
    let config = Config::from_toml(&text).unwrap();
    let promo = &config.promos[0];
    assert_eq!(promo.code, "SPRING-25");
    assert_eq!(promo.discount, Discount::Percent(20));
    assert_eq!(promo.uses, Some(100));
    assert!(promo.first_term_only);
    // The end of 2027-03-31 in Shanghai (UTC+8) is 15:59:59 UTC that day.
    assert_eq!(
        promo.until.map(|t| t.to_rfc3339()),
        Some("2027-03-31T15:59:59+00:00".to_owned())
    );
}

#[test]
fn a_plan_that_sells_seats_is_not_a_discord_sku() {
    let text = format!(
        "{PLANS}\n[[plans]]\nid = \"crew\"\ntier = \"pro\"\nterm = \"30d\"\nseats = true\n\
         discord_sku = \"99\"\n"
    );
    let shown = shown(&text);
    assert!(
        shown
            .iter()
            .any(|p| p
                .contains("plans[3].discord_sku: a plan that sells seats cannot be a Discord SKU")),
        "{shown:#?}"
    );
}
