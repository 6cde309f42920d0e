//! What of a provider's event is kept for the audit: the event less what it says about the
//! person who paid. The payer may be someone else than the member (a gift), and a member's
//! export carries the raw events of their payments, so names, e-mail and postal addresses,
//! phone numbers and shipping details are never stored.

use serde_json::Value;

/// Keys whose values describe a person: Stripe's `customer_details`, `billing_details`,
/// `shipping_details`, `receipt_email`, ...; Telegram's `order_info`.
const PERSONAL: &[&str] = &[
    "customer_details",
    "customer_email",
    "customer_name",
    "customer_address",
    "customer_phone",
    "customer_shipping",
    "customer_tax_ids",
    "billing_details",
    "shipping_details",
    "shipping",
    "receipt_email",
    "order_info",
    "email",
    "name",
    "phone",
    "address",
];

fn strip(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.retain(|key, _| !PERSONAL.contains(&key.as_str()));
            map.values_mut().for_each(strip);
        }
        Value::Array(items) => items.iter_mut().for_each(strip),
        _ => {}
    }
}

/// `raw` without personal data; text that is not JSON is not kept at all.
#[must_use]
pub fn without_personal_data(raw: &str) -> String {
    match serde_json::from_str::<Value>(raw) {
        Ok(mut value) => {
            strip(&mut value);
            value.to_string()
        }
        Err(_) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_addresses_and_emails_are_not_kept() {
        let raw = r#"{"id":"evt_1","data":{"object":{"id":"cs_1","amount_total":900,
            "customer_details":{"email":"payer@example.com","name":"Pat Payer",
            "address":{"city":"Berlin"}},"customer_email":"payer@example.com",
            "lines":[{"price":{"id":"price_1"},"billing_details":{"name":"Pat"}}]}}}"#;
        let kept = without_personal_data(raw);
        assert!(!kept.contains("Pat") && !kept.contains("example.com") && !kept.contains("Berlin"));
        assert!(kept.contains("price_1") && kept.contains("900"), "{kept}");
    }
}
