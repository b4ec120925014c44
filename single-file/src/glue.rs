//! The page's one script: wasm-bindgen's glue, made a plain module body (its exports dropped),
//! then the wasm as base64, decoded and initialised asynchronously.

use base64::Engine as _;

/// What the script runs if the wasm cannot start: the report stays, a line says why.
const FALLBACK: &str = r#"} catch (error) {
  document.documentElement.setAttribute("data-no-app", "");
  document.getElementById("no-app-style").media = "all";
  console.warn("研读: the app could not start; the report stays readable.", error);
}"#;

pub fn module_script(glue: &str, wasm: &[u8]) -> Result<String, String> {
    let body = strip_exports(glue)?;
    let encoded = base64::engine::general_purpose::STANDARD.encode(wasm);
    Ok(format!(
        "{body}\nconst WASM_BASE64 = \"{encoded}\";\ntry {{\n  const text = atob(WASM_BASE64);\n  const bytes = new Uint8Array(text.length);\n  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);\n  await __wbg_init({{ module_or_path: bytes }});\n{FALLBACK}\n"
    ))
}

/// Drops `export` from the glue's declarations and its closing `export { … };` list, so the
/// glue runs as the body of an inline module. Fails on an export form it does not know, rather
/// than writing a script that would not parse.
fn strip_exports(glue: &str) -> Result<String, String> {
    if !glue.contains("async function __wbg_init(") {
        return Err("the glue has no __wbg_init: not wasm-bindgen's web target?".into());
    }
    let mut out = String::with_capacity(glue.len());
    for line in glue.lines() {
        let kept = match line.strip_prefix("export ") {
            None => line,
            Some(rest) if rest.starts_with('{') && rest.trim_end().ends_with("};") => continue,
            Some(rest)
                if ["function ", "async function ", "class ", "const ", "let "]
                    .iter()
                    .any(|k| rest.starts_with(k)) =>
            {
                rest
            }
            Some(_) => return Err(format!("unexpected export in the glue: {line}")),
        };
        out.push_str(kept);
        out.push('\n');
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GLUE: &str = "export class A {\n}\nexport function f() {}\nfunction g() {}\nasync function __wbg_init(module_or_path) {}\nexport { initSync, __wbg_init as default };\n";

    #[test]
    fn exports_become_plain_declarations() {
        let body = strip_exports(GLUE).unwrap();
        assert!(!body.contains("export"), "{body}");
        assert!(body.contains("class A {") && body.contains("function f() {}"));
        assert!(body.contains("async function __wbg_init(module_or_path) {}"));
    }

    #[test]
    fn an_unknown_export_form_is_refused() {
        let glue = format!("{GLUE}export default 1;\n");
        assert!(strip_exports(&glue).is_err());
        assert!(
            strip_exports("export function f() {}").is_err(),
            "no __wbg_init"
        );
    }

    #[test]
    fn the_wasm_is_inlined_and_started_from_its_bytes() {
        let script = module_script(GLUE, &[0, 97, 115, 109]).unwrap();
        assert!(script.contains("const WASM_BASE64 = \"AGFzbQ==\";"));
        assert!(script.contains("await __wbg_init({ module_or_path: bytes });"));
        assert!(script.contains("data-no-app"));
    }
}
