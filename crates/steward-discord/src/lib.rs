//! The Discord adapter (serenity): a gateway client with only the intents Steward uses, guild
//! messages and member joins turned into engine events, App Subscription entitlements
//! (`entitlements.rs`), slash commands registered per community guild at start, and
//! [`DiscordPlatform`] for the engine's actions. Holds no business rules.

// The layers below, under the names the adapter's paths use.
use steward_config as config;
use steward_core as core;
use steward_engine as engine;
use steward_i18n as i18n;
use steward_i18n::{msg, tr};

mod entitlements;
mod inbound;
mod interactions;
pub mod options;
mod outbound;
mod pacer;
pub mod slash;

use std::sync::{Arc, OnceLock};

use serenity::all::{
    ConnectionStage, Context, CreateAllowedMentions, CreateMessage, Entitlement, EventHandler,
    GatewayIntents, Guild, GuildId, Interaction, Member, Message, Ready, ShardStageUpdateEvent,
};
use serenity::builder::CreateCommand;
use serenity::http::{Http, HttpBuilder};
use serenity::{Client, async_trait};
use tokio::sync::{Semaphore, SemaphorePermit, watch};

use crate::config::{DiscordConfig, Secret};
use crate::core::ids::Platform;
use crate::core::tiers::TierDef;
use crate::engine::payments::EntitlementChange;
use crate::engine::{Engine, Event};
use crate::i18n::Lang;
pub use outbound::DiscordPlatform;

/// Guild messages (for XP), their content (for thanks words and text commands), and member
/// joins and leaves (so role sync knows who is in the server). Nothing else.
#[must_use]
pub fn intents() -> GatewayIntents {
    GatewayIntents::GUILDS
        | GatewayIntents::GUILD_MESSAGES
        | GatewayIntents::MESSAGE_CONTENT
        | GatewayIntents::GUILD_MEMBERS
}

/// The REST client. With `api_url` (a local peer) requests go there and serenity's client-side
/// rate limiter is off, since it would not see the peer's limits.
#[must_use]
pub fn http(token: &Secret, api_url: Option<&str>) -> Http {
    let builder = HttpBuilder::new(token.expose());
    match api_url {
        Some(url) => builder
            .proxy(url.trim_end_matches('/'))
            .ratelimiter_disabled(true)
            .build(),
        None => builder.build(),
    }
}

/// Why the Discord connection stopped for good, with what to do about it.
#[derive(Debug, thiserror::Error)]
pub enum DiscordError {
    #[error(
        "Discord refused the bot token: copy a fresh one from the Developer Portal (Bot → Reset \
         Token) into STEWARD_DISCORD_TOKEN"
    )]
    BadToken,
    #[error(
        "Discord refused the gateway intents: turn on Server Members Intent and Message Content \
         Intent in the Developer Portal (Bot → Privileged Gateway Intents); see docs/discord.md"
    )]
    IntentsNotEnabled,
    #[error("the Discord connection ended: {0}")]
    Connection(serenity::Error),
}

impl From<serenity::Error> for DiscordError {
    fn from(e: serenity::Error) -> Self {
        use serenity::gateway::GatewayError;
        match e {
            serenity::Error::Gateway(GatewayError::InvalidAuthentication) => Self::BadToken,
            serenity::Error::Gateway(GatewayError::DisallowedGatewayIntents) => {
                Self::IntentsNotEnabled
            }
            other => Self::Connection(other),
        }
    }
}

/// At most this many Discord events are handled at once; shutdown waits for all of them.
const MAX_IN_FLIGHT: u32 = 10_000;
/// How long a stop waits for events still being handled.
const DRAIN_WITHIN: std::time::Duration = std::time::Duration::from_secs(10);

/// The gateway client and what the engine needs to act on Discord.
pub struct DiscordAdapter {
    client: Client,
    engine: Arc<OnceLock<Arc<Engine>>>,
    in_flight: Arc<Semaphore>,
    /// The community's language, for the words Discord shows server admins (audit log reasons).
    language: Lang,
}

impl DiscordAdapter {
    /// Builds the client; the engine is handed over with [`DiscordAdapter::run`], since the
    /// engine needs this adapter's [`DiscordPlatform`] first.
    pub async fn connect(
        discord: &DiscordConfig,
        tiers: &[TierDef],
        language: Lang,
    ) -> Result<Self, serenity::Error> {
        let Some(token) = &discord.token else {
            return Err(serenity::Error::Other(
                "no Discord token is configured", // not translated: a start-up error for the CLI
            ));
        };
        let engine = Arc::new(OnceLock::new());
        let in_flight = Arc::new(Semaphore::new(MAX_IN_FLIGHT as usize));
        let handler = Handler {
            engine: engine.clone(),
            in_flight: in_flight.clone(),
            commands: slash::definitions(tiers, language),
            guilds: discord.guilds.clone(),
            forms: interactions::Forms::default(),
        };
        let client = serenity::client::ClientBuilder::new_with_http(
            http(token, discord.api_url.as_deref()),
            intents(),
        )
        .event_handler(handler)
        .await?;
        Ok(Self {
            client,
            engine,
            in_flight,
            language,
        })
    }

    /// The engine's way to act on Discord, sharing this client's REST connection and limits.
    #[must_use]
    pub fn platform(&self, guilds: Vec<u64>) -> DiscordPlatform {
        DiscordPlatform::new(self.client.http.clone(), guilds, self.language)
    }

    /// Runs the gateway until `stop` turns true, then closes the connection. Returns early
    /// with the reason when Discord ends the connection for good (a bad token, intents not
    /// enabled); network trouble is retried inside.
    pub async fn run(
        mut self,
        engine: Arc<Engine>,
        mut stop: watch::Receiver<bool>,
    ) -> Result<(), DiscordError> {
        if self.engine.set(engine).is_err() {
            return Err(DiscordError::Connection(serenity::Error::Other(
                "the Discord adapter was started twice", // not translated: a programming error
            )));
        }
        let shards = self.client.shard_manager.clone();
        let ended = tokio::select! {
            result = self.client.start() => result.map_err(DiscordError::from),
            _ = stop.changed() => Ok(()),
        };
        shards.shutdown_all().await;
        // serenity runs each event in its own task: let those in progress finish before the
        // caller closes the database.
        let drained =
            tokio::time::timeout(DRAIN_WITHIN, self.in_flight.acquire_many(MAX_IN_FLIGHT)).await;
        // Any event arriving now is turned away instead of meeting a closing database.
        self.in_flight.close();
        if drained.is_err() {
            tracing::warn!("Discord events were still being handled at shutdown");
        }
        ended
    }
}

struct Handler {
    engine: Arc<OnceLock<Arc<Engine>>>,
    in_flight: Arc<Semaphore>,
    commands: Vec<CreateCommand>,
    guilds: Vec<u64>,
    forms: interactions::Forms,
}

impl Handler {
    /// The engine, with a permit that keeps shutdown waiting until this event is handled.
    async fn engine(&self) -> Option<(Arc<Engine>, SemaphorePermit<'_>)> {
        let engine = self.engine.get().cloned()?;
        let permit = self.in_flight.acquire().await.ok()?;
        Some((engine, permit))
    }
}

#[async_trait]
impl EventHandler for Handler {
    async fn ready(&self, ctx: Context, ready: Ready) {
        tracing::info!(bot = %ready.user.name, guilds = self.guilds.len(), "connected to Discord");
        if let Some(engine) = self.engine.get() {
            engine
                .operations()
                .report_connected(Platform::Discord, true);
        }
        for guild in &self.guilds {
            match GuildId::new(*guild)
                .set_commands(&ctx.http, self.commands.clone())
                .await
            {
                Ok(registered) => {
                    tracing::info!(
                        guild,
                        commands = registered.len(),
                        "slash commands registered"
                    );
                }
                Err(e) => tracing::error!(guild, error = %e, "registering slash commands failed"),
            }
        }
    }

    async fn shard_stage_update(&self, _ctx: Context, event: ShardStageUpdateEvent) {
        let connected = match event.new {
            ConnectionStage::Connected => true,
            ConnectionStage::Disconnected => false,
            _ => return,
        };
        if let Some(engine) = self.engine.get() {
            engine
                .operations()
                .report_connected(Platform::Discord, connected);
        }
    }

    async fn guild_create(&self, _ctx: Context, guild: Guild, _is_new: Option<bool>) {
        if self.guilds.contains(&guild.id.get()) {
            tracing::info!(guild = %guild.id, name = %guild.name, members = guild.member_count, "community guild available");
        } else {
            tracing::warn!(
                guild = %guild.id,
                name = %guild.name,
                "Steward is in a server that is not in [discord] guilds; it earns no XP and has no commands there"
            );
        }
    }

    async fn message(&self, ctx: Context, message: Message) {
        let Some((engine, _permit)) = self.engine().await else {
            return;
        };
        if message.author.bot || message.guild_id.is_none() {
            return;
        }
        let event = inbound::message_event(&message, engine.kernel().now());
        if let Some(reply) = engine.handle(Event::Message(event)).await {
            let answer = CreateMessage::new()
                .content(reply)
                .reference_message(&message)
                .allowed_mentions(CreateAllowedMentions::new());
            if let Err(e) = message.channel_id.send_message(&ctx.http, answer).await {
                tracing::warn!(channel = %message.channel_id, error = %e, "reply failed");
            }
        }
    }

    async fn entitlement_create(&self, ctx: Context, entitlement: Entitlement) {
        if let Some((engine, _permit)) = self.engine().await {
            entitlements::apply(&ctx, &engine, &entitlement, EntitlementChange::Created).await;
        }
    }

    async fn entitlement_update(&self, ctx: Context, entitlement: Entitlement) {
        if let Some((engine, _permit)) = self.engine().await {
            entitlements::apply(&ctx, &engine, &entitlement, EntitlementChange::Updated).await;
        }
    }

    async fn entitlement_delete(&self, ctx: Context, entitlement: Entitlement) {
        if let Some((engine, _permit)) = self.engine().await {
            entitlements::apply(&ctx, &engine, &entitlement, EntitlementChange::Deleted).await;
        }
    }

    async fn interaction_create(&self, ctx: Context, interaction: Interaction) {
        if let Some((engine, _permit)) = self.engine().await {
            interactions::handle(ctx, engine, &self.forms, interaction).await;
        }
    }

    async fn guild_member_addition(&self, _ctx: Context, member: Member) {
        let Some((engine, _permit)) = self.engine().await else {
            return;
        };
        let event = Event::MemberJoined {
            chat: inbound::guild_chat(member.guild_id),
            person: inbound::member_person(&member),
            at: engine.kernel().now(),
        };
        engine.handle(event).await;
    }
}
