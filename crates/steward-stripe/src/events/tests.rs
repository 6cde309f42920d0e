use super::*;

fn event(kind: &str, object: &str) -> String {
    format!(r#"{{"id":"evt_1","type":"{kind}","created":1800000000,"data":{{"object":{object}}}}}"#)
}

#[test]
fn an_invoice_reads_the_period_paid_from_its_lines_in_either_api_shape() {
    let old = r#"{"id":"in_1","subscription":"sub_1","customer":"cus_1","amount_paid":900,
        "currency":"usd","billing_reason":"subscription_cycle","payment_intent":"pi_1",
        "period_end":1700000000,"subscription_details":{"metadata":{"steward_ref":"7.pro.ab"}},
        "lines":{"data":[{"period":{"end":1802592000}}]}}"#;
    let new = r#"{"id":"in_1","customer":"cus_1","amount_paid":900,"currency":"usd",
        "billing_reason":"subscription_cycle","payment_intent":"pi_1","period_end":1700000000,
        "parent":{"subscription_details":{"subscription":"sub_1","metadata":{"steward_ref":"7.pro.ab"}}},
        "lines":{"data":[{"period":{"end":1802592000}}]}}"#;
    for object in [old, new] {
        let e = translate(&event("invoice.paid", object)).unwrap().unwrap();
        let Billing::InvoicePaid {
            subscription,
            period_end,
            first,
            charge,
            ..
        } = e.body
        else {
            panic!("{:?}", e.body)
        };
        assert_eq!(subscription.id, "sub_1");
        assert_eq!(subscription.reference.as_deref(), Some("7.pro.ab"));
        assert_eq!(period_end.timestamp(), 1_802_592_000);
        assert!(!first);
        assert_eq!(charge.as_deref(), Some("pi_1"));
    }
}

#[test]
fn subscription_statuses_map_to_renewing_ending_or_ended() {
    let status = |object: &str| match translate(&event("customer.subscription.updated", object))
        .unwrap()
        .unwrap()
        .body
    {
        Billing::StatusChanged { status, .. } => status,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        status(r#"{"id":"sub_1","status":"active","cancel_at_period_end":false}"#),
        RenewalStatus::Renewing
    );
    assert_eq!(
        status(r#"{"id":"sub_1","status":"active","cancel_at_period_end":true}"#),
        RenewalStatus::EndsAtPeriodEnd
    );
    assert_eq!(
        status(r#"{"id":"sub_1","status":"past_due","cancel_at_period_end":false}"#),
        RenewalStatus::Renewing
    );
    assert_eq!(
        status(r#"{"id":"sub_1","status":"unpaid"}"#),
        RenewalStatus::Ended
    );
}

#[test]
fn unpaid_sessions_partial_refunds_and_other_types_are_not_acted_on() {
    let unpaid = r#"{"id":"cs_1","client_reference_id":"7.pro.ab","payment_status":"unpaid"}"#;
    assert!(
        translate(&event("checkout.session.completed", unpaid))
            .unwrap()
            .is_none()
    );
    let partial = r#"{"id":"ch_1","payment_intent":"pi_1","refunded":false,"amount_refunded":100}"#;
    assert!(
        translate(&event("charge.refunded", partial))
            .unwrap()
            .is_none()
    );
    assert!(
        translate(&event("customer.created", "{}"))
            .unwrap()
            .is_none()
    );
    assert!(translate("not json").is_err());
    assert!(translate(r#"{"id":"evt_1"}"#).is_err());
}
