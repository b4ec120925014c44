//! The single-file edition (dist/single/yandu.html): opened from file://, as after a double
//! click on a mailed copy, it runs on its own and keeps notes where the browser allows.

use super::notes::highlight;
use super::{non_space, with_page, Ctx, DESKTOP};
use yandu_e2e::marks;
use yandu_e2e::page::{check, Page, TestResult, APP_READY};

pub async fn the_single_file_works_from_a_file_url(ctx: &Ctx) -> TestResult {
    let file = ctx.dist.join("single/yandu.html");
    let path = file
        .canonicalize()
        .map_err(|e| format!("{}: {e}", file.display()))?;
    let url = format!("file://{}", path.display());
    with_page(ctx, DESKTOP, async |page: &Page| {
        page.client.goto(&format!("{url}#s2-p3")).await.map_err(|e| e.to_string())?;
        page.capture_errors().await?;
        page.wait_until(APP_READY, "the app to start from the file").await?;
        let shown = page.js_string("document.getElementById('reader').textContent").await?;
        check(non_space(&shown) == non_space(&ctx.source), "the reader shows the whole report")?;
        let link_hidden = page
            .js("getComputedStyle(document.querySelector('.single-file-link')).display === 'none'")
            .await?;
        check(link_hidden == true, "the single file offers itself for download")?;
        let fetched = page.js("performance.getEntriesByType('resource').map(r => r.name)").await?;
        check(
            fetched.as_array().is_some_and(|a| a.is_empty()),
            format!("the single file fetched other files: {fetched}"),
        )?;
        let storage = page
            .js("(() => { try { localStorage.setItem('yandu:probe', '1'); localStorage.removeItem('yandu:probe'); return true; } catch (e) { return false; } })()")
            .await?;
        highlight(page, '1').await?;
        let errors = page.console_errors().await?;
        check(errors.is_empty(), format!("console errors: {errors:?}"))?;
        if storage == true {
            // Notes outlive reopening the file.
            page.client.refresh().await.map_err(|e| e.to_string())?;
            page.wait_until(APP_READY, "the app to start again").await?;
            page.wait_until(&marks::any(marks::NOTES, "#s2-p3"), "the highlight after reopening the file")
                .await
        } else {
            page.wait_until(
                "!!document.querySelector('[data-testid=storage-unavailable]')",
                "the message that this browser keeps no notes for files",
            )
            .await
        }
    })
    .await
}
