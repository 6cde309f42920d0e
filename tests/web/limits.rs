//! The server under clients that hold it (issue #27 item 8), over real sockets: a client that
//! trickles its request head, or its body, is cut off; idle connections beyond the cap, in a
//! process short of file descriptors, do not keep `/healthz` from answering.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::harness::*;

/// Lines a trickling client sends at most, one every [`TRICKLE`]: half a minute in all, many
/// times the timeouts these tests configure.
const LINES: usize = 300;
const TRICKLE: Duration = Duration::from_millis(100);
/// How long a test waits for the server to hang up before calling it still connected.
const PATIENCE: Duration = Duration::from_secs(60);

async fn spawn_with_limits(limits: &str) -> WebApp {
    let config = CONFIG.replace(
        "leaderboards = \"LEADERBOARDS\"",
        &format!("leaderboards = \"public\"\n{limits}"),
    );
    spawn_with(&config, None).await
}

/// Sends `head`, then `line` every [`TRICKLE`] until [`LINES`] are sent or the server hangs
/// up. Returns what the server sent (if it hung up) and how many lines went out before.
async fn trickle(base: &str, head: String, line: &'static str) -> Option<(String, usize)> {
    let stream = TcpStream::connect(base.trim_start_matches("http://"))
        .await
        .unwrap();
    let (mut reader, mut writer) = stream.into_split();
    writer.write_all(head.as_bytes()).await.unwrap();
    let sent = Arc::new(AtomicUsize::new(0));
    let counter = sent.clone();
    let trickler = tokio::spawn(async move {
        for _ in 0..LINES {
            tokio::time::sleep(TRICKLE).await;
            if writer.write_all(line.as_bytes()).await.is_err() {
                return;
            }
            counter.fetch_add(1, Ordering::SeqCst);
        }
        // Keep the connection open: only the server may end it.
        std::future::pending::<()>().await;
    });
    let mut answer = Vec::new();
    let read = tokio::time::timeout(PATIENCE, reader.read_to_end(&mut answer)).await;
    trickler.abort();
    // A reset after the server's answer counts as hanging up too; only the timeout does not.
    if read.is_err() {
        return None;
    }
    Some((
        String::from_utf8_lossy(&answer).into_owned(),
        sent.load(Ordering::SeqCst),
    ))
}

#[tokio::test]
async fn a_client_trickling_its_request_head_is_cut_off() {
    let app = spawn_with_limits("header_timeout_secs = 1").await;
    let head = "GET /healthz HTTP/1.1\r\nHost: steward.test\r\n".to_owned();
    let (answer, lines) = trickle(&app.base, head, "X-Slow: still typing\r\n")
        .await
        .expect("the server hangs up on a client that never finishes its headers");
    assert!(lines < LINES, "cut off mid-trickle, after {lines} lines");
    assert!(!answer.contains("ok\n"), "{answer}");
    // Nothing else was held up.
    assert_eq!(app.browser().get("/healthz").await.body, "ok\n");
}

#[tokio::test]
async fn a_client_trickling_its_request_body_gets_a_timeout() {
    let app = spawn_with_limits("request_timeout_secs = 1").await;
    let head = "POST /logout HTTP/1.1\r\nHost: steward.test\r\n\
                Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\n"
        .to_owned();
    let (answer, lines) = trickle(&app.base, head, "c")
        .await
        .expect("the server answers a body that never ends");
    assert!(lines < LINES, "cut off mid-body, after {lines} bytes");
    assert!(
        answer.starts_with("HTTP/1.1 408"),
        "a request timeout: {answer}"
    );
}

#[tokio::test]
async fn an_idle_connection_is_closed() {
    let app = spawn_with_limits("header_timeout_secs = 1").await;
    let mut idle = TcpStream::connect(app.base.trim_start_matches("http://"))
        .await
        .unwrap();
    let mut answer = Vec::new();
    let read = tokio::time::timeout(PATIENCE, idle.read_to_end(&mut answer)).await;
    assert!(read.is_ok(), "an idle connection is still open");
}

/// Idle connections past what a process short of file descriptors could hold, against the
/// real binary run under `ulimit -n`: a cap on connections keeps descriptors for `/healthz`.
#[test]
fn idle_connections_beyond_the_cap_do_not_keep_healthz_from_answering() {
    const DESCRIPTORS: usize = 64;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("steward.toml"),
        "[web]\nmax_connections = 16\nheader_timeout_secs = 1\n",
    )
    .unwrap();
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "ulimit -n {DESCRIPTORS} && exec \"$0\" console --as alice"
        ))
        .arg(env!("CARGO_BIN_EXE_steward"))
        .current_dir(dir.path())
        .env("STEWARD_WEB_LISTEN", "127.0.0.1:0")
        .env("STEWARD_METRICS_LISTEN", "127.0.0.1:0")
        .env_remove("STEWARD_TELEGRAM_TOKEN")
        .env_remove("STEWARD_DISCORD_TOKEN")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the steward binary runs");
    let stderr = BufReader::new(child.stderr.take().unwrap());
    let mut lines = stderr.lines().map_while(Result::ok);
    let addr = lines
        .find_map(|line| {
            let at = line.find("(listening on ")? + "(listening on ".len();
            Some(line[at..].trim_end_matches(')').to_owned())
        })
        .expect("the console prints where it listens");
    // Keep reading what it says, so it never blocks on a full pipe.
    std::thread::spawn(move || lines.for_each(drop));

    let runtime = tokio::runtime::Runtime::new().unwrap();
    let answered = runtime.block_on(async {
        let mut idle = Vec::new();
        for _ in 0..DESCRIPTORS * 2 {
            idle.push(TcpStream::connect(&addr).await.unwrap());
        }
        let health = reqwest::Client::new()
            .get(format!("http://{addr}/healthz"))
            .send();
        let answer = tokio::time::timeout(PATIENCE, health).await;
        drop(idle);
        match answer {
            Ok(Ok(answer)) => Some(answer.text().await.unwrap_or_default()),
            _ => None,
        }
    });
    let _ = child.kill();
    let _ = child.wait();
    assert_eq!(answered.as_deref(), Some("ok\n"), "/healthz did not answer");
}
