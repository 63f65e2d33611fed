//! Reads the charts of a report.html back: titles and tick labels of each inline SVG.

/// Each chart of a report: its title, its y tick labels and its x tick labels (the charts write
/// the title as 14 px text, y tick labels as 11 px text anchored at the end, x tick labels as
/// 11 px text centred). Plotters puts a text's content on its own line, the hand-written band
/// chart on the element's line: both are read.
pub fn axes(html: &str) -> Vec<(String, Vec<String>, Vec<String>)> {
    html.split("<svg ")
        .skip(1)
        .map(|svg| {
            let svg = svg.split("</svg>").next().unwrap_or("");
            let texts: Vec<(&str, String)> = svg
                .split("<text ")
                .skip(1)
                .filter_map(|t| {
                    let (attributes, rest) = t.split_once('>')?;
                    let content = rest.split("</text>").next()?.trim();
                    Some((attributes, unescape(content)))
                })
                .collect();
            let attribute = |attributes: &str, name: &str| -> String {
                let key = format!(r#" {name}=""#);
                let padded = format!(" {attributes}");
                padded
                    .split_once(&key)
                    .and_then(|(_, v)| v.split('"').next())
                    .unwrap_or("")
                    .to_string()
            };
            let size = |attributes: &str| -> i64 {
                attribute(attributes, "font-size")
                    .parse::<f64>()
                    .map_or(0, |s| s.round() as i64)
            };
            let title = texts
                .iter()
                .find(|(a, _)| size(a) == 14)
                .map_or(String::new(), |(_, c)| c.clone());
            let labels = |anchor: &str| -> Vec<String> {
                texts
                    .iter()
                    .filter(|(a, _)| size(a) == 11 && attribute(a, "text-anchor") == anchor)
                    .map(|(_, c)| c.clone())
                    .collect()
            };
            (title, labels("end"), labels("middle"))
        })
        .collect()
}

/// XML's escapes undone: the report writes `&apos;` (plotters) or `&#39;`, a browser's DOM
/// gives `'` back.
fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

#[track_caller]
pub fn assert_distinct(what: &str, labels: &[String]) {
    let mut unique = labels.to_vec();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), labels.len(), "{what}: {labels:?}");
}
