//! A minimal SVG writer: just the elements the charts use, with escaping.
use std::fmt::Write;

/// An SVG document under construction.
pub struct Svg {
    width: f64,
    height: f64,
    body: String,
}

/// Text anchoring.
#[derive(Clone, Copy, Debug)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    fn as_str(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

impl Svg {
    pub fn new(width: f64, height: f64) -> Self {
        Svg {
            width,
            height,
            body: String::new(),
        }
    }

    pub fn line(
        &mut self,
        (x1, y1): (f64, f64),
        (x2, y2): (f64, f64),
        stroke: &str,
        width: f64,
        dashed: bool,
    ) {
        let dash = if dashed {
            r#" stroke-dasharray="4 3""#
        } else {
            ""
        };
        let _ = writeln!(
            self.body,
            r#"<line x1="{x1:.1}" y1="{y1:.1}" x2="{x2:.1}" y2="{y2:.1}" stroke="{}" stroke-width="{width}"{dash}/>"#,
            escape(stroke)
        );
    }

    pub fn polyline(&mut self, points: &[(f64, f64)], stroke: &str, width: f64, dashed: bool) {
        if points.is_empty() {
            return;
        }
        let mut coords = String::new();
        for (i, (x, y)) in points.iter().enumerate() {
            if i > 0 {
                coords.push(' ');
            }
            let _ = write!(coords, "{x:.1},{y:.1}");
        }
        let _ = writeln!(
            self.body,
            r#"<polyline points="{coords}" fill="none" stroke="{}" stroke-width="{width}" stroke-linejoin="round"{}/>"#,
            escape(stroke),
            if dashed {
                r#" stroke-dasharray="6 4""#
            } else {
                ""
            }
        );
    }

    pub fn rect(
        &mut self,
        (x, y): (f64, f64),
        (w, h): (f64, f64),
        fill: &str,
        stroke: Option<&str>,
    ) {
        let stroke = stroke
            .map(|s| format!(r#" stroke="{}""#, escape(s)))
            .unwrap_or_default();
        let _ = writeln!(
            self.body,
            r#"<rect x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{h:.1}" fill="{}"{stroke}/>"#,
            escape(fill)
        );
    }

    pub fn text(&mut self, (x, y): (f64, f64), text: &str, anchor: Anchor, size: f64, fill: &str) {
        let _ = writeln!(
            self.body,
            r#"<text x="{x:.1}" y="{y:.1}" text-anchor="{}" font-size="{size}" fill="{}">{}</text>"#,
            anchor.as_str(),
            escape(fill),
            escape(text)
        );
    }

    /// Text rotated by -90 degrees around its anchor point (for a y-axis label).
    pub fn vertical_text(&mut self, (x, y): (f64, f64), text: &str, size: f64, fill: &str) {
        let _ = writeln!(
            self.body,
            r#"<text x="{x:.1}" y="{y:.1}" text-anchor="middle" font-size="{size}" fill="{}" transform="rotate(-90 {x:.1} {y:.1})">{}</text>"#,
            escape(fill),
            escape(text)
        );
    }

    /// The finished document.
    pub fn finish(self) -> String {
        format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}" font-family="sans-serif">
{body}</svg>
"#,
            w = self.width,
            h = self.height,
            body = self.body
        )
    }
}

/// Escapes text for XML content and attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_escaped_elements() {
        let mut svg = Svg::new(100.0, 50.0);
        svg.line((0.0, 0.0), (10.0, 5.0), "#000", 1.0, false);
        svg.polyline(&[(0.0, 1.0), (2.5, 3.25)], "red", 2.0, false);
        svg.text((1.0, 2.0), "a < b & \"c\"", Anchor::Middle, 10.0, "#333");
        let out = svg.finish();
        assert!(out.starts_with(r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50""#));
        assert!(out.contains(
            r##"<line x1="0.0" y1="0.0" x2="10.0" y2="5.0" stroke="#000" stroke-width="1"/>"##
        ));
        assert!(
            out.contains(r#"points="0.0,1.0 2.5,3.2""#)
                || out.contains(r#"points="0.0,1.0 2.5,3.3""#)
        );
        assert!(out.contains(">a &lt; b &amp; &quot;c&quot;</text>"));
        assert!(out.trim_end().ends_with("</svg>"));
    }
}
