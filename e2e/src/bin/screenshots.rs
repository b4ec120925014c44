//! Takes the screenshots we look at before calling UI work done: desktop (1280×800) and phone
//! (375×812), light and dark, at the top and at a deep link, with notes, with the display
//! settings open, and the whole overview. Writes PNGs to `screenshots/`.
//! Usage: `cargo run -p yandu-e2e --bin screenshots` after `trunk build --release`.
//! For another build: `YANDU_DIST=DIR cargo run -p yandu-e2e --bin screenshots -- NAME '#ANCHOR'`
//! takes the top and that deep link only, into `screenshots/NAME-…`.

use std::path::PathBuf;

use yandu_e2e::driver::{DriverProcess, Engine};
use yandu_e2e::page::Page;
use yandu_e2e::server::StaticServer;

const SIZES: [(&str, (u32, u32)); 2] = [("desktop", (1280, 800)), ("phone", (375, 812))];
const VIEWS: [(&str, &str); 2] = [("top", ""), ("s2-p3", "#s2-p3")];

#[tokio::main]
async fn main() -> Result<(), String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let out = root.join("screenshots");
    std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    let dist = std::env::var_os("YANDU_DIST").map_or_else(|| root.join("dist"), PathBuf::from);
    let server = StaticServer::start(&dist, "/").map_err(|e| e.to_string())?;
    let driver = DriverProcess::start(Engine::Chromium)?;
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let [name, fragment] = args.as_slice() {
        let views = [("top", ""), ("deep", fragment.as_str())];
        return shoot(&driver, &server, &out, name, &views).await;
    }
    shoot(&driver, &server, &out, "", &VIEWS).await?;
    notes_and_overview(&driver, &server, &out).await?;
    display_settings(&driver, &server, &out).await
}

/// The display settings' panel open, with 宋体 and 大 picked (the colours follow the window's
/// scheme).
async fn display_settings(
    driver: &DriverProcess,
    server: &StaticServer,
    out: &std::path::Path,
) -> Result<(), String> {
    for (size_name, size) in SIZES {
        for dark in [false, true] {
            let page = Page::open_with(Engine::Chromium, &driver.url, &server.base_url, size, dark)
                .await?;
            page.goto("#s2-p3").await?;
            page.wait_landed("s2-p3").await?;
            page.click("#display-toggle").await?;
            for (name, value) in [("data-typeface", "serif"), ("data-text-size", "large")] {
                page.click(&format!(
                    "#display-panel input[name={name}][value={value}] + span"
                ))
                .await?;
            }
            page.wait_until(
                "document.documentElement.getAttribute('data-text-size') === 'large'",
                "the settings to apply",
            )
            .await?;
            page.wait_until("document.getAnimations().length === 0", "animations to end")
                .await?;
            let scheme = if dark { "dark" } else { "light" };
            save(
                &page,
                &out.join(format!("{size_name}-{scheme}-display.png")),
            )
            .await?;
            page.close().await;
        }
    }
    Ok(())
}

async fn shoot(
    driver: &DriverProcess,
    server: &StaticServer,
    out: &std::path::Path,
    prefix: &str,
    views: &[(&str, &str)],
) -> Result<(), String> {
    let prefix = if prefix.is_empty() {
        String::new()
    } else {
        format!("{prefix}-")
    };
    for (size_name, size) in SIZES {
        for dark in [false, true] {
            let page = Page::open_with(Engine::Chromium, &driver.url, &server.base_url, size, dark)
                .await?;
            for &(view_name, fragment) in views {
                page.goto(fragment).await?;
                if let Some(id) = fragment.strip_prefix('#') {
                    page.wait_landed(id).await?;
                }
                // Let the jump's flash fade so the picture shows the resting state.
                page.wait_until("document.getAnimations().length === 0", "animations to end")
                    .await?;
                let scheme = if dark { "dark" } else { "light" };
                save(
                    &page,
                    &out.join(format!("{prefix}{size_name}-{scheme}-{view_name}.png")),
                )
                .await?;
            }
            page.close().await;
        }
    }
    Ok(())
}

async fn notes_and_overview(
    driver: &DriverProcess,
    server: &StaticServer,
    out: &std::path::Path,
) -> Result<(), String> {
    // Notes: a few highlights of different kinds, one with text, the panel open.
    for (size_name, size) in SIZES {
        for dark in [false, true] {
            let page = Page::open_with(Engine::Chromium, &driver.url, &server.base_url, size, dark)
                .await?;
            page.goto("#s2-p3").await?;
            for (text, key) in [
                ("以棚改旧改为突破口", '1'),
                ("2017年以来实施双改项目", '2'),
                ("不断创出拆迁“新速度”", '3'),
                ("加强生态环境和清照文化", '4'),
            ] {
                page.select_text("#s2-p3", text).await?;
                page.wait_until(
                    "!document.getElementById('selection-toolbar').hidden",
                    "toolbar",
                )
                .await?;
                if text.starts_with("加强") {
                    // Leave this selection open to show the toolbar.
                    break;
                }
                page.press(&[key]).await?;
                page.wait_until("!document.getSelection().toString()", "selection cleared")
                    .await?;
            }
            page.wait_until("document.getAnimations().length === 0", "animations to end")
                .await?;
            let scheme = if dark { "dark" } else { "light" };
            save(&page, &out.join(format!("{size_name}-{scheme}-notes.png"))).await?;
            page.close().await;
        }
    }

    // The whole overview at once, in tall windows.
    for (name, size) in [
        ("desktop-overview", (1280, 3400)),
        ("phone-overview", (375, 5600)),
    ] {
        let page =
            Page::open_with(Engine::Chromium, &driver.url, &server.base_url, size, false).await?;
        page.goto("").await?;
        save(&page, &out.join(format!("{name}.png"))).await?;
        page.close().await;
    }
    Ok(())
}

/// Writes what the page shows to `file`, and says where.
async fn save(page: &Page, file: &std::path::Path) -> Result<(), String> {
    let png = page.client.screenshot().await.map_err(|e| e.to_string())?;
    std::fs::write(file, png).map_err(|e| e.to_string())?;
    println!("{}", file.display());
    Ok(())
}
