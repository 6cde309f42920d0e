//! Running the `steward` binary in a directory with piped input, for the command-line tests.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `steward ARGS` in `dir` with `input` on stdin, without tokens and on free ports.
pub fn steward(dir: &std::path::Path, args: &[&str], input: &str) -> Output {
    steward_bytes(dir, args, input.as_bytes())
}

/// [`steward`] with input that need not be UTF-8.
pub fn steward_bytes(dir: &std::path::Path, args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_steward"))
        .args(args)
        .current_dir(dir)
        .env("STEWARD_WEB_LISTEN", "127.0.0.1:0")
        .env("STEWARD_METRICS_LISTEN", "127.0.0.1:0")
        .env_remove("STEWARD_TELEGRAM_TOKEN")
        .env_remove("STEWARD_DISCORD_TOKEN")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the steward binary runs");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}
