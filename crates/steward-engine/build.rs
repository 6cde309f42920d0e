//! Names the commit built, for `steward_build_info`. (The store's and the locales' crates
//! rebuild when a migration or a locale file changes: their own build scripts say so.)

fn main() {
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
