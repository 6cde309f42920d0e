//! Running Steward for years, as an operator does: settings from the environment, backups,
//! restores and upgrades, commands beside a running bot, the command line's manners, logs and
//! metrics. Each test works in its own temp directory against the built binary.

// Helpers here unwrap as the tests do: a failure is the test failing, at its line.
#![allow(clippy::unwrap_used)]

mod backup;
mod cards;
mod cli;
mod deploy;
mod env;
mod logs;
mod upgrade;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// The binary in `dir`, with the web pages and metrics on free ports, no platform tokens, and
/// `vars` set; `input` is its standard input.
pub fn steward(dir: &Path, args: &[&str], vars: &[(&str, &str)], input: &str) -> Output {
    let mut child = command(dir, args, vars)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the steward binary runs");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(input.as_bytes())
        .expect("stdin takes the input");
    child.wait_with_output().expect("steward ends")
}

/// The command [`steward`] runs, for tests that drive the process themselves.
pub fn command(dir: &Path, args: &[&str], vars: &[(&str, &str)]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_steward"));
    command
        .args(args)
        .current_dir(dir)
        .env("STEWARD_WEB_LISTEN", "127.0.0.1:0")
        .env("STEWARD_METRICS_LISTEN", "127.0.0.1:0")
        .env_remove("STEWARD_TELEGRAM_TOKEN")
        .env_remove("STEWARD_DISCORD_TOKEN")
        .env_remove("RUST_LOG")
        .env_remove("RUST_BACKTRACE");
    for (key, value) in vars {
        command.env(key, value);
    }
    command
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A console that stays open as a running bot would: `input` was handled (its last line a
/// `/rank`) and stdin is still open, so the process holds the database until stdin is dropped.
pub fn open_console(dir: &Path, input: &str) -> (std::process::Child, std::process::ChildStdin) {
    open_console_with(dir, input, &[])
}

/// [`open_console`] with `vars` set.
pub fn open_console_with(
    dir: &Path,
    input: &str,
    vars: &[(&str, &str)],
) -> (std::process::Child, std::process::ChildStdin) {
    use std::io::{BufRead, BufReader};

    let mut child = command(dir, &["console", "--as", "alice"], vars)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the steward binary runs");
    let mut stdin = child.stdin.take().expect("stdin is piped");
    stdin
        .write_all(input.as_bytes())
        .expect("stdin takes input");
    stdin.flush().expect("stdin flushes");
    let mut lines = BufReader::new(child.stdout.take().expect("stdout is piped")).lines();
    // The rank's last line means every event was handled. Later output is drained so the
    // console never blocks on a full pipe.
    assert!(lines.any(|l| l.is_ok_and(|l| l.starts_with("bot> Balance:"))));
    std::thread::spawn(move || for _ in lines {});
    (child, stdin)
}
