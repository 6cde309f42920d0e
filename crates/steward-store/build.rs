//! Rebuilds when a migration is added or changed: `sqlx::migrate!` embeds the directory at
//! compile time, and Cargo would not otherwise notice a new file there.

fn main() {
    println!("cargo:rerun-if-changed=../../migrations");
}
