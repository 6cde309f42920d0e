//! Media a drop carries (a photo, a PDF, a screen recording): what kind it is, its name, type
//! and size, and where its platform keeps it (a Telegram file id, a Discord attachment's
//! address). Pure: captured by the adapters, recorded with the drop, listed by `/drop show`.

/// What kind of file, as the platforms tell them apart (Telegram sends each kind its own way).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MediaKind {
    Photo,
    Document,
    Video,
    Audio,
    Animation,
    Voice,
}

impl MediaKind {
    /// The stored name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Photo => "photo",
            Self::Document => "document",
            Self::Video => "video",
            Self::Audio => "audio",
            Self::Animation => "animation",
            Self::Voice => "voice",
        }
    }

    /// A stored name read back; anything unknown is a document.
    #[must_use]
    pub fn parse(s: &str) -> Self {
        [
            Self::Photo,
            Self::Video,
            Self::Audio,
            Self::Animation,
            Self::Voice,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
        .unwrap_or(Self::Document)
    }

    /// The kind of a file known only by its media type (a Discord attachment): pictures,
    /// videos and sounds by their type, anything else a document.
    #[must_use]
    pub fn of_type(mime: Option<&str>) -> Self {
        match mime.and_then(|m| m.split('/').next()) {
            Some("image") if mime == Some("image/gif") => Self::Animation,
            Some("image") => Self::Photo,
            Some("video") => Self::Video,
            Some("audio") => Self::Audio,
            _ => Self::Document,
        }
    }
}

/// One file of a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Media {
    pub kind: MediaKind,
    /// The file's name, as sent or made up from its kind (Telegram photos have none).
    pub name: String,
    /// Its media type, where the platform says.
    pub mime: Option<String>,
    /// Its size in bytes, where the platform says.
    pub size: Option<u64>,
    /// Where the platform keeps it: a Telegram file id, a Discord attachment's address.
    pub source: String,
}

/// The media type of a file known only by its name (a file given by path), for the common
/// kinds a lesson carries; `None` for the rest (sent as a document).
#[must_use]
pub fn type_of_name(name: &str) -> Option<&'static str> {
    let extension = name.rsplit_once('.')?.1.to_ascii_lowercase();
    Some(match extension.as_str() {
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        "mp3" => "audio/mpeg",
        "ogg" => "audio/ogg",
        "m4a" => "audio/mp4",
        "pdf" => "application/pdf",
        "zip" => "application/zip",
        "txt" | "md" => "text/plain",
        _ => return None,
    })
}

impl Media {
    /// A file given by its path on the machine Steward runs on (the console's `file PATH`):
    /// named after its last part, its kind and type read from its extension, its size known
    /// once it is read.
    #[must_use]
    pub fn from_path(path: &str) -> Self {
        let name = clean_name(path);
        let mime = type_of_name(&name);
        Self {
            kind: MediaKind::of_type(mime),
            mime: mime.map(str::to_owned),
            name,
            size: None,
            source: path.to_owned(),
        }
    }
}

/// The longest file name kept, in characters.
const MAX_NAME: usize = 200;

/// A file's name as Steward keeps and shows it: its last path part only (a name is never a
/// path), without control or invisible format characters (a right-to-left override would
/// disguise `exe.pdf` as `fdp.exe`), at most [`MAX_NAME`] characters; `file` when nothing is
/// left.
#[must_use]
pub fn clean_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let cleaned: String = crate::names::clean_display_name(last)
        .chars()
        .filter(|c| !c.is_control())
        .take(MAX_NAME)
        .collect();
    let trimmed = cleaned.trim();
    if trimmed.is_empty() || trimmed.chars().all(|c| c == '.') {
        "file".to_owned()
    } else {
        trimmed.to_owned()
    }
}

/// `media` with each name cleaned ([`clean_name`]), as a drop or a submission keeps them.
#[must_use]
pub fn cleaned(media: &[Media]) -> Vec<Media> {
    media
        .iter()
        .map(|m| Media {
            name: clean_name(&m.name),
            ..m.clone()
        })
        .collect()
}

/// A size as people read it, with its unit's key: `(value, "bytes" | "kb" | "mb")`, kB and MB
/// to one decimal.
#[must_use]
pub fn readable_size(bytes: u64) -> (String, &'static str) {
    const KB: u64 = 1024;
    #[allow(clippy::cast_precision_loss)] // sizes far below 2^52 bytes
    let scaled = |unit: u64| format!("{:.1}", bytes as f64 / unit as f64);
    if bytes < KB {
        (bytes.to_string(), "bytes")
    } else if bytes < KB * KB {
        (scaled(KB), "kb")
    } else {
        (scaled(KB * KB), "mb")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_attachment_s_kind_follows_its_media_type() {
        assert_eq!(MediaKind::of_type(Some("image/png")), MediaKind::Photo);
        assert_eq!(MediaKind::of_type(Some("image/gif")), MediaKind::Animation);
        assert_eq!(MediaKind::of_type(Some("video/mp4")), MediaKind::Video);
        assert_eq!(
            MediaKind::of_type(Some("application/pdf")),
            MediaKind::Document
        );
        assert_eq!(MediaKind::of_type(None), MediaKind::Document);
        for kind in [MediaKind::Photo, MediaKind::Voice, MediaKind::Document] {
            assert_eq!(MediaKind::parse(kind.as_str()), kind);
        }
    }

    #[test]
    fn a_file_by_path_is_named_and_typed_by_its_last_part() {
        let slides = Media::from_path("/home/olga/week 3/Slides.PDF");
        assert_eq!(slides.name, "Slides.PDF");
        assert_eq!(slides.mime.as_deref(), Some("application/pdf"));
        assert_eq!(slides.kind, MediaKind::Document);
        assert_eq!(Media::from_path("diagram.png").kind, MediaKind::Photo);
        assert_eq!(Media::from_path("talk.mp4").kind, MediaKind::Video);
        assert_eq!(Media::from_path("notes").mime, None);
    }

    #[test]
    fn a_file_name_is_never_a_path_nor_disguised() {
        assert_eq!(clean_name("../../etc/passwd"), "passwd");
        assert_eq!(clean_name("C:\\x\\notes.txt"), "notes.txt");
        assert_eq!(clean_name("invoice\u{202E}fdp.exe"), "invoicefdp.exe");
        assert_eq!(clean_name("a\nb\u{0}.png"), "ab.png");
        assert_eq!(clean_name(".."), "file");
        assert_eq!(clean_name(""), "file");
        assert_eq!(clean_name(&"x".repeat(300)).chars().count(), 200);
    }

    #[test]
    fn sizes_read_in_their_unit() {
        assert_eq!(readable_size(512), ("512".to_owned(), "bytes"));
        assert_eq!(readable_size(1536), ("1.5".to_owned(), "kb"));
        assert_eq!(readable_size(60 * 1024 * 1024), ("60.0".to_owned(), "mb"));
    }
}
