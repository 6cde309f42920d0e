//! A community with its web server on a free port, and an HTTP client that keeps one session
//! cookie, as a browser would.

use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
use reqwest::StatusCode;
use reqwest::header::{COOKIE, LOCATION, SET_COOKIE};
use steward::adapters::stripe::StripeClient;
use steward::adapters::web::WebServer;
use steward::config::Config;
use steward::core::ids::{AccountRef, ChatRef, Platform};
use steward::engine::{Engine, Event, MessageEvent, Person, Sender};
use steward::store::Store;
use steward_testkit::{ManualClock, RecordingPlatform, Sent};
use tempfile::TempDir;
use tokio::sync::watch;

pub const CONFIG: &str = r#"
[community]
name = "Web Guild"
timezone = "Europe/Berlin"
operators = ["console:admin"]

[points]
message_xp_min = 20
message_xp_max = 20
message_cooldown_secs = 0

[web]
listen = "127.0.0.1:0"
metrics_listen = "127.0.0.1:0"
leaderboards = "LEADERBOARDS"

[[tiers]]
id = "pro"
name = "Pro"
rank = 1
discord_role = "555"
"#;

pub struct WebApp {
    pub engine: Arc<Engine>,
    pub platform: Arc<RecordingPlatform>,
    pub clock: Arc<ManualClock>,
    pub base: String,
    /// Where `/metrics` is served apart (`http://…`).
    pub metrics_base: Option<String>,
    /// The address in login links: `base`, unless the config names an https one.
    pub public_url: String,
    stop: watch::Sender<bool>,
    dir: Arc<TempDir>,
}

fn start_time() -> DateTime<Utc> {
    "2026-11-25T09:00:00Z".parse().unwrap()
}

pub async fn spawn(leaderboards: &str) -> WebApp {
    spawn_with(&CONFIG.replace("LEADERBOARDS", leaderboards), None).await
}

/// The key and webhook signing secret the Stripe tests use.
pub const STRIPE_KEY: &str = "sk_test_steward";
pub const STRIPE_WEBHOOK_SECRET: &str = "whsec_steward_test";

/// A community from `config`; with `stripe` (the fake's address), it sells by card and takes
/// Stripe's deliveries.
pub async fn spawn_with(config: &str, stripe: Option<&str>) -> WebApp {
    spawn_with_env(config, stripe, &[]).await
}

/// [`spawn_with`], with these environment variables set as well (beside Stripe's).
pub async fn spawn_with_env(
    config: &str,
    stripe: Option<&str>,
    env: &[(&'static str, &'static str)],
) -> WebApp {
    let dir = Arc::new(tempfile::tempdir().unwrap());
    let clock = Arc::new(ManualClock::new(start_time()));
    start(config, stripe, env, dir, clock).await
}

async fn start(
    config: &str,
    stripe: Option<&str>,
    env: &[(&'static str, &'static str)],
    dir: Arc<TempDir>,
    clock: Arc<ManualClock>,
) -> WebApp {
    let mut config = Config::from_toml(config).unwrap();
    config.database_path = dir.path().join("steward.db");
    config
        .apply_env(|key| match key {
            "STEWARD_STRIPE_KEY" => Some(STRIPE_KEY.to_owned()),
            "STEWARD_STRIPE_WEBHOOK_SECRET" => Some(STRIPE_WEBHOOK_SECRET.to_owned()),
            _ => env
                .iter()
                .find(|(name, _)| *name == key)
                .map(|(_, value)| (*value).to_owned()),
        })
        .unwrap();
    let mut server = WebServer::bind(&config.web).await.unwrap();
    if stripe.is_some() {
        server = server.with_stripe_webhook(config.stripe.webhook_key.clone());
    }
    let base = format!("http://{}", server.local_addr().unwrap());
    let metrics_base = server.metrics_addr().map(|addr| format!("http://{addr}"));
    // An https address stays (its links are mapped back to `base` by the browser).
    if !config.web.https() {
        config.web.public_url = base.clone();
    }
    let public_url = config.web.public_url.clone();
    let store = Store::open(&config.database_path).await.unwrap();
    let platform = Arc::new(RecordingPlatform::default());
    let key = config.stripe.key.clone().unwrap();
    let mut engine = Engine::start(config, store, platform.clone(), clock.clone())
        .await
        .unwrap();
    if let Some(api) = stripe {
        engine = engine.with_card_payments(Arc::new(StripeClient::new(api, key).unwrap()));
    }
    let engine = Arc::new(engine);
    let (stop, stopped) = watch::channel(false);
    tokio::spawn(server.serve(engine.clone(), stopped));
    WebApp {
        engine,
        platform,
        clock,
        base,
        metrics_base,
        public_url,
        stop,
        dir,
    }
}

pub fn console(name: &str) -> Person {
    Person::named(AccountRef::new(Platform::Console, name), name)
}

impl WebApp {
    /// Stops the server and the engine (the database closed) and starts both again on the same
    /// file and clock with `config`, as a restart after the config was edited. The server
    /// listens on a new port: point browsers at it with [`Browser::moved_to`].
    pub async fn restart_with(self, config: &str) -> WebApp {
        let _ = self.stop.send(true);
        self.engine.shutdown().await;
        start(config, None, &[], self.dir.clone(), self.clock.clone()).await
    }

    /// `who` says `text` in #general; returns the reply.
    pub async fn say(&self, who: &Person, text: &str) -> Option<String> {
        self.say_in(ChatRef::group(Platform::Console, "general"), who, text)
            .await
    }

    /// `who` says `text` in `chat`; returns the reply.
    pub async fn say_in(&self, chat: ChatRef, who: &Person, text: &str) -> Option<String> {
        // Every message has its own id, as on a platform (a question is answered by replying
        // to one).
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
        let id = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let message = MessageEvent {
            chat,
            message_id: Some(format!("m{id}")),
            sender: Sender {
                person: who.clone(),
                platform_admin: false,
                locale: None,
            },
            text: text.to_owned(),
            is_edit: false,
            reply_to: None,
            quoted: None,
            mentions: Vec::new(),
            at: self.engine.kernel().now(),
        };
        self.engine.handle(Event::Message(message)).await
    }

    pub fn advance(&self, by: Duration) {
        self.clock.advance(by);
    }

    /// The login link `/web` sent `who` by DM. `/web` sends one link a minute: when the last
    /// was more recent, this waits the minute out on the clock, as a member would.
    pub async fn login_link(&self, who: &Person) -> String {
        if let Some(link) = self.ask_link(who).await {
            return link;
        }
        self.advance(Duration::seconds(60));
        let reply = self.say(who, "/web").await.unwrap();
        self.link_in_dm(who)
            .unwrap_or_else(|| panic!("no DM with the link; the reply: {reply}"))
    }

    async fn ask_link(&self, who: &Person) -> Option<String> {
        self.say(who, "/web").await.unwrap();
        self.link_in_dm(who)
    }

    fn link_in_dm(&self, who: &Person) -> Option<String> {
        self.platform
            .take()
            .into_iter()
            .find_map(|sent| match sent {
                // From `http`: Chinese puts a full-width colon right before it.
                Sent::QuietDm { to, text } if to == who.profile.account => text
                    .split_whitespace()
                    .find(|w| w.contains("/login/"))
                    .and_then(|w| w.find("http").map(|at| w[at..].to_owned())),
                _ => None,
            })
    }

    /// A browser logged in as `who`: it opens the link, then presses "Log in".
    pub async fn browser_for(&self, who: &Person) -> Browser {
        let mut browser = self.browser();
        let link = self.login_link(who).await;
        assert_eq!(browser.get(&link).await.status, StatusCode::OK, "{link}");
        let answer = browser.post(&link, &[]).await;
        assert_eq!(answer.status, StatusCode::SEE_OTHER, "{link}");
        assert!(browser.cookie.is_some(), "{link}");
        browser
    }

    /// A browser with no session.
    /// The database file the engine writes.
    pub fn database_path(&self) -> std::path::PathBuf {
        self.dir.path().join("steward.db")
    }

    pub fn browser(&self) -> Browser {
        Browser {
            client: reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .unwrap(),
            base: self.base.clone(),
            public_url: self.public_url.clone(),
            cookie: None,
        }
    }
}

impl Drop for WebApp {
    fn drop(&mut self) {
        let _ = self.stop.send(true);
    }
}

/// An HTTP client that sends back the session cookie it was given.
pub struct Browser {
    client: reqwest::Client,
    base: String,
    /// Links to this address go to `base`.
    public_url: String,
    pub cookie: Option<String>,
}

/// A page: status, one header's value, the body.
pub struct Page {
    pub status: StatusCode,
    pub location: Option<String>,
    pub csp: Option<String>,
    pub set_cookie: Option<String>,
    pub headers: reqwest::header::HeaderMap,
    pub body: String,
}

impl Browser {
    /// The same browser, cookie and all, talking to `app` (restarted on a new port).
    pub fn moved_to(&mut self, app: &WebApp) {
        self.base = app.base.clone();
        self.public_url = app.public_url.clone();
    }

    fn url(&self, path: &str) -> String {
        if let Some(rest) = path.strip_prefix(&self.public_url) {
            format!("{}{rest}", self.base)
        } else if path.starts_with("http") {
            path.to_owned()
        } else {
            format!("{}{path}", self.base)
        }
    }

    async fn get_raw(&self, path: &str) -> reqwest::Response {
        self.get_raw_with(path, &[]).await
    }

    async fn get_raw_with(&self, path: &str, headers: &[(&str, &str)]) -> reqwest::Response {
        let mut request = self.client.get(self.url(path));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        if let Some(cookie) = &self.cookie {
            request = request.header(COOKIE, cookie);
        }
        request.send().await.unwrap()
    }

    fn keep_cookie(&mut self, answer: &reqwest::Response) {
        if let Some(set) = answer.headers().get(SET_COOKIE) {
            let pair = set.to_str().unwrap().split(';').next().unwrap().to_owned();
            self.cookie = Some(pair);
        }
    }

    /// Status, content type and body bytes (for images).
    pub async fn get_bytes(&self, path: &str) -> (StatusCode, Option<String>, Vec<u8>) {
        let answer = self.get_raw(path).await;
        let kind = answer
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        (
            answer.status(),
            kind,
            answer.bytes().await.unwrap().to_vec(),
        )
    }

    pub async fn get(&self, path: &str) -> Page {
        page(self.get_raw(path).await).await
    }

    /// A GET with these headers besides the cookie.
    pub async fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Page {
        page(self.get_raw_with(path, headers).await).await
    }

    pub async fn post(&mut self, path: &str, form: &[(&str, &str)]) -> Page {
        self.post_with(path, form, &[]).await
    }

    /// A form POST with these headers besides the cookie (a browser's `Origin`, say).
    pub async fn post_with(
        &mut self,
        path: &str,
        form: &[(&str, &str)],
        headers: &[(&str, &str)],
    ) -> Page {
        let mut request = self.client.post(self.url(path)).form(form);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        if let Some(cookie) = &self.cookie {
            request = request.header(COOKIE, cookie);
        }
        let answer = request.send().await.unwrap();
        self.keep_cookie(&answer);
        page(answer).await
    }
}

async fn page(answer: reqwest::Response) -> Page {
    let header = |name| {
        answer
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let location = header(LOCATION);
    let csp = header(reqwest::header::CONTENT_SECURITY_POLICY);
    let set_cookie = header(SET_COOKIE);
    let headers = answer.headers().clone();
    Page {
        status: answer.status(),
        location,
        csp,
        set_cookie,
        headers,
        body: answer.text().await.unwrap(),
    }
}

/// The CSRF token in a page's logout form.
pub fn csrf_of(body: &str) -> String {
    let at = body.find("name=\"csrf\" value=\"").expect("a logout form") + 19;
    body[at..].split('"').next().unwrap().to_owned()
}
