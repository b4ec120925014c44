//! Benchmark (prints numbers; asserts nothing): with 10,000 notes stored, the time from
//! navigation start to the notes panel drawn, and what one edit writes to localStorage.
//! Usage: `trunk build --release && cargo run -p yandu-e2e --release --bin bench_notes`.

use std::path::PathBuf;

use yandu_e2e::driver::{DriverProcess, Engine};
use yandu_e2e::page::Page;
use yandu_e2e::server::StaticServer;

const NOTES: usize = 10_000;
const RUNS: usize = 5;

/// Seeds `NOTES` notes: quotes taken from the reader's own passages, and part notes.
const SEED: &str = r#"(() => {
    const parts = [...document.querySelectorAll('#reader [id^="s"], #reader #intro, #reader #closing')].filter(e => /^(s\d+(-p\d+)?|intro|closing)$/.test(e.id));
    let n = 0;
    for (let i = 0; i < NOTES; i++) {
        const part = parts[i % parts.length];
        const text = part.textContent;
        const at = (i * 7) % Math.max(1, text.length - 12);
        const quote = text.slice(at, at + 8);
        const target = i % 4 === 0
            ? { type: 'part', anchor: part.id }
            : { type: 'quote', anchor: part.id, quote, prefix: text.slice(Math.max(0, at - 24), at), suffix: text.slice(at + 8, at + 32), offset: at };
        const note = { id: 'bench' + i, target, kind: ['practice', 'result', 'problem', 'lesson', 'question'][i % 5], text: '第' + i + '条笔记：' + quote, created: 1700000000000 + i, updated: 1700000000000 + i };
        localStorage.setItem('yandu:v1:note:bench' + i, JSON.stringify({ v: 1, note }));
        n++;
    }
    return n;
})()"#;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[v.len() / 2]
}

#[tokio::main]
async fn main() -> Result<(), String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..");
    let server = StaticServer::start(&root.join("dist"), "/").map_err(|e| e.to_string())?;
    let driver = DriverProcess::start(Engine::Chromium)?;
    let page = Page::open(Engine::Chromium, &driver.url, &server.base_url, 1280, 800).await?;
    page.goto("").await?;
    let seeded = page.js(&SEED.replace("NOTES", &NOTES.to_string())).await?;
    let stored_bytes = page.js_f64("Object.keys(localStorage).reduce((s, k) => s + (k.length + localStorage.getItem(k).length) * 2, 0)").await?;
    let mut drawn = Vec::new();
    let mut cards = 0.0;
    for _ in 0..RUNS {
        page.client.refresh().await.map_err(|e| e.to_string())?;
        page.wait_until(
            "performance.getEntriesByName('yandu:notes-drawn').length > 0",
            "the notes to be drawn",
        )
        .await?;
        drawn.push(
            page.js_f64("performance.getEntriesByName('yandu:notes-drawn')[0].startTime")
                .await?,
        );
        cards = page
            .js_f64("document.querySelectorAll('.note-card').length")
            .await?;
    }
    // One edit: count what reaches localStorage.
    page.js("(() => { window.__w = { keys: 0, bytes: 0 }; const set = Storage.prototype.setItem; Storage.prototype.setItem = function (k, v) { window.__w.keys++; window.__w.bytes += (k.length + v.length) * 2; return set.call(this, k, v); }; return true; })()").await?;
    page.js("(() => { const c = document.querySelector('.note-card'); [...c.querySelectorAll('button')].find(b => b.textContent === '编辑').click(); return true; })()").await?;
    page.wait_until("!!document.querySelector('.note-editor')", "the editor")
        .await?;
    let t0 = page.js_f64("performance.now()").await?;
    page.js("(() => { const t = document.querySelector('.note-editor'); t.value += '（改）'; t.dispatchEvent(new Event('input')); return true; })()").await?;
    page.wait_until("window.__w.keys > 0", "the edit to be written")
        .await?;
    let edit_ms = page.js_f64("performance.now()").await? - t0;
    let keys = page.js_f64("window.__w.keys").await?;
    let bytes = page.js_f64("window.__w.bytes").await?;
    // A second edit: the first one of a visit also records, once, that persistence was asked.
    page.js("(() => { window.__w = { keys: 0, bytes: 0 }; const t = document.querySelector('.note-editor'); t.value += '再改'; t.dispatchEvent(new Event('input')); return true; })()").await?;
    page.wait_until("window.__w.keys > 0", "the second edit to be written")
        .await?;
    let keys2 = page.js_f64("window.__w.keys").await?;
    let bytes2 = page.js_f64("window.__w.bytes").await?;
    println!("notes seeded            {seeded}");
    println!(
        "localStorage in use     {:.1} MB (UTF-16)",
        stored_bytes / 1_048_576.0
    );
    println!("cards drawn             {cards}");
    println!(
        "load → panel drawn      median {:.0} ms over {RUNS} loads ({:?})",
        median(drawn.clone()),
        drawn.iter().map(|d| d.round()).collect::<Vec<_>>()
    );
    println!("first edit writes       {keys} key(s), {bytes} bytes (the note, and once per visit the settings)");
    println!("next edit writes        {keys2} key(s), {bytes2} bytes");
    println!("one edit, input → saved {edit_ms:.0} ms (includes WebDriver polling)");
    page.close().await;
    Ok(())
}
