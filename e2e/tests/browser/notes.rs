//! Notes and highlights in a real browser, including the ways browser notes apps lose data
//! (see shared/notes/data-safety.md): blocked storage, a full quota, corrupt and newer data,
//! two tabs, and hostile text.

use serde_json::Value;

use super::{with_page, with_wasm_held, Ctx, DESKTOP, PHONE};
use yandu_e2e::driver::Engine;
use yandu_e2e::marks;
use yandu_e2e::page::{check, Page, TestResult, APP_READY, ESCAPE};
use yandu_e2e::server::StaticServer;

pub const QUOTE: &str = "以棚改旧改为突破口";
const NOTE_PREFIX: &str = "yandu:v1:note:";

fn our_notes(storage: &serde_json::Map<String, Value>) -> Vec<(String, String)> {
    storage
        .iter()
        .filter(|(k, _)| k.starts_with(NOTE_PREFIX))
        .map(|(k, v)| (k.clone(), v.as_str().unwrap_or("").to_string()))
        .collect()
}

/// Selects `text` inside `root` and waits for the selection toolbar.
async fn select(page: &Page, root: &str, text: &str) -> TestResult {
    page.select_text(root, text).await?;
    page.wait_until(
        "!document.getElementById('selection-toolbar').hidden",
        "the selection toolbar",
    )
    .await
}

/// Selects `QUOTE` in 二、三是 and presses `key` (a kind's number, h or n).
pub async fn highlight(page: &Page, key: char) -> TestResult {
    select(page, "#s2-p3", QUOTE).await?;
    page.press(&[key]).await?;
    page.wait_until(
        &marks::any(marks::NOTES, "#s2-p3"),
        "the highlight to be drawn",
    )
    .await
}

/// Chooses `path` in the import control and waits for the preview of what it would change.
pub async fn preview_import(page: &Page, path: &std::path::Path, what: &str) -> TestResult {
    page.type_into("[data-testid=import-file]", &path.display().to_string())
        .await?;
    page.wait_until(
        "!!document.querySelector('[data-testid=import-preview]')",
        what,
    )
    .await
}

pub async fn a_highlight_is_kept_and_placed_again(ctx: &Ctx) -> TestResult {
    with_page(ctx, DESKTOP, async |page: &Page| {
        page.goto("#s2-p3").await?;
        select(page, "#s2-p3", QUOTE).await?;
        let placed = page
            .js("(() => { const t = document.getElementById('selection-toolbar').getBoundingClientRect(); const s = getSelection().getRangeAt(0).getBoundingClientRect(); return t.bottom <= s.top || t.top >= s.bottom; })()")
            .await?;
        check(placed == true, "the toolbar sits above or below the selection, not on it")?;
        let labels = page.js_string("[...document.querySelectorAll('#selection-toolbar button')].map(b => b.textContent.trim()).join(',')").await?;
        check(labels.starts_with("做法,成效,问题,启示,疑问,笔记,复制"), format!("toolbar offers {labels}"))?;
        // Each kind has its own colours and underline style, not only its label.
        let looks = page
            .js_string("[...document.querySelectorAll('#selection-toolbar .sel-kind .kind-swatch')].map(e => getComputedStyle(e).boxShadow).join('|')")
            .await?;
        let distinct: std::collections::HashSet<&str> = looks.split('|').collect();
        check(distinct.len() == 5, format!("five distinct kind colours: {looks}"))?;
        page.press(&['3']).await?;
        page.wait_until(&marks::any("note-problem", "#s2-p3"), "a 问题 highlight").await?;
        let line = page.js_string(&marks::highlight_style("note-problem", "textDecorationStyle")).await?;
        check(line == "wavy", format!("问题 is underlined wavy, not only coloured ({line})"))?;
        let marked = page.js_string(&marks::text(marks::NOTES, "#s2-p3")).await?;
        check(marked == QUOTE, format!("the highlight covers {marked}"))?;
        // Highlights are invisible to screen readers: the passage says what it holds, as
        // generated content from this attribute (Firefox reports the unresolved attr() in
        // getComputedStyle, Chromium the text).
        let sr = page
            .js_string("(() => { const p = document.querySelector('#s2-p3 [data-passage]'); return p.dataset.notes + '|' + getComputedStyle(p, '::after').content; })()")
            .await?;
        check(
            sr.starts_with(&format!("批注：问题“{QUOTE}”|")) && !sr.ends_with("|none"),
            format!("screen readers hear the highlight, its kind and its text: {sr}"),
        )?;
        // A click on the highlighted text opens its note.
        page.js("(() => { const r = document.createRange(); const p = document.querySelector('#s2-p3 [data-passage]'); r.selectNodeContents(p); getSelection().removeAllRanges(); return true; })()").await?;
        page.click_text("#s2-p3", &QUOTE[3..]).await?;
        page.wait_until("document.activeElement?.classList.contains('note-editor')", "a click on the highlight to open its note").await?;
        page.press(&[ESCAPE]).await?;
        let stored = our_notes(&page.storage().await?);
        check(stored.len() == 1 && stored[0].1.contains(QUOTE) && stored[0].1.contains("\"problem\""), format!("stored: {stored:?}"))?;
        // The envelope itself is stored as JSON (through gloo-storage), never as a JSON string.
        check(stored[0].1.starts_with("{\"v\":1,\"note\":{\"id\":"), format!("stored as an envelope: {}", stored[0].1))?;
        page.wait_until("document.querySelector(\".outline-link[data-anchor='s2-p3'] .note-badge\")?.textContent === '1'", "the outline to count the note")
            .await?;
        // A new visit places it again, from storage alone.
        page.client.refresh().await.map_err(|e| e.to_string())?;
        page.wait_until(&marks::any("note-problem", "#s2-p3"), "the highlight after a reload").await?;
        page.wait_until("[...document.querySelectorAll('.note-card .kind-label')].some(l => l.textContent === '问题')", "the panel to list it with its label")
            .await?;
        // A link to a note this browser does not have (notes stay where they were written)
        // says so, and leaves the one it has alone.
        page.goto("#note-written-elsewhere").await?;
        page.wait_until("document.querySelector('[data-testid=toast]')?.textContent.includes('此浏览器中没有这条笔记')", "a word that the linked note is not here")
            .await?;
        page.wait_until(&marks::any("note-problem", "#s2-p3"), "the highlight to stay").await
    })
    .await
}

pub async fn a_note_is_written_deleted_and_restored(ctx: &Ctx) -> TestResult {
    with_page(ctx, DESKTOP, async |page: &Page| {
        page.goto("#s2-p3").await?;
        highlight(page, 'n').await?;
        page.wait_until("document.activeElement?.classList.contains('note-editor')", "the note editor to take focus").await?;
        page.type_into(".note-editor", "拆迁速度背后的群众工作值得细看").await?;
        page.wait_until(
            "Object.keys(localStorage).some(k => k.startsWith('yandu:v1:note:') && localStorage.getItem(k).includes('群众工作值得细看'))",
            "the note text to be saved",
        )
        .await?;
        page.click(".note-card .text-button.danger").await?;
        page.wait_until(&format!("!document.querySelector('.note-card') && !{}", marks::any(marks::NOTES, "#s2-p3")), "the note to be deleted").await?;
        page.wait_until("!Object.keys(localStorage).some(k => k.startsWith('yandu:v1:note:'))", "its key to be removed").await?;
        page.click("[data-testid=toast] .text-button").await?;
        page.wait_until(&format!("{} && document.querySelector('.note-text')?.textContent.includes('群众工作')", marks::any(marks::NOTES, "#s2-p3")), "undo to restore it")
            .await
    })
    .await
}

pub async fn hostile_text_stays_text_through_export_and_import(ctx: &Ctx) -> TestResult {
    let hostile = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script> [x](javascript:alert(1)) <svg onload=\"window.__pwned=3\"> 𝒳\u{202E}ǅ\u{0301}";
    let exported = with_page(ctx, DESKTOP, async |page: &Page| {
        page.goto("#s2-p3").await?;
        highlight(page, 'n').await?;
        let hostile_js = serde_json::to_string(hostile).map_err(|e| e.to_string())?;
        page.js(&format!("(() => {{ const t = document.querySelector('.note-editor'); t.value = {hostile_js}; t.dispatchEvent(new Event('input')); return true; }})()"))
            .await?;
        // Escape in the editor closes it (the editor takes focus a frame after it opens).
        page.wait_until("document.activeElement === document.querySelector('.note-editor')", "the editor to take focus").await?;
        page.press(&[ESCAPE]).await?;
        page.wait_until("!!document.querySelector('.note-text')", "the note to show as text").await?;
        let shown = page.js_string("document.querySelector('.note-text').textContent").await?;
        check(shown == hostile, "the note shows exactly what was typed")?;
        check(page.js("window.__pwned === undefined && !document.querySelector('.note-card img, .note-card script, .note-card svg')").await? == true, "no script ran, no markup was made")?;
        page.capture_downloads().await?;
        page.click("[data-testid=export-json]").await?;
        let file = page.downloaded_text().await?;
        check(file.contains("yandu-notes"), "the export is a notes file")?;
        let parsed: Value = serde_json::from_str(&file).map_err(|e| e.to_string())?;
        check(parsed["notes"][0]["text"] == hostile, "the export holds the text byte-identical")?;
        page.wait_until("document.querySelector('[data-testid=backup-line]').textContent.includes('今天')", "the last export to be shown").await?;
        Err(file)
    })
    .await;
    let file = match exported {
        Err(f) if f.contains("yandu-notes") => f,
        Err(e) => return Err(e),
        Ok(()) => return Err("no export".into()),
    };
    let path = std::env::temp_dir().join(format!("yandu-e2e-{}.json", std::process::id()));
    std::fs::write(&path, &file).map_err(|e| e.to_string())?;
    // A fresh browser profile imports it and gets the same note back.
    let result = with_page(ctx, DESKTOP, async |page: &Page| {
        page.goto("").await?;
        preview_import(page, &path, "the import preview").await?;
        let summary = page
            .js_string("document.querySelector('[data-testid=import-preview]').textContent")
            .await?;
        check(
            summary.contains("新增 1 条"),
            format!("the preview says what changes: {summary}"),
        )?;
        page.click("[data-testid=apply-import]").await?;
        // Marks are drawn near the screen: the page is at its top, the highlight further on.
        bring_into_view(page, "s2-p3").await?;
        page.wait_until(
            &marks::any(marks::NOTES, "#s2-p3"),
            "the imported highlight to be placed",
        )
        .await?;
        let text = page
            .js_string("document.querySelector('.note-text').textContent")
            .await?;
        check(text == hostile, "import gives the text back byte-identical")?;
        check(
            page.js("window.__pwned === undefined").await? == true,
            "no script ran after import",
        )?;
        // A second import of the same file changes nothing.
        preview_import(page, &path, "the second preview").await?;
        let again = page
            .js_string("document.querySelector('[data-testid=import-preview]').textContent")
            .await?;
        check(
            again.contains("新增 0 条") && again.contains("不变 1 条"),
            format!("second import: {again}"),
        )
    })
    .await;
    let _ = std::fs::remove_file(&path);
    result
}

pub async fn bad_import_files_change_nothing(ctx: &Ctx) -> TestResult {
    with_page(ctx, DESKTOP, async |page: &Page| {
        page.goto("#s2-p3").await?;
        highlight(page, '1').await?;
        let before = page.storage().await?;
        let cases = [
            ("not-json", "{ this is not json".to_string()),
            ("other-format", r#"{"format":"something-else","version":1,"notes":[]}"#.to_string()),
            ("future", r#"{"format":"yandu-notes","version":99,"notes":[]}"#.to_string()),
            ("bad-id", r#"{"format":"yandu-notes","version":1,"notes":[{"id":"<img src=x onerror=alert(1)>","target":{"type":"report"},"created":0,"updated":0}]}"#.to_string()),
        ];
        for (name, body) in cases {
            let path = std::env::temp_dir().join(format!("yandu-e2e-{name}-{}.json", std::process::id()));
            std::fs::write(&path, body).map_err(|e| e.to_string())?;
            page.type_into("[data-testid=import-file]", &path.display().to_string()).await?;
            page.wait_until("document.querySelector('[data-testid=toast]')?.textContent.includes('未导入')", &format!("{name} to be refused with a message"))
                .await?;
            let _ = std::fs::remove_file(&path);
            check(page.js("!document.querySelector('[data-testid=import-preview]')").await? == true, "no preview for a bad file")?;
            page.js("(document.querySelector('[data-testid=toast] [aria-label]').click(), true)").await?;
        }
        check(page.storage().await? == before, "storage is unchanged after bad imports")
    })
    .await
}

pub async fn corrupt_storage_is_quarantined_and_other_notes_kept(ctx: &Ctx) -> TestResult {
    with_page(ctx, DESKTOP, async |page: &Page| {
        page.goto("").await?;
        let good = r#"{"v":1,"note":{"id":"good1","target":{"type":"part","anchor":"s1-p1"},"kind":"lesson","text":"好的笔记","created":1,"updated":1}}"#;
        let bad = "{\"v\":1,\"note\":{ broken \u{1F4A5}";
        let shape = r#"{"v":1,"note":{"id":"shape1","target":"nowhere"}}"#;
        let set = format!(
            "(localStorage.setItem('yandu:v1:note:good1', {}), localStorage.setItem('yandu:v1:note:bad1', {}), localStorage.setItem('yandu:v1:note:shape1', {}), true)",
            serde_json::to_string(good).unwrap(), serde_json::to_string(bad).unwrap(), serde_json::to_string(shape).unwrap()
        );
        page.js(&set).await?;
        page.client.refresh().await.map_err(|e| e.to_string())?;
        page.wait_until("!!document.querySelector('[data-testid=quarantine]')", "a warning about unreadable data").await?;
        let warning = page.js_string("document.querySelector('[data-testid=quarantine]').textContent").await?;
        check(warning.contains("2 条"), format!("both bad values are named: {warning}"))?;
        // Each with what is wrong, in Chinese, and where.
        check(
            warning.contains("不是有效的 JSON（第 1 行") && warning.contains("不符合笔记的格式（第 1 行") && !warning.contains(" at line "),
            format!("the reasons are told in Chinese: {warning}"),
        )?;
        page.wait_until("document.querySelector('.note-text')?.textContent === '好的笔记'", "the good note to load").await?;
        let storage = page.storage().await?;
        check(storage.get("yandu:v1:note:bad1").and_then(Value::as_str) == Some(bad), "the corrupt value is left in place")?;
        let copies: Vec<&str> = storage.iter().filter(|(k, _)| k.starts_with("yandu:quarantine:")).filter_map(|(_, v)| v.as_str()).collect();
        check(copies.contains(&bad) && copies.contains(&shape), format!("byte-identical quarantine copies: {copies:?}"))?;
        // Working on other notes never touches the quarantined keys.
        page.goto("#s2-p3").await?;
        highlight(page, '2').await?;
        let after = page.storage().await?;
        check(after.get("yandu:v1:note:bad1") == storage.get("yandu:v1:note:bad1"), "the corrupt key is not overwritten")?;
        check(after.iter().filter(|(k, _)| k.starts_with("yandu:quarantine:")).count() == 2, "no new quarantine copies")
    })
    .await
}

pub async fn newer_data_opens_read_only(ctx: &Ctx) -> TestResult {
    with_page(ctx, DESKTOP, async |page: &Page| {
        page.goto("").await?;
        page.js(r#"(localStorage.setItem('yandu:v1:note:future', '{"v":2,"note":{"id":"future","shape":"new"}}'), true)"#).await?;
        page.client.refresh().await.map_err(|e| e.to_string())?;
        page.wait_until("!!document.querySelector('[data-testid=read-only]')", "the read-only notice").await?;
        let before = page.storage().await?;
        page.goto("#s2-p3").await?;
        select(page, "#s2-p3", QUOTE).await?;
        check(page.js("[...document.querySelectorAll('#selection-toolbar .sel-kind')].every(b => b.disabled)").await? == true, "highlighting is disabled")?;
        page.press(&['1']).await?;
        check(page.js(&format!("!{}", marks::any(marks::NOTES, "#reader"))).await? == true, "no highlight was made")?;
        check(page.storage().await? == before, "nothing was written")
    })
    .await
}

pub async fn a_full_quota_keeps_the_note_unsaved_until_space_is_freed(ctx: &Ctx) -> TestResult {
    with_page(ctx, DESKTOP, async |page: &Page| {
        page.goto("#s2-p3").await?;
        // Fill the origin's quota with another app's data.
        let filled = page
            .js("(() => { let name = 'never full', i = 0; for (const size of [262144, 16384, 1024, 64, 4, 1]) { const chunk = 'x'.repeat(size); for (let n = 0; n < 400; n++) { try { localStorage.setItem('other-app:fill' + (i++), chunk); } catch (e) { name = e.name; break; } } } return name; })()")
            .await?;
        check(filled == "QuotaExceededError", format!("the quota filled up ({filled})"))?;
        let before = page.storage().await?;
        highlight(page, '4').await?;
        page.wait_until("document.querySelector('[data-testid=toast]')?.textContent.includes('存储空间已满')", "a message naming the cause")
            .await?;
        page.wait_until("!!document.querySelector('[data-testid=unsaved-badge]')", "the note marked 未保存").await?;
        check(page.storage().await? == before, "storage is byte-identical after the failed save")?;
        page.js("(Object.keys(localStorage).filter(k => k.startsWith('other-app:fill')).slice(0, 20).forEach(k => localStorage.removeItem(k)), true)").await?;
        page.click("[data-testid=unsaved] .text-button").await?;
        page.wait_until("!document.querySelector('[data-testid=unsaved-badge]')", "the retry to save it").await?;
        let saved = our_notes(&page.storage().await?);
        check(saved.len() == 1 && saved[0].1.contains(QUOTE), "the note is stored after space was freed")?;
        page.js("(Object.keys(localStorage).filter(k => k.startsWith('other-app:')).forEach(k => localStorage.removeItem(k)), true)").await.map(|_| ())
    })
    .await
}

pub async fn blocked_storage_keeps_working_and_exports(ctx: &Ctx) -> TestResult {
    if ctx.engine == Engine::Webkit {
        return blocked_storage_in_webkit(ctx).await;
    }
    with_page(ctx, DESKTOP, async |page: &Page| {
        page.visit("__e2e__/sandboxed.html").await?;
        let frame = page
            .client
            .find(fantoccini::Locator::Css("#app"))
            .await
            .map_err(|e| e.to_string())?;
        frame.enter_frame().await.map_err(|e| e.to_string())?;
        page.wait_until(APP_READY, "the app to run in the sandboxed frame")
            .await?;
        notes_work_without_storage(page).await
    })
    .await
}

/// WebKit applies the page's CSP 'self' to a sandboxed frame's opaque origin, so nothing of
/// the app loads in the frame above. Instead storage is blocked the way Safari's "block all
/// cookies" does it, before the wasm runs: reading `localStorage` throws SecurityError.
async fn blocked_storage_in_webkit(ctx: &Ctx) -> TestResult {
    with_wasm_held(ctx, DESKTOP, async |page: &Page, server: &StaticServer| {
        page.visit("").await?;
        page.wait_parsed("").await?;
        page.js("(Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } }), true)")
            .await?;
        server.release();
        page.wait_until(APP_READY, "the app to start").await?;
        notes_work_without_storage(page).await
    })
    .await
}

/// The app says saving is unavailable, keeps a new note in memory, and exports it.
async fn notes_work_without_storage(page: &Page) -> TestResult {
    page.wait_until(
        "!!document.querySelector('[data-testid=storage-unavailable]')",
        "the message that saving is unavailable",
    )
    .await?;
    page.capture_downloads().await?;
    select(page, "#s2-p3", QUOTE).await?;
    page.click("#selection-toolbar [data-kind=question]")
        .await?;
    page.wait_until(
        &marks::any("note-question", "#reader"),
        "the highlight, kept in memory",
    )
    .await?;
    page.click("[data-testid=export-json]").await?;
    let file = page.downloaded_text().await?;
    check(
        file.contains(QUOTE) && file.contains("question"),
        "export still gives every note",
    )
}

pub async fn two_tabs_keep_both_edits(ctx: &Ctx) -> TestResult {
    with_page(ctx, DESKTOP, async |page: &Page| {
        page.goto("#s2-p3").await?;
        let first = page.client.window().await.map_err(|e| e.to_string())?;
        let second = page.client.new_window(false).await.map_err(|e| e.to_string())?.handle;
        page.client.switch_to_window(second.clone()).await.map_err(|e| e.to_string())?;
        page.goto("#s3-p2").await?;
        // Tab B writes a note on 三、二是.
        select(page, "#s3-p2", "可以登记常住户口").await?;
        page.press(&['2']).await?;
        page.wait_until(&marks::any(marks::NOTES, "#s3-p2"), "tab B's highlight").await?;
        // Tab A writes another, and sees B's through the storage event (marks are drawn near
        // the screen: each part is brought to it first).
        page.client.switch_to_window(first.clone()).await.map_err(|e| e.to_string())?;
        bring_into_view(page, "s3-p2").await?;
        page.wait_until(&marks::any(marks::NOTES, "#s3-p2"), "tab A to see tab B's note").await?;
        bring_into_view(page, "s2-p3").await?;
        highlight(page, '1').await?;
        page.client.switch_to_window(second.clone()).await.map_err(|e| e.to_string())?;
        bring_into_view(page, "s2-p3").await?;
        page.wait_until(&marks::any(marks::NOTES, "#s2-p3"), "tab B to have tab A's note").await?;
        bring_into_view(page, "s3-p2").await?;
        page.wait_until(&marks::any(marks::NOTES, "#s3-p2"), "tab B to keep its own").await?;
        check(our_notes(&page.storage().await?).len() == 2, "both edits survive in storage")?;
        // The same note edited in both tabs: the last edit shows in both.
        page.client.switch_to_window(second.clone()).await.map_err(|e| e.to_string())?;
        edit_quote_note(page, "来自标签页B").await?;
        page.client.switch_to_window(first.clone()).await.map_err(|e| e.to_string())?;
        page.wait_until("[...document.querySelectorAll('.note-text, .note-editor')].some(e => (e.value || e.textContent) === '来自标签页B')", "tab A to show B's edit").await?;
        edit_quote_note(page, "来自标签页A，最后一次").await?;
        page.client.switch_to_window(second).await.map_err(|e| e.to_string())?;
        page.wait_until("[...document.querySelectorAll('.note-text, .note-editor')].some(e => (e.value || e.textContent) === '来自标签页A，最后一次')", "tab B to show the last edit").await
    })
    .await
}

/// Scrolls the part `id` to the top of the screen.
async fn bring_into_view(page: &Page, id: &str) -> TestResult {
    page.js(&format!(
        "(document.getElementById({id:?}).scrollIntoView(), true)"
    ))
    .await?;
    Ok(())
}

/// Opens the editor of the note on `QUOTE` and replaces its text.
async fn edit_quote_note(page: &Page, text: &str) -> TestResult {
    // The click runs after the script has returned, and the script is safe to repeat: once in
    // CI, WebKitWebDriver could not parse the result of a script that clicked here in a second
    // window ("Could not parse script result"), and such a failure says nothing of the app.
    let open = format!("(() => {{ if (document.querySelector('.note-editor')) return true; const c = [...document.querySelectorAll('.note-card')].find(c => c.textContent.includes('{QUOTE}')); const b = c && [...c.querySelectorAll('button')].find(b => b.textContent === '编辑'); if (b) setTimeout(() => b.click()); return !!b; }})()");
    let mut tries = 0;
    loop {
        tries += 1;
        match page.js(&open).await {
            Ok(found) => {
                check(found == true, "the note's card has its 编辑 button")?;
                break;
            }
            Err(e) if tries < 3 && e.contains("Could not parse script result") => continue,
            Err(e) => return Err(e),
        }
    }
    page.wait_until(
        "!!document.querySelector('.note-editor')",
        "the note editor",
    )
    .await?;
    page.js(&format!("(() => {{ const t = document.querySelector('.note-editor'); t.value = '{text}'; t.dispatchEvent(new Event('input')); return true; }})()"))
        .await
        .map(|_| ())
}

pub async fn phone_toolbar_docks_and_panel_opens(ctx: &Ctx) -> TestResult {
    with_page(ctx, PHONE, async |page: &Page| {
        page.goto("#s2-p3").await?;
        select(page, "#s2-p3", QUOTE).await?;
        // With a finger, or in a window narrower than its one row (476px), the toolbar docks at
        // the bottom; with a mouse it floats by the selection.
        let placed = page
            .js("(() => { const r = document.getElementById('selection-toolbar').getBoundingClientRect(); const s = getSelection().getRangeAt(0).getBoundingClientRect(); const docked = Math.abs(r.bottom - innerHeight) < 2 && r.left <= 1; const dock = matchMedia('(pointer: coarse)').matches || innerWidth < 476; return dock ? docked : (!docked && (r.bottom <= s.top || r.top >= s.bottom)); })()")
            .await?;
        check(placed == true, "the toolbar docks on touch screens and narrow windows, and floats by the selection otherwise")?;
        page.click("#selection-toolbar .sel-note").await?;
        page.wait_until("document.getElementById('notes-panel').dataset.open === 'true'", "the notes panel to open for the note").await?;
        let wide = page.js_f64("document.documentElement.scrollWidth - innerWidth").await?;
        check(wide <= 0.0, "nothing sticks out sideways")?;
        // A toast (here the undo of a delete) leaves the sheet's buttons within reach: with the
        // sheet scrolled to its end, none of its footer's buttons is under the toast.
        // Once the sheet has slid in: a tap while it moves can miss.
        page.wait_until(
            "getComputedStyle(document.getElementById('notes-panel')).transform === 'none'",
            "the sheet to have slid in",
        )
        .await?;
        page.click(".note-card .text-button.danger").await?;
        page.wait_until("!!document.querySelector('[data-testid=toast]')", "the undo toast").await?;
        let reachable = "(() => { const p = document.getElementById('notes-panel'); p.scrollTop = p.scrollHeight; const t = document.querySelector('[data-testid=toast]').getBoundingClientRect(); const b = [...document.querySelectorAll('.notes-footer button')]; return b.length > 0 && b.every(e => e.getBoundingClientRect().bottom <= t.top); })()";
        page.wait_until(reachable, "the sheet's buttons to sit above the toast").await
    })
    .await
}

pub async fn a_week_without_backup_brings_a_reminder_once_a_day(ctx: &Ctx) -> TestResult {
    with_page(ctx, DESKTOP, async |page: &Page| {
        page.goto("").await?;
        let old_export = r#"{"v":1,"meta":{"last_export":1000,"persist_asked":true}}"#;
        let note = r#"{"v":1,"note":{"id":"kept1","target":{"type":"report"},"kind":null,"text":"一条旧笔记","created":1,"updated":1}}"#;
        page.js(&format!(
            "(localStorage.setItem('yandu:v1:meta', {}), localStorage.setItem('yandu:v1:note:kept1', {}), true)",
            serde_json::to_string(old_export).map_err(|e| e.to_string())?,
            serde_json::to_string(note).map_err(|e| e.to_string())?
        ))
        .await?;
        page.client.refresh().await.map_err(|e| e.to_string())?;
        page.wait_until(
            "(document.querySelector('[data-testid=toast]')?.textContent || '').includes('天没有导出备份')",
            "a reminder to back up",
        )
        .await?;
        let line = page.js_string("document.querySelector('[data-testid=backup-line]').textContent").await?;
        check(line.contains("天前"), format!("the panel says when notes were last exported: {line}"))?;
        page.client.refresh().await.map_err(|e| e.to_string())?;
        page.wait_until(APP_READY, "the app to start again").await?;
        page.wait_until("performance.getEntriesByName('yandu:notes-drawn').length > 0", "the notes to load again").await?;
        check(page.js("!document.querySelector('[data-testid=toast]')").await? == true, "no second reminder the same day")
    })
    .await
}
