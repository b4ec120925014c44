//! The page itself: the staged `index.html` with every file it links inlined, and a CSP that
//! allows exactly the inlined script and styles by their hashes (still no 'unsafe-inline').

use base64::Engine as _;
use sha2::{Digest, Sha256};

/// Rewrites the staged page's head; `read` gives the text of a staged file by its href.
pub fn single_page(
    index: &str,
    script: &str,
    read: impl Fn(&str) -> Result<String, String>,
) -> Result<String, String> {
    let (head, body) = index
        .split_once("</head>")
        .ok_or("the page has no </head>")?;
    let mut out = String::with_capacity(index.len() + script.len());
    let mut css = String::new();
    let mut no_app_css = String::new();
    let mut own_media_css: Vec<String> = Vec::new();
    let mut rest = head;
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let tag_end = rest[start..].find('>').ok_or("an unclosed tag")? + start + 1;
        let tag = &rest[start..tag_end];
        rest = &rest[tag_end..];
        if tag.starts_with("<meta http-equiv=\"Content-Security-Policy\"") {
            out.push_str(CSP_SLOT);
        } else if let Some(rest) = tag.strip_prefix("<html") {
            // Lets the page hide what only the hosted app has (the download link).
            out.push_str("<html data-single-file");
            out.push_str(rest);
        } else if tag.starts_with("<script") {
            // The loader file: the inline module below replaces it.
            rest = rest
                .split_once("</script>")
                .map(|(_, after)| after)
                .ok_or("an unclosed <script>")?;
        } else if tag.starts_with("<link") {
            let href = attribute(tag, "href").unwrap_or_default();
            match attribute(tag, "rel").unwrap_or_default() {
                "stylesheet" if href.ends_with("noscript.css") => {
                    no_app_css = read(href)?;
                    out.push_str(&format!("<style>{no_app_css}</style>"));
                }
                // A sheet whose media the page switches (the dark colours): a <style> of its
                // own, with its id and media.
                "stylesheet" if attribute(tag, "media").is_some_and(|m| m != "print") => {
                    let own = read(href)?;
                    let id = attribute(tag, "id")
                        .map(|id| format!(" id=\"{id}\""))
                        .unwrap_or_default();
                    let media = attribute(tag, "media").unwrap_or_default();
                    out.push_str(&format!("<style{id} media=\"{media}\">{own}</style>"));
                    own_media_css.push(own);
                }
                "stylesheet" => {
                    if css.is_empty() {
                        out.push_str(STYLE_SLOT);
                    }
                    css.push_str(&read(href)?);
                    css.push('\n');
                }
                "icon" => {
                    let svg = base64::engine::general_purpose::STANDARD.encode(read(href)?);
                    out.push_str(&format!(
                        "<link rel=\"icon\" href=\"data:image/svg+xml;base64,{svg}\" />"
                    ));
                }
                // Preloads, the manifest and touch icons: files a single page does not have.
                _ => {}
            }
        } else {
            out.push_str(tag);
        }
    }
    out.push_str(rest);
    if css.is_empty() || no_app_css.is_empty() || !out.contains(CSP_SLOT) {
        return Err("the page lacks its stylesheets, its noscript stylesheet or its CSP".into());
    }
    let styles = [css.as_str(), no_app_css.as_str()]
        .into_iter()
        .chain(own_media_css.iter().map(String::as_str));
    for (what, text, end) in std::iter::once(("script", script, "</script"))
        .chain(styles.clone().map(|text| ("style", text, "</style")))
    {
        if text.to_ascii_lowercase().contains(end) {
            return Err(format!("the {what} contains {end}> and cannot be inlined"));
        }
    }
    let style_hashes: Vec<String> = styles.map(|text| format!("'{}'", hash(text))).collect();
    let csp = format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src '{}' 'wasm-unsafe-eval'; style-src {}; img-src data:; base-uri 'none'; form-action 'none'\" />",
        hash(script),
        style_hashes.join(" ")
    );
    let head =
        out.replacen(CSP_SLOT, &csp, 1)
            .replacen(STYLE_SLOT, &format!("<style>{css}</style>"), 1);
    Ok(format!(
        "{head}<style id=\"no-app-style\" media=\"not all\">{no_app_css}</style>\n<script type=\"module\">{script}</script>\n</head>{body}"
    ))
}

const CSP_SLOT: &str = "<!--csp-->";
const STYLE_SLOT: &str = "<!--styles-->";

/// The value of `name="…"` in a tag.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

/// A CSP source expression for an inline element's exact text.
fn hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const INDEX: &str = r#"<!doctype html><html lang="zh-CN"><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'self'" />
<title>T</title>
<script type="module" src="./boot-1.js"></script>
<link rel="icon" href="./icon.svg" integrity="x"/>
<link rel="manifest" href="manifest.webmanifest" />
<link rel="stylesheet" href="./a.css" integrity="y"/>
<link rel="stylesheet" href="./b.css"/>
<link rel="stylesheet" href="./d.css" id="dark-colours" media="screen and (prefers-color-scheme: dark)"/>
<noscript><link rel="stylesheet" href="noscript.css" /></noscript>
<link rel="modulepreload" href="./g.js"><link rel="preload" href="./g_bg.wasm" as="fetch"></head>
<body><p>正文</p></body></html>"#;

    fn read(href: &str) -> Result<String, String> {
        match href {
            "./a.css" => Ok("a{}".into()),
            "./b.css" => Ok("b{}".into()),
            "./d.css" => Ok("d{}".into()),
            "noscript.css" => Ok("n{}".into()),
            "./icon.svg" => Ok("<svg/>".into()),
            other => Err(format!("no {other}")),
        }
    }

    #[test]
    fn every_linked_file_is_inlined_and_nothing_else_is_fetched() {
        let page = single_page(INDEX, "run();", read).unwrap();
        assert!(page.contains("<style>a{}\nb{}\n</style>"), "{page}");
        assert!(page.contains("<noscript><style>n{}</style></noscript>"));
        // A sheet whose media the page switches keeps its id and media.
        assert!(page.contains(
            "<style id=\"dark-colours\" media=\"screen and (prefers-color-scheme: dark)\">d{}</style>"
        ));
        assert!(page.contains("<script type=\"module\">run();</script>"));
        assert!(page.contains("href=\"data:image/svg+xml;base64,PHN2Zy8+\""));
        for gone in [
            "src=\"./boot",
            "manifest",
            "modulepreload",
            "rel=\"preload\"",
            "./a.css",
            "./d.css",
        ] {
            assert!(!page.contains(gone), "{gone} left in {page}");
        }
        assert!(page.ends_with("</head>\n<body><p>正文</p></body></html>"));
        assert!(page.starts_with("<!doctype html><html data-single-file lang=\"zh-CN\"><head>"));
    }

    #[test]
    fn the_csp_allows_exactly_the_inlined_script_and_styles() {
        let page = single_page(INDEX, "run();", read).unwrap();
        assert!(page.contains(&format!(
            "script-src '{}' 'wasm-unsafe-eval'",
            hash("run();")
        )));
        assert!(page.contains(&format!(
            "style-src '{}' '{}' '{}';",
            hash("a{}\nb{}\n"),
            hash("n{}"),
            hash("d{}")
        )));
        assert!(!page.contains("unsafe-inline") && !page.contains("default-src 'self'"));
    }

    #[test]
    fn a_known_hash() {
        // The SHA-256 of nothing, as `printf '' | openssl dgst -sha256 -binary | base64` gives.
        assert_eq!(
            hash(""),
            "sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="
        );
    }

    #[test]
    fn a_script_that_would_end_early_is_refused() {
        assert!(single_page(INDEX, "x = '</script>';", read).is_err());
        assert!(single_page("<html><body></body></html>", "", read).is_err());
    }
}
