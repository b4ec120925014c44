//! The browser suite: the release dist served on 127.0.0.1, driven in headless browsers
//! through WebDriver. Each scenario gets a fresh session. Prints one line per scenario and
//! a closing "N passed, N failed" line; exits non-zero if any failed or an engine is missing.

use std::future::Future;
use std::path::PathBuf;
use std::pin::Pin;
use std::time::Duration;

use yandu_e2e::driver::{DriverProcess, Engine};
use yandu_e2e::marks;
use yandu_e2e::page::{check, Page, TestResult, ARROW_DOWN, ENTER, ESCAPE, SHIFT};
use yandu_e2e::server::StaticServer;

const DESKTOP: (u32, u32) = (1280, 800);
const PHONE: (u32, u32) = (375, 812);
const SCENARIO_LIMIT: Duration = Duration::from_secs(90);

struct Ctx {
    engine: Engine,
    driver_url: String,
    base_url: String,
    /// The same dist served under a sub-path, as a static host might.
    sub_path_url: String,
    dist: PathBuf,
    source: String,
}

type Scenario = for<'a> fn(&'a Ctx) -> Pin<Box<dyn Future<Output = TestResult> + 'a>>;

macro_rules! scenarios {
    ($($($path:ident)::+),* $(,)?) => {
        &[$((last_segment(stringify!($($path)::+)), |ctx| Box::pin($($path)::+(ctx)))),*]
    };
}

const fn last_segment(path: &'static str) -> &'static str {
    let bytes = path.as_bytes();
    let mut i = bytes.len();
    while i > 0 {
        if bytes[i - 1] == b':' || bytes[i - 1] == b' ' {
            let (_, tail) = bytes.split_at(i);
            return match std::str::from_utf8(tail) {
                Ok(s) => s,
                Err(_) => path,
            };
        }
        i -= 1;
    }
    path
}

const SCENARIOS: &[(&str, Scenario)] = scenarios![
    text_is_all_there,
    structure_and_redactions_are_marked,
    outline_jumps_and_marks_the_part_in_view,
    deep_link_lands,
    a_narrower_window_keeps_the_text_being_read,
    back_and_forward_move_between_parts,
    outline_sections_fold,
    outline_is_a_drawer_on_phones,
    search_highlights_counts_and_steps,
    search_results_list_jumps_and_escape_clears,
    shared_search_link_opens_with_hits,
    search_on_many_passages_draws_every_hit_and_no_stale_one,
    glossary_explains_terms_on_focus_and_tap,
    glossary_follows_the_mouse,
    overview_links_to_source_sentences,
    theme_filter_marks_its_points,
    overview_terms_open_a_search_and_masks_are_counted,
    notes::a_highlight_is_kept_and_placed_again,
    notes::a_note_is_written_deleted_and_restored,
    notes::hostile_text_stays_text_through_export_and_import,
    notes::bad_import_files_change_nothing,
    notes::corrupt_storage_is_quarantined_and_other_notes_kept,
    notes::newer_data_opens_read_only,
    notes::a_full_quota_keeps_the_note_unsaved_until_space_is_freed,
    notes::blocked_storage_keeps_working_and_exports,
    notes::two_tabs_keep_both_edits,
    notes::phone_toolbar_docks_and_panel_opens,
    notes::a_week_without_backup_brings_a_reminder_once_a_day,
    display::display_settings_apply_at_once_and_keep_the_place,
    display::display_settings_work_before_the_app_and_a_damaged_one_is_told,
    display::the_narrowest_phone_fits_the_top_bar_and_the_page,
    works_under_a_sub_path,
    prerender::the_app_takes_over_the_prerendered_page_in_place,
    prerender::a_reload_keeps_the_reading_place_before_and_after_the_app_starts,
    prerender::the_phone_drawers_work_before_the_app_and_stay_as_left,
    prerender::a_glossary_term_is_explained_before_the_app_and_kept_open,
    prerender::the_app_waits_for_the_whole_page,
    prerender::the_report_is_readable_without_javascript,
    prerender::the_report_is_readable_without_webassembly,
    prerender::drawers_opened_before_a_failed_start_leave_the_page_readable,
    print::printing_keeps_the_report_and_notes_and_drops_the_controls,
    single_file::the_single_file_works_from_a_file_url,
    offline::works_offline_after_one_visit,
    offline::a_new_release_is_offered_and_loaded,
    no_console_errors,
    accessibility::axe_finds_no_violation_in_any_view,
    any_report::the_tree_is_drawn_and_every_part_linked,
    any_report::deep_links_land_at_every_level,
    any_report::search_and_highlight_in_the_deepest_part,
];

/// The scenarios that hold for any report of the genre, run on a dist built with another
/// report (`YANDU_REPORT`, as the test command does with a fixture of three levels): the rest
/// visit the seed's own parts and words.
const ANY_REPORT_SCENARIOS: &[(&str, Scenario)] = scenarios![
    text_is_all_there,
    any_report::the_tree_is_drawn_and_every_part_linked,
    any_report::deep_links_land_at_every_level,
    any_report::search_and_highlight_in_the_deepest_part,
    prerender::the_report_is_readable_without_javascript,
    prerender::the_report_is_readable_without_webassembly,
];

#[path = "browser/accessibility.rs"]
mod accessibility;
#[path = "browser/any_report.rs"]
mod any_report;
#[path = "browser/display.rs"]
mod display;
#[path = "browser/notes.rs"]
mod notes;
#[path = "browser/offline.rs"]
mod offline;
#[path = "browser/prerender.rs"]
mod prerender;
#[path = "browser/print.rs"]
mod print;
#[path = "browser/single_file.rs"]
mod single_file;

/// Runs `body` on a fresh page and closes the session whatever happens.
async fn with_page(
    ctx: &Ctx,
    size: (u32, u32),
    body: impl AsyncFnOnce(&Page) -> TestResult,
) -> TestResult {
    with_page_at(ctx, &ctx.base_url, size, body).await
}

/// Runs `body` on a fresh, unwaited page of a server of its own whose wasm waits until
/// `body` releases it (the page before the app, then the app taking over), and closes the
/// session whatever happens.
async fn with_wasm_held(
    ctx: &Ctx,
    size: (u32, u32),
    body: impl AsyncFnOnce(&Page, &StaticServer) -> TestResult,
) -> TestResult {
    with_server_holding(ctx, size, |server| server.hold("_bg.wasm"), body).await
}

/// Runs `body` on a fresh, unwaited page of a server of its own, which `hold` has told what
/// to keep waiting until `body` releases it, and closes the session whatever happens.
async fn with_server_holding(
    ctx: &Ctx,
    size: (u32, u32),
    hold: impl FnOnce(&StaticServer),
    body: impl AsyncFnOnce(&Page, &StaticServer) -> TestResult,
) -> TestResult {
    let server = StaticServer::start(&ctx.dist, "/").map_err(|e| e.to_string())?;
    hold(&server);
    let page = Page::open_unwaited(ctx.engine, &ctx.driver_url, &server.base_url, size).await?;
    let result = body(&page, &server).await;
    page.close().await;
    result
}

/// As [`with_page`], for the app served at `base_url`.
async fn with_page_at(
    ctx: &Ctx,
    base_url: &str,
    size: (u32, u32),
    body: impl AsyncFnOnce(&Page) -> TestResult,
) -> TestResult {
    let page = Page::open(ctx.engine, &ctx.driver_url, base_url, size.0, size.1).await?;
    let result = body(&page).await;
    page.close().await;
    result
}

fn non_space(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

async fn text_is_all_there(ctx: &Ctx) -> TestResult {
    with_page(ctx, DESKTOP, async |page: &Page| {
        page.goto("").await?;
        let shown = page
            .js_string("document.getElementById('reader').textContent")
            .await?;
        let (shown, source) = (non_space(&shown), non_space(&ctx.source));
        if shown != source {
            let at = shown
                .chars()
                .zip(source.chars())
                .take_while(|(a, b)| a == b)
                .count();
            let near: String = source.chars().skip(at).take(20).collect();
            return Err(format!(
                "reader text differs from the source at character {at} (source there: {near})"
            ));
        }
        Ok(())
    })
    .await
}

async fn structure_and_redactions_are_marked(ctx: &Ctx) -> TestResult {
    with_page(ctx, DESKTOP, async |page: &Page| {
        page.goto("").await?;
        let count = async |css: &str| {
            page.js_f64(&format!("document.querySelectorAll('{css}').length"))
                .await
        };
        check(count("#reader section.sec").await? == 4.0, "expected 4 sections")?;
        check(count("#reader p.point").await? == 13.0, "expected 13 points")?;
        check(count("#reader h2.sec-heading").await? == 4.0, "expected 4 headings")?;
        let lead = page
            .js_string("document.querySelector('#s2-p3 .point-lead').textContent")
            .await?;
        check(lead == "实施城镇提升。", format!("s2-p3 lead phrase is {lead}"))?;
        let runs = ctx.source.split(|c| c != 'X').filter(|r| !r.is_empty()).count() as f64;
        check(
            count("#reader .redacted").await? == runs,
            format!("expected {runs} masked chips"),
        )?;
        let labelled = page
            .js("[...document.querySelectorAll('#reader .redacted')].every(e => e.getAttribute('aria-label').includes('隐去') && e.title.includes('隐去'))")
            .await?;
        check(labelled == true, "every masked chip says the value is masked")?;
        let terms = count("#reader .term").await?;
        check(
            terms == ctx.source.matches('“').count() as f64,
            format!("quoted terms emphasised: {terms}"),
        )?;
        let title = page.js_string("document.querySelector('h1').textContent").await?;
        check(title.contains("抢抓机遇") && title.contains("城乡统筹"), format!("title {title}"))
    })
    .await
}

async fn outline_jumps_and_marks_the_part_in_view(ctx: &Ctx) -> TestResult {
    with_page(ctx, DESKTOP, async |page: &Page| {
        page.goto("").await?;
        page.click(".outline-link[data-anchor='s2-p3']").await?;
        page.wait_until("location.hash === '#s2-p3'", "the fragment #s2-p3").await?;
        page.wait_landed("s2-p3").await?;
        page.wait_until(
            "document.querySelector(\".outline-link[data-anchor='s2-p3']\").getAttribute('aria-current') === 'location'",
            "the outline to mark s2-p3 as the part in view",
        )
        .await?;
        // A section's heading is short: the reading line passes it and lands in the section's
        // first point, but the part jumped to is the one marked.
        page.click(".outline-link[data-anchor='s3']").await?;
        page.wait_landed("s3").await?;
        page.wait_scroll_settled().await?;
        let marked = page
            .js_string("document.querySelector(\".outline-link[aria-current='location']\")?.dataset.anchor || 'nothing'")
            .await?;
        check(marked == "s3", format!("after a jump to 三、 the outline marks {marked}"))?;
        // Scrolling by hand moves the mark too.
        page.js("(document.getElementById('s4').scrollIntoView({block: 'start', behavior: 'instant'}), true)")
            .await?;
        page.wait_until(
            "/^s4(-p\\d+)?$/.test(document.querySelector('.outline-link.is-active')?.dataset.anchor)",
            "the outline to follow the scroll to 四、",
        )
        .await
    })
    .await
}

async fn deep_link_lands(ctx: &Ctx) -> TestResult {
    with_page(ctx, DESKTOP, async |page: &Page| {
        page.goto("#s3-p2").await?;
        page.wait_landed("s3-p2").await?;
        page.wait_until(
            "document.getElementById('s3-p2').classList.contains('is-target')",
            "#s3-p2 to be marked as the jump target",
        )
        .await?;
        page.goto("#closing").await?;
        page.wait_until(
            "document.getElementById('closing').getBoundingClientRect().top < innerHeight",
            "#closing to be in view",
        )
        .await
    })
    .await
}

/// Remembers the character at the reading line (the scroll spy's, a quarter of the way down,
/// in the middle of the reader) and says whether there is one.
const REMEMBER_TEXT_AT_LINE: &str =
    "(() => { const b = document.getElementById('reader').getBoundingClientRect(); \
    const x = b.left + b.width / 2, y = innerHeight / 4; \
    const p = document.caretPositionFromPoint ? document.caretPositionFromPoint(x, y) : null; \
    const r = p ? null : document.caretRangeFromPoint(x, y); \
    window.__e2eAtLine = p ? [p.offsetNode, p.offset] : [r.startContainer, r.startOffset]; \
    return window.__e2eAtLine[0].nodeType === Node.TEXT_NODE; })()";

/// How far the remembered character's line is from the reading line, in lines of the reader.
const REMEMBERED_TEXT_FROM_LINE: &str = "(() => { const [n, o] = window.__e2eAtLine; \
    const r = document.createRange(); r.setStart(n, Math.min(o, n.length - 1)); r.setEnd(n, Math.min(o, n.length - 1) + 1); \
    const box = r.getClientRects()[0]; \
    const line = parseFloat(getComputedStyle(n.parentElement).lineHeight); \
    return (box.top + box.height / 2 - innerHeight / 4) / line; })()";

/// A narrower window wraps every line above the passage being read anew (the notes rail goes,
/// the reader's column changes width): the reader must still see the same text at the reading
/// line. WebKit has no scroll anchoring; the others anchor the top of the screen, not the line.
async fn a_narrower_window_keeps_the_text_being_read(ctx: &Ctx) -> TestResult {
    with_page(ctx, DESKTOP, async |page: &Page| {
        page.goto("#s2-p3").await?;
        page.wait_landed("s2-p3").await?;
        page.wait_scroll_settled().await?;
        // The reader moves on from the jump (a key, as reading does): from then on the place
        // kept is the text at the reading line, not the part jumped to.
        let landed_at = page.js_f64("scrollY").await?;
        page.press(&[ARROW_DOWN, ARROW_DOWN]).await?;
        page.wait_scroll_settled().await?;
        let moved = page.js_f64("scrollY").await? - landed_at;
        check(moved > 0.0, format!("the arrow keys moved the page {moved} px"))?;
        let column = "Math.round(document.getElementById('reader').getBoundingClientRect().width)";
        let wide = page.js_f64(column).await?;
        check(
            page.js(REMEMBER_TEXT_AT_LINE).await? == true,
            "no text at the reading line",
        )?;
        let before = page.js_f64(REMEMBERED_TEXT_FROM_LINE).await?;
        // Narrower (the notes rail goes, the column changes width), then back.
        for (width, what) in [(1100, "narrower"), (1280, "as wide as before")] {
            page.size_viewport(width, 800).await?;
            page.wait_scroll_settled().await?;
            let now = page.js_f64(column).await?;
            check(
                width == 1280 || now != wide,
                format!("the reader's column stayed {wide} px wide"),
            )?;
            let after = page.js_f64(REMEMBERED_TEXT_FROM_LINE).await?;
            // The place is kept by its share of the passage's height, so the text may land up to
            // a line off where lines wrap differently; unkept, it moved 12 to 17 lines.
            check(
                (after - before).abs() <= 1.0,
                format!(
                    "with the window {what}, the text at the reading line moved {:.1} lines (from {before:.2} to {after:.2})",
                    after - before
                ),
            )?;
        }
        // A resize while a jump still glides: the jump must land on its part, not stop at the
        // offset it was heading for, which the reflow gave to other text.
        page.click(".outline-link[data-anchor='s4-p1']").await?;
        page.size_viewport(1100, 800).await?;
        page.wait_scroll_settled().await?;
        page.wait_landed("s4-p1").await
    })
    .await
}

async fn back_and_forward_move_between_parts(ctx: &Ctx) -> TestResult {
    with_page(ctx, DESKTOP, async |page: &Page| {
        page.goto("#s1").await?;
        page.wait_landed("s1").await?;
        page.click(".outline-link[data-anchor='s2']").await?;
        page.wait_landed("s2").await?;
        page.click(".outline-link[data-anchor='s4-p1']").await?;
        page.wait_landed("s4-p1").await?;
        let back = async |hash: &'static str| {
            page.client.back().await.map_err(|e| format!("back: {e}"))?;
            page.wait_until(
                &format!("location.hash === '#{hash}'"),
                &format!("back to #{hash}"),
            )
            .await?;
            page.wait_landed(hash).await
        };
        back("s2").await?;
        back("s1").await?;
        page.client
            .forward()
            .await
            .map_err(|e| format!("forward: {e}"))?;
        page.wait_until("location.hash === '#s2'", "forward to #s2")
            .await?;
        page.wait_landed("s2").await?;
        page.wait_until(
            "document.getElementById('s2').classList.contains('is-target')",
            "#s2 to be the target after forward",
        )
        .await
    })
    .await
}

async fn outline_sections_fold(ctx: &Ctx) -> TestResult {
    with_page(ctx, DESKTOP, async |page: &Page| {
        page.goto("").await?;
        let toggle = "#outline .outline-toggle[aria-controls='outline-s1']";
        let visible =
            "document.querySelector(\".outline-link[data-anchor='s1-p1']\").offsetParent !== null";
        check(page.js(visible).await? == true, "points of 一、 are listed")?;
        page.click(toggle).await?;
        page.wait_until(&format!("!({visible})"), "the points of 一、 to fold away")
            .await?;
        let expanded = page
            .js_string(&format!(
                "document.querySelector(\"{toggle}\").getAttribute('aria-expanded')"
            ))
            .await?;
        check(expanded == "false", "the toggle says it is collapsed")?;
        page.click(toggle).await?;
        page.wait_until(visible, "the points of 一、 to unfold")
            .await
    })
    .await
}

/// Whether the outline drawer is open and fully on screen (narrow screens).
const OUTLINE_SHOWN: &str = "getComputedStyle(document.getElementById('outline')).visibility === 'visible' && document.getElementById('outline').getBoundingClientRect().left >= 0";

async fn outline_is_a_drawer_on_phones(ctx: &Ctx) -> TestResult {
    with_page(ctx, PHONE, async |page: &Page| {
        page.goto("").await?;
        let outline_shown = OUTLINE_SHOWN;
        check(page.js(outline_shown).await? == false, "the outline is hidden on a phone")?;
        page.click("#outline-toggle").await?;
        page.wait_until(outline_shown, "the outline drawer to open").await?;
        // One scrim under it (the notes panel's stays hidden).
        let scrims = page
            .js_f64("[...document.querySelectorAll('.scrim')].filter(s => getComputedStyle(s).display !== 'none').length")
            .await?;
        check(scrims == 1.0, format!("{scrims} scrims under the open outline"))?;
        page.click(".outline-link[data-anchor='s3']").await?;
        page.wait_until(&format!("!({outline_shown})"), "the drawer to close after a jump")
            .await?;
        page.wait_landed("s3").await?;
        page.click("#outline-toggle").await?;
        page.wait_until(outline_shown, "the drawer to open again").await?;
        page.js("(document.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape', bubbles: true})), true)")
            .await?;
        page.wait_until(&format!("!({outline_shown})"), "Escape to close the drawer").await?;
        // Chromium emulates 375px exactly; headless Firefox keeps 500px at least. Both are
        // below the 768px phone breakpoint, which is what this test is about.
        let width = page.js_f64("innerWidth").await?;
        check(width < 768.0, format!("the viewport is a phone's ({width}px wide)"))?;
        let wide = page.js_f64("document.documentElement.scrollWidth").await?;
        check(wide <= width, format!("no sideways scrolling on a phone ({wide}px)"))
    })
    .await
}

/// Whether the current search hit is drawn and inside the viewport.
fn current_hit_in_view() -> String {
    format!(
        "(() => {{ const m = {}; if (!m) return false; const r = m.getBoundingClientRect(); \
         return r.top >= 0 && r.bottom <= innerHeight; }})()",
        marks::first(marks::CURRENT, "#reader")
    )
}

/// The current search hit's top in the page (JavaScript).
fn current_hit_top() -> String {
    format!(
        "{}.getBoundingClientRect().top + scrollY",
        marks::first(marks::CURRENT, "#reader")
    )
}

/// Empties the search box as typing would, so the next query starts from nothing.
const CLEAR_SEARCH: &str =
    "(() => { const i = document.getElementById('search-input'); i.value = ''; \
    i.dispatchEvent(new Event('input')); return true; })()";

/// Whether the outline's current part is the one holding the current search hit.
fn current_hit_in_outline() -> String {
    format!(
        "(() => {{ const m = {}; const a = document.querySelector('#outline .outline-link.is-active'); \
         return !!m && !!a && m.startContainer.parentElement.closest('.part[id]').id === a.dataset.anchor; }})()",
        marks::first(marks::CURRENT, "#reader")
    )
}

async fn search_highlights_counts_and_steps(ctx: &Ctx) -> TestResult {
    with_page(ctx, DESKTOP, async |page: &Page| {
        page.goto("").await?;
        page.press(&['/']).await?;
        page.wait_until("document.activeElement.id === 'search-input'", "`/` to focus the search box")
            .await?;
        let n = ctx.source.matches("泉水").count();
        page.type_into("#search-input", "泉水").await?;
        page.wait_until(
            &marks::near_hits_drawn("泉水"),
            "the hits near the screen to be highlighted",
        )
        .await?;
        let count = "document.querySelector('[data-testid=search-count]').textContent";
        page.wait_until(&format!("{count} === '1 / {n}'"), "the count to read 1 / n").await?;
        page.wait_until(&current_hit_in_view(), "the first hit to be scrolled into view").await?;
        let first = page.js_f64(&current_hit_top()).await?;
        page.press(&[ENTER]).await?;
        page.wait_until(&format!("{count} === '2 / {n}'"), "Enter to move to hit 2").await?;
        page.wait_until(&current_hit_in_view(), "hit 2 to be in view").await?;
        let second = page.js_f64(&current_hit_top()).await?;
        check(second > first, "hit 2 comes after hit 1 in the text")?;
        page.wait_until("document.getElementById('search-results').hidden", "stepping to close the result list, which covers the text")
            .await?;
        page.wait_until(&current_hit_in_outline(), "the outline to mark the part that holds hit 2")
            .await?;
        page.click("#search-input").await?;
        page.wait_until("!document.getElementById('search-results').hidden", "a click in the box to open the list again")
            .await?;
        // The last 城乡 is near the end: at 1280×800 in Chromium and Firefox the page cannot
        // bring it up to the reading line (it stops at its bottom, with the closing part on
        // screen below the hit). The outline still marks the hit's part.
        page.js(CLEAR_SEARCH).await?;
        let last = ctx.source.matches("城乡").count();
        page.type_into("#search-input", "城乡").await?;
        page.wait_until(&format!("{count} === '1 / {last}'"), "城乡 to be found").await?;
        page.press(&[SHIFT, ENTER]).await?;
        page.wait_until(&format!("{count} === '{last} / {last}'"), "Shift+Enter to go to the last 城乡").await?;
        page.wait_until(&current_hit_in_view(), "the last 城乡 to be in view").await?;
        page.wait_scroll_settled().await?;
        let marked = page.js(&current_hit_in_outline()).await?;
        let seen = page.js_string(&format!("(() => {{ const m = {}; const a = document.querySelector('#outline .outline-link.is-active'); return [m && m.startContainer.parentElement.closest('.part[id]').id, a && a.dataset.anchor, m && m.getBoundingClientRect().top, scrollY, innerHeight, document.documentElement.scrollHeight].join(' '); }})()", marks::first(marks::CURRENT, "#reader"))).await?;
        check(marked == serde_json::Value::Bool(true), format!("the outline marks the part of the last 城乡, not the closing part (hit's part, marked part, hit top, scrollY, innerHeight, scrollHeight: {seen})"))?;
        page.js(CLEAR_SEARCH).await?;
        page.type_into("#search-input", "泉水").await?;
        page.wait_until(&format!("{count} === '1 / {n}'"), "泉水 again").await?;
        page.press(&[ENTER]).await?;
        page.wait_until(&format!("{count} === '2 / {n}'"), "Enter to move to hit 2 again").await?;
        page.press(&[SHIFT, ENTER]).await?;
        page.wait_until(&format!("{count} === '1 / {n}'"), "Shift+Enter to move back to hit 1").await?;
        page.press(&[SHIFT, ENTER]).await?;
        page.wait_until(&format!("{count} === '{n} / {n}'"), "Shift+Enter to wrap to the last hit")
            .await?;
        let q = page.js_string("new URLSearchParams(location.search).get('q')").await?;
        check(q == "泉水", format!("the query is in the URL (q={q})"))?;
        // Full-width and spaced input finds the same text.
        page.js(CLEAR_SEARCH).await?;
        page.type_into("#search-input", "２０２０ 年").await?;
        page.wait_until(&format!("{count} === '1 / 1'"), "a full-width, spaced query to match 2020年").await?;
        // X finds each masked value once (XX included), as many as the overview counts.
        page.js(CLEAR_SEARCH).await?;
        let values = ctx.source.split(|c| c != 'X').filter(|r| !r.is_empty()).count();
        page.type_into("#search-input", "X").await?;
        page.wait_until(&format!("{count} === '1 / {values}'"), &format!("X to find the {values} masked values"))
            .await?;
        // Each chip lies inside one hit: the hit starts at or before it and ends at or after it.
        page.wait_until(
            &format!(
                "(() => {{ const hits = {}; return {}.flatMap(p => [...p.querySelectorAll('.redacted')]).every(r => {{ \
                   const t = r.firstChild; \
                   return hits.some(h => h.isPointInRange(t, 0) && h.isPointInRange(t, t.length)); }}); }})()",
                marks::ranges(marks::HITS, "#reader"),
                marks::NEAR_PASSAGES
            ),
            "every masked value near the screen to be marked whole",
        )
        .await
    })
    .await
}

async fn search_results_list_jumps_and_escape_clears(ctx: &Ctx) -> TestResult {
    with_page(ctx, DESKTOP, async |page: &Page| {
        page.goto("").await?;
        page.type_into("#search-input", "提升").await?;
        page.wait_until("!document.getElementById('search-results').hidden", "the result list to open")
            .await?;
        let listed = page.js_f64("document.querySelectorAll('#search-results .search-result').length").await?;
        check(listed == ctx.source.matches("提升").count() as f64, format!("{listed} results listed"))?;
        let place = page.js_string("document.querySelectorAll('#search-results .search-place')[2].textContent").await?;
        check(!place.is_empty(), "each result says where it is")?;
        page.click("#search-results li:nth-child(3) .search-result").await?;
        let count = "document.querySelector('[data-testid=search-count]').textContent";
        page.wait_until(&format!("{count}.startsWith('3 / ')"), "the third result to become current")
            .await?;
        page.wait_until("document.getElementById('search-results').hidden", "the list to close").await?;
        page.wait_until(&current_hit_in_view(), "the chosen hit to be in view").await?;
        page.click("#search-input").await?;
        page.press(&[ESCAPE]).await?;
        page.wait_until(
            &format!("document.getElementById('search-input').value === '' && !{} && !location.search.includes('q=')", marks::any(marks::HITS, "#reader")),
            "Escape to clear the search, its marks and the URL",
        )
        .await?;
        // A long list is drawn in two steps (the rows the open list shows first); it ends whole.
        let n = ctx.source.matches('城').count().min(100);
        page.type_into("#search-input", "城").await?;
        page.wait_until(
            &format!("document.querySelectorAll('#search-results .search-result').length === {n}"),
            &format!("all {n} results of 城 to be listed"),
        )
        .await?;
        let shown = page.js_string("[...document.querySelectorAll('#search-results .search-context mark')].map(m => m.textContent).join('')").await?;
        check(shown == "城".repeat(n), format!("every listed result shows its hit ({shown})"))
    })
    .await
}

/// Whether the search marks hold `q` exactly `n` times, every passage containing `q` has one
/// and no other passage has.
/// A common character hits most passages: the app draws those on screen first and the rest
/// after the next paints, but only near the screen (every range in the highlights costs each
/// frame that changes them); typing on leaves no stale mark, and scrolling draws what comes
/// near.
async fn search_on_many_passages_draws_every_hit_and_no_stale_one(ctx: &Ctx) -> TestResult {
    with_page(ctx, PHONE, async |page: &Page| {
        page.goto("").await?;
        let n = ctx.source.matches('城').count();
        page.type_into("#search-input", "城").await?;
        page.wait_until(&current_hit_in_view(), "the first hit to be in view").await?;
        page.wait_until(
            &marks::near_hits_drawn("城"),
            "every hit of 城 near the screen to be drawn",
        )
        .await?;
        // The report is many screens long on a phone: the hits far away wait to be drawn.
        let drawn = page.js_f64(&marks::count(marks::HITS, "#reader")).await?;
        let far = page.js_f64(&marks::far_hits()).await?;
        check(
            far == 0.0 && drawn > 0.0 && drawn < n as f64,
            format!("{drawn} of the {n} hits drawn, {far} of them far from the screen"),
        )?;
        // Static ranges only: live ones are updated by the document on every DOM change until
        // collected, which made each search slower than the last.
        let live = page
            .js_f64("window.CSS && CSS.highlights ? ['search-hit', 'search-current'].flatMap(n => [...(CSS.highlights.get(n) || [])]).filter(r => !(r instanceof StaticRange)).length : 0")
            .await?;
        check(live == 0.0, format!("{live} search highlights are live ranges"))?;
        // Two keystrokes in one task: the second change arrives while the first is still
        // being drawn in batches.
        page.js("(() => { const i = document.getElementById('search-input'); i.value = ''; i.dispatchEvent(new Event('input', { bubbles: true })); i.value = '城'; i.dispatchEvent(new Event('input', { bubbles: true })); requestAnimationFrame(() => { i.value = '城乡'; i.dispatchEvent(new Event('input', { bubbles: true })); }); return true; })()").await?;
        let m = ctx.source.matches("城乡").count();
        check(m > 0 && m < n, format!("城乡 is rarer than 城 ({m} vs {n})"))?;
        page.wait_until(
            &format!(
                "document.getElementById('search-input').value === '城乡' && {}",
                marks::near_hits_drawn("城乡")
            ),
            "only hits of 城乡 to stay marked, each near the screen drawn",
        )
        .await?;
        page.wait_until(&current_hit_in_view(), "the first hit of 城乡 to be in view").await?;
        // At the end of the report, the hits there are drawn as they come near.
        page.js("(scrollTo(0, document.documentElement.scrollHeight), true)").await?;
        page.wait_until(
            &format!(
                "scrollY + innerHeight >= document.documentElement.scrollHeight - 2 && {}",
                marks::near_hits_drawn("城乡")
            ),
            "the hits near the end of the report to be drawn once it is on screen",
        )
        .await
    })
    .await
}

async fn shared_search_link_opens_with_hits(ctx: &Ctx) -> TestResult {
    with_page(ctx, PHONE, async |page: &Page| {
        page.goto("?q=%E6%96%B0%E5%9F%8E").await?; // ?q=新城
        let n = ctx.source.matches("新城").count();
        check(n > 0, "the seed has 新城")?;
        page.wait_until(&current_hit_in_view(), "the first hit to be in view")
            .await?;
        page.wait_until(
            &marks::near_hits_drawn("新城"),
            "the shared query's hits near the screen to be highlighted",
        )
        .await?;
        page.wait_until(
            "document.getElementById('search-input').value === '新城'",
            "the box to show the query",
        )
        .await?;
        page.wait_until(&current_hit_in_view(), "the first hit to be in view")
            .await?;
        let wide = page
            .js_f64("document.documentElement.scrollWidth - innerWidth")
            .await?;
        check(wide <= 0.0, "the search row fits the phone's width")?;
        // A query past the 200-character limit: only its start is looked for, and the count
        // says so (a shared link can carry any length).
        page.js("(() => { const box = document.getElementById('search-input'); box.value = '新城' + '城'.repeat(300); box.dispatchEvent(new Event('input', { bubbles: true })); return true; })()").await?;
        page.wait_until(
            "document.querySelector('[data-testid=search-count]').textContent === '无结果·只查前200字'",
            "the count to say the query was cut",
        )
        .await?;
        let wide = page.js_f64("document.documentElement.scrollWidth - innerWidth").await?;
        check(wide <= 0.0, "the search row still fits the phone's width")
    })
    .await
}

/// The glossary term 撤市设区 in the reader (a JavaScript expression).
const SAMPLE_TERM: &str =
    "[...document.querySelectorAll('#reader .gloss')].find(e => e.textContent === '撤市设区')";
const GLOSS_HIDDEN: &str = "document.getElementById('gloss-popover').hidden";

/// Whether the glossary popover is open and says `text`.
fn popover_says(text: &str) -> String {
    format!("(() => {{ const p = document.getElementById('gloss-popover'); return !p.hidden && p.textContent.includes('{text}'); }})()")
}

/// Whether the term `term` (an expression) says its explanation is `state` ("true"/"false").
fn term_expanded(term: &str, state: &str) -> String {
    format!("{term}.getAttribute('aria-expanded') === '{state}'")
}

/// Whether the glossary popover sits inside the viewport.
const GLOSS_IN_VIEW: &str = "(() => { const r = document.getElementById('gloss-popover').getBoundingClientRect(); return r.left >= 0 && r.right <= innerWidth && r.top >= 0 && r.bottom <= innerHeight; })()";

/// Whether the popover holds one explanation, and one term says its explanation is open.
const ONE_EXPLANATION: &str = "document.querySelectorAll('#gloss-popover .gloss-term').length === 1 && document.querySelectorAll('.gloss[aria-expanded=true]').length === 1";

/// Waits for 撤市设区 (`SAMPLE_TERM`), just opened by `how`, to be explained inside the
/// viewport and to say so, then closes the explanation with Escape.
async fn sample_term_explained_then_escaped(page: &Page, how: &str) -> TestResult {
    let expanded = |state: &str| term_expanded(SAMPLE_TERM, state);
    page.wait_until(
        &popover_says("市辖区"),
        &format!("{how} to explain 撤市设区"),
    )
    .await?;
    page.wait_until(GLOSS_IN_VIEW, "the popover to sit inside the viewport")
        .await?;
    check(
        page.js(&expanded("true")).await? == true,
        "the term does not say it is expanded",
    )?;
    check(
        page.js(ONE_EXPLANATION).await? == true,
        "more than one explanation, or expanded term",
    )?;
    page.press(&[ESCAPE]).await?;
    page.wait_until(GLOSS_HIDDEN, "Escape to close the explanation")
        .await?;
    page.wait_until(&expanded("false"), "the term to say its explanation closed")
        .await
}

async fn glossary_explains_terms_on_focus_and_tap(ctx: &Ctx) -> TestResult {
    with_page(ctx, PHONE, async |page: &Page| {
        page.goto("").await?;
        let term = SAMPLE_TERM;
        check(
            page.js(&format!("!!{term}")).await? == true,
            "撤市设区 is marked as a glossary term",
        )?;
        // Keyboard: focus opens, Escape closes; the term says whether its explanation is open.
        page.js(&format!("({term}.focus(), true)")).await?;
        sample_term_explained_then_escaped(page, "the focus").await?;
        // Touch: a tap opens, a tap elsewhere closes.
        page.js(&format!(
            "({term}.scrollIntoView({{block: 'center'}}), true)"
        ))
        .await?;
        page.js(&format!("({term}.setAttribute('data-e2e', 'term'), true)"))
            .await?;
        page.click("[data-e2e=term]").await?;
        page.wait_until(&popover_says("市辖区"), "a tap to open the explanation")
            .await?;
        page.click("h1").await?;
        page.wait_until(GLOSS_HIDDEN, "a tap elsewhere to close it")
            .await
    })
    .await
}

async fn glossary_follows_the_mouse(ctx: &Ctx) -> TestResult {
    with_page(ctx, DESKTOP, async |page: &Page| {
        page.goto("").await?;
        let term = SAMPLE_TERM;
        page.js(&format!("({term}.scrollIntoView({{block: 'center', behavior: 'instant'}}), {term}.setAttribute('data-e2e', 'term'), true)")).await?;
        page.wait_scroll_settled().await?;
        page.hover("[data-e2e=term]").await?;
        page.wait_until(&popover_says("市辖区"), "the pointer on 撤市设区 to open its explanation")
            .await?;
        check(
            page.js(&term_expanded(term, "true")).await? == true,
            "the term under the pointer does not say it is expanded",
        )?;
        // Away, onto the top bar: the explanation closes.
        page.move_pointer_to(5.0, 5.0).await?;
        page.wait_until(GLOSS_HIDDEN, "the pointer leaving the term to close its explanation").await?;
        page.wait_until(&term_expanded(term, "false"), "the term to say its explanation closed").await
    })
    .await
}

async fn overview_links_to_source_sentences(ctx: &Ctx) -> TestResult {
    with_page(ctx, DESKTOP, async |page: &Page| {
        page.goto("").await?;
        check(
            page.js("document.getElementById('overview').getBoundingClientRect().top < innerHeight").await? == true,
            "the overview is the landing view",
        )?;
        // A timeline event lands on its point and flashes its sentence.
        page.js("([...document.querySelectorAll('.ov-timeline .ov-event')].find(e => e.querySelector('.ov-event-date').textContent === '2020年').querySelector('a').setAttribute('data-e2e', 'event'), true)")
            .await?;
        page.click("[data-e2e=event]").await?;
        page.wait_until("location.hash === '#s2-p1'", "the 2020年 event to link to 二、一是").await?;
        page.wait_landed("s2-p1").await?;
        page.wait_until(
            &format!("{}.includes('2020年建成通车')", marks::text(marks::FLASH, "#s2-p1")),
            "the sentence with 2020年 to flash",
        )
        .await?;
        // A pillar's point and a key figure link back too.
        page.goto("#overview").await?;
        page.click(".ov-pillar a[href='#s3-p2']").await?;
        page.wait_landed("s3-p2").await?;
        page.goto("#overview").await?;
        page.click(".ov-figure:first-child a").await?;
        page.wait_until("location.hash === '#intro'", "the area figure to link to the introduction").await?;
        page.wait_until(
            &format!("{}.includes('平方公里')", marks::text(marks::FLASH, "#intro")),
            "the profile sentence to flash",
        )
        .await?;
        let honours = page.js("[...document.querySelectorAll('#ov-profile ~ ul a, .ov-chips a')].map(a => a.textContent)").await?;
        check(honours.to_string().contains("国家园林城市"), format!("honours listed: {honours}"))
    })
    .await
}

async fn theme_filter_marks_its_points(ctx: &Ctx) -> TestResult {
    with_page(ctx, DESKTOP, async |page: &Page| {
        page.goto("").await?;
        page.js("([...document.querySelectorAll('.chip-theme')].find(b => b.textContent.startsWith('交通')).setAttribute('data-e2e', 'theme'), true)")
            .await?;
        page.click("[data-e2e=theme]").await?;
        page.wait_until("document.querySelector('[data-e2e=theme]').getAttribute('aria-pressed') === 'true'", "the theme to be chosen")
            .await?;
        let marked = page.js_string("[...document.querySelectorAll('#reader .point.in-theme')].map(p => p.id).join(',')").await?;
        check(marked == "s1-p2,s2-p1", format!("points marked in the reader: {marked}"))?;
        let outlined = page.js_string("[...document.querySelectorAll('.outline-link.in-theme')].map(a => a.dataset.anchor).join(',')").await?;
        check(outlined == "s1-p2,s2-p1", format!("points marked in the outline: {outlined}"))?;
        let listed = page.js_f64("document.querySelectorAll('.ov-theme-panel:not([hidden]) .ov-theme-list li').length").await?;
        check(listed == 2.0, format!("the theme lists its {listed} passages"))?;
        page.click("[data-e2e=theme]").await?;
        page.wait_until("!document.querySelector('#reader .point.in-theme')", "choosing it again to clear it").await
    })
    .await
}

async fn overview_terms_open_a_search_and_masks_are_counted(ctx: &Ctx) -> TestResult {
    with_page(ctx, PHONE, async |page: &Page| {
        page.goto("").await?;
        let terms = page.js_f64("document.querySelectorAll('.ov-term').length").await?;
        let distinct: std::collections::HashSet<&str> = ctx
            .source
            .split('“')
            .skip(1)
            .filter_map(|s| s.split('”').next())
            .collect();
        check(terms == distinct.len() as f64, format!("{terms} quoted terms listed"))?;
        page.js("([...document.querySelectorAll('.chip-term')].find(b => b.textContent.includes('一带两城')).setAttribute('data-e2e', 'term'), true)")
            .await?;
        page.click("[data-e2e=term]").await?;
        page.wait_until("document.getElementById('search-input').value === '一带两城'", "the term to fill the search").await?;
        page.wait_until(&current_hit_in_view(), "its first occurrence to be in view").await?;
        let total = page.js_f64("Number(document.querySelector('.ov-masked-total .ov-big').textContent)").await?;
        let runs = ctx.source.split(|c| c != 'X').filter(|r| !r.is_empty()).count() as f64;
        check(total == runs, format!("the overview counts {total} masked values, the source has {runs}"))?;
        let wide = page.js_f64("document.documentElement.scrollWidth - innerWidth").await?;
        check(wide <= 0.0, "the overview fits a phone's width")
    })
    .await
}

async fn works_under_a_sub_path(ctx: &Ctx) -> TestResult {
    let page = Page::open(
        ctx.engine,
        &ctx.driver_url,
        &ctx.sub_path_url,
        DESKTOP.0,
        DESKTOP.1,
    )
    .await?;
    let result = async {
        page.goto("#s4-p2").await?;
        page.wait_landed("s4-p2").await?;
        let href = page.js_string("location.href").await?;
        check(href.contains("/reports/yandu/#s4-p2"), format!("the app runs under the sub-path: {href}"))?;
        let outside = page
            .js("performance.getEntriesByType('resource').map(r => r.name).filter(u => !u.startsWith(location.origin + '/reports/yandu/'))")
            .await?;
        check(outside.as_array().is_some_and(|a| a.is_empty()), format!("every request stays under the sub-path: {outside}"))?;
        // The single-file edition is offered, and is there, under the same sub-path.
        page.js("(window.__single = fetch(document.querySelector('.single-file-link a').href).then(r => r.text()).then(t => window.__single = t.includes('data-single-file') ? 'ok' : 'wrong file', e => window.__single = String(e)), true)")
            .await?;
        page.wait_until("window.__single === 'ok'", "the single file to download from the link").await?;
        let link = page.js_string("document.querySelector('.single-file-link a').href").await?;
        check(link.contains("/reports/yandu/single/yandu.html"), format!("the download link is {link}"))
    }
    .await;
    page.close().await;
    result
}

async fn no_console_errors(ctx: &Ctx) -> TestResult {
    with_page(ctx, DESKTOP, async |page: &Page| {
        page.goto("#s2-p1").await?;
        page.capture_errors().await?;
        check(
            page.js("(document.querySelector('meta[http-equiv=Content-Security-Policy]')?.content || '').includes(\"script-src 'self' 'wasm-unsafe-eval'\")").await? == true,
            "a strict CSP meta tag",
        )?;
        // What the build inlined (style sheets, loader) is allowed by its hash, and only that:
        // each inline element's SHA-256 is in the policy, which allows no other inline code.
        page.js(
            "(window.__csp = (async () => { \
               const csp = document.querySelector('meta[http-equiv=Content-Security-Policy]').content; \
               if (csp.includes('unsafe-inline')) return 'unsafe-inline allowed'; \
               const inline = [...document.querySelectorAll('script:not([src]), style')]; \
               if (inline.length === 0) return 'nothing inlined'; \
               for (const el of inline) { \
                 const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(el.textContent)); \
                 const hash = btoa(String.fromCharCode(...new Uint8Array(digest))); \
                 if (!csp.includes(`'sha256-${hash}'`)) return `not in the CSP: <${el.localName}> ${el.textContent.slice(0, 40)}`; \
               } \
               return 'ok'; })().then(r => window.__csp = r, e => window.__csp = String(e)), true)",
        )
        .await?;
        page.wait_until("typeof window.__csp === 'string'", "the inline elements checked against the CSP").await?;
        let csp = page.js_string("window.__csp").await?;
        check(csp == "ok", format!("inline code and the CSP: {csp}"))?;
        // The wasm crosses the network once: a preload that the loader's fetch() does not
        // reuse (WebKit's case) would download it twice.
        let fetched = page
            .js_string("JSON.stringify(performance.getEntriesByType('resource').filter(e => e.name.endsWith('_bg.wasm')).map(e => e.initiatorType))")
            .await?;
        check(fetched == "[\"fetch\"]", format!("the wasm was requested once, by the loader: {fetched}"))?;
        page.click(".outline-link[data-anchor='s4']").await?;
        page.wait_landed("s4").await?;
        // Exercise what styles or scripts the page at run time: search marks, the glossary
        // popover, the selection toolbar; a CSP violation would be logged as an error.
        page.type_into("#search-input", "城乡").await?;
        page.wait_until(&marks::any(marks::CURRENT, "#reader"), "search marks").await?;
        page.js("(document.querySelector('#reader .gloss').focus(), true)").await?;
        page.wait_until("!document.getElementById('gloss-popover').hidden && document.getElementById('gloss-popover').style.left !== ''", "the popover, placed").await?;
        page.select_text("#s2-p3", "以棚改旧改为突破口").await?;
        page.wait_until("!document.getElementById('selection-toolbar').hidden && document.getElementById('selection-toolbar').style.top !== ''", "the toolbar, placed").await?;
        // The log reader must see errors at all: log one on purpose and expect it back.
        page.js("(console.error('yandu-e2e-probe'), true)").await?;
        let errors = page.console_errors().await?;
        check(
            errors.iter().any(|e| e.contains("yandu-e2e-probe")),
            "the browser log did not capture a deliberate console.error",
        )?;
        let real: Vec<&String> = errors
            .iter()
            .filter(|e| !e.contains("yandu-e2e-probe"))
            .collect();
        check(real.is_empty(), format!("console errors: {real:?}"))
    })
    .await
}

fn dist_dir() -> PathBuf {
    std::env::var_os("YANDU_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../dist"))
}

fn main() {
    let dist = dist_dir();
    if !dist.join("index.html").is_file() {
        eprintln!(
            "no release build at {} (run `trunk build --release` first)",
            dist.display()
        );
        std::process::exit(1);
    }
    // The report the dist was built with: the seed, or the one YANDU_REPORT names (then only
    // the scenarios that hold for any report run).
    let other_report = std::env::var_os("YANDU_REPORT").map(PathBuf::from);
    let report_path = other_report
        .clone()
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../content/report.txt"));
    let source = std::fs::read_to_string(&report_path)
        .unwrap_or_else(|e| panic!("{}: {e}", report_path.display()));
    let scenarios = if other_report.is_some() {
        println!(
            "report {} (the scenarios that hold for any report)",
            report_path.display()
        );
        ANY_REPORT_SCENARIOS
    } else {
        SCENARIOS
    };
    let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let server = StaticServer::start_with(&dist, "/", vec![("/__e2e__/".to_string(), fixtures)])
        .expect("static server");
    let sub_path =
        StaticServer::start(&dist, "/reports/yandu/").expect("static server under a sub-path");
    // Names to run: any scenario whose name contains one of the comma-separated words.
    let filter: Option<String> = std::env::args().skip(1).find(|a| !a.starts_with('-'));

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    let (mut passed, mut failed) = (0, 0);
    // YANDU_ENGINES=chromium,firefox,webkit picks the engines; an unknown or missing one fails
    // the run.
    let engines: Vec<Engine> = std::env::var("YANDU_ENGINES")
        .unwrap_or_else(|_| "chromium".to_string())
        .split(',')
        .map(|n| Engine::from_name(n.trim()).unwrap_or_else(|| panic!("unknown engine {n}")))
        .collect();
    for &engine in &engines {
        let first = match DriverProcess::start(engine) {
            Ok(d) => d,
            Err(e) => {
                println!("engine {}: FAILED to start: {e}", engine.name());
                failed += 1;
                continue;
            }
        };
        println!(
            "engine {} (WebDriver at {}), app at {}",
            engine.name(),
            first.url,
            server.base_url
        );
        let mut ctx = Ctx {
            engine,
            driver_url: first.url.clone(),
            base_url: server.base_url.clone(),
            sub_path_url: sub_path.base_url.clone(),
            dist: dist.clone(),
            source: source.clone(),
        };
        // Taken (and so stopped) before a restart: a driver may allow only one session.
        let mut driver = Some(first);
        for (name, scenario) in scenarios {
            if filter
                .as_deref()
                .is_some_and(|f| !f.split(',').any(|p| name.contains(p)))
            {
                continue;
            }
            // A scenario's own waits give up after WAIT_LIMIT with a message, so running past
            // SCENARIO_LIMIT means a WebDriver command never answered (seen about once in a
            // hundred WebKit scenarios). Such a scenario runs once more on a fresh driver; a
            // failed check is never run again.
            let mut result = Ok(());
            let mut driver_lost = false;
            for attempt in 1..=2 {
                let timed_out;
                (result, timed_out) = runtime.block_on(async {
                    match tokio::time::timeout(SCENARIO_LIMIT, scenario(&ctx)).await {
                        Ok(result) => (result, false),
                        Err(_) => (Err(format!("took longer than {SCENARIO_LIMIT:?}")), true),
                    }
                });
                if !timed_out {
                    break;
                }
                // The abandoned session may still be open, and a driver may allow only one
                // (WebKitWebDriver): start a fresh driver.
                drop(driver.take());
                match DriverProcess::start(engine) {
                    Ok(d) => {
                        ctx.driver_url = d.url.clone();
                        driver = Some(d);
                    }
                    Err(e) => {
                        println!("engine {}: FAILED to restart: {e}", engine.name());
                        driver_lost = true;
                        break;
                    }
                }
                if attempt == 1 {
                    println!(
                        "test {}::{name} ... timed out (a WebDriver command never answered); running it again on a fresh driver",
                        engine.name()
                    );
                }
            }
            if driver_lost {
                failed += 1;
                break;
            }
            match result {
                Ok(()) => {
                    passed += 1;
                    println!("test {}::{name} ... ok", engine.name());
                }
                Err(e) => {
                    failed += 1;
                    println!("test {}::{name} ... FAILED\n    {e}", engine.name());
                }
            }
        }
    }
    let names: Vec<&str> = engines.iter().map(|e| e.name()).collect();
    println!(
        "\n{passed} passed, {failed} failed (engines: {}; report: {})",
        names.join(", "),
        report_path
            .file_name()
            .map_or(String::new(), |n| n.to_string_lossy().into_owned())
    );
    if failed > 0 || passed == 0 {
        std::process::exit(1);
    }
}
