//! A page in a headless browser, with helpers that wait on conditions in the page (polling a
//! JavaScript expression) instead of sleeping for a guessed time.

use std::time::{Duration, Instant};

use fantoccini::actions::{InputSource, KeyAction, KeyActions, MouseActions, PointerAction};
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::Value;

use crate::driver::Engine;

/// True once the wasm has taken over the prerendered page (the app sets `<html data-ready>`).
pub const APP_READY: &str = "document.documentElement.hasAttribute('data-ready')";

/// How long any single condition may take before the test fails.
pub const WAIT_LIMIT: Duration = Duration::from_secs(15);
const POLL: Duration = Duration::from_millis(25);

pub type TestResult = Result<(), String>;

pub struct Page {
    pub client: Client,
    pub engine: Engine,
    base_url: String,
}

impl Page {
    /// A new session (fresh profile) with a window of `width`×`height`.
    pub async fn open(
        engine: Engine,
        driver_url: &str,
        base_url: &str,
        width: u32,
        height: u32,
    ) -> Result<Page, String> {
        Self::open_with(engine, driver_url, base_url, (width, height), false).await
    }

    /// As [`Page::open`], with a dark system colour scheme when `dark`.
    pub async fn open_with(
        engine: Engine,
        driver_url: &str,
        base_url: &str,
        (width, height): (u32, u32),
        dark: bool,
    ) -> Result<Page, String> {
        Self::open_caps(
            engine,
            driver_url,
            base_url,
            engine.capabilities_with(width, height, dark),
            (width, height),
        )
        .await
    }

    /// As [`Page::open`], but navigation returns at once (`pageLoadStrategy: none`; WebKit
    /// does not honour `eager`): the test waits for what it needs, with [`Page::wait_parsed`],
    /// before the page's scripts and the wasm have run.
    pub async fn open_unwaited(
        engine: Engine,
        driver_url: &str,
        base_url: &str,
        (width, height): (u32, u32),
    ) -> Result<Page, String> {
        let mut caps = engine.capabilities(width, height);
        caps.insert("pageLoadStrategy".into(), "none".into());
        Self::open_caps(engine, driver_url, base_url, caps, (width, height)).await
    }

    async fn open_caps(
        engine: Engine,
        driver_url: &str,
        base_url: &str,
        caps: serde_json::Map<String, Value>,
        (width, height): (u32, u32),
    ) -> Result<Page, String> {
        let client = ClientBuilder::rustls()
            .map_err(|e| format!("tls: {e}"))?
            .capabilities(caps)
            .connect(driver_url)
            .await
            .map_err(|e| format!("cannot start a {} session: {e}", engine.name()))?;
        let page = Page {
            client,
            engine,
            base_url: base_url.to_string(),
        };
        // Window sizes include the browser's own chrome (headless Chromium keeps ~140px of it,
        // MiniBrowser a toolbar): size the viewport itself, except under Chromium's phone
        // emulation, which sets the viewport directly.
        if !(engine == Engine::Chromium && width < 500) {
            page.size_viewport(width, height).await?;
        }
        Ok(page)
    }

    /// Sizes the window so that the viewport (not the window around it) is `width`×`height`,
    /// or as narrow as the engine allows (Firefox and MiniBrowser keep a minimum width), and
    /// waits until the page sees that size. The chrome around the viewport is measured again
    /// after each resize, once the page sees its window: read at once, MiniBrowser's viewport
    /// could still be the old one (a correction made from it left the viewport 832 px high
    /// instead of 800, or changing size in mid-scenario, which reflows the page under the test),
    /// and Chromium's is off before its first page.
    pub async fn size_viewport(&self, width: u32, height: u32) -> TestResult {
        let mut inner = Value::Null;
        for _ in 0..3 {
            let chrome = self
                .js("[outerWidth - innerWidth, outerHeight - innerHeight]")
                .await?;
            let extra = |i: usize| chrome[i].as_u64().unwrap_or(0) as u32;
            let asked = (width + extra(0), height + extra(1));
            self.client
                .set_window_size(asked.0, asked.1)
                .await
                .map_err(|e| format!("cannot size the window: {e}"))?;
            let (_, _, got_width, got_height) = self
                .client
                .get_window_rect()
                .await
                .map_err(|e| format!("cannot read the window size: {e}"))?;
            self.wait_until(
                &format!("outerWidth === {got_width} && outerHeight === {got_height}"),
                &format!("the page to see its {got_width}×{got_height} window"),
            )
            .await?;
            inner = self.js("[innerWidth, innerHeight]").await?;
            let narrowest = got_width > u64::from(asked.0);
            if (inner[0].as_u64() == Some(u64::from(width)) || narrowest)
                && inner[1].as_u64() == Some(u64::from(height))
            {
                return Ok(());
            }
        }
        Err(format!("the viewport stays {inner}, not {width}×{height}"))
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }

    /// Opens `path` (relative to the app's base URL) and waits until the app has rendered.
    pub async fn goto(&self, path: &str) -> TestResult {
        self.visit(path).await?;
        self.wait_until(APP_READY, "the app to take over the page")
            .await
    }

    /// Opens `path` (relative to the app's base URL) without waiting for the app: for what
    /// comes before it or without it.
    pub async fn visit(&self, path: &str) -> TestResult {
        self.client
            .goto(&self.url(path))
            .await
            .map_err(|e| format!("goto {path}: {e}"))
    }

    /// Evaluates a JavaScript expression and returns its value.
    pub async fn js(&self, expression: &str) -> Result<Value, String> {
        self.client
            .execute(&format!("return ({expression});"), vec![])
            .await
            .map_err(|e| format!("script failed: {expression}: {e}"))
    }

    pub async fn js_string(&self, expression: &str) -> Result<String, String> {
        match self.js(expression).await? {
            Value::String(s) => Ok(s),
            other => Err(format!("{expression} gave {other}, not a string")),
        }
    }

    pub async fn js_f64(&self, expression: &str) -> Result<f64, String> {
        self.js(expression)
            .await?
            .as_f64()
            .ok_or_else(|| format!("{expression} is not a number"))
    }

    /// Sends a Chrome DevTools Protocol command (Chromium only).
    pub async fn cdp(&self, cmd: &str, params: Value) -> Result<Value, String> {
        self.client
            .issue_cmd(Cdp {
                cmd: cmd.to_string(),
                params,
            })
            .await
            .map_err(|e| format!("{cmd}: {e}"))
    }

    /// Runs axe-core (from npm, in `tools/node_modules`) on the page as it is and returns each
    /// violation of WCAG 2.x A/AA and axe's best practices, with the elements it names.
    pub async fn axe(&self) -> Result<Vec<String>, String> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../tools/node_modules/axe-core/axe.min.js");
        let source = std::fs::read_to_string(&path).map_err(|e| {
            format!(
                "{}: {e} (the test command installs axe-core with npm)",
                path.display()
            )
        })?;
        if self.js("typeof window.axe === 'undefined'").await? == true {
            self.client
                .execute(&format!("{source}\nreturn true;"), vec![])
                .await
                .map_err(|e| format!("axe-core did not load: {e}"))?;
        }
        self.js("(window.__axe = undefined, axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] }).then(r => { window.__axe = r.violations.map(v => v.id + ': ' + v.help + ' at ' + v.nodes.slice(0, 4).map(n => n.target.join(' ')).join(', ')); }, e => { window.__axe = ['axe failed: ' + e]; }), true)")
            .await?;
        self.wait_until("window.__axe !== undefined", "axe to finish")
            .await?;
        match self.js("window.__axe").await? {
            Value::Array(found) => Ok(found
                .into_iter()
                .map(|v| v.as_str().unwrap_or_default().to_string())
                .collect()),
            other => Err(format!("axe gave {other}")),
        }
    }

    /// Polls `expression` until it is true; fails with `what` after [`WAIT_LIMIT`].
    pub async fn wait_until(&self, expression: &str, what: &str) -> TestResult {
        self.poll(expression, what, false).await
    }

    /// [`Page::wait_until`]; with `failures_are_not_yet`, a poll whose script fails counts as
    /// false instead of ending the wait.
    async fn poll(&self, expression: &str, what: &str, failures_are_not_yet: bool) -> TestResult {
        let start = Instant::now();
        loop {
            match self.js(expression).await {
                Ok(Value::Bool(true)) => return Ok(()),
                Err(e) if !failures_are_not_yet => return Err(e),
                _ => {}
            }
            if start.elapsed() > WAIT_LIMIT {
                // What the page was doing, for a wait that fails once in many runs.
                let state = self
                    .js("JSON.stringify({url: location.href, readyState: document.readyState, visibility: document.visibilityState, ready: document.documentElement.hasAttribute('data-ready'), marks: performance.getEntriesByType('mark').map(m => m.name)})")
                    .await
                    .map_or_else(|e| format!("unknown: {e}"), |v| v.as_str().unwrap_or("").to_string());
                return Err(format!(
                    "timed out waiting for {what} ({expression}); the page: {state}"
                ));
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Reloads the page as a reader does (`location.reload()`: Firefox's WebDriver refresh
    /// does not restore the scroll offset) and waits for the new document's load event. A poll
    /// that runs while the old document unloads fails (WebKit says so); it counts as not yet.
    pub async fn reload(&self) -> TestResult {
        self.js("(window.__e2eBeforeReload = true, setTimeout(() => location.reload()), true)")
            .await?;
        let reloaded = "!window.__e2eBeforeReload && document.readyState === 'complete'";
        self.poll(reloaded, "the reloaded page", true).await
    }

    /// A JavaScript expression for the range of the first occurrence of `text` inside the
    /// element matching `root` (across element boundaries), scrolled to the middle of the view
    /// at once; `null` if there is none.
    fn text_range(root: &str, text: &str) -> Result<String, String> {
        let root_js = serde_json::to_string(root).map_err(|e| e.to_string())?;
        let text_js = serde_json::to_string(text).map_err(|e| e.to_string())?;
        Ok(format!(
            "(() => {{
                const root = document.querySelector({root_js});
                if (!root) return null;
                root.scrollIntoView({{block: 'center', behavior: 'instant'}});
                const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
                const nodes = []; let all = '';
                while (walker.nextNode()) {{ nodes.push([walker.currentNode, all.length]); all += walker.currentNode.data; }}
                const at = all.indexOf({text_js});
                if (at < 0) return null;
                const end = at + {text_js}.length;
                const find = (pos, isEnd) => {{
                    for (const [n, start] of nodes) {{
                        const stop = start + n.data.length;
                        if (isEnd ? (pos > start && pos <= stop) : (pos >= start && pos < stop)) return [n, pos - start];
                    }}
                }};
                const [sn, so] = find(at, false); const [en, eo] = find(end, true);
                const range = document.createRange(); range.setStart(sn, so); range.setEnd(en, eo);
                return range;
            }})()"
        ))
    }

    /// Selects the first occurrence of `text` inside the element matching `root`, across
    /// element boundaries, as a person dragging over it would.
    pub async fn select_text(&self, root: &str, text: &str) -> TestResult {
        let range = Self::text_range(root, text)?;
        let found = self
            .js(&format!(
                "(() => {{ const range = {range}; if (!range) return false; \
                 const sel = getSelection(); sel.removeAllRanges(); sel.addRange(range); return true; }})()"
            ))
            .await?;
        check(
            found == Value::Bool(true),
            format!("{text} not found in {root}"),
        )
    }

    /// Clicks the middle of the first occurrence of `text` inside the element matching `root`
    /// with the mouse, as a reader does (the browser puts the caret there).
    pub async fn click_text(&self, root: &str, text: &str) -> TestResult {
        let range = Self::text_range(root, text)?;
        let at = self
            .js(&format!(
                "(() => {{ const range = {range}; if (!range) return null; \
                 const r = range.getClientRects()[0]; return [r.left + r.width / 2, r.top + r.height / 2]; }})()"
            ))
            .await?;
        let (x, y) = match at.as_array().map(|a| (a[0].as_f64(), a[1].as_f64())) {
            Some((Some(x), Some(y))) => (x, y),
            _ => return Err(format!("{text} not found in {root}")),
        };
        let actions = MouseActions::new("mouse".to_string())
            .then(PointerAction::MoveTo {
                duration: Some(Duration::from_millis(50)),
                x: x.round(),
                y: y.round(),
            })
            .then(PointerAction::Down {
                button: fantoccini::actions::MOUSE_BUTTON_LEFT,
            })
            .then(PointerAction::Up {
                button: fantoccini::actions::MOUSE_BUTTON_LEFT,
            });
        self.client
            .perform_actions(actions)
            .await
            .map_err(|e| format!("cannot click {text} in {root}: {e}"))?;
        self.client
            .release_actions()
            .await
            .map_err(|e| format!("cannot release the mouse: {e}"))
    }

    /// localStorage as a JSON object of key → value (our keys and any others).
    pub async fn storage(&self) -> Result<serde_json::Map<String, Value>, String> {
        match self.js("Object.fromEntries(Object.keys(localStorage).map(k => [k, localStorage.getItem(k)]))").await? {
            Value::Object(m) => Ok(m),
            other => Err(format!("localStorage read gave {other}")),
        }
    }

    /// Records every Blob the page turns into a download URL, readable later with
    /// [`Page::downloaded_text`].
    pub async fn capture_downloads(&self) -> TestResult {
        self.js("(() => { window.__e2eBlobs = []; const orig = URL.createObjectURL; URL.createObjectURL = b => { window.__e2eBlobs.push(b); return orig.call(URL, b); }; HTMLAnchorElement.prototype.click = function () {}; return true; })()")
            .await
            .map(|_| ())
    }

    /// The text of the last captured download.
    pub async fn downloaded_text(&self) -> Result<String, String> {
        self.wait_until("(window.__e2eBlobs || []).length > 0", "a download")
            .await?;
        let v = self
            .client
            .execute_async("const done = arguments[0]; window.__e2eBlobs[window.__e2eBlobs.length - 1].text().then(done);", vec![])
            .await
            .map_err(|e| format!("reading the download: {e}"))?;
        v.as_str()
            .map(String::from)
            .ok_or_else(|| "download is not text".to_string())
    }

    /// Presses keys together, as a person would (e.g. Shift then Enter), through WebDriver
    /// actions, so the page sees real key events wherever focus is.
    pub async fn press(&self, keys: &[char]) -> TestResult {
        let mut actions = KeyActions::new("keyboard".to_string());
        for &value in keys {
            actions = actions.then(KeyAction::Down { value });
        }
        for &value in keys.iter().rev() {
            actions = actions.then(KeyAction::Up { value });
        }
        self.client
            .perform_actions(actions)
            .await
            .map_err(|e| format!("cannot press {keys:?}: {e}"))
    }

    /// Types `text` into the element matching `css`.
    pub async fn type_into(&self, css: &str, text: &str) -> TestResult {
        self.client
            .find(Locator::Css(css))
            .await
            .map_err(|e| format!("no element {css}: {e}"))?
            .send_keys(text)
            .await
            .map_err(|e| format!("cannot type into {css}: {e}"))
    }

    /// Moves the mouse pointer onto the middle of the element matching `css` (already in
    /// view), as a reader's mouse does: through the events of the elements it crosses.
    pub async fn hover(&self, css: &str) -> TestResult {
        let element = self
            .client
            .find(Locator::Css(css))
            .await
            .map_err(|e| format!("no element {css}: {e}"))?;
        let actions = MouseActions::new("mouse".to_string()).then(PointerAction::MoveToElement {
            element,
            duration: Some(Duration::from_millis(100)),
            x: 0.0,
            y: 0.0,
        });
        self.client
            .perform_actions(actions)
            .await
            .map_err(|e| format!("cannot move the pointer onto {css}: {e}"))
    }

    /// Moves the mouse pointer to (`x`, `y`) CSS pixels from the viewport's top left corner.
    pub async fn move_pointer_to(&self, x: f64, y: f64) -> TestResult {
        let actions = MouseActions::new("mouse".to_string()).then(PointerAction::MoveTo {
            duration: Some(Duration::from_millis(100)),
            x,
            y,
        });
        self.client
            .perform_actions(actions)
            .await
            .map_err(|e| format!("cannot move the pointer to ({x}, {y}): {e}"))
    }

    /// Clicks the element matching `css`, first scrolling it to the middle of the view at once
    /// (the app scrolls smoothly, and WebDriver would click where the element was).
    pub async fn click(&self, css: &str) -> TestResult {
        let css_js = serde_json::to_string(css).map_err(|e| e.to_string())?;
        self.js(&format!(
            "(() => {{ const e = document.querySelector({css_js}); if (e) e.scrollIntoView({{block: 'center', behavior: 'instant'}}); return true; }})()"
        ))
        .await?;
        self.client
            .find(Locator::Css(css))
            .await
            .map_err(|e| format!("no element {css}: {e}"))?
            .click()
            .await
            .map_err(|e| format!("cannot click {css}: {e}"))
    }

    /// Waits until the element with `id` sits at the top of the viewport (below the top bar),
    /// or as high as it can get: in view with the page scrolled to its end.
    pub async fn wait_landed(&self, id: &str) -> TestResult {
        let expr = format!(
            "(() => {{ const e = document.getElementById('{id}'); if (!e) return false; \
             const t = e.getBoundingClientRect().top; \
             const end = innerHeight + scrollY >= document.documentElement.scrollHeight - 2; \
             return t >= 0 && (t <= 200 || (end && t < innerHeight / 2)); }})()"
        );
        let landed = self
            .wait_until(&expr, &format!("#{id} to reach the top of the view"))
            .await;
        if let Err(e) = landed {
            let at = self
                .js(&format!("JSON.stringify([document.getElementById('{id}')?.getBoundingClientRect().top, scrollY, innerHeight, document.documentElement.scrollHeight, location.hash])"))
                .await
                .unwrap_or_default();
            return Err(format!(
                "{e}; [top, scrollY, innerHeight, scrollHeight, hash] = {at}"
            ));
        }
        Ok(())
    }

    /// After a navigation in an [`Page::open_unwaited`] session: waits until the document at
    /// `path` is parsed.
    pub async fn wait_parsed(&self, path: &str) -> TestResult {
        let url = serde_json::to_string(&self.url(path)).map_err(|e| e.to_string())?;
        self.wait_until(
            &format!("location.href === {url} && document.readyState !== 'loading' && !!document.getElementById('reader')"),
            "the page to be parsed",
        )
        .await
    }

    /// Waits until the page has stopped scrolling (smooth scrolls take a while): the offset
    /// stays the same while two frames are drawn. Counting polls is not enough: WebKit on Xvfb
    /// draws a frame every 80-90 ms, so two polls can fall between two steps of one scroll.
    pub async fn wait_scroll_settled(&self) -> TestResult {
        self.js("(window.__e2eSettle = null, true)").await?;
        self.wait_until(
            "(() => { \
               requestAnimationFrame(t => { if (window.__e2eFrameAt !== t) { window.__e2eFrameAt = t; window.__e2eFrames = (window.__e2eFrames || 0) + 1; } }); \
               const y = scrollY, frames = window.__e2eFrames || 0, seen = window.__e2eSettle; \
               if (!seen || seen.y !== y) { window.__e2eSettle = { y, frames }; return false; } \
               return frames - seen.frames >= 2; })()",
            "the page to stop scrolling",
        )
        .await
    }

    /// Records errors from now on (uncaught exceptions, rejections, console.error, CSP
    /// violations) for [`Page::console_errors`] on engines without a log endpoint.
    pub async fn capture_errors(&self) -> TestResult {
        self.js("(() => { const e = window.__e2eErrors = []; addEventListener('error', x => e.push(String(x.message))); addEventListener('unhandledrejection', x => e.push(String(x.reason))); document.addEventListener('securitypolicyviolation', x => e.push('CSP ' + x.violatedDirective)); const c = console.error; console.error = (...a) => { e.push(a.join(' ')); c.apply(console, a); }; return true; })()")
            .await
            .map(|_| ())
    }

    /// Errors the page logged: Chromium's console log from the start; elsewhere what
    /// [`Page::capture_errors`] recorded since it was called.
    pub async fn console_errors(&self) -> Result<Vec<String>, String> {
        if self.engine != Engine::Chromium {
            let v = self.js("window.__e2eErrors || null").await?;
            return v
                .as_array()
                .map(|a| {
                    a.iter()
                        .map(|x| x.as_str().unwrap_or("").to_string())
                        .collect()
                })
                .ok_or_else(|| "errors were not being captured".to_string());
        }
        let log = self
            .client
            .issue_cmd(BrowserLog)
            .await
            .map_err(|e| format!("cannot read the browser log: {e}"))?;
        Ok(log
            .as_array()
            .into_iter()
            .flatten()
            .filter(|entry| entry["level"] == "SEVERE")
            .map(|entry| entry["message"].as_str().unwrap_or("").to_string())
            .collect())
    }

    pub async fn close(self) {
        let _ = self.client.close().await;
    }
}

/// chromedriver's endpoint for a Chrome DevTools Protocol command (throttling, for the
/// benchmark's phone profile).
#[derive(Debug)]
struct Cdp {
    cmd: String,
    params: Value,
}

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/goog/cdp/execute",
            session.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = serde_json::json!({ "cmd": self.cmd, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}

/// chromedriver's endpoint for the browser console log.
#[derive(Debug)]
struct BrowserLog;

impl WebDriverCompatibleCommand for BrowserLog {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!("session/{}/se/log", session.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(r#"{"type":"browser"}"#.to_string()),
        )
    }
}

pub const ENTER: char = '\u{E007}';
pub const ARROW_DOWN: char = '\u{E015}';
pub const SHIFT: char = '\u{E008}';
pub const ESCAPE: char = '\u{E00C}';

/// Fails with `message` unless `condition` holds.
pub fn check(condition: bool, message: impl Into<String>) -> TestResult {
    if condition {
        Ok(())
    } else {
        Err(message.into())
    }
}
