//! This process's resident memory, CPU time and open file descriptors, read from `/proc` at
//! each scrape (Linux; elsewhere the figures are absent). Hand-read rather than a crate: three
//! small files, where the `procfs` crate would bring the whole of `/proc`.

/// What `/proc/self` says now; `None` where it could not be read.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct ProcessStats {
    pub resident_bytes: Option<i64>,
    pub cpu_seconds: Option<f64>,
    pub open_fds: Option<i64>,
}

impl ProcessStats {
    pub(crate) fn read() -> Self {
        Self {
            resident_bytes: resident_bytes(),
            cpu_seconds: cpu_seconds(),
            open_fds: std::fs::read_dir("/proc/self/fd")
                .ok()
                .and_then(|fds| i64::try_from(fds.count()).ok()),
        }
    }
}

/// `VmRSS:   12345 kB` in `/proc/self/status`.
fn resident_bytes() -> Option<i64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: i64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

/// The first figure of `/proc/self/schedstat`: nanoseconds spent on a CPU, user and system.
fn cpu_seconds() -> Option<f64> {
    let text = std::fs::read_to_string("/proc/self/schedstat").ok()?;
    let nanos: u64 = text.split_whitespace().next()?.parse().ok()?;
    Some(nanos as f64 / 1e9)
}

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::ProcessStats;

    #[test]
    fn a_linux_process_reads_its_memory_cpu_and_descriptors() {
        let stats = ProcessStats::read();
        assert!(stats.resident_bytes.is_some_and(|b| b > 0), "{stats:?}");
        assert!(stats.cpu_seconds.is_some_and(|s| s > 0.0), "{stats:?}");
        assert!(stats.open_fds.is_some_and(|n| n >= 3), "{stats:?}");
    }
}
