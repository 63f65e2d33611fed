//! The progress bar: drawn on stderr when it is a terminal, hidden otherwise (pipes, CI).
//!
//! One line: `⠋ 00:00:12 [=======>            ] 12/29 eta 15s t = 11d`: the elapsed time, the
//! bar, samples done of all, the estimated time left and the simulated time reached (the
//! message). The bar has a fixed width and the message takes the rest of the terminal's width,
//! cut there if longer, so the line never wraps: on an 80-column terminal everything but the
//! message takes at most 60 columns for runs of up to 99,999 samples, leaving the message 20 or
//! more, enough for the longest time (`27d 23h 59m 59s`) and for a height-clock moment such as
//! `block 483840 (28d)`.
use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// The template: elapsed, a 20-column bar, position, ETA, then the message in whatever width
/// is left.
pub const TEMPLATE: &str =
    "{spinner} {elapsed_precise} [{bar:20}] {pos}/{len} eta {eta} t = {wide_msg}";

/// Whether a progress bar would be seen: stderr is a terminal and `CI` is not set.
pub fn visible() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("CI").is_none()
}

/// The bar's style.
pub fn style() -> ProgressStyle {
    ProgressStyle::with_template(TEMPLATE)
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("=> ")
}

/// A bar counting samples, or a hidden one when `show` is false.
pub fn bar(show: bool) -> ProgressBar {
    if !show {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
    bar.set_style(style());
    bar
}

#[cfg(test)]
mod tests {
    use std::io;
    use std::sync::{Arc, Mutex};

    use indicatif::TermLike;

    use super::*;

    /// A terminal of `width` columns that records what is written to it.
    #[derive(Debug, Clone)]
    struct Recorder {
        width: u16,
        written: Arc<Mutex<String>>,
    }

    impl TermLike for Recorder {
        fn width(&self) -> u16 {
            self.width
        }
        fn move_cursor_up(&self, _: usize) -> io::Result<()> {
            Ok(())
        }
        fn move_cursor_down(&self, _: usize) -> io::Result<()> {
            Ok(())
        }
        fn move_cursor_right(&self, _: usize) -> io::Result<()> {
            Ok(())
        }
        fn move_cursor_left(&self, _: usize) -> io::Result<()> {
            Ok(())
        }
        fn write_line(&self, s: &str) -> io::Result<()> {
            self.write_str(&format!("{s}\n"))
        }
        fn write_str(&self, s: &str) -> io::Result<()> {
            self.written.lock().unwrap().push_str(s);
            Ok(())
        }
        fn clear_line(&self) -> io::Result<()> {
            self.write_str("\n")
        }
        fn flush(&self) -> io::Result<()> {
            Ok(())
        }
    }

    /// The lines the bar draws on an 80-column terminal at `pos` of `len` with `message`.
    fn drawn(len: u64, pos: u64, message: &str) -> Vec<String> {
        let term = Recorder {
            width: 80,
            written: Arc::default(),
        };
        let bar = ProgressBar::with_draw_target(
            Some(len),
            ProgressDrawTarget::term_like(Box::new(term.clone())),
        );
        bar.set_style(style());
        bar.set_message(message.to_string());
        bar.set_position(pos);
        bar.abandon();
        let written = term.written.lock().unwrap().clone();
        written
            .split(['\n', '\r'])
            .filter(|l| !l.trim().is_empty())
            .map(str::to_string)
            .collect()
    }

    #[test]
    fn the_line_fits_80_columns_with_elapsed_and_eta() {
        // The longest time message of a 28-day run, 10,000 samples.
        let lines = drawn(10_000, 9_999, "27d 23h 59m 59s");
        for line in &lines {
            assert!(
                line.chars().count() <= 80,
                "{} columns: {line:?}",
                line.chars().count()
            );
            assert!(line.contains("00:00:0"), "elapsed: {line:?}");
            assert!(line.contains(" eta "), "{line:?}");
            // The whole message is shown.
            assert!(line.trim_end().ends_with("t = 27d 23h 59m 59s"), "{line:?}");
        }
        let last = lines.last().unwrap();
        assert!(last.contains("] 9999/10000 eta "), "{last:?}");
        // A height-clock message, 99,999 samples: still one line.
        for line in drawn(99_999, 99_998, "block 483840 (27d 23h 59m 55s)") {
            assert!(line.chars().count() <= 80, "{line:?}");
            assert!(line.contains("t = block 483840 (27d"), "{line:?}");
        }
        // Longer than anything a run sets: cut, not wrapped.
        let long = "x".repeat(200);
        for line in drawn(1_000_000, 1, &long) {
            assert!(line.chars().count() <= 80, "{line:?}");
        }
    }

    #[test]
    fn hidden_unless_shown() {
        assert!(bar(false).is_hidden());
    }
}
