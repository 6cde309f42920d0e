//! The command line as clap reads it: every command and argument with the help text users
//! see. Included by `main.rs`, which dispatches on [`Command`].

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::data_cli;

/// Steward: points, ranking, memberships and content drops for a community on Discord,
/// Telegram and the console.
#[derive(Parser)]
#[command(version, about)]
pub struct Cli {
    /// Config file (default: ./steward.toml if present, else built-in defaults).
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Start every adapter that has a token, with the scheduler.
    Run,
    /// Use the bot in this terminal (or from piped input) against the configured database.
    Console {
        /// The member you start as.
        #[arg(long = "as", value_name = "NAME", default_value = "you")]
        as_name: String,
    },
    /// Apply database migrations and exit.
    Migrate,
    /// Check the config file and explain every problem with its key and line.
    CheckConfig,
    /// Measure the figures docs/performance.md lists, on synthetic communities; prints
    /// `BENCH name value unit` lines and a summary. (Built with `--features bench`.)
    #[cfg(feature = "bench")]
    Bench {
        /// Members for the ranking, start-up and memory figures.
        #[arg(long, default_value_t = 1_000_000)]
        members: u64,
        /// Smaller communities and fewer samples.
        #[arg(long)]
        quick: bool,
        /// Only the broadcast benchmark (minutes at the platforms' rates).
        #[arg(long)]
        broadcast_only: bool,
    },
    /// Bring XP from another bot: MEE6's leaderboard JSON or a plain list. Stop the bot first.
    /// Each account is set to the file's figure for that source: a corrected file updates,
    /// the same file again changes nothing.
    Import {
        /// What wrote the file: `mee6` (MEE6's leaderboard JSON) or `json` (a plain list).
        format: data_cli::Format,
        /// The file to read.
        file: PathBuf,
        /// Show what would change, and change nothing.
        #[arg(long)]
        dry_run: bool,
        /// Refuse the whole file if any row is bad (default: skip bad rows, naming each).
        #[arg(long)]
        strict: bool,
    },
    /// Write members' XP out (`export json`), or everything held about one member
    /// (`export --member ID`, for a data request by mail).
    Export(data_cli::ExportArgs),
    /// Copy the database to a file, consistently even while the bot runs, and check the copy.
    Backup {
        /// Write the copy here (default: a new file in backup.dir, named for the time).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Put a backup in place of the database after checking it; refused while a bot runs on
    /// it. The database it replaces is kept beside it.
    Restore {
        /// The backup to put in place.
        file: PathBuf,
    },
    /// Ask a running Steward whether it is ready (`/readyz`): exit 0 when it answers 200, 1
    /// otherwise. For container health checks.
    Health {
        /// The address to ask (default: http://127.0.0.1:PORT/readyz, PORT from web.listen).
        #[arg(long, value_name = "URL")]
        url: Option<String>,
    },
    /// Used by `bench`: start on a database, answer once, print start-up ms and peak MB.
    #[cfg(feature = "bench")]
    #[command(hide = true)]
    BenchProbe {
        /// The database to start on.
        database: PathBuf,
    },
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::Cli;

    #[test]
    fn every_command_and_argument_has_help() {
        let cli = Cli::command();
        cli.clone().debug_assert();
        let mut missing = Vec::new();
        let mut commands = vec![cli];
        while let Some(command) = commands.pop() {
            if command.get_about().is_none() && command.get_name() != "help" {
                missing.push(command.get_name().to_owned());
            }
            for arg in command.get_arguments() {
                let builtin = matches!(arg.get_id().as_str(), "help" | "version");
                if arg.get_help().is_none() && !builtin {
                    missing.push(format!("{} {}", command.get_name(), arg.get_id()));
                }
            }
            commands.extend(command.get_subcommands().cloned());
        }
        assert!(missing.is_empty(), "no help: {missing:?}");
    }

    #[test]
    fn help_speaks_of_nothing_internal() {
        let mut cli = Cli::command();
        let help = cli.render_long_help().to_string();
        let bench = cli
            .find_subcommand_mut("bench")
            .map(|b| b.render_long_help().to_string())
            .unwrap_or_default();
        for text in [help, bench] {
            assert!(!text.contains("SPEC"), "{text}");
        }
    }
}
