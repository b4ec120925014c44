//! The prerendered page: the report is on screen before the wasm arrives, stays readable
//! without JavaScript or WebAssembly, and the app takes it over in place: the static document
//! stays as it is, and the widgets are mounted again with the same markup.

use super::{
    non_space, popover_says, sample_term_explained_then_escaped, term_expanded, with_page,
    with_server_holding, with_wasm_held, Ctx, DESKTOP, GLOSS_HIDDEN, GLOSS_IN_VIEW,
    ONE_EXPLANATION, OUTLINE_SHOWN, PHONE, SAMPLE_TERM,
};
use yandu_e2e::driver::Engine;
use yandu_e2e::page::{check, Page, TestResult, APP_READY};
use yandu_e2e::server::{copy_dir, StaticServer};

/// The reader's text, without white space, in the document `doc` (a JS expression).
fn reader_text(doc: &str) -> String {
    format!("({doc}).getElementById('reader').textContent")
}

fn same_text(shown: &str, source: &str, what: &str) -> TestResult {
    check(
        non_space(shown) == non_space(source),
        format!("{what}: the reader's text is not the report's"),
    )
}

/// The same element counts, and the same positions within 2px (engines round the fragment
/// scroll and scrollIntoView differently by a pixel; a jump is far more).
fn same_layout(before: &str, after: &str) -> bool {
    let parse = |s: &str| serde_json::from_str::<Vec<f64>>(s).unwrap_or_default();
    let (b, a) = (parse(before), parse(after));
    b.len() == 4
        && a.len() == 4
        && b[..2] == a[..2]
        && b[2..]
            .iter()
            .zip(&a[2..])
            .all(|(x, y)| (x - y).abs() <= 2.0)
}

pub async fn the_app_takes_over_the_prerendered_page_in_place(ctx: &Ctx) -> TestResult {
    // The wasm waits on the server until the test has looked at the page without it.
    with_wasm_held(ctx, DESKTOP, async |page: &Page, server: &StaticServer| {
        page.visit("#s2-p3").await?;
        page.wait_parsed("#s2-p3").await?;
        check(page.js(APP_READY).await? == false, "the app was ready before its wasm arrived")?;
        same_text(&page.js_string(&reader_text("document")).await?, &ctx.source, "before the wasm")?;
        // The browser scrolls to the fragment by itself, before any of the app has run; WebKit
        // scrolls there again at the load event (which the held wasm does not delay: it is
        // fetched by the app's loader, not preloaded), so the page is looked at after it.
        page.wait_until("document.readyState === 'complete'", "the load event").await?;
        page.wait_landed("s2-p3").await?;
        page.wait_scroll_settled().await?;
        // Tag elements and remember where things are: the static document must keep its
        // elements, and the widgets come back with the same markup (the search results, which
        // the query typed below fills, aside), so nothing moves.
        let layout = "JSON.stringify([document.body.childElementCount, \
             document.querySelectorAll('*').length - document.querySelectorAll('#search-results *').length, \
             Math.round(document.getElementById('s2-p3').getBoundingClientRect().top), \
             Math.round(scrollY)])";
        page.js("(document.getElementById('s2-p3').dataset.probe = 'kept', document.getElementById('outline').dataset.probe = 'kept', true)")
            .await?;
        let before = page.js_string(layout).await?;
        // Before the notes are read, the page does not claim there are none: a reader with
        // notes would take that for notes lost.
        let counts = "JSON.stringify([document.querySelector('#notes-toggle .badge').textContent, \
             document.querySelector('.notes-count').textContent, \
             document.querySelector('.notes-empty').textContent])";
        let unread = page.js_string(counts).await?;
        check(
            unread == r#"["…","…","正在读取本浏览器中的笔记…"]"#,
            format!("before the app, the notes' count and panel say {unread}"),
        )?;
        // A reader who starts typing a search before the app has started keeps what they typed
        // (a word the report does not hold: a hit would scroll the page to it).
        page.type_into("#search-input", "无此词语").await?;
        // Told that the search is on its way, not left without an answer.
        page.wait_until(
            "document.querySelector('[data-testid=search-count]').textContent === '载入中…'",
            "the search box to say it is loading",
        )
        .await?;
        server.release();
        page.wait_until(APP_READY, "the app to take over the page").await?;
        page.wait_scroll_settled().await?;
        let kept = page
            .js("document.getElementById('s2-p3').dataset.probe === 'kept' && document.getElementById('outline').dataset.probe === 'kept'")
            .await?;
        check(kept == true, "the app replaced the static document instead of keeping it")?;
        let read = page.js_string(counts).await?;
        check(
            read.starts_with(r#"["0","0","还没有笔记。"#),
            format!("once the app has read the notes, the count and panel say {read}"),
        )?;
        let after = page.js_string(layout).await?;
        check(
            same_layout(&before, &after),
            format!("[body children, elements, top of #s2-p3, scrollY] changed from {before} to {after}"),
        )?;
        same_text(&page.js_string(&reader_text("document")).await?, &ctx.source, "after the app started")?;
        check(!ctx.source.contains("无此词语"), "the report holds the probe word")?;
        page.wait_until(
            "document.querySelector('[data-testid=search-count]').textContent === '无结果' && document.activeElement?.id === 'search-input' && document.activeElement.value === '无此词语'",
            "the query typed before the app started to be searched, with the box still focused",
        )
        .await?;
        page.js("(() => { const i = document.getElementById('search-input'); i.value = ''; i.dispatchEvent(new Event('input')); i.blur(); return true; })()").await?;
        // The prerendered controls now work.
        page.click(".outline-link[data-anchor='s1']").await?;
        page.wait_until("location.hash === '#s1'", "the outline link to work after the app started").await?;
        page.click(".chip-theme").await?;
        page.wait_until(
            "document.querySelector('.chip-theme').getAttribute('aria-pressed') === 'true'",
            "a theme chip to work after the app started",
        )
        .await
    })
    .await
}

/// A reload restores the scroll offset before the app has started (on a slow network, long
/// before): the page must be laid out then as it was when the offset was saved, and stay so
/// when the app takes over, or the reader comes back to another passage. The reader gets there
/// by a jump (an outline link), which passes over the parts in between without drawing them.
pub async fn a_reload_keeps_the_reading_place_before_and_after_the_app_starts(
    ctx: &Ctx,
) -> TestResult {
    with_wasm_held(ctx, DESKTOP, async |page: &Page, server: &StaticServer| {
        let top = "Math.round(document.getElementById('s3-p2').getBoundingClientRect().top)";
        page.visit("").await?;
        page.wait_parsed("").await?;
        page.wait_until("document.readyState === 'complete'", "the load event").await?;
        // On a plain visit the parts below the screen are not laid out until the first move.
        let s4 = "getComputedStyle(document.getElementById('s4')).contentVisibility";
        check(page.js_string(s4).await? == "auto", "#s4 could not be skipped before the reader moved")?;
        page.click(".outline-link[data-anchor='s3-p2']").await?;
        check(page.js_string(s4).await? == "visible", "#s4 could still be skipped after a click")?;
        page.wait_landed("s3-p2").await?;
        page.wait_scroll_settled().await?;
        let read_at = page.js_f64(top).await?;
        page.reload().await?;
        page.wait_scroll_settled().await?;
        check(page.js(APP_READY).await? == false, "the app was ready before its wasm arrived")?;
        check(page.js_string(s4).await? == "visible", "#s4 could be skipped after a reload")?;
        let reloaded = page.js_f64(top).await?;
        // Firefox sometimes restores the offset while the page is still short and stops there
        // (766 px short; once in about a dozen runs here, and on the build before the skipping): its
        // restore is not something the page can fix. The other engines restore reliably.
        if ctx.engine != Engine::Firefox {
            check(
                (read_at - reloaded).abs() <= 2.0,
                format!("#s3-p2 was {read_at} px from the top, {reloaded} px after the reload"),
            )?;
        }
        server.release();
        page.wait_until(APP_READY, "the app to take over the page").await?;
        page.wait_scroll_settled().await?;
        // Where Firefox's restore stopped short, the app's landing on the fragment puts the
        // reader back: after the take-over every engine must show the passage read.
        let taken_over = page.js_f64(top).await?;
        check(
            (read_at - taken_over).abs() <= 2.0,
            format!("#s3-p2 was {read_at} px from the top, {reloaded} px after the reload and {taken_over} px once the app started"),
        )
    })
    .await
}

/// On a phone the drawers are the first things tapped, long before the wasm arrives: the
/// outline opens, folds, jumps and closes without the app, the notes panel opens and says it is
/// reading the notes, and the app keeps both as they were left and answers every tap once (not
/// also the glue before it).
pub async fn the_phone_drawers_work_before_the_app_and_stay_as_left(ctx: &Ctx) -> TestResult {
    with_wasm_held(ctx, PHONE, async |page: &Page, server: &StaticServer| {
        // Gone, not only moving away: the sliding drawer still covers the toggle.
        let hidden = "getComputedStyle(document.getElementById('outline')).visibility === 'hidden'";
        let folded = "document.getElementById('outline-s1').hidden && document.querySelector(\"[aria-controls='outline-s1']\").getAttribute('aria-expanded') === 'false'";
        let expanded = "document.getElementById('outline-toggle').getAttribute('aria-expanded')";
        page.visit("").await?;
        page.wait_parsed("").await?;
        check(page.js(OUTLINE_SHOWN).await? == false, "the drawer was open at first")?;
        page.click("#outline-toggle").await?;
        page.wait_until(OUTLINE_SHOWN, "the drawer to open before the app")
            .await?;
        check(page.js_string(expanded).await? == "true", "the toggle does not say the drawer is open")?;
        page.click("[aria-controls='outline-s1']").await?;
        page.wait_until(folded, "a section to fold before the app").await?;
        page.click(".outline-link[data-anchor='s3']").await?;
        page.wait_until(hidden, "the drawer to close after a jump").await?;
        page.wait_landed("s3").await?;
        page.click("#outline-toggle").await?;
        page.wait_until(OUTLINE_SHOWN, "the drawer to open again").await?;
        page.js("(document.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true})), true)")
            .await?;
        page.wait_until(hidden, "Escape to close the drawer before the app").await?;
        // The notes panel: open, reading, nothing to write with yet; closed by its button.
        let notes_shown = "getComputedStyle(document.getElementById('notes-panel')).visibility === 'visible' && document.getElementById('notes-panel').getBoundingClientRect().right <= innerWidth + 1 && document.getElementById('notes-toggle').getAttribute('aria-expanded') === 'true'";
        let notes_gone = "getComputedStyle(document.getElementById('notes-panel')).visibility === 'hidden' && document.getElementById('notes-toggle').getAttribute('aria-expanded') === 'false'";
        page.click("#notes-toggle").await?;
        page.wait_until(notes_shown, "the notes panel to open before the app").await?;
        let reading = page
            .js("document.querySelector('.notes-empty').textContent === '正在读取本浏览器中的笔记…' && [...document.querySelectorAll('#notes-panel :is(.notes-tools, .notes-actions, .kind-filters) button, #notes-panel input')].every(b => b.matches(':disabled'))")
            .await?;
        check(reading == true, "the notes panel before the app does not say it is reading, or lets a control be used")?;
        page.click(".notes-close").await?;
        page.wait_until(notes_gone, "the notes panel to close before the app").await?;
        // Both left open for the app: the notes panel over the outline.
        page.click("#outline-toggle").await?;
        page.wait_until(OUTLINE_SHOWN, "the drawer to open, left so for the app").await?;
        page.js("(document.getElementById('notes-toggle').click(), true)").await?;
        page.wait_until(notes_shown, "the notes panel to open, left so for the app").await?;
        check(page.js(APP_READY).await? == false, "the app was ready before its wasm arrived")?;
        server.release();
        page.wait_until(APP_READY, "the app to take over the page").await?;
        check(
            page.js(OUTLINE_SHOWN).await? == true
                && page.js_string(expanded).await? == "true"
                && page.js(folded).await? == true
                && page.js(notes_shown).await? == true,
            "the app did not keep the drawers open and the section folded",
        )?;
        page.wait_until(
            "document.querySelector('.notes-empty').textContent.startsWith('还没有笔记')",
            "the notes panel to show the notes read",
        )
        .await?;
        page.click(".notes-close").await?;
        page.wait_until(notes_gone, "the app to close the notes panel").await?;
        // Answered once: a fold toggled by both the glue and the app would not move.
        page.click("[aria-controls='outline-s1']").await?;
        page.wait_until(&format!("!({folded})"), "the section to unfold once the app runs")
            .await?;
        page.click(".outline-close").await?;
        page.wait_until(hidden, "the app to close the drawer").await?;
        check(page.js_string(expanded).await? == "false", "the toggle still says the drawer is open")
    })
    .await
}

/// A glossary term tapped or focused before the wasm has arrived is explained at once, from the
/// page's own glossary, in the popover the app uses; the app keeps the explanation open and
/// answers from then on.
pub async fn a_glossary_term_is_explained_before_the_app_and_kept_open(ctx: &Ctx) -> TestResult {
    with_wasm_held(ctx, PHONE, async |page: &Page, server: &StaticServer| {
        page.visit("").await?;
        page.wait_parsed("").await?;
        let term = SAMPLE_TERM;
        let expanded = |state: &str| term_expanded(term, state);
        // Scrolled to first: the reader's first move lays out the whole page (web/lazy-layout.js),
        // which moves the term in WebKit (no scroll anchoring), so it is centred again after.
        let center = format!("({term}.scrollIntoView({{block: 'center'}}), true)");
        page.js(&center).await?;
        page.wait_until(
            "!document.documentElement.hasAttribute('data-lazy-layout')",
            "the first move to lay out the page",
        )
        .await?;
        page.wait_scroll_settled().await?;
        page.js(&center).await?;
        page.wait_scroll_settled().await?;
        page.js(&format!("({term}.setAttribute('data-e2e', 'term'), true)"))
            .await?;
        page.click("[data-e2e=term]").await?;
        sample_term_explained_then_escaped(page, "a tap before the app").await?;
        // The keyboard: the focus explains; a tap elsewhere closes.
        page.js(&format!("({term}.blur(), {term}.focus(), true)"))
            .await?;
        page.wait_until(
            &popover_says("市辖区"),
            "the focus to explain the term before the app",
        )
        .await?;
        page.click("h1").await?;
        page.wait_until(GLOSS_HIDDEN, "a tap elsewhere to close it before the app")
            .await?;
        // Left open for the app.
        page.click("[data-e2e=term]").await?;
        page.wait_until(
            &popover_says("市辖区"),
            "a tap to explain the term, left so for the app",
        )
        .await?;
        check(
            page.js(APP_READY).await? == false,
            "the app was ready before its wasm arrived",
        )?;
        server.release();
        page.wait_until(APP_READY, "the app to take over the page")
            .await?;
        check(
            page.js(&popover_says("市辖区")).await? == true
                && page.js(&expanded("true")).await? == true
                && page.js(ONE_EXPLANATION).await? == true,
            "the app did not keep the explanation open",
        )?;
        page.wait_until(GLOSS_IN_VIEW, "the kept popover to sit inside the viewport")
            .await?;
        // The app answers, once: a tap elsewhere closes it.
        page.click("h1").await?;
        page.wait_until(GLOSS_HIDDEN, "the app to close the explanation")
            .await?;
        page.wait_until(&expanded("false"), "the term to say its explanation closed")
            .await
    })
    .await
}

/// A long report's page is still arriving when its text is first painted (8.8 MB of HTML for
/// 1 MB of text): the wasm may be there before the widget roots that follow the report. The
/// app starts once the whole page is, and mounts every widget.
pub async fn the_app_waits_for_the_whole_page(ctx: &Ctx) -> TestResult {
    let hold = |server: &StaticServer| server.hold_tail("/", "<div id=\"root-notes\"");
    with_server_holding(ctx, DESKTOP, hold, async |page: &Page, server: &StaticServer| {
        page.visit("").await?;
        page.wait_until(
            "!!document.getElementById('reader')",
            "the report to arrive",
        )
        .await?;
        page.capture_errors().await?;
        // The text is painted and the loader says it waits for the rest. WebKit runs the async
        // module loader only once the page is parsed: there, the wasm has arrived.
        let waiting = if ctx.engine == Engine::Webkit {
            "performance.getEntriesByType('resource').some(e => e.name.endsWith('_bg.wasm') && e.responseEnd > 0)"
        } else {
            "performance.getEntriesByName('yandu:waits-for-page').length > 0"
        };
        page.wait_until(waiting, "the loader to wait for the rest of the page")
            .await?;
        check(
            page.js(APP_READY).await? == false
                && page.js("!document.getElementById('root-notes')").await? == true,
            "the app was ready before the page was all there",
        )?;
        server.release_tail();
        page.wait_until(APP_READY, "the app to start once the page is all there")
            .await?;
        let errors = page.console_errors().await?;
        check(errors.is_empty(), format!("console errors: {errors:?}"))
    })
    .await
}

pub async fn the_report_is_readable_without_javascript(ctx: &Ctx) -> TestResult {
    with_page(ctx, DESKTOP, async |page: &Page| {
        page.visit("__e2e__/noscript.html").await?;
        let frame = "document.getElementById('app').contentDocument";
        page.wait_until(
            &format!("{frame}?.readyState === 'complete' && !!{frame}.getElementById('reader')"),
            "the page in a frame that runs no script",
        )
        .await?;
        same_text(
            &page.js_string(&reader_text(frame)).await?,
            &ctx.source,
            "without JavaScript",
        )?;
        check(
            page.js(&format!(
                "{frame}.documentElement.hasAttribute('data-ready')"
            ))
            .await?
                == false,
            "the app ran in a frame without scripts",
        )?;
        let notice = page
            .js_string(&format!(
                "getComputedStyle({frame}.body, '::before').content"
            ))
            .await?;
        check(
            notice.contains("JavaScript 已关闭"),
            format!("the notice says {notice}"),
        )?;
        let hidden = page
            .js(&format!(
                "['form.search', '.notes-panel', '#display-toggle'].every(s => getComputedStyle({frame}.querySelector(s)).display === 'none')"
            ))
            .await?;
        check(
            hidden == true,
            "search, notes or the display settings show although they cannot work without JavaScript",
        )
    })
    .await
}

/// A copy of the dist without its wasm (the app cannot start), in a temporary folder named
/// after `what`; the caller removes it.
fn dist_without_wasm(ctx: &Ctx, what: &str) -> Result<std::path::PathBuf, String> {
    let copy = std::env::temp_dir().join(format!("yandu-e2e-{what}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&copy);
    copy_dir(&ctx.dist, &copy).map_err(|e| e.to_string())?;
    for entry in std::fs::read_dir(&copy)
        .map_err(|e| e.to_string())?
        .flatten()
    {
        if entry.file_name().to_string_lossy().ends_with(".wasm") {
            std::fs::remove_file(entry.path()).map_err(|e| e.to_string())?;
        }
    }
    Ok(copy)
}

pub async fn the_report_is_readable_without_webassembly(ctx: &Ctx) -> TestResult {
    let copy = dist_without_wasm(ctx, "no-wasm")?;
    let server = StaticServer::start(&copy, "/").map_err(|e| e.to_string())?;
    let result = super::with_page_at(ctx, &server.base_url, DESKTOP, async |page: &Page| {
        page.visit("").await?;
        page.wait_until(
            "document.documentElement.hasAttribute('data-no-app')",
            "the page to notice that the app cannot start",
        )
        .await?;
        same_text(
            &page.js_string(&reader_text("document")).await?,
            &ctx.source,
            "without the wasm",
        )?;
        page.wait_until(
            "getComputedStyle(document.body, '::before').content.includes('WebAssembly')",
            "the notice that the app could not start",
        )
        .await?;
        page.wait_until(
            "['form.search', '.notes-panel'].every(s => getComputedStyle(document.querySelector(s)).display === 'none')",
            "the controls that need the app to be hidden",
        )
        .await?;
        // The page's own script still explains each glossary term, as the notice says (a
        // report without a glossary has no term).
        let every_term_explained = "[...document.querySelectorAll('.gloss[data-term]')].every(t => { t.click(); const p = document.getElementById('gloss-popover'); const e = document.querySelector(`#glossary [data-term=\"${t.dataset.term}\"]`); return !p.hidden && p.textContent === e.querySelector('dt').textContent + e.querySelector('dd').textContent; })";
        check(
            page.js(every_term_explained).await? == true,
            "without the wasm, a glossary term is not explained",
        )?;
        // So does it set the display (web/display.js).
        page.click("#display-toggle").await?;
        page.click("#display-panel input[name=data-theme][value=dark] + span").await?;
        page.wait_until(
            "getComputedStyle(document.body).backgroundColor === 'rgb(21, 21, 24)'",
            "深色 to apply without the wasm",
        )
        .await
    })
    .await;
    let _ = std::fs::remove_dir_all(&copy);
    result
}

/// A phone reader who opened a drawer and folded a section before the app, which then fails to
/// start (no wasm): the page reads as it does without the app, with no shade left over it and
/// no part of the outline left folded (its folds need the app).
pub async fn drawers_opened_before_a_failed_start_leave_the_page_readable(ctx: &Ctx) -> TestResult {
    let copy = dist_without_wasm(ctx, "failed-start")?;
    let server = StaticServer::start(&copy, "/").map_err(|e| e.to_string())?;
    server.hold("_bg.wasm");
    let result = async {
        let page = Page::open_unwaited(ctx.engine, &ctx.driver_url, &server.base_url, PHONE).await?;
        let result = async {
            page.visit("").await?;
            page.wait_parsed("").await?;
            let chevron = "document.querySelector(\"#outline .outline-toggle[aria-expanded='true']\")";
            page.js(&format!("(window.__folded = {chevron}.getAttribute('aria-controls'), {chevron}.click(), true)"))
                .await?;
            page.wait_until("document.getElementById(window.__folded).hidden === true", "a section to fold before the app")
                .await?;
            page.click("#notes-toggle").await?;
            page.wait_until(
                "document.getElementById('notes-panel').getAttribute('data-open') === 'true'",
                "the notes panel to open before the app",
            )
            .await?;
            server.release();
            page.wait_until(
                "document.documentElement.hasAttribute('data-no-app')",
                "the page to notice that the app cannot start",
            )
            .await?;
            page.wait_until(
                "getComputedStyle(document.getElementById('notes-panel')).display === 'none' \
                 && [...document.querySelectorAll('.scrim')].every(s => getComputedStyle(s).display === 'none') \
                 && getComputedStyle(document.getElementById(window.__folded)).display !== 'none'",
                "no shade left over the page, the notes panel hidden and the folded section shown",
            )
            .await?;
            same_text(
                &page.js_string(&reader_text("document")).await?,
                &ctx.source,
                "after a failed start",
            )
        }
        .await;
        page.close().await;
        result
    }
    .await;
    let _ = std::fs::remove_dir_all(&copy);
    result
}
