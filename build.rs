//! Rebuilds when a migration or a locale file is added or changed: `sqlx::migrate!` and
//! `fluent_templates::static_loader!` embed their directories at compile time, and Cargo would
//! not otherwise notice a new file there. Also names the commit built, for `steward_build_info`.

fn main() {
    println!("cargo:rerun-if-changed=migrations");
    println!("cargo:rerun-if-changed=locales");
    // steward_build_info's commit: STEWARD_COMMIT when set (an image built without .git), else
    // git's, else "unknown".
    println!("cargo:rerun-if-env-changed=STEWARD_COMMIT");
    let commit = std::env::var("STEWARD_COMMIT")
        .ok()
        .filter(|c| !c.is_empty())
        .or_else(|| {
            let out = std::process::Command::new("git")
                .args(["rev-parse", "--short=12", "HEAD"])
                .output()
                .ok()?;
            out.status
                .success()
                .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
        })
        .unwrap_or_else(|| "unknown".to_owned());
    println!("cargo:rustc-env=STEWARD_COMMIT={commit}");
}
