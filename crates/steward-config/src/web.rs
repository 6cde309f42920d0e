//! The `[web]` section: whether the web side runs, where it listens (the pages, and metrics
//! apart), the address people reach it at (for links in chat), who may see the leaderboards,
//! and the server's limits against clients that hold connections.

use std::net::SocketAddr;
use std::time::Duration;

use super::Secret;
use super::file::WebSection;
use super::problems::Problems;
use steward_core::web_access::Visibility;

/// The web side's settings, validated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebConfig {
    pub enabled: bool,
    pub listen: SocketAddr,
    /// The address in links sent to members, without a trailing slash.
    pub public_url: String,
    pub leaderboards: Visibility,
    /// Where `/metrics` is served apart from the pages (`None`: nowhere apart).
    pub metrics_listen: Option<SocketAddr>,
    /// `STEWARD_METRICS_TOKEN`: with it, `/metrics` is also served on `listen`, to a request
    /// that bears it.
    pub metrics_token: Option<Secret>,
    /// How long, and how many, clients may hold the server.
    pub limits: ServerLimits,
}

/// What one client may hold of the web server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServerLimits {
    /// Connections served at once; more wait to be accepted.
    pub max_connections: usize,
    /// Time to send a whole request head, counted from the connection's start or the end of
    /// its last answer (so it also ends idle kept-alive connections).
    pub header_timeout: Duration,
    /// Time to read a request's body and answer it.
    pub request_timeout: Duration,
}

impl Default for ServerLimits {
    fn default() -> Self {
        Self {
            max_connections: 512,
            header_timeout: Duration::from_secs(10),
            request_timeout: Duration::from_secs(30),
        }
    }
}

/// The metrics listener's default: loopback only, on the port OpenTelemetry's Prometheus
/// exporter uses.
pub const DEFAULT_METRICS_LISTEN: &str = "127.0.0.1:9464";

impl Default for WebConfig {
    fn default() -> Self {
        let listen = SocketAddr::from(([127, 0, 0, 1], 8080));
        Self {
            enabled: true,
            listen,
            public_url: format!("http://{listen}"),
            leaderboards: Visibility::Members,
            metrics_listen: DEFAULT_METRICS_LISTEN.parse().ok(),
            metrics_token: None,
            limits: ServerLimits::default(),
        }
    }
}

impl WebConfig {
    /// Whether session cookies must be `Secure` (the public address is https).
    #[must_use]
    pub fn https(&self) -> bool {
        self.public_url.starts_with("https://")
    }

    /// A warning when the pages listen beyond this machine but links sent to members would
    /// point at an address only this machine (or none) can open, as when a container listens
    /// on 0.0.0.0 and `public_url` is left to follow it.
    #[must_use]
    pub fn unreachable_links(&self) -> Option<String> {
        if !self.enabled || self.listen.ip().is_loopback() {
            return None;
        }
        let url = url::Url::parse(&self.public_url).ok()?;
        let local = match url.host()? {
            url::Host::Domain(name) => name.eq_ignore_ascii_case("localhost"),
            url::Host::Ipv4(ip) => ip.is_unspecified() || ip.is_loopback(),
            url::Host::Ipv6(ip) => ip.is_unspecified() || ip.is_loopback(),
        };
        local.then(|| {
            format!(
                "login links sent to members point at {}, which members cannot open, while the web \
                 pages listen on {}: set web.public_url (or STEWARD_WEB_PUBLIC_URL) to the address \
                 members reach, like https://steward.example.org",
                self.public_url, self.listen
            )
        })
    }
}

pub(super) fn read(section: &WebSection, problems: &mut Problems<'_>) -> WebConfig {
    let listen_text = section.listen.get_ref().trim();
    let listen = listen_text.parse::<SocketAddr>().unwrap_or_else(|_| {
        problems.add(
            &section.listen.span(),
            "web.listen",
            format!(
                "`{listen_text}` is not an address and port (like 127.0.0.1:8080 or 0.0.0.0:80)"
            ),
        );
        WebConfig::default().listen
    });
    let written = section.public_url.get_ref().trim().trim_end_matches('/');
    let public_url = if written.is_empty() {
        format!("http://{listen}")
    } else {
        if url::Url::parse(written).map_or(true, |u| !matches!(u.scheme(), "http" | "https")) {
            problems.add(
                &section.public_url.span(),
                "web.public_url",
                format!("`{written}` is not an http(s) address (like https://steward.example.org)"),
            );
        }
        written.to_owned()
    };
    let shown = section.leaderboards.get_ref().trim();
    let leaderboards = Visibility::parse(shown).unwrap_or_else(|| {
        problems.add(
            &section.leaderboards.span(),
            "web.leaderboards",
            format!("`{shown}` is not one of {}", Visibility::NAMES.join(", ")),
        );
        Visibility::default()
    });
    let metrics_text = section.metrics_listen.get_ref().trim();
    let metrics_listen = if metrics_text.is_empty() {
        None
    } else if let Ok(addr) = metrics_text.parse::<SocketAddr>() {
        Some(addr)
    } else {
        problems.add(
            &section.metrics_listen.span(),
            "web.metrics_listen",
            format!(
                "`{metrics_text}` is not an address and port (like 127.0.0.1:9464), nor \"\" for none"
            ),
        );
        None
    };
    // The ranges were checked with the file's shape.
    let secs = |n: i64| Duration::from_secs(u64::try_from(n).unwrap_or(1));
    let limits = ServerLimits {
        max_connections: usize::try_from(section.max_connections).unwrap_or(1),
        header_timeout: secs(section.header_timeout_secs),
        request_timeout: secs(section.request_timeout_secs),
    };
    WebConfig {
        enabled: section.enabled,
        listen,
        public_url,
        leaderboards,
        metrics_listen,
        metrics_token: None,
        limits,
    }
}
