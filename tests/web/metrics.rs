//! Issue #28 item 8: what an operator alerts on is on /metrics from the start: the build,
//! the process, web requests by route and status with their latency, platform errors at 0,
//! messages and commands apart, and the last backup.

use crate::harness::*;

#[tokio::test]
async fn the_metrics_an_operator_alerts_on_are_there_from_the_start() {
    let app = spawn("members").await;
    let alice = console("alice");
    app.say(&alice, "hello everyone").await;
    app.say(&alice, "/rank").await;
    let browser = app.browser();
    assert_eq!(browser.get("/healthz").await.body, "ok\n");
    browser.get("/members/1").await;
    browser.get("/no/such/page").await;
    let metrics_base = app.metrics_base.as_deref().expect("a metrics listener");
    let metrics = browser.get(&format!("{metrics_base}/metrics")).await.body;
    let version = env!("CARGO_PKG_VERSION");
    for line in [
        format!("steward_build_info{{version=\"{version}\",commit="),
        "steward_process_resident_memory_bytes ".into(),
        "steward_process_cpu_seconds ".into(),
        "steward_process_open_fds ".into(),
        "steward_http_requests_total{route=\"/healthz\",status=\"200\"} 1".into(),
        "steward_http_requests_total{route=\"/members/{id}\",status=".into(),
        "steward_http_requests_total{route=\"unmatched\",status=\"404\"} 1".into(),
        "steward_http_request_duration_seconds_count{route=\"/healthz\"} 1".into(),
        "steward_platform_errors_total{platform=\"telegram\",kind=\"failed\"} 0".into(),
        "steward_platform_errors_total{platform=\"discord\",kind=\"rate_limited\"} 0".into(),
        "steward_events_total{kind=\"message\",platform=\"console\"} 1".into(),
        "steward_events_total{kind=\"command\",platform=\"console\"} 1".into(),
        "steward_last_backup_timestamp_seconds 0".into(),
        "steward_delivery_lag_seconds_count 0".into(),
    ] {
        assert!(metrics.contains(&line), "{line} missing from\n{metrics}");
    }
}
