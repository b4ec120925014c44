//! The benchmark (prints numbers, asserts nothing; `./scripts/bench` builds and runs it):
//!
//! - `bench generate OUT` writes a 1 MB report of the genre (for the search measurement);
//! - `bench run DIST DIST_1MB` measures, in headless Chromium on 127.0.0.1: what a first
//!   visit downloads; text on screen for the app and for a plain HTML page of the same text,
//!   alternated, each load in a fresh profile; navigation to the app being interactive;
//!   keystroke to search hits painted (seed and 1 MB); a change of text size; notes load and
//!   edit with 10,000 notes;
//!   Lighthouse's mobile scores if it is installed. Prints a table and writes BENCHMARKS.md.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{json, Value};
use yandu_e2e::driver::{DriverProcess, Engine};
use yandu_e2e::page::Page;
use yandu_e2e::server::StaticServer;
use yandu_e2e::sizes::{first_visit, gzip_len};
use yandu_e2e::stats::{median, p95};

const LOADS: usize = 15;
/// Loads of each page per profile in the phone section (each throttled load takes seconds).
const PHONE_LOADS: usize = 5;
const NOTES: usize = 10_000;
/// Loads of each page for the change of text size (three changes each).
const DISPLAY_LOADS: usize = 5;
const NOTE_LOADS: usize = 7;
/// Six rounds of the queries, 144 keystrokes per report: with three, the 1 MB p95 (the fourth
/// slowest keystroke) moved between 52 and 100 ms across identical runs.
const SEARCH_ROUNDS: usize = 6;
/// Typed one character at a time: short and long, common and rare, and one that finds nothing.
const QUERIES: [&str; 8] = [
    "城乡",
    "新型城镇化",
    "棚改旧改",
    "XX",
    "小城镇",
    "农民",
    "产城融合",
    "量子",
];
const DESKTOP: (u32, u32) = (1280, 800);

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

#[tokio::main]
async fn main() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["generate", out] => {
            let seed = std::fs::read_to_string(root().join("content/report.txt"))
                .map_err(|e| e.to_string())?;
            let text = yandu_e2e::genre::generate(&seed, 1 << 20);
            if let Some(dir) = Path::new(out).parent() {
                std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
            }
            std::fs::write(out, &text).map_err(|e| e.to_string())?;
            println!("bench: wrote {out} ({} bytes)", text.len());
            Ok(())
        }
        ["run", dist, big, only @ ..] => run(Path::new(dist), Path::new(big), only).await,
        _ => Err("usage: bench generate OUT | bench run DIST DIST_1MB [parse|load|phone|search|notes|lighthouse ...]".into()),
    }
}

struct Row {
    what: String,
    median: String,
    p95: String,
    note: String,
}

fn ms_row(what: &str, samples: &[f64], note: impl Into<String>) -> Row {
    Row {
        what: what.into(),
        median: format!("{:.1} ms", median(samples)),
        p95: format!("{:.1} ms", p95(samples)),
        note: note.into(),
    }
}

/// Runs every measurement, or only those named in `only` (then BENCHMARKS.md is left alone).
async fn run(dist: &Path, big: &Path, only: &[&str]) -> Result<(), String> {
    let wants = |section: &str| only.is_empty() || only.contains(&section);
    let mut rows = Vec::new();
    let mut report = String::new();

    // Size: deterministic, from the files.
    let files = first_visit(dist)?;
    let total: usize = files.iter().map(|f| f.gzip).sum();
    let single =
        std::fs::read(dist.join("single/yandu.html")).map_err(|e| format!("single file: {e}"))?;
    writeln!(report, "## Size\n\nEverything a first visit downloads (the page, every file the service worker precaches, the worker), gzip -9:\n").ok();
    writeln!(report, "| file | bytes | gzip |\n|---|---:|---:|").ok();
    for f in &files {
        writeln!(report, "| {} | {} | {} |", f.name, f.raw, f.gzip).ok();
    }
    writeln!(
        report,
        "| **total** | {} | **{}** |\n",
        files.iter().map(|f| f.raw).sum::<usize>(),
        total
    )
    .ok();
    writeln!(
        report,
        "Single-file edition `single/yandu.html` (not part of a visit): {} bytes, {} gzip.\n",
        single.len(),
        gzip_len(&single)
    )
    .ok();

    // The plain page: the same text, one <p> per line, no styles, no scripts.
    let plain_dir = std::env::temp_dir().join(format!("yandu-bench-plain-{}", std::process::id()));
    std::fs::create_dir_all(&plain_dir).map_err(|e| e.to_string())?;
    let source =
        std::fs::read_to_string(root().join("content/report.txt")).map_err(|e| e.to_string())?;
    std::fs::write(plain_dir.join("plain.html"), plain_page(&source)).map_err(|e| e.to_string())?;
    let server = StaticServer::start_with(
        dist,
        "/",
        vec![("/__plain__/".to_string(), plain_dir.clone())],
    )
    .map_err(|e| e.to_string())?;
    let big_server = StaticServer::start(big, "/").map_err(|e| e.to_string())?;
    // As a static host serves them: compressed (Lighthouse's slow network is simulated from the
    // bytes that cross the wire).
    server.set_gzip(true);
    big_server.set_gzip(true);
    let driver = DriverProcess::start(Engine::Chromium)?;

    // Parsing and the whole summary, natively (the wasm runs the same code on the report).
    if wants("parse") {
        let big_text = yandu_e2e::genre::generate(&source, 1 << 20);
        let fixture = std::fs::read_to_string(root().join("tests/fixtures/genre/work-report.txt"))
            .map_err(|e| e.to_string())?;
        for (what, text) in [
            ("parse + whole summary: the seed", &source),
            ("parse + whole summary: three-level fixture", &fixture),
            ("parse + whole summary: 1 MB report of the genre", &big_text),
        ] {
            let samples = parse_and_summarise(text, 30);
            rows.push(ms_row(
                what,
                &samples,
                format!(
                    "native, release; {} bytes: tree, passages, timeline, figures, honours, terms, masks, themes, outline, glossary ranges, search index",
                    text.len()
                ),
            ));
        }
    }

    // Text on screen (first contentful paint), alternating which page goes first.
    if wants("load") {
        let (mut plain, mut app, mut ready) = (Vec::new(), Vec::new(), Vec::new());
        for i in 0..LOADS {
            let order = if i % 2 == 0 {
                [false, true]
            } else {
                [true, false]
            };
            for is_app in order {
                let (path, mark) = if is_app {
                    ("", Some("yandu:ready"))
                } else {
                    ("__plain__/plain.html", None)
                };
                let after = mark.map_or(After::Nothing, After::Mark);
                let (fcp, at_ready) = timed_load(&driver, &server, path, after, false).await?;
                match at_ready {
                    Some(r) => {
                        ready.push(r);
                        app.push(fcp);
                    }
                    None => plain.push(fcp),
                }
            }
        }
        let ratio = median(&app) / median(&plain);
        rows.push(ms_row(
            "text on screen: plain HTML page (FCP)",
            &plain,
            format!("{LOADS} loads, fresh profile each"),
        ));
        rows.push(ms_row(
            "text on screen: Yandu (FCP)",
            &app,
            format!(
                "ratio to plain {ratio:.2}x (median), {:.2}x (p95)",
                p95(&app) / p95(&plain)
            ),
        ));
        rows.push(ms_row(
            "navigation → interactive (widgets mounted, handlers attached)",
            &ready,
            "the app's yandu:ready mark",
        ));
    }

    // The phone profile of Lighthouse's mobile run (1.6 Mbit/s down, 750 kbit/s up, 150 ms
    // round trips, the CPU slowed 4x, a 412x823 phone screen), applied by DevTools to real
    // loads: the plain page, the peer (the plain page with npm libraries for search marks and
    // stored highlights, bundled by esbuild) and Yandu, in turn, a fresh profile each.
    if wants("phone") {
        let peer_bytes = build_peer(&plain_dir, &source)?;
        // Yandu three times: once until the app is ready (search and notes answer from then on),
        // once with the outline tapped as soon as the text was seen painted (its drawer answers
        // before the app, web/before-app.js), once with the page's first glossary term tapped
        // so (explained before the app too); the taps on the phone profile only. The first tap
        // answered is a time from the navigation's start.
        let pages = [
            ("plain HTML page", "__plain__/plain.html", After::Nothing),
            (
                "peer (plain page + mark.js + @recogito/text-annotator)",
                "__plain__/peer.html",
                After::Mark("peer:ready"),
            ),
            ("Yandu", "", After::Mark("yandu:ready")),
            (
                "Yandu",
                "",
                After::Tap(TAP_OUTLINE, "the outline drawer", "#outline-toggle"),
            ),
            (
                "Yandu",
                "",
                After::Tap(TAP_TERM, "a glossary term", "#gloss-popover"),
            ),
        ];
        for (profile, throttled) in [("phone profile", true), ("desktop, unthrottled", false)] {
            let mut fcp = vec![Vec::new(); pages.len()];
            let mut answered = vec![Vec::new(); pages.len()];
            for i in 0..PHONE_LOADS {
                for k in 0..pages.len() {
                    let which = (i + k) % pages.len();
                    let (_, path, after) = pages[which];
                    // Taps on the phone profile only. Wide screens show the outline beside the
                    // text (there is no drawer to tap), and unthrottled the app is ready about
                    // 300 ms after the navigation, before the paint is seen and a tap sent
                    // through WebDriver: the tap would time WebDriver's round trips.
                    if matches!(after, After::Tap(..)) && !throttled {
                        continue;
                    }
                    let (f, r) = timed_load(&driver, &server, path, after, throttled).await?;
                    fcp[which].push(f);
                    if let Some(r) = r {
                        answered[which].push(r);
                    }
                }
            }
            for (which, (name, _, after)) in pages.iter().enumerate() {
                let to_peer = median(&answered[which]) / median(&answered[1]);
                if let After::Tap(_, what, _) = after {
                    if answered[which].is_empty() {
                        continue;
                    }
                    rows.push(ms_row(
                        &format!("{profile}: first tap answered, {name}: {what}"),
                        &answered[which],
                        format!(
                            "tapped once the text was seen painted (at {:.0} ms, median); the frame showing the answer; {to_peer:.2}x the peer",
                            median(&fcp[which])
                        ),
                    ));
                    continue;
                }
                let ratio = median(&fcp[which]) / median(&fcp[0]);
                let size = match which {
                    1 => format!("; peer script and style {peer_bytes} B gzip"),
                    2 => format!("; first visit {total} B gzip"),
                    _ => String::new(),
                };
                rows.push(ms_row(
                    &format!("{profile}: text painted (FCP), {name}"),
                    &fcp[which],
                    format!("{PHONE_LOADS} loads in turn; {ratio:.2}x the plain page{size}"),
                ));
                if let After::Mark(mark) = after {
                    let (what, versus) = if which == 1 {
                        (String::new(), String::new())
                    } else {
                        (
                            ": search, notes".to_string(),
                            format!(" (the app ready); {to_peer:.2}x the peer"),
                        )
                    };
                    rows.push(ms_row(
                        &format!("{profile}: first tap answered, {name}{what}"),
                        &answered[which],
                        format!("its `{mark}` mark{versus}"),
                    ));
                }
            }
        }
    }

    // Search: keystroke → hits painted.
    // A change of 字号 (the display settings) on the phone profile's CPU (slowed 4x) and screen:
    // from the tap to the first frame drawn at the new size, against the plain page set in the
    // same sizes (its body's font size). The whole text wraps anew either way.
    if wants("display") {
        let mut plain = Vec::new();
        let mut app = Vec::new();
        for i in 0..DISPLAY_LOADS {
            for k in 0..2 {
                let yandu = (i + k) % 2 == 1;
                let page = open(&driver, &server.base_url).await?;
                phone_cpu_and_screen(&page).await?;
                if yandu {
                    page.goto("#s2-p3").await?;
                    page.click("#display-toggle").await?;
                    page.wait_until(
                        "!document.getElementById('display-panel').hidden",
                        "the display settings",
                    )
                    .await?;
                } else {
                    page.visit("__plain__/plain.html").await?;
                    page.js("(document.querySelectorAll('p')[Math.floor(document.querySelectorAll('p').length / 2)].scrollIntoView(), true)")
                        .await?;
                }
                for size in ["larger", "standard", "large"] {
                    let script = SIZE_CHANGE
                        .replace("SIZE", size)
                        .replace("YANDU", if yandu { "true" } else { "false" });
                    let took = page
                        .client
                        .execute_async(&script, vec![])
                        .await
                        .map_err(|e| format!("a change of size: {e}"))?;
                    let took = took.as_f64().ok_or("a change of size: no time")?;
                    if yandu {
                        app.push(took);
                    } else {
                        plain.push(took);
                    }
                }
                page.close().await;
            }
        }
        rows.push(ms_row(
            "phone CPU: a change of text size, plain page (its body's font size)",
            &plain,
            format!(
                "{DISPLAY_LOADS} loads, 3 changes each; the tap to the frame drawn at the new size"
            ),
        ));
        rows.push(ms_row(
            "phone CPU: a change of text size, Yandu (字号 in the display settings)",
            &app,
            format!(
                "the same; {:.2}x the plain page (the reading place kept, the choice stored)",
                median(&app) / median(&plain)
            ),
        ));
    }

    if wants("search") {
        // The floor: a keystroke in a bare input on the plain page, timed the same way. The
        // paint waits for the next frame whatever the page does, so no app can measure below it.
        let page = open(&driver, &server.base_url).await?;
        page.visit("__plain__/plain.html").await?;
        let keystrokes = SEARCH_ROUNDS * QUERIES.iter().map(|q| q.chars().count()).sum::<usize>();
        let floor = page
            .client
            .execute_async(TYPE_IN_BARE_INPUT, vec![json!(keystrokes)])
            .await
            .map_err(|e| format!("bare input timing: {e}"))?;
        let floor: Vec<f64> = floor
            .as_array()
            .into_iter()
            .flatten()
            .map(|t| t.as_f64().unwrap_or(f64::NAN))
            .collect();
        rows.push(ms_row(
            "keystroke → painted, a bare input on the plain page",
            &floor,
            format!(
                "the floor for the search rows: {} keystrokes, no handler; the paint waits for the next frame",
                floor.len()
            ),
        ));
        page.close().await;
        for (name, url, note) in [
            (
                "search keystroke → painted, seed report",
                server.base_url.clone(),
                "budget: one frame, 16 ms",
            ),
            (
                "search keystroke → painted, 1 MB report",
                big_server.base_url.clone(),
                "budget: 50 ms at p95",
            ),
        ] {
            let page = open(&driver, &url).await?;
            page.goto("").await?;
            let (mut visible, mut all) = (Vec::new(), Vec::new());
            let mut hits = 0.0_f64;
            for _ in 0..SEARCH_ROUNDS {
                for q in QUERIES {
                    let out = page
                        .client
                        .execute_async(TYPE_AND_TIME, vec![json!(q)])
                        .await
                        .map_err(|e| format!("search timing: {e}"))?;
                    for sample in out.as_array().into_iter().flatten() {
                        visible.push(sample[0].as_f64().unwrap_or(f64::NAN));
                        all.push(sample[1].as_f64().unwrap_or(f64::NAN));
                        hits = hits.max(sample[2].as_f64().unwrap_or(0.0));
                    }
                }
            }
            let chars = page
                .js_f64("document.getElementById('reader').textContent.length")
                .await?;
            rows.push(ms_row(
                name,
                &visible,
                format!(
                    "{note}; {} keystrokes, reader {chars:.0} chars, up to {hits:.0} hits; the frame after the keystroke, with the hits on screen drawn; {:.1} ms above the floor (median)",
                    visible.len(),
                    median(&visible) - median(&floor)
                ),
            ));
            rows.push(ms_row(
                &format!("{name}, every passage's hits updated"),
                &all,
                "until the last batch of off-screen passages is done (the app's yandu:marks-drawn mark); hits far from the screen are drawn as they come near it",
            ));
            page.close().await;
        }
    }

    // Notes: 10,000 stored.
    if wants("notes") {
        let t = notes(&driver, &server).await?;
        rows.push(ms_row(
            "notes: load → panel drawn, 10,000 notes",
            &t.drawn,
            format!(
                "{NOTE_LOADS} loads; from the app starting to load them to the frame after the panel and the highlights are drawn; {:.1} ms of it reading and decoding storage (median)",
                median(&t.read)
            ),
        ));
        rows.push(ms_row(
            "notes: navigation → panel drawn, 10,000 notes",
            &t.since_navigation,
            "the same loads, start-up included",
        ));
        rows.push(Row {
            what: "notes: one edit writes".into(),
            median: t.edit.clone(),
            p95: String::new(),
            note: "bytes counted at localStorage.setItem".into(),
        });
    }

    let lighthouse = if wants("lighthouse") {
        lighthouse(&server.base_url)
    } else {
        "not run".to_string()
    };
    drop(driver);
    let _ = std::fs::remove_dir_all(&plain_dir);

    let mut table = String::from("| measurement | median | p95 | notes |\n|---|---:|---:|---|\n");
    for r in &rows {
        writeln!(
            table,
            "| {} | {} | {} | {} |",
            r.what, r.median, r.p95, r.note
        )
        .ok();
    }
    println!("{table}");
    println!(
        "first visit: {total} bytes gzip; single file {} bytes",
        single.len()
    );
    println!("{lighthouse}");

    if !only.is_empty() {
        return Ok(());
    }
    let md = format!(
        "# Benchmarks\n\nWritten by `./scripts/bench` on {}. Headless Chromium on 127.0.0.1, release build, served gzipped as a static host does.\n\n## Machine\n\n{}\n## Timings\n\n{table}\n{report}## Lighthouse (mobile)\n\n{lighthouse}\n",
        now(),
        machine()
    );
    std::fs::write(root().join("BENCHMARKS.md"), md).map_err(|e| e.to_string())?;
    println!("bench: wrote BENCHMARKS.md");
    Ok(())
}

/// Makes `arguments[0]` keystrokes in an input with no handler, timed as TYPE_AND_TIME does.
const TYPE_IN_BARE_INPUT: &str = r#"
const done = arguments[arguments.length - 1];
const keystrokes = arguments[0];
const input = document.body.appendChild(document.createElement('input'));
const painted = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
(async () => {
  input.focus();
  await painted();
  const out = [];
  for (let i = 1; i <= keystrokes; i++) {
    const t0 = performance.now();
    input.value = '字'.repeat(i % 8);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await painted();
    out.push(performance.now() - t0);
  }
  done(out);
})();
"#;

/// Types `arguments[0]` one character at a time into the search box; for each keystroke:
/// the time from the input event to the frame after it (what is then on screen: the hits in
/// view), the time until the app marks every hit as drawn (`yandu:marks-drawn`, set after the
/// paint of the last batch), and the number of hits the search box reports.
const TYPE_AND_TIME: &str = r#"
const done = arguments[arguments.length - 1];
const chars = [...arguments[0]];
const input = document.getElementById('search-input');
const painted = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
const total = () => {
  const m = document.querySelector('[data-testid=search-count]').textContent.match(/\/\s*(\d+)/);
  return m ? Number(m[1]) : 0;
};
const drawnSince = t0 => performance.getEntriesByName('yandu:marks-drawn').find(e => e.startTime > t0);
// The time of the app's mark once every mark of a change made at t0 is drawn, or null when
// there were no hits before or after (nothing redrawn, so the app sets no mark).
const settled = async t0 => {
  if (total() === 0 && !document.querySelector('#reader mark.hit')) return null;
  let drawn = drawnSince(t0);
  while (!drawn && performance.now() - t0 < 5000) {
    await painted();
    drawn = drawnSince(t0);
  }
  return drawn ? drawn.startTime : null;
};
const type = value => {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
};
(async () => {
  // As when typing: the box has the focus; the last query's marks are gone before timing.
  input.focus();
  const cleared = performance.now();
  type('');
  await painted();
  await settled(cleared);
  const out = [];
  for (let i = 1; i <= chars.length; i++) {
    performance.clearMarks('yandu:marks-drawn');
    const t0 = performance.now();
    type(chars.slice(0, i).join(''));
    await painted();
    const visible = performance.now() - t0;
    const drawn = await settled(t0);
    out.push([visible, drawn === null ? visible : drawn - t0, total()]);
  }
  done(out);
})();
"#;

/// A fresh headless Chromium session (a new profile: nothing cached) at desktop size.
/// Times `runs` rounds of parsing `text` and deriving everything the overview and the reader
/// show from it, in milliseconds.
fn parse_and_summarise(text: &str, runs: usize) -> Vec<f64> {
    use yandu::report::{passages, Document};
    use yandu::summary::{glossary, profile, redactions, search, terms, themes, timeline, Outline};
    (0..runs)
        .map(|_| {
            let t0 = std::time::Instant::now();
            let doc = Document::parse(text);
            let ps = passages(&doc);
            let work = (
                timeline::ordered(timeline::timeline(&ps)),
                profile::key_figures(&ps),
                profile::honours(&ps),
                profile::pilot_status(&ps),
                terms::quoted_terms(&ps),
                redactions::counts(&redactions::masked_values(&ps)),
                themes::themes(&doc, &ps),
                Outline::of(&doc),
                ps.iter()
                    .map(glossary::gloss_ranges)
                    .map(|g| g.len())
                    .sum::<usize>(),
                search::SearchIndex::new(&ps),
            );
            std::hint::black_box(&work);
            t0.elapsed().as_secs_f64() * 1000.0
        })
        .collect()
}

async fn open(driver: &DriverProcess, base_url: &str) -> Result<Page, String> {
    Page::open(
        Engine::Chromium,
        &driver.url,
        base_url,
        DESKTOP.0,
        DESKTOP.1,
    )
    .await
}

/// Writes the peer next to the plain page: `peer.html` (the plain page with a search box, its
/// text in `<main id="report">`), and `peer.js` / `peer.css` bundled and minified by esbuild from
/// `tools/bench/peer/peer.js`. Returns the script and style's size, gzip.
fn build_peer(dir: &Path, source: &str) -> Result<usize, String> {
    let esbuild = root().join("tools/node_modules/.bin/esbuild");
    let out = Command::new(&esbuild)
        .arg(root().join("tools/bench/peer/peer.js"))
        .args([
            "--bundle",
            "--minify",
            "--format=iife",
            "--log-level=warning",
        ])
        .arg(format!("--outdir={}", dir.display()))
        .output()
        .map_err(|e| format!("{}: {e}", esbuild.display()))?;
    if !out.status.success() {
        return Err(format!("esbuild: {}", String::from_utf8_lossy(&out.stderr)));
    }
    let page = plain_page(source)
        .replacen(
            "<title>plain</title></head><body>\n",
            "<title>peer</title><link rel=\"stylesheet\" href=\"peer.css\"><script defer src=\"peer.js\"></script></head><body>\n<input id=\"q\" type=\"search\" aria-label=\"搜索\">\n<main id=\"report\">\n",
            1,
        )
        .replacen("</body>", "</main></body>", 1);
    std::fs::write(dir.join("peer.html"), page).map_err(|e| e.to_string())?;
    let mut bytes = 0;
    for name in ["peer.js", "peer.css"] {
        bytes += gzip_len(&std::fs::read(dir.join(name)).map_err(|e| format!("{name}: {e}"))?);
    }
    Ok(bytes)
}

/// What a timed load waits for once the text is painted, and times.
#[derive(Clone, Copy)]
enum After<'a> {
    Nothing,
    /// A User Timing mark the page sets (its start time).
    Mark(&'a str),
    /// A tap sent as soon as the paint was seen, by the script given (which answers the time
    /// of the first frame drawn with the tap answered): what it taps, and the element it needs
    /// in the page (the glossary popover is at the page's end).
    Tap(&'a str, &'a str, &'a str),
}

/// Taps the outline toggle and answers the time of the first frame drawn with the drawer open.
const TAP_OUTLINE: &str = r#"const done = arguments[arguments.length - 1];
document.getElementById("outline-toggle").click();
const drawn = () => document.getElementById("outline").getAttribute("data-open") === "true"
  ? requestAnimationFrame(() => done(performance.now()))
  : requestAnimationFrame(drawn);
drawn();"#;

/// Taps the page's first glossary term and answers the time of the first frame drawn with its
/// explanation shown.
const TAP_TERM: &str = r#"const done = arguments[arguments.length - 1];
document.querySelector(".gloss[data-term]").click();
const drawn = () => !document.getElementById("gloss-popover").hidden
  ? requestAnimationFrame(() => done(performance.now()))
  : requestAnimationFrame(drawn);
drawn();"#;

/// Sets the text size SIZE (Yandu: a tap on its choice in the open display settings, which
/// applies it as the tap is handled; the plain page: its body's font size, in the same steps)
/// and answers the time from then to the end of the first frame drawn at that size.
const SIZE_CHANGE: &str = r##"const done = arguments[arguments.length - 1];
const start = performance.now();
if (YANDU) document.querySelector("#display-panel input[value=SIZE] + span").click();
else document.body.style.fontSize = { standard: "1em", large: "1.17em", larger: "1.33em" }.SIZE;
// After the frame: the task that follows its rendering (a frame callback alone would come before
// the plain page's layout, which nothing forced).
requestAnimationFrame(() => setTimeout(() => done(performance.now() - start)));"##;

/// The phone profile's CPU (slowed 4x) and screen (412x823 at 1.75x, a mobile viewport).
async fn phone_cpu_and_screen(page: &Page) -> Result<(), String> {
    page.cdp("Emulation.setCPUThrottlingRate", json!({ "rate": 4 }))
        .await?;
    page.cdp(
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": 412, "height": 823, "deviceScaleFactor": 1.75, "mobile": true }),
    )
    .await?;
    Ok(())
}

/// One load of `path` in a fresh profile, throttled to the phone profile or not: its first
/// contentful paint and, for a page with a script, the time of what `after` waits for.
async fn timed_load(
    driver: &DriverProcess,
    server: &StaticServer,
    path: &str,
    after: After<'_>,
    throttled: bool,
) -> Result<(f64, Option<f64>), String> {
    let page = open(driver, &server.base_url).await?;
    if throttled {
        page.cdp("Network.enable", json!({})).await?;
        page.cdp(
            "Network.emulateNetworkConditions",
            json!({ "offline": false, "latency": 150, "downloadThroughput": 1.6 * 1024.0 * 1024.0 / 8.0, "uploadThroughput": 750.0 * 1024.0 / 8.0 }),
        )
        .await?;
        phone_cpu_and_screen(&page).await?;
    }
    page.visit(path).await?;
    page.wait_until(
        "performance.getEntriesByName('first-contentful-paint').length > 0",
        "a contentful paint",
    )
    .await?;
    let fcp = page
        .js_f64("performance.getEntriesByName('first-contentful-paint')[0].startTime")
        .await?;
    let ready = match after {
        After::Mark(mark) => {
            let entry = format!("performance.getEntriesByName('{mark}')");
            page.wait_until(&format!("{entry}.length > 0"), mark)
                .await?;
            Some(page.js_f64(&format!("{entry}[0].startTime")).await?)
        }
        After::Tap(script, what, needs) => {
            page.wait_until(&format!("!!document.querySelector('{needs}')"), needs)
                .await?;
            let drawn = page
                .client
                .execute_async(script, vec![])
                .await
                .map_err(|e| format!("tap on {what}: {e}"))?;
            Some(drawn.as_f64().ok_or(format!("tap on {what}: no time"))?)
        }
        After::Nothing => None,
    };
    page.close().await;
    Ok((fcp, ready))
}

fn plain_page(text: &str) -> String {
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
    };
    let body: String = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| format!("<p>{}</p>\n", escape(l)))
        .collect();
    format!("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>plain</title></head><body>\n{body}</body></html>\n")
}

/// Seeds `NOTES` notes: quotes taken from the reader's own passages, and part notes.
const SEED_NOTES: &str = r#"(() => {
    const parts = [...document.querySelectorAll('#reader [id]')].filter(e => /^(s\d+(-p\d+)?|intro|closing)$/.test(e.id));
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
    }
    return true;
})()"#;

/// What the notes measurement found, per load (ms) and for an edit.
struct NoteTimes {
    /// From the start of loading the notes to the frame after they are drawn.
    drawn: Vec<f64>,
    /// The part of it spent reading and decoding storage.
    read: Vec<f64>,
    /// From navigation to the frame after they are drawn (start-up included).
    since_navigation: Vec<f64>,
    edit: String,
}

async fn notes(driver: &DriverProcess, server: &StaticServer) -> Result<NoteTimes, String> {
    let page = open(driver, &server.base_url).await?;
    page.goto("").await?;
    page.js(&SEED_NOTES.replace("NOTES", &NOTES.to_string()))
        .await?;
    let (mut drawn, mut read_ms, mut since_navigation) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..NOTE_LOADS {
        page.client.refresh().await.map_err(|e| e.to_string())?;
        page.wait_until(
            "performance.getEntriesByName('yandu:notes-drawn').length > 0",
            "the notes to be drawn",
        )
        .await?;
        let at = |name: &str| format!("performance.getEntriesByName('yandu:{name}')[0].startTime");
        let (load, read, done) = (
            page.js_f64(&at("notes-load")).await?,
            page.js_f64(&at("notes-read")).await?,
            page.js_f64(&at("notes-drawn")).await?,
        );
        drawn.push(done - load);
        read_ms.push(read - load);
        since_navigation.push(done);
    }
    // Count what an edit writes: the first of a visit also records the settings once.
    page.js("(() => { window.__w = { keys: 0, bytes: 0 }; const set = Storage.prototype.setItem; Storage.prototype.setItem = function (k, v) { window.__w.keys++; window.__w.bytes += (k.length + v.length) * 2; return set.call(this, k, v); }; return true; })()").await?;
    page.js("(() => { const c = document.querySelector('.note-card'); [...c.querySelectorAll('button')].find(b => b.textContent === '编辑').click(); return true; })()").await?;
    page.wait_until("!!document.querySelector('.note-editor')", "the editor")
        .await?;
    let mut written = Vec::new();
    for (i, more) in ["（改）", "再改"].iter().enumerate() {
        page.js(&format!("(() => {{ window.__w = {{ keys: 0, bytes: 0 }}; const t = document.querySelector('.note-editor'); t.value += '{more}'; t.dispatchEvent(new Event('input')); return true; }})()")).await?;
        page.wait_until("window.__w.keys > 0", "the edit to be written")
            .await?;
        let keys = page.js_f64("window.__w.keys").await?;
        let bytes = page.js_f64("window.__w.bytes").await?;
        written.push(format!(
            "{} edit: {keys} key(s), {bytes} B",
            if i == 0 { "first" } else { "next" }
        ));
    }
    page.close().await;
    Ok(NoteTimes {
        drawn,
        read: read_ms,
        since_navigation,
        edit: written.join("; "),
    })
}

/// Lighthouse runs; the one with the median performance score is reported (its simulated
/// throttling multiplies this machine's noise: one run's total blocking time went from 140 to
/// 340 ms between runs minutes apart).
const LIGHTHOUSE_RUNS: usize = 3;

/// Lighthouse's four category scores for the mobile profile, from the run with the median
/// performance score, or why there are none.
fn lighthouse(url: &str) -> String {
    let bin = root().join("tools/bench/node_modules/.bin/lighthouse");
    if !bin.exists() {
        return "not run: tools/bench has no lighthouse (./scripts/bench installs it)".into();
    }
    let mut runs = Vec::new();
    for _ in 0..LIGHTHOUSE_RUNS {
        match lighthouse_once(&bin, url) {
            Ok(v) => runs.push(v),
            Err(e) => return e,
        }
    }
    let performance = |v: &Value| {
        v["categories"]["performance"]["score"]
            .as_f64()
            .unwrap_or(0.0)
    };
    runs.sort_by(|a, b| performance(a).total_cmp(&performance(b)));
    let scores: Vec<String> = runs
        .iter()
        .map(|v| format!("{:.0}", performance(v) * 100.0))
        .collect();
    let v = &runs[runs.len() / 2];
    let mut line = format!(
        "The run with the median performance score of {LIGHTHOUSE_RUNS} (performance in each: {}).\n\n",
        scores.join(", ")
    );
    line.push_str("| category | score |\n|---|---:|\n");
    for (key, name) in [
        ("performance", "Performance"),
        ("accessibility", "Accessibility"),
        ("best-practices", "Best practices"),
        ("seo", "SEO"),
    ] {
        let score = v["categories"][key]["score"]
            .as_f64()
            .map_or("n/a".into(), |s| format!("{:.0}", s * 100.0));
        writeln!(line, "| {name} | {score} |").ok();
    }
    for audit in [
        "first-contentful-paint",
        "largest-contentful-paint",
        "total-blocking-time",
        "cumulative-layout-shift",
    ] {
        if let Some(d) = v["audits"][audit]["displayValue"].as_str() {
            writeln!(line, "| {audit} | {d} |").ok();
        }
    }
    line
}

/// One Lighthouse run's report, or why there is none.
fn lighthouse_once(bin: &Path, url: &str) -> Result<Value, String> {
    let out = std::env::temp_dir().join(format!("yandu-lighthouse-{}.json", std::process::id()));
    let status = Command::new(bin)
        .arg(url)
        .arg("--chrome-path=/usr/bin/chromium")
        .arg("--chrome-flags=--headless --no-sandbox --disable-gpu --disable-dev-shm-usage")
        .arg("--form-factor=mobile")
        .arg("--only-categories=performance,accessibility,best-practices,seo")
        .arg("--output=json")
        .arg(format!("--output-path={}", out.display()))
        .arg("--quiet")
        .status();
    let json: Option<Value> = std::fs::read_to_string(&out)
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok());
    let _ = std::fs::remove_file(&out);
    match (status, json) {
        (Ok(s), Some(v)) if s.success() => Ok(v),
        (status, _) => Err(format!("Lighthouse failed: {status:?}")),
    }
}

fn now() -> String {
    Command::new("date")
        .arg("-u")
        .arg("+%Y-%m-%d %H:%M UTC")
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default()
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_string())
        })
        .unwrap_or_else(|| "unknown".into());
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(0);
    let mem = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| {
            m.lines().next().map(|l| {
                l.split_whitespace()
                    .nth(1)
                    .unwrap_or("0")
                    .parse::<f64>()
                    .unwrap_or(0.0)
                    / 1_048_576.0
            })
        })
        .unwrap_or(0.0);
    let version = |cmd: &str| {
        Command::new(cmd)
            .arg("--version")
            .output()
            .ok()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .unwrap_or_default()
    };
    let os = std::fs::read_to_string("/etc/os-release")
        .ok()
        .and_then(|o| {
            o.lines().find(|l| l.starts_with("PRETTY_NAME=")).map(|l| {
                l.trim_start_matches("PRETTY_NAME=")
                    .trim_matches('"')
                    .to_string()
            })
        })
        .unwrap_or_default();
    // The Chinese fonts the browser can use (the layout of the text depends on them).
    let fonts = Command::new("fc-list")
        .args([":lang=zh-cn", "family"])
        .output()
        .ok()
        .map(|o| {
            let mut families: Vec<String> = String::from_utf8_lossy(&o.stdout)
                .lines()
                .filter_map(|l| l.split(',').next())
                .map(|f| f.trim().to_string())
                // Of the CJK families, the simplified Chinese ones.
                .filter(|f| !f.is_empty() && (!f.contains("CJK") || f.ends_with(" SC")))
                .collect();
            families.sort();
            families.dedup();
            families.join(", ")
        })
        .filter(|f| !f.is_empty())
        .unwrap_or_else(|| "none found".into());
    format!("- CPU: {cpu}, {cores} cores available\n- Memory: {mem:.1} GB\n- OS: {os}\n- Chinese fonts: {fonts}\n- Browser: {}\n- Rust: {}\n", version("chromium"), version("rustc"))
}
