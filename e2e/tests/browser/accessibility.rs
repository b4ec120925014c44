//! Accessibility as a suite check: axe-core (from npm, `tools/node_modules/axe-core`) runs in
//! each engine on every view a reader reaches (the landing overview, the reader, the notes
//! panel with a note, the import dialog, the search results, and the phone drawers), and must
//! find no violation of WCAG 2.x A/AA or axe's best practices; in the dark colour scheme too,
//! where the engine's WebDriver offers it (Chromium and Firefox; WebKit's does not).

use yandu_e2e::driver::Engine;
use yandu_e2e::page::{check, Page, TestResult};

use super::notes::{highlight, preview_import};
use super::{with_page, Ctx, DESKTOP, PHONE};

/// Runs axe on the page as it is now; fails listing each violation and where it is.
async fn no_violations(page: &Page, view: &str) -> TestResult {
    let found = page.axe().await?;
    check(
        found.is_empty(),
        format!("axe on {view}:\n  {}", found.join("\n  ")),
    )
}

pub async fn axe_finds_no_violation_in_any_view(ctx: &Ctx) -> TestResult {
    with_page(ctx, DESKTOP, async |page: &Page| {
        page.goto("").await?;
        no_violations(page, "the landing overview").await?;
        page.goto("#s2-p3").await?;
        page.wait_landed("s2-p3").await?;
        no_violations(page, "the reader").await?;
        highlight(page, '1').await?;
        // At 1280px the panel is a rail beside the text, always shown.
        page.wait_until(
            "!!document.querySelector('.note-card')",
            "the notes panel with the note",
        )
        .await?;
        no_violations(page, "the notes panel").await?;
        let file = std::env::temp_dir().join(format!("yandu-axe-{}.json", std::process::id()));
        std::fs::write(&file, IMPORT).map_err(|e| e.to_string())?;
        let previewed = preview_import(page, &file, "the import dialog").await;
        let _ = std::fs::remove_file(&file);
        previewed?;
        no_violations(page, "the import dialog").await?;
        page.click("[data-testid=apply-import]").await?;
        page.wait_until(
            "!document.querySelector('[data-testid=import-preview]')",
            "the import to be applied",
        )
        .await?;
        page.type_into("#search-input", "提升").await?;
        page.wait_until(
            "!document.getElementById('search-results').hidden",
            "the search results",
        )
        .await?;
        no_violations(page, "the search results").await
    })
    .await?;
    with_page(ctx, PHONE, async |page: &Page| {
        page.goto("").await?;
        no_violations(page, "the phone's landing view").await?;
        page.click("#outline-toggle").await?;
        page.wait_until("getComputedStyle(document.getElementById('outline')).visibility === 'visible' && document.getElementById('outline').getBoundingClientRect().left >= 0", "the outline drawer")
            .await?;
        no_violations(page, "the outline drawer").await?;
        page.js("(document.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true})), true)").await?;
        page.click("#notes-toggle").await?;
        page.wait_until("document.getElementById('notes-panel').dataset.open === 'true' && getComputedStyle(document.getElementById('notes-panel')).visibility === 'visible'", "the notes drawer")
            .await?;
        no_violations(page, "the notes drawer").await?;
        page.js("(document.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true})), true)").await?;
        page.wait_until("getComputedStyle(document.getElementById('notes-panel')).visibility === 'hidden'", "the notes drawer to have closed")
            .await?;
        page.click("#display-toggle").await?;
        page.wait_until("!document.getElementById('display-panel').hidden", "the display settings")
            .await?;
        no_violations(page, "the display settings").await
    })
    .await?;
    if ctx.engine == Engine::Webkit {
        return Ok(());
    }
    let page = Page::open_with(ctx.engine, &ctx.driver_url, &ctx.base_url, DESKTOP, true).await?;
    let result = async {
        page.goto("#s2-p3").await?;
        let dark = page
            .js("matchMedia('(prefers-color-scheme: dark)').matches")
            .await?;
        check(dark == true, "the page is in the dark colour scheme")?;
        page.wait_landed("s2-p3").await?;
        highlight(&page, '3').await?;
        no_violations(&page, "the reader with a highlight, dark").await?;
        page.goto("").await?;
        no_violations(&page, "the landing overview, dark").await
    }
    .await;
    page.close().await;
    result
}

/// An export file of one note, for the import dialog.
const IMPORT: &str = r#"{"format":"yandu-notes","version":1,"exported":1764000000000,"report":"","notes":[{"id":"axe1","target":{"type":"part","anchor":"s1"},"kind":"lesson","text":"导入的笔记","created":1764000000000,"updated":1764000000000}]}"#;
