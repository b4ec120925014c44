//! Offline after one visit, and the update flow across two builds, through the service
//! worker. Each test serves the dist on its own port: a fresh origin with no worker yet.

use super::{with_page_at, Ctx, DESKTOP};
use yandu_e2e::marks;
use yandu_e2e::page::{check, Page, TestResult, APP_READY};
use yandu_e2e::server::{copy_dir, StaticServer};

const CONTROLLED: &str = "!!navigator.serviceWorker && !!navigator.serviceWorker.controller";

pub async fn works_offline_after_one_visit(ctx: &Ctx) -> TestResult {
    let server = StaticServer::start(&ctx.dist, "/").map_err(|e| e.to_string())?;
    let result = with_page_at(ctx, &server.base_url, DESKTOP, async |page: &Page| {
        page.goto("#s2-p3").await?;
        page.select_text("#s2-p3", "以棚改旧改为突破口").await?;
        page.wait_until("!document.getElementById('selection-toolbar').hidden", "the toolbar").await?;
        page.press(&['1']).await?;
        page.wait_until(&marks::any(marks::NOTES, "#s2-p3"), "a highlight").await?;
        page.wait_until(CONTROLLED, "the service worker to take control").await?;
        server.set_offline(true);
        page.visit("#s3").await?;
        page.wait_until(APP_READY, "the app to load with the network off").await?;
        page.wait_until(&marks::any(marks::NOTES, "#s2-p3"), "the note to be there offline").await?;
        page.wait_landed("s3").await?;
        let probe = page
            .client
            .execute_async("const done = arguments[0]; fetch('./not-cached-' + Math.random()).then(() => done('online'), () => done('offline'));", vec![])
            .await
            .map_err(|e| e.to_string())?;
        check(probe == "offline", format!("the network really was off ({probe})"))
    })
    .await;
    server.set_offline(false);
    result
}

pub async fn a_new_release_is_offered_and_loaded(ctx: &Ctx) -> TestResult {
    // Build B: the same files with a new service worker version and a marker in the page.
    let b = std::env::temp_dir().join(format!("yandu-e2e-release-b-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&b);
    copy_dir(&ctx.dist, &b).map_err(|e| e.to_string())?;
    let sw = std::fs::read_to_string(b.join("sw.js")).map_err(|e| e.to_string())?;
    let sw = sw.replacen("const VERSION = \"", "const VERSION = \"b-", 1);
    std::fs::write(b.join("sw.js"), sw).map_err(|e| e.to_string())?;
    let index = std::fs::read_to_string(b.join("index.html")).map_err(|e| e.to_string())?;
    std::fs::write(
        b.join("index.html"),
        index.replacen(
            "<head>",
            "<head><meta name=\"yandu-build\" content=\"b\">",
            1,
        ),
    )
    .map_err(|e| e.to_string())?;

    let server = StaticServer::start(&ctx.dist, "/").map_err(|e| e.to_string())?;
    let result = with_page_at(ctx, &server.base_url, DESKTOP, async |page: &Page| {
        page.goto("").await?;
        page.wait_until(CONTROLLED, "the service worker to take control")
            .await?;
        server.set_root(&b);
        // A new navigation, not WebDriver's refresh: Firefox's refresh bypasses the worker.
        page.visit("").await?;
        page.wait_until(APP_READY, "the app").await?;
        check(
            page.js("!document.querySelector('meta[name=yandu-build]')")
                .await?
                == true,
            "the old release keeps running until the reader agrees",
        )?;
        page.wait_until(
            "!!document.querySelector('[data-testid=update-ready]')",
            "the offer of the new version",
        )
        .await?;
        page.click("[data-testid=update-ready] button").await?;
        page.wait_until(
            &format!("!!document.querySelector('meta[name=yandu-build]') && {APP_READY}"),
            "the page to reload into the new release",
        )
        .await?;
        let keys = page
            .client
            .execute_async(
                "const done = arguments[0]; caches.keys().then(k => done(k.join(',')));",
                vec![],
            )
            .await
            .map_err(|e| e.to_string())?;
        let keys = keys.as_str().unwrap_or("").to_string();
        check(
            keys.starts_with("yandu-b-") && !keys.contains(','),
            format!("only the new cache is left: {keys}"),
        )
    })
    .await;
    let _ = std::fs::remove_dir_all(&b);
    result
}
