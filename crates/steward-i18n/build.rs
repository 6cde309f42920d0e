//! Rebuilds when a locale file is added or changed: `fluent_templates::static_loader!` embeds
//! the directory at compile time, and Cargo would not otherwise notice a new file there.

fn main() {
    println!("cargo:rerun-if-changed=../../locales");
}
