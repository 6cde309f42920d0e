//! Why a request was not carried out, and how that reads at the edge: a refusal in the
//! reader's language, a storage failure as a generic apology (the detail goes to the log).

use crate::i18n::Lang;
use crate::store::StoreError;
use crate::tr;

/// Why a request was not carried out.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    /// A refusal or a usage problem: what the user reads, rendered at the edge in the reader's
    /// language; its key names the kind of refusal (for logs and tests).
    #[error("{0}")]
    Refused(crate::i18n::Msg),
    /// A storage failure; users see a generic apology (`error-internal`), the detail goes to
    /// the log.
    #[error("storage failed: {0}")]
    Store(#[from] StoreError),
}

pub type EngineResult<T> = Result<T, EngineError>;

/// Shorthand for a refusal.
pub(crate) fn refuse<T>(why: crate::i18n::Msg) -> EngineResult<T> {
    Err(EngineError::Refused(why))
}

/// Turns an engine result into the text users see, logging internal failures.
pub(crate) fn reply_text(lang: Lang, result: EngineResult<String>) -> String {
    match result {
        Ok(text) => text,
        Err(EngineError::Refused(why)) => {
            tracing::debug!(refusal = why.key(), "request refused");
            why.render(lang)
        }
        Err(e @ EngineError::Store(_)) => {
            tracing::error!(error = ?e, "request failed");
            tr!(lang, "error-internal")
        }
    }
}
