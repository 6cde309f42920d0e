//! Rebuilds when a migration or a locale file is added or changed: `sqlx::migrate!` and
//! `fluent_templates::static_loader!` embed their directories at compile time, and Cargo would
//! not otherwise notice a new file there.

fn main() {
    println!("cargo:rerun-if-changed=migrations");
    println!("cargo:rerun-if-changed=locales");
}
