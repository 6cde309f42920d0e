//! What `/drop show` says of a drop's media: each file's kind, name, type and size.

use crate::Drops;
use crate::EngineResult;
use crate::core::media::readable_size;
use crate::i18n::Lang;
use crate::tr;

impl Drops {
    /// A header and a line per file of drop `id`; nothing when it has none.
    pub(super) async fn media_lines(&self, lang: Lang, id: i64) -> EngineResult<Vec<String>> {
        let media = self.kernel.store.drop_media(id).await?;
        if media.is_empty() {
            return Ok(Vec::new());
        }
        let mut lines = vec![tr!(lang, "drop-media-header", count = media.len())];
        for stored in &media {
            let m = &stored.media;
            let size = match m.size.map(readable_size) {
                Some((value, unit)) => {
                    tr!(lang, "drop-media-size", value = value, unit = unit)
                }
                None => tr!(lang, "drop-media-size-unknown"),
            };
            lines.push(tr!(
                lang,
                "drop-media-line",
                kind = tr!(lang, "drop-media-kind", kind = m.kind.as_str()),
                name = m.name.as_str(),
                mime = m.mime.as_deref().unwrap_or("?"),
                size = size
            ));
        }
        Ok(lines)
    }
}
