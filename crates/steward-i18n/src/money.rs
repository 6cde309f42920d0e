//! Amounts as people read them. Providers report minor units (Stripe: cents; Telegram Stars
//! are whole), so `20900 USD` is shown `$209.00`, `1900 JPY` `¥1,900` and `500 XTR` `500 ⭐`,
//! with the currency's own decimals (ISO 4217, as Stripe lists its zero- and three-decimal
//! currencies) and the symbol a reader of the language expects (Chinese readers see `¥` for
//! yuan and `US$` for dollars, as CLDR's zh locale writes them).

use super::Lang;

/// Currencies with no minor unit (Stripe's list of zero-decimal currencies, and Stars).
const ZERO_DECIMAL: &[&str] = &[
    "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV",
    "XAF", "XOF", "XPF", "XTR",
];

/// Currencies with three decimals.
const THREE_DECIMAL: &[&str] = &["BHD", "JOD", "KWD", "OMR", "TND"];

fn decimals(code: &str) -> u32 {
    if ZERO_DECIMAL.contains(&code) {
        0
    } else if THREE_DECIMAL.contains(&code) {
        3
    } else {
        2
    }
}

/// The symbol written before the amount, where the language has one for the currency.
fn symbol(code: &str, lang: Lang) -> Option<&'static str> {
    let chinese = lang.language() == "zh";
    Some(match code {
        "USD" if chinese => "US$",
        "USD" => "$",
        "CNY" if chinese => "¥",
        "CNY" => "CN¥",
        "JPY" if chinese => "JP¥",
        "JPY" => "¥",
        "EUR" => "€",
        "GBP" => "£",
        "HKD" => "HK$",
        "TWD" => "NT$",
        "CAD" => "CA$",
        "AUD" => "A$",
        "INR" => "₹",
        "KRW" => "₩",
        _ => return None,
    })
}

/// Digits grouped by thousands: `1234567` → `1,234,567`.
fn grouped(whole: u64) -> String {
    let digits = whole.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The number of `minor` units of `code` in its units, digits grouped or not: `1250` → `12.50`.
fn units(minor: i64, code: &str, group: bool) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let magnitude = minor.unsigned_abs();
    let places = decimals(code);
    let scale = 10_u64.pow(places);
    let whole = magnitude / scale;
    let whole = if group {
        grouped(whole)
    } else {
        whole.to_string()
    };
    if places == 0 {
        return format!("{sign}{whole}");
    }
    format!(
        "{sign}{whole}.{:0width$}",
        magnitude % scale,
        width = places as usize
    )
}

/// `minor` units of `currency` as a plain number in its units, for files a spreadsheet reads:
/// `1250 USD` → `12.50`, `500 XTR` → `500`; no symbol, no grouping.
#[must_use]
pub fn amount(minor: i64, currency: &str) -> String {
    units(minor, &currency.to_ascii_uppercase(), false)
}

/// `minor` units of `currency` as `lang`'s readers expect them.
#[must_use]
pub fn money(lang: Lang, minor: i64, currency: &str) -> String {
    let code = currency.to_ascii_uppercase();
    let signed = units(minor, &code, true);
    let (sign, number) = match signed.strip_prefix('-') {
        Some(number) => ("-", number.to_owned()),
        None => ("", signed),
    };
    if code == "XTR" {
        return format!("{sign}{number} ⭐");
    }
    match symbol(&code, lang) {
        Some(symbol) => format!("{sign}{symbol}{number}"),
        None => format!("{sign}{number} {code}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zh() -> Lang {
        Lang::from_code("zh-CN").unwrap()
    }

    #[test]
    fn amounts_read_in_the_currencys_units_with_its_symbol() {
        assert_eq!(money(Lang::default(), 20_900, "usd"), "$209.00");
        assert_eq!(money(Lang::default(), 1_900, "JPY"), "¥1,900");
        assert_eq!(money(Lang::default(), 500, "XTR"), "500 ⭐");
        assert_eq!(money(Lang::default(), 123_456_789, "EUR"), "€1,234,567.89");
        assert_eq!(money(Lang::default(), -900, "USD"), "-$9.00");
        assert_eq!(money(Lang::default(), 1_500, "KWD"), "1.500 KWD");
        assert_eq!(money(Lang::default(), 5, "SGD"), "0.05 SGD");
    }

    #[test]
    fn files_get_plain_numbers_in_the_currencys_units() {
        assert_eq!(amount(1_250, "usd"), "12.50");
        assert_eq!(amount(123_456_789, "EUR"), "1234567.89");
        assert_eq!(amount(500, "XTR"), "500");
        assert_eq!(amount(-900, "USD"), "-9.00");
        assert_eq!(amount(1_500, "KWD"), "1.500");
    }

    #[test]
    fn chinese_readers_see_their_symbols() {
        assert_eq!(money(zh(), 190_000, "CNY"), "¥1,900.00");
        assert_eq!(money(zh(), 1_900, "USD"), "US$19.00");
        assert_eq!(money(Lang::default(), 190_000, "CNY"), "CN¥1,900.00");
        assert_eq!(money(zh(), 500, "XTR"), "500 ⭐");
    }
}
