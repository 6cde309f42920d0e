//! The `[web]` section: the server's limits are read in their units and out-of-range ones are
//! problems with their key and line.

use std::time::Duration;

use super::shown;
use crate::*;

#[test]
fn server_limits_are_read_with_their_defaults() {
    let limits = Config::default().web.limits;
    assert_eq!(limits.max_connections, 512);
    assert_eq!(limits.header_timeout, Duration::from_secs(10));
    assert_eq!(limits.request_timeout, Duration::from_secs(30));
    let text = "[web]\nmax_connections = 64\nheader_timeout_secs = 5\nrequest_timeout_secs = 90\n";
    let limits = Config::from_toml(text).unwrap().web.limits;
    assert_eq!(limits.max_connections, 64);
    assert_eq!(limits.header_timeout, Duration::from_secs(5));
    assert_eq!(limits.request_timeout, Duration::from_secs(90));
}

#[test]
fn server_limits_out_of_range_are_problems() {
    let text = "[web]\nmax_connections = 0\nheader_timeout_secs = 30\nrequest_timeout_secs = 0\n";
    assert_eq!(
        shown(text),
        [
            "line 2: web.max_connections: must be between 1 and 65536, not 0",
            "line 3: web.header_timeout_secs: must be between 1 and 10, not 30",
            "line 4: web.request_timeout_secs: must be between 1 and 300, not 0",
        ]
    );
}

#[test]
fn metrics_listen_on_loopback_unless_told_otherwise() {
    let default = Config::default().web;
    assert_eq!(default.metrics_listen, "127.0.0.1:9464".parse().ok());
    assert_eq!(default.metrics_token, None);
    let none = Config::from_toml("[web]\nmetrics_listen = \"\"\n").unwrap();
    assert_eq!(none.web.metrics_listen, None);
    assert_eq!(
        shown("[web]\nmetrics_listen = \"9464\"\n"),
        [
            "line 2: web.metrics_listen: `9464` is not an address and port (like 127.0.0.1:9464), nor \"\" for none"
        ]
    );

    let mut config = Config::default();
    config
        .apply_env(|key| match key {
            "STEWARD_METRICS_LISTEN" => Some("0.0.0.0:9100".into()),
            "STEWARD_METRICS_TOKEN" => Some("s3cret".into()),
            _ => None,
        })
        .unwrap();
    assert_eq!(config.web.metrics_listen, "0.0.0.0:9100".parse().ok());
    assert!(!format!("{config:?}").contains("s3cret"));
    config
        .apply_env(|key| (key == "STEWARD_METRICS_LISTEN").then(String::new))
        .unwrap();
    assert_eq!(config.web.metrics_listen, None, "set but empty: none");
    let wrong = config.apply_env(|key| (key == "STEWARD_METRICS_LISTEN").then(|| "x".into()));
    assert!(
        wrong
            .unwrap_err()
            .to_string()
            .contains("it overrides web.metrics_listen")
    );
}
