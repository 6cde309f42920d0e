//! Tags on drops and lessons: what a tag may look like and how a typed list (`rust,async`,
//! `#Rust， 异步`) reads. One parser serves the `/drop … tags` clause, `/drop tags ID LIST` and
//! `/drops tag X`.

use steward_i18n::Msg;
use steward_i18n::msg;

/// Most tags one drop carries: enough to describe it, few enough to mean something.
pub const MAX_TAGS: usize = 8;

/// Longest tag, in characters.
pub const MAX_TAG_CHARS: usize = 24;

/// One tag as typed (`#Rust`, `async`) in its stored form: lowercase, without the `#`.
pub fn tag(word: &str) -> Result<String, Msg> {
    let tag = word.trim().trim_start_matches('#').to_lowercase();
    let fits = !tag.is_empty()
        && tag.chars().count() <= MAX_TAG_CHARS
        && tag
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '+' | '.' | '#'));
    if fits {
        Ok(tag)
    } else {
        Err(msg!("tags-invalid", word = word, max = MAX_TAG_CHARS))
    }
}

/// A comma-separated list (ASCII or full-width commas), each tag once, in the order typed.
pub fn tag_list(list: &str) -> Result<Vec<String>, Msg> {
    let mut tags: Vec<String> = Vec::new();
    for word in list
        .split([',', '，', '、'])
        .filter(|w| !w.trim().is_empty())
    {
        let tag = tag(word)?;
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    if tags.is_empty() {
        return Err(msg!("tags-none-given"));
    }
    if tags.len() > MAX_TAGS {
        return Err(msg!("tags-too-many", max = MAX_TAGS));
    }
    Ok(tags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_stored_lowercase_without_the_hash_and_once() {
        assert_eq!(
            tag_list("#Rust, async,rust").unwrap(),
            vec!["rust", "async"]
        );
        assert_eq!(
            tag_list("异步，Rust、c++").unwrap(),
            vec!["异步", "rust", "c++"]
        );
        assert_eq!(tag("C#").unwrap(), "c#");
    }

    #[test]
    fn odd_words_empty_lists_and_long_lists_are_refused_with_the_reason() {
        assert!(tag("a/b").unwrap_err().to_string().contains("a/b"));
        assert!(tag(&"x".repeat(25)).is_err());
        assert!(tag_list(" , ").is_err());
        let many: Vec<String> = (0..9).map(|i| format!("t{i}")).collect();
        assert!(
            tag_list(&many.join(","))
                .unwrap_err()
                .to_string()
                .contains('8')
        );
    }
}
