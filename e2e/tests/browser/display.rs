//! The display settings (配色, 字体, 字号): chosen in the top bar's panel, applied at once with
//! the text at the reading line kept in place, stored, applied before the first paint of the
//! next visit (web/display.js), followed from other tabs, and a damaged value told and
//! survived. The engines run with a light system scheme, so 深色 is the reader's own choice.

use serde_json::json;

use super::{with_page, with_wasm_held, Ctx, DESKTOP, PHONE};
use yandu_e2e::driver::Engine;
use yandu_e2e::page::{check, Page, TestResult, APP_READY, ESCAPE};
use yandu_e2e::server::StaticServer;

const KEY: &str = "yandu:v1:display";
/// WebDriver's ArrowLeft key.
const ARROW_LEFT: char = '\u{E012}';
/// The page's background: light #FBFAF7, dark #151518 (style/tokens.css, style/dark.css).
const LIGHT_BG: &str = "getComputedStyle(document.body).backgroundColor === 'rgb(251, 250, 247)'";
const DARK_BG: &str = "getComputedStyle(document.body).backgroundColor === 'rgb(21, 21, 24)'";
const SERIF: &str =
    "getComputedStyle(document.getElementById('reader')).fontFamily.includes('Serif CJK')";
/// The report's paragraphs' font size in px.
const TEXT_PX: &str = "parseFloat(getComputedStyle(document.querySelector('#reader p')).fontSize)";
/// The passage at the reading line (a quarter of the way down, as the scroll spy reads): the
/// first whose bottom is below it.
const AT_READING_LINE: &str = "(() => { const line = innerHeight / 4; const p = [...document.querySelectorAll('#reader [data-passage]')].find(p => p.getBoundingClientRect().bottom > line); return p ? p.getAttribute('data-passage') : ''; })()";

/// Checks that the stored settings are `expected` (the text the app stores).
async fn stored_is(page: &Page, expected: &str, what: &str) -> TestResult {
    let stored = page.storage().await?;
    check(
        stored.get(KEY) == Some(&json!(expected)),
        format!("{what}: {:?}", stored.get(KEY)),
    )
}

/// Picks the choice `value` of the radio group `name` as a reader does: a click on its label.
async fn pick(page: &Page, name: &str, value: &str) -> TestResult {
    page.click(&format!(
        "#display-panel input[name={name}][value='{value}'] + span"
    ))
    .await
}

fn checked(name: &str, value: &str) -> String {
    format!(
        "document.querySelector('#display-panel input[name={name}][value=\"{value}\"]').checked"
    )
}

pub async fn display_settings_apply_at_once_and_keep_the_place(ctx: &Ctx) -> TestResult {
    with_page(ctx, DESKTOP, async |page: &Page| {
        page.goto("#s2-p3").await?;
        page.wait_until(LIGHT_BG, "the light page of a light system").await?;
        let standard = page.js_f64(TEXT_PX).await?;

        page.click("#display-toggle").await?;
        page.wait_until(
            "!document.getElementById('display-panel').hidden && document.getElementById('display-toggle').getAttribute('aria-expanded') === 'true'",
            "the panel to open",
        )
        .await?;
        page.wait_until(
            "document.activeElement && document.activeElement.closest('#display-panel') !== null && document.activeElement.checked",
            "the focus on the first group's checked choice",
        )
        .await?;
        check(
            page.js(&checked("data-theme", "system")).await? == true
                && page.js(&checked("data-text-size", "standard")).await? == true,
            "the defaults (跟随系统, 标准) are not the checked ones",
        )?;

        pick(page, "data-theme", "dark").await?;
        page.wait_until(DARK_BG, "深色 to darken the page").await?;
        // Measured now: WebDriver's click on the toggle, in the sticky top bar, may scroll the
        // page itself (Firefox, WebKit), and 深色 reflows nothing.
        page.wait_scroll_settled().await?;
        let place = page.js_string(AT_READING_LINE).await?;
        check(!place.is_empty(), "no passage at the reading line")?;
        pick(page, "data-typeface", "serif").await?;
        page.wait_until(SERIF, "宋体 to set the text in serif").await?;
        check(
            page.js("getComputedStyle(document.querySelector('.topbar')).fontFamily.includes('Serif CJK')").await? == false,
            "宋体 changed the controls' typeface, not only the report's",
        )?;
        pick(page, "data-text-size", "larger").await?;
        page.wait_until(
            &format!("{TEXT_PX} > {standard} * 1.3"),
            "特大 to enlarge the text by a third",
        )
        .await?;
        page.wait_scroll_settled().await?;
        let after = page.js_string(AT_READING_LINE).await?;
        check(
            after == place,
            format!("the passage at the reading line was {place}, and after 特大 it is {after}"),
        )?;
        stored_is(page, r#"{"v":1,"theme":"dark","typeface":"serif","size":"larger"}"#, "stored").await?;

        // The keyboard: arrows move within a group, Escape closes and gives the focus back.
        page.js("(document.querySelector('#display-panel input[name=data-text-size][value=\"larger\"]').focus(), true)").await?;
        page.press(&[ARROW_LEFT]).await?;
        page.wait_until(&checked("data-text-size", "large"), "an arrow key to pick 大").await?;
        page.press(&[ESCAPE]).await?;
        page.wait_until(
            "document.getElementById('display-panel').hidden && document.activeElement === document.getElementById('display-toggle')",
            "Escape to close the panel and give the focus back to its toggle",
        )
        .await?;

        // Another tab's choice is followed.
        page.js(&format!(
            "(window.dispatchEvent(new StorageEvent('storage', {{ key: {KEY:?}, newValue: '{{\"v\":1,\"theme\":\"light\",\"typeface\":\"sans\",\"size\":\"standard\"}}' }})), true)"
        ))
        .await?;
        page.wait_until(LIGHT_BG, "another tab's 浅色 to be followed").await?;
        page.wait_until(&format!("{TEXT_PX} === {standard}"), "and its 标准").await?;
        check(page.js(&checked("data-theme", "light")).await? == true, "the panel shows 浅色 checked")?;

        // Paper stays light whatever the screen's 配色 (Chromium can emulate print media).
        if ctx.engine == Engine::Chromium {
            pick_closed(page, "data-theme", "dark").await?;
            page.wait_until(DARK_BG, "深色 again").await?;
            page.cdp("Emulation.setEmulatedMedia", json!({"media": "print"})).await?;
            let ink = page
                .js_string("getComputedStyle(document.body).color")
                .await?;
            page.cdp("Emulation.setEmulatedMedia", json!({"media": ""})).await?;
            check(ink == "rgb(28, 27, 25)", format!("printed text is {ink}, not dark ink"))?;
        }
        Ok(())
    })
    .await
}

/// Opens the panel and picks a choice.
async fn pick_closed(page: &Page, name: &str, value: &str) -> TestResult {
    page.click("#display-toggle").await?;
    page.wait_until(
        "!document.getElementById('display-panel').hidden",
        "the panel to open",
    )
    .await?;
    pick(page, name, value).await
}

pub async fn display_settings_work_before_the_app_and_a_damaged_one_is_told(
    ctx: &Ctx,
) -> TestResult {
    with_wasm_held(ctx, PHONE, async |page: &Page, server: &StaticServer| {
        page.visit("").await?;
        page.wait_parsed("").await?;
        let standard = page.js_f64(TEXT_PX).await?;
        // Before the app (web/display.js): the panel opens, and a choice applies and is stored.
        page.click("#display-toggle").await?;
        page.wait_until("!document.getElementById('display-panel').hidden", "the panel to open before the app")
            .await?;
        pick(page, "data-theme", "dark").await?;
        page.wait_until(DARK_BG, "深色 before the app").await?;
        pick(page, "data-text-size", "large").await?;
        page.wait_until(&format!("{TEXT_PX} > {standard} * 1.1"), "大 before the app").await?;
        stored_is(page, r#"{"v":1,"theme":"dark","typeface":"sans","size":"large"}"#, "stored before the app").await?;
        // The next visit, before the app: painted as chosen, and the panel says so.
        page.reload().await?;
        check(page.js(APP_READY).await? == false, "the app was ready before its wasm arrived")?;
        check(page.js(DARK_BG).await? == true, "深色 is not applied from the first paint")?;
        check(
            page.js(&format!("{TEXT_PX} > {standard} * 1.1")).await? == true,
            "大 is not applied from the first paint",
        )?;
        page.click("#display-toggle").await?;
        page.wait_until(
            &format!("!document.getElementById('display-panel').hidden && {} && {}", checked("data-theme", "dark"), checked("data-text-size", "large")),
            "the panel to show the stored choices before the app",
        )
        .await?;
        // Left open for the app, which keeps it open and answers it.
        server.release();
        page.wait_until(APP_READY, "the app to take over the page").await?;
        check(
            page.js("!document.getElementById('display-panel').hidden && document.getElementById('display-toggle').getAttribute('aria-expanded') === 'true'").await? == true,
            "the app closed the panel left open before it",
        )?;
        check(
            page.js(&checked("data-theme", "dark")).await? == true
                && page.js(&checked("data-text-size", "large")).await? == true,
            "the app's panel does not show the stored choices",
        )?;
        pick(page, "data-typeface", "serif").await?;
        page.wait_until(SERIF, "宋体 with the app").await?;
        check(page.js(DARK_BG).await? == true, "the app undid 深色")?;
        stored_is(page, r#"{"v":1,"theme":"dark","typeface":"serif","size":"large"}"#, "stored by the app").await?;

        // A value with a hostile name in it: what is understood (特大) stays, the rest is the
        // default, a message says so, and nothing of it reaches the page as markup.
        page.js(&format!(
            "(localStorage.setItem({KEY:?}, JSON.stringify({{v: 1, theme: '\\\"><img src=x onerror=alert(1)>', size: 'larger'}})), true)"
        ))
        .await?;
        page.reload().await?;
        page.wait_until(APP_READY, "the app to start on a damaged value").await?;
        page.wait_until(LIGHT_BG, "the default colours").await?;
        page.wait_until(
            "[...document.querySelectorAll('[data-testid=toast]')].some(t => t.textContent.includes('显示设置'))",
            "a message that the stored display settings could not be read",
        )
        .await?;
        check(
            page.js(&format!("{TEXT_PX} > {standard} * 1.3")).await? == true,
            "特大, which was understood, is not applied",
        )?;
        check(
            page.js("document.querySelectorAll('img').length === 0 && !document.documentElement.hasAttribute('data-theme')").await? == true,
            "a damaged value changed the page",
        )?;
        // Still a working panel: a choice replaces the damaged value.
        pick_closed(page, "data-theme", "dark").await?;
        page.wait_until(DARK_BG, "深色 after a damaged value").await?;
        stored_is(page, r#"{"v":1,"theme":"dark","typeface":"sans","size":"larger"}"#, "stored").await
    })
    .await
}

/// The narrowest phones (320px): the top bar's first row holds its four controls, and nothing
/// of the page is wider than the screen (the search row and the overview's terms were, by 20
/// px). Chromium emulates 320px exactly; Firefox and WebKit keep a wider minimum window.
pub async fn the_narrowest_phone_fits_the_top_bar_and_the_page(ctx: &Ctx) -> TestResult {
    with_page(ctx, (320, 640), async |page: &Page| {
        page.goto("").await?;
        let one_row = "(() => { const tops = ['#outline-toggle', '.brand', '#display-toggle', '#notes-toggle'].map(s => document.querySelector(s).getBoundingClientRect().top); return tops.every(t => Math.abs(t - tops[0]) < 1); })()";
        check(page.js(one_row).await? == true, "the top bar's controls wrap onto two rows")?;
        let sideways = "document.documentElement.scrollWidth - document.documentElement.clientWidth";
        let wide = page.js_f64(sideways).await?;
        check(wide <= 0.0, format!("the page is {wide}px wider than the screen"))?;
        page.click("#display-toggle").await?;
        page.wait_until("!document.getElementById('display-panel').hidden", "the panel to open")
            .await?;
        page.wait_until(
            "document.getElementById('display-panel').getBoundingClientRect().right <= document.documentElement.clientWidth",
            "the panel to fit the screen",
        )
        .await
    })
    .await
}
