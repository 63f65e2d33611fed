//! Every bundled scenario's report.html as a browser draws it: headless Chromium loads the page,
//! its DOM after load is read back (no chart's axis repeats a label) and a screenshot is taken
//! (a real PNG of the page). Without `chromium` on PATH the test says so loudly and passes,
//! unless `TRELLIS_REQUIRE_CHROMIUM=1` (CI), where a missing browser is a failure.
mod chart_axes;
mod common;

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use trellis_cli::report;

use chart_axes::{assert_distinct, axes};
use common::run_bundled;

/// The browser's window: the report's width and enough height for a long report's charts.
const WINDOW: &str = "--window-size=1280,6000";
/// A page load or a screenshot that takes longer has hung.
const BROWSER_TIMEOUT: Duration = Duration::from_secs(120);
/// A blank 1280×6000 page is a 34,759-byte PNG in Debian 12's Chromium; the smallest bundled
/// report (reserve_runout) 275,920 bytes. Under this, the page drew next to nothing.
const MIN_SCREENSHOT_BYTES: u64 = 100_000;

/// Whether `chromium` runs; `None` (after a loud message) when it is absent and not required.
fn chromium() -> Option<&'static str> {
    let found = Command::new("chromium")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if found {
        return Some("chromium");
    }
    if std::env::var("TRELLIS_REQUIRE_CHROMIUM").as_deref() == Ok("1") {
        panic!("TRELLIS_REQUIRE_CHROMIUM=1 but `chromium` is not on PATH");
    }
    // Written to stderr itself, not with `eprintln!`, which the test harness captures and
    // hides for a passing test.
    let _ = writeln!(
        std::io::stderr(),
        "\n!!!!!!!! SKIPPED: `chromium` is not on PATH, so no report.html was rendered.\n\
         !!!!!!!! Install it (apt-get install -y chromium), or set TRELLIS_REQUIRE_CHROMIUM=1 \
         to fail here.\n"
    );
    None
}

/// Runs headless Chromium on `page` with `args`, each run with its own profile directory (so
/// runs never share a profile lock; each is about 2.4 MB, so it is removed after), killed if
/// it outlives [`BROWSER_TIMEOUT`]. Its output goes to files beside `profile`: a DOM larger
/// than a pipe's buffer would block it otherwise. Returns what it printed.
fn headless(browser: &str, profile: &Path, page: &Path, args: &[String]) -> String {
    let (stdout, stderr) = (
        profile.with_extension("stdout"),
        profile.with_extension("stderr"),
    );
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .stdout(File::create(&stdout).unwrap())
        .stderr(File::create(&stderr).unwrap())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > BROWSER_TIMEOUT {
            let _ = child.kill();
            panic!("chromium {args:?} on {} hung", page.display());
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let _ = std::fs::remove_dir_all(profile);
    assert!(
        status.success(),
        "chromium {args:?}: {}",
        std::fs::read_to_string(&stderr).unwrap_or_default()
    );
    std::fs::read_to_string(&stdout).unwrap()
}

/// The width and height in a PNG's header (IHDR, right after the 8-byte signature).
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    assert_eq!(&bytes[12..16], b"IHDR");
    let be = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (be(16), be(20))
}

fn bundled_scenarios() -> Vec<String> {
    let dir = common::bundled("");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    names.sort();
    names
}

#[test]
fn every_bundled_report_renders_in_chromium_with_distinct_axis_labels() {
    let Some(browser) = chromium() else {
        return;
    };
    let root = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("report_render");
    let _ = std::fs::remove_dir_all(&root);
    let scenarios = bundled_scenarios();
    assert!(scenarios.len() >= 6, "{scenarios:?}");
    for name in &scenarios {
        let stem = name.trim_end_matches(".toml");
        let dir = root.join(stem);
        std::fs::create_dir_all(&dir).unwrap();
        let report = run_bundled(name);
        report::write_all(&report, &dir).unwrap();
        let page = dir.join("report.html").canonicalize().unwrap();
        let written = axes(&std::fs::read_to_string(&page).unwrap());
        assert!(!written.is_empty(), "{name}: report.html has no chart");

        let dom = headless(
            browser,
            &dir.join("profile-dom"),
            &page,
            &["--dump-dom".to_string()],
        );
        let rendered = axes(&dom);
        // Every chart written is in the page the browser built, with the same labels.
        assert_eq!(rendered, written, "{name}: the DOM's charts");
        for (title, y, x) in &rendered {
            assert!(!title.is_empty(), "{name}: a chart without a title");
            assert!(!y.is_empty() && !x.is_empty(), "{name}, {title}: no ticks");
            assert_distinct(&format!("{name}, {title}, y axis"), y);
            assert_distinct(&format!("{name}, {title}, x axis"), x);
        }

        let shot = dir.join("report.png");
        headless(
            browser,
            &dir.join("profile-shot"),
            &page,
            &[format!("--screenshot={}", shot.display()), WINDOW.into()],
        );
        let bytes = std::fs::read(&shot).unwrap_or_else(|e| panic!("{name}: no screenshot: {e}"));
        assert_eq!(png_size(&bytes), (1280, 6000), "{name}");
        assert!(
            bytes.len() as u64 >= MIN_SCREENSHOT_BYTES,
            "{name}: a {}-byte screenshot is blank",
            bytes.len()
        );
    }
}
