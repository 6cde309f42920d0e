//! Running Steward for years, as an operator does: settings from the environment, backups,
//! restores and upgrades, commands beside a running bot, the command line's manners, logs and
//! metrics. Each test works in its own temp directory against the built binary.

mod cli;
mod env;

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
