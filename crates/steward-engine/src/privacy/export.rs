//! `/privacy export` and `steward export --member`: every row Steward holds about one member,
//! as one JSON document.

use chrono::{DateTime, Utc};
use serde_json::json;

use crate::CommandContext;
use crate::core::ids::{AccountRef, MemberId};
use crate::i18n::Lang;
use crate::platform::{DropTarget, OutboundFile};
use crate::store::{Store, StoreError};
use crate::{EngineResult, Privacy, refuse};
use crate::{msg, tr};

/// Why `steward export --member` found nothing to export.
#[derive(Debug, thiserror::Error)]
pub enum MemberExportError {
    #[error(
        "no member is known as `{0}` (use a member id, or PLATFORM:USER_ID such as discord:1234)"
    )]
    NoSuchMember(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The member `id` names: a member id (`42`) or an account (`telegram:5550001`).
pub async fn find_member(store: &Store, id: &str) -> Result<MemberId, MemberExportError> {
    let unknown = || MemberExportError::NoSuchMember(id.to_owned());
    let member = match id.parse::<i64>() {
        Ok(n) => Some(MemberId(n)),
        Err(_) => {
            let account: AccountRef = id.parse().map_err(|_| unknown())?;
            store.member_of(&account).await?
        }
    };
    match member {
        Some(member) if store.member_exists(member).await? => Ok(member),
        _ => Err(unknown()),
    }
}

/// The export document of `member`, as pretty JSON: the community, when, and the member's
/// rows of every table that holds any (other members' ids in them are `null`).
pub async fn export_member(
    store: &Store,
    community: &str,
    member: MemberId,
    at: DateTime<Utc>,
    lang: Lang,
) -> Result<String, StoreError> {
    let tables = store.member_data(member).await?;
    let document = json!({
        "format": "steward-member-data",
        "version": 1,
        "community": community,
        "member_id": member.0,
        "exported_at": at.to_rfc3339(),
        "notes": tr!(lang, "privacy-export-notes"),
        "tables": tables,
    });
    Ok(serde_json::to_string_pretty(&document).unwrap_or_default())
}

impl Privacy {
    /// `/privacy export`: the file goes by DM to the account that asked.
    pub(crate) async fn privacy_export(&self, ctx: &CommandContext) -> EngineResult<String> {
        let community = &self.kernel.config.community_name;
        let json =
            export_member(&self.kernel.store, community, ctx.member, ctx.at, ctx.lang).await?;
        let file = OutboundFile {
            name: format!(
                "steward-data-{}-{}.json",
                ctx.member.0,
                ctx.at.format("%Y%m%d-%H%M%S")
            ),
            caption: tr!(
                ctx.lang,
                "privacy-export-caption",
                community = &self.kernel.config.community_name
            ),
            bytes: json.into_bytes(),
            image: false,
        };
        let to = &ctx.sender.person.profile.account;
        let dm = DropTarget::Dm(to.clone());
        if let Err(error) = self.kernel.platform.send_file(&dm, &file).await {
            tracing::info!(account = %to, error = %error, "sending a data export failed");
            return refuse(msg!(
                "privacy-export-failed",
                error = error.describe(ctx.lang)
            ));
        }
        Ok(tr!(
            ctx.lang,
            "privacy-export-sent",
            name = &file.name,
            kilobytes = file.bytes.len().div_ceil(1024)
        ))
    }
}
