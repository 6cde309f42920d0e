//! The `steward` binary: command-line parsing, logging, and wiring config, store, engine and
//! adapters together. Errors end here as `anyhow` reports.

use std::io::IsTerminal;
use std::sync::{Arc, Mutex};

use anyhow::{Context, Result};
mod args;
#[cfg(feature = "bench")]
mod bench_cli;
mod config_cli;
mod data_cli;
mod logging;
mod ops_cli;

use args::{Cli, Command};
use clap::Parser;

use steward::adapters::console::{Console, ConsolePlatform, Output};
use steward::adapters::discord::DiscordAdapter;
use steward::adapters::stripe::{StripeClient, poll};
use steward::adapters::telegram::{self, TelegramAdapter, TelegramPlatform};
use steward::adapters::web::WebServer;
use steward::config::{Config, StripeMode};
use steward::core::ids::Platform;
use steward::engine::Platforms;
use steward::engine::{ChatPlatform, Engine, SystemClock};
use steward::store::Store;

fn main() -> std::process::ExitCode {
    let process_start = std::time::Instant::now();
    let cli = Cli::parse();
    let quiet = matches!(cli.command, Command::Console { .. });
    logging::init(quiet, logging::format_for(cli.config.as_deref()));
    let result = tokio::runtime::Runtime::new()
        .context("Failed to start the async runtime")
        .and_then(|runtime| {
            let result = runtime.block_on(dispatch(cli, process_start));
            // Reading stdin blocks a thread that cannot be cancelled; everything that matters
            // (the database) is closed by now, so do not wait for it.
            runtime.shutdown_background();
            result
        });
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            report(&e);
            std::process::ExitCode::FAILURE
        }
    }
}

/// A failure as the operator reads it: the problem and its causes, never a stack trace (a
/// config problem or a busy port is not a bug, whatever RUST_BACKTRACE says).
fn report(error: &anyhow::Error) {
    eprintln!("Error: {error}");
    let causes: Vec<String> = error.chain().skip(1).map(ToString::to_string).collect();
    if !causes.is_empty() {
        eprintln!("\nCaused by:");
        for (i, cause) in causes.iter().enumerate() {
            eprintln!("    {i}: {cause}");
        }
    }
}

// `process_start` is when the process began, for the bench's start-up probe.
#[cfg_attr(not(feature = "bench"), allow(unused_variables))]
async fn dispatch(cli: Cli, process_start: std::time::Instant) -> Result<()> {
    match cli.command {
        #[cfg(feature = "bench")]
        Command::Bench {
            members,
            quick,
            broadcast_only,
        } => bench_cli::bench(members, quick, broadcast_only).await,
        #[cfg(feature = "bench")]
        Command::BenchProbe { database } => {
            println!(
                "{}",
                steward::bench::probe_main(&database, process_start).await?
            );
            Ok(())
        }
        Command::CheckConfig => config_cli::check_config(cli.config),
        Command::Migrate => {
            let config = load_config(cli.config.as_deref())?;
            let store = open_store(&config).await?;
            store.close().await;
            println!("Database {} is up to date.", config.database_path.display());
            Ok(())
        }
        Command::Import {
            format,
            file,
            dry_run,
            strict,
        } => {
            let config = load_config(cli.config.as_deref())?;
            let options = steward::engine::import::ImportOptions { dry_run, strict };
            // A dry run never creates the database it would import into.
            if dry_run && !config.database_path.exists() {
                return data_cli::import_file(None, format, &file, options).await;
            }
            let store = open_store(&config).await?;
            let result = data_cli::import_file(Some(&store), format, &file, options).await;
            store.close().await;
            result
        }
        Command::Export(what) => {
            let config = load_config(cli.config.as_deref())?;
            let (store, _copy) = ops_cli::open_copy(&config).await?;
            let result = data_cli::export(&config, &store, what).await;
            store.close().await;
            result
        }
        Command::Backup { out } => ops_cli::backup(&load_config(cli.config.as_deref())?, out).await,
        Command::Health { url } => ops_cli::health(&load_config(cli.config.as_deref())?, url).await,
        Command::Restore { file } => {
            ops_cli::restore(&load_config(cli.config.as_deref())?, &file).await
        }
        Command::Run => run(load_config(cli.config.as_deref())?).await,
        Command::Console { as_name } => {
            console(load_config(cli.config.as_deref())?, &as_name).await
        }
    }
}

fn load_config(path: Option<&std::path::Path>) -> Result<Config> {
    Ok(Config::load(path)?)
}

async fn open_store(config: &Config) -> Result<Store> {
    let store = Store::open(&config.database_path).await.with_context(|| {
        format!(
            "Failed to open the database {}",
            config.database_path.display()
        )
    })?;
    if let Some(copy) = store.upgrade_backup() {
        logging::notice(&format!(
            "Upgraded the database {}; the copy made before upgrading is {}",
            config.database_path.display(),
            copy.display()
        ));
    }
    Ok(store)
}

/// Binds the web server when it is on, before anything else starts, so a port in use stops
/// the start with its reason; a derived public address follows the port actually bound.
async fn bind_web(config: &mut Config) -> Result<Option<WebServer>> {
    for warning in config.warnings() {
        tracing::warn!("{warning}");
    }
    if !config.web.enabled {
        return Ok(None);
    }
    let mut server = WebServer::bind(&config.web).await?;
    if config.stripe.mode == StripeMode::Webhook && config.stripe.key.is_some() {
        if config.stripe.webhook_key.is_none() {
            tracing::warn!(
                "STEWARD_STRIPE_WEBHOOK_SECRET is not set: Stripe's deliveries to /webhooks/stripe \
                 will be refused (set it, or set stripe.mode = \"poll\")"
            );
        }
        server = server.with_stripe_webhook(config.stripe.webhook_key.clone());
    }
    if let Some(addr) = server.local_addr() {
        if config.web.public_url == format!("http://{}", config.web.listen) {
            config.web.public_url = format!("http://{addr}");
        }
        logging::notice(&format!(
            "Web pages: {} (listening on {addr})",
            config.web.public_url
        ));
    }
    match server.metrics_addr() {
        Some(addr) => logging::notice(&format!("Metrics: http://{addr}/metrics")),
        None if config.web.metrics_token.is_some() => {
            logging::notice(
                "Metrics: /metrics on the web pages' address, with STEWARD_METRICS_TOKEN",
            );
        }
        None => {}
    }
    Ok(Some(server))
}

async fn run(mut config: Config) -> Result<()> {
    if config.telegram.token.is_none() && config.discord.token.is_none() {
        anyhow::bail!(
            "no platform token is configured: set STEWARD_TELEGRAM_TOKEN or STEWARD_DISCORD_TOKEN \
             (or [telegram] token / [discord] token in the config).\n\
             To try Steward without a platform, run: steward console"
        );
    }
    // The database lock first: a second process stops on it before it says it serves pages.
    let store = open_store(&config).await?;
    let web = bind_web(&mut config).await?;
    let mut router = Platforms::default();
    let telegram = match &config.telegram.token {
        Some(token) => {
            let bot = telegram::connect(token, &config.telegram.api_url)?;
            let platform = TelegramPlatform::new(bot.clone(), config.telegram.chats.clone());
            router = router.with(Platform::Telegram, Arc::new(platform));
            Some((bot, config.telegram.clone()))
        }
        None => None,
    };
    let discord = match &config.discord.token {
        Some(_) => {
            let adapter =
                DiscordAdapter::connect(&config.discord, &config.membership.tiers, config.language)
                    .await
                    .context("Failed to set up the Discord client")?;
            let platform = adapter.platform(config.discord.guilds.clone());
            router = router.with(Platform::Discord, Arc::new(platform));
            Some(adapter)
        }
        None => None,
    };
    let (engine, poller) = start_engine(config, store, router).await?;
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let mut tasks = vec![tokio::spawn(engine.clone().run(stopped.clone()))];
    if let Some(client) = poller {
        tasks.push(tokio::spawn(poll::run(
            client,
            engine.clone(),
            stopped.clone(),
        )));
    }
    if let Some(web) = web {
        tasks.push(tokio::spawn(web.serve(engine.clone(), stopped.clone())));
    }
    if let Some((bot, section)) = telegram {
        tasks.push(tokio::spawn(
            TelegramAdapter::new(bot, engine.clone(), &section).run(stopped.clone()),
        ));
        tracing::info!("Telegram adapter started (long polling)");
    }
    if let Some(adapter) = discord {
        let engine = engine.clone();
        tasks.push(tokio::spawn(async move {
            if let Err(e) = adapter.run(engine, stopped).await {
                tracing::error!(error = %steward::engine::platform::with_causes(&e), "the Discord adapter stopped");
            }
        }));
        tracing::info!("Discord adapter started (gateway)");
    }
    let stopping = shutdown_signal();
    tracing::info!("Steward is running; Ctrl-C or SIGTERM stops it");
    // Ready: the database is open and migrated, the pages are bound, the adapters started.
    tell_systemd(sd_notify::NotifyState::Ready);
    stopping.await;
    tell_systemd(sd_notify::NotifyState::Stopping);
    let _ = stop.send(true);
    for task in tasks {
        if let Err(e) = task.await {
            tracing::error!(error = %e, "a task stopped abnormally");
        }
    }
    engine.shutdown().await;
    Ok(())
}

async fn console(mut config: Config, as_name: &str) -> Result<()> {
    // The same rule as /as, checked before the database is opened.
    if !steward::core::ids::is_console_name(as_name) {
        anyhow::bail!(
            "--as {as_name:?} is not a console name: use 1 to 32 letters, digits, - or _ (like --as alice)"
        );
    }
    // The database lock first: a second process stops on it before it says it serves pages.
    let store = open_store(&config).await?;
    let web = bind_web(&mut config).await?;
    let out: Output = Arc::new(Mutex::new(std::io::stdout()));
    let exports = config
        .database_path
        .parent()
        .unwrap_or_else(|| std::path::Path::new("."))
        .join("exports");
    let platform: Arc<dyn ChatPlatform> =
        Arc::new(ConsolePlatform::new(out.clone(), config.language, exports));
    let (engine, poller) = start_engine(config, store, platform).await?;
    if std::io::stdin().is_terminal() {
        eprintln!(
            "Steward console: you are {as_name} in #general. /help lists commands; console controls: \
             /as NAME, /chat NAME (/chat dm for a private chat), /op, /reply NAME TEXT, /wait 5s, /quit."
        );
    }
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let background = tokio::spawn(engine.clone().run(stopped.clone()));
    let poller =
        poller.map(|client| tokio::spawn(poll::run(client, engine.clone(), stopped.clone())));
    let web = web.map(|web| tokio::spawn(web.serve(engine.clone(), stopped)));
    let mut console = Console::new(as_name, out);
    let input = tokio::io::BufReader::new(tokio::io::stdin());
    let result = console.run(&engine, input, shutdown_signal()).await;
    // Let a delivery in progress finish before the database closes.
    let _ = stop.send(true);
    if let Some(web) = web
        && let Err(e) = web.await
    {
        tracing::error!(error = %e, "the web server stopped abnormally");
    }
    if let Err(e) = background.await {
        tracing::error!(error = %e, "the scheduler or the award log's fold stopped abnormally");
    }
    if let Some(poller) = poller
        && let Err(e) = poller.await
    {
        tracing::error!(error = %e, "the Stripe poller stopped abnormally");
    }
    engine.shutdown().await;
    result.context("Failed to read the console input")
}

/// Starts the engine, selling by card through Stripe when its key is set; the Stripe client to
/// poll with when `stripe.mode` is poll.
async fn start_engine(
    config: Config,
    store: Store,
    platforms: impl Into<Platforms>,
) -> Result<(Arc<Engine>, Option<Arc<StripeClient>>)> {
    let polls = config.stripe.mode == StripeMode::Poll;
    let stripe = config
        .stripe
        .key
        .clone()
        .map(|key| StripeClient::new(&config.stripe.api_url, key).map(Arc::new))
        .transpose()?;
    let mut engine = Engine::start(config, store, platforms, Arc::new(SystemClock))
        .await
        .context("Failed to start the engine")?;
    if let Some(client) = &stripe {
        engine = engine.with_card_payments(client.clone());
    }
    Ok((Arc::new(engine), stripe.filter(|_| polls)))
}

/// Completes on Ctrl-C (SIGINT) or SIGTERM.
/// Tells systemd (a `Type=notify` unit) where the service stands; nothing without
/// `NOTIFY_SOCKET`, as when not started by systemd.
fn tell_systemd(state: sd_notify::NotifyState<'_>) {
    if let Err(e) = sd_notify::notify(&[state]) {
        tracing::warn!(error = %e, "systemd could not be told the service's state");
    }
}

/// Resolves at the first Ctrl-C or SIGTERM. The handlers are in place when it returns, not when
/// it is first awaited: a signal that comes while start-up finishes is kept, not fatal.
fn shutdown_signal() -> impl std::future::Future<Output = ()> {
    #[cfg(unix)]
    let listeners = {
        use tokio::signal::unix::{SignalKind, signal};
        (
            signal(SignalKind::interrupt()),
            signal(SignalKind::terminate()),
        )
    };
    async move {
        #[cfg(unix)]
        {
            let wait = |listener: std::io::Result<tokio::signal::unix::Signal>, name: &str| {
                let name = name.to_owned();
                async move {
                    match listener {
                        Ok(mut signal) => {
                            signal.recv().await;
                        }
                        Err(e) => {
                            tracing::error!(error = %e, "cannot listen for {name}");
                            std::future::pending::<()>().await;
                        }
                    }
                }
            };
            let (interrupt, terminate) = listeners;
            tokio::select! {
                () = wait(interrupt, "Ctrl-C") => {}
                () = wait(terminate, "SIGTERM") => {}
            }
        }
        #[cfg(not(unix))]
        if let Err(e) = tokio::signal::ctrl_c().await {
            tracing::error!(error = %e, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
        tracing::info!("stopping: finishing in-flight work and closing the database");
    }
}
