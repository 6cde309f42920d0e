//! The Chinese locale in Chinese: English words that have a Chinese term the rest of the locale
//! uses (经验 for XP) never appear in its text. Select keys are not text and are not checked;
//! command and config words (`/points`, `[channels.NAME]`) are written in English on purpose.

use fluent_syntax::ast;

use super::tests::{files_under, locales_dir};

/// English words with the Chinese term to write instead.
const TRANSLATED: &[(&str, &str)] = &[("XP", "经验"), ("Level", "等级"), ("Points", "积分")];

fn text_of(pattern: &ast::Pattern<&str>, into: &mut String) {
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => into.push_str(value),
            ast::PatternElement::Placeable { expression } => {
                if let ast::Expression::Select { variants, .. } = expression {
                    for variant in variants {
                        text_of(&variant.value, into);
                    }
                }
                into.push(' ');
            }
        }
    }
}

#[test]
fn chinese_text_uses_chinese_terms() {
    let mut slips = Vec::new();
    for file in files_under(&locales_dir().join("zh-CN"), "ftl") {
        let source = std::fs::read_to_string(&file).expect("readable locale");
        let resource = fluent_syntax::parser::parse(source.as_str()).unwrap_or_else(|(r, _)| r);
        for entry in &resource.body {
            let ast::Entry::Message(message) = entry else {
                continue;
            };
            let mut text = String::new();
            if let Some(value) = &message.value {
                text_of(value, &mut text);
            }
            let words = text.split(|c: char| !c.is_ascii_alphanumeric());
            for word in words {
                if let Some((_, chinese)) = TRANSLATED.iter().find(|(english, _)| *english == word)
                {
                    slips.push(format!("{}: “{word}” (write {chinese})", message.id.name));
                }
            }
        }
    }
    assert!(slips.is_empty(), "{slips:#?}");
}
