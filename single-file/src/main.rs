//! `single-file <staged dist> <out.html>`: run by the trunk post_build hook after the page has
//! its prerendered body and its loader file. Writes one HTML file with the styles, the glue
//! and the wasm inlined, so it can be mailed and opened by double-click.

mod glue;
mod page;

use std::path::{Path, PathBuf};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [stage, out] = args.as_slice() else {
        eprintln!("usage: single-file <staged dist> <out.html>");
        std::process::exit(2);
    };
    match build(Path::new(stage)) {
        Ok(html) => {
            let out = PathBuf::from(out);
            if let Some(dir) = out.parent() {
                std::fs::create_dir_all(dir)
                    .unwrap_or_else(|e| fail(&format!("{}: {e}", dir.display())));
            }
            std::fs::write(&out, &html)
                .unwrap_or_else(|e| fail(&format!("{}: {e}", out.display())));
            println!("single-file: {} ({} bytes)", out.display(), html.len());
        }
        Err(e) => fail(&e),
    }
}

fn build(stage: &Path) -> Result<String, String> {
    let read =
        |name: &str| std::fs::read_to_string(stage.join(name)).map_err(|e| format!("{name}: {e}"));
    let index = read("index.html")?;
    let wasm_name = only_file(stage, "_bg.wasm")?;
    let glue_name = format!("{}.js", wasm_name.trim_end_matches("_bg.wasm"));
    let wasm = std::fs::read(stage.join(&wasm_name)).map_err(|e| format!("{wasm_name}: {e}"))?;
    let script = glue::module_script(&read(&glue_name)?, &wasm)?;
    page::single_page(&index, &script, |href| read(href.trim_start_matches("./")))
}

/// The one staged file whose name ends in `suffix`.
fn only_file(stage: &Path, suffix: &str) -> Result<String, String> {
    let names: Vec<String> = std::fs::read_dir(stage)
        .map_err(|e| format!("{}: {e}", stage.display()))?
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(suffix))
        .collect();
    match names.as_slice() {
        [one] => Ok(one.clone()),
        _ => Err(format!(
            "expected one *{suffix} in {}, found {names:?}",
            stage.display()
        )),
    }
}

fn fail(message: &str) -> ! {
    eprintln!("single-file: {message}");
    std::process::exit(1);
}
