//! What a first visit downloads, and its size compressed: the page, then everything the
//! service worker precaches (it fetches its whole list on install), and the worker itself.
//! Read from the built dist, so the numbers are deterministic.

use std::io::Write;
use std::path::Path;

use flate2::write::GzEncoder;
use flate2::Compression;

/// One downloaded file: its path in the dist, its size, and its size gzipped (level 9).
#[derive(Debug, Clone)]
pub struct FileSize {
    pub name: String,
    pub raw: usize,
    pub gzip: usize,
}

/// The files of a first visit, largest compressed first.
pub fn first_visit(dist: &Path) -> Result<Vec<FileSize>, String> {
    let sw = std::fs::read_to_string(dist.join("sw.js")).map_err(|e| format!("sw.js: {e}"))?;
    let mut names = precache_list(&sw)?;
    for extra in ["index.html", "sw.js"] {
        if !names.iter().any(|n| n == extra) {
            names.push(extra.to_string());
        }
    }
    let mut sizes = names
        .iter()
        .map(|name| {
            let bytes = std::fs::read(dist.join(name)).map_err(|e| format!("{name}: {e}"))?;
            Ok(FileSize {
                name: name.clone(),
                raw: bytes.len(),
                gzip: gzip_len(&bytes),
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    sizes.sort_by(|a, b| b.gzip.cmp(&a.gzip).then(a.name.cmp(&b.name)));
    Ok(sizes)
}

/// The file list the build wrote into the service worker: `["./a.js","./b.css"]`.
fn precache_list(sw: &str) -> Result<Vec<String>, String> {
    let start = sw.find("[\"./").ok_or("sw.js has no precache list")?;
    let end = sw[start..]
        .find(']')
        .ok_or("sw.js: unclosed precache list")?
        + start;
    Ok(sw[start + 1..end]
        .split(',')
        .map(|s| {
            s.trim()
                .trim_matches('"')
                .trim_start_matches("./")
                .to_string()
        })
        .filter(|s| !s.is_empty())
        .collect())
}

pub fn gzip_len(bytes: &[u8]) -> usize {
    gzip(bytes).map_or(usize::MAX, |v| v.len())
}

/// `bytes` gzipped at the best level (gzip -9), as sizes are counted and hosts precompress.
pub fn gzip(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
    encoder.write_all(bytes).ok()?;
    encoder.finish().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_list_the_build_writes() {
        let sw = "const VERSION = \"x\";\nconst FILES = [\"./index.html\",\"./a-1.js\",\"./icons/i.png\"];\n";
        assert_eq!(
            precache_list(sw).unwrap(),
            ["index.html", "a-1.js", "icons/i.png"]
        );
        assert!(precache_list("const FILES = [];").is_err());
    }

    #[test]
    fn gzip_shrinks_repetitive_text() {
        let text = "研读".repeat(1000);
        let n = gzip_len(text.as_bytes());
        assert!(n > 0 && n < text.len() / 10, "{n}");
    }
}
