//! Printing (or saving as PDF) to brief others: style/print.css. WebDriver cannot switch an
//! engine to print media, so the page's own `@media print` rules are made to apply to the
//! screen as well (through the CSSOM, which the strict CSP allows), and what the printout would
//! hold is read from the page laid out with them.

use super::notes::{highlight, QUOTE};
use super::{with_page, Ctx, DESKTOP};
use yandu_e2e::marks;
use yandu_e2e::page::{check, Page, TestResult};

/// Lays the page out as printed (`true`): the rules of every `@media print` block go into a
/// style sheet of their own that applies to the screen (the sheet that holds them is itself
/// print-only); `false` takes it away again. Returns how many rules apply.
fn as_printed(on: bool) -> String {
    if !on {
        return "(document.adoptedStyleSheets = document.adoptedStyleSheets.filter(s => s !== window.__e2ePrint), 0)".into();
    }
    "(() => { const rules = []; \
       for (const sheet of document.styleSheets) for (const r of sheet.cssRules) \
         if (r instanceof CSSMediaRule && [...r.media].includes('print')) rules.push(...[...r.cssRules].map(c => c.cssText)); \
       window.__e2ePrint = new CSSStyleSheet(); window.__e2ePrint.replaceSync(rules.join('\\n')); \
       document.adoptedStyleSheets = [...document.adoptedStyleSheets, window.__e2ePrint]; \
       return window.__e2ePrint.cssRules.length; })()"
        .into()
}

/// Whether the element matching `css` would be printed (it has boxes).
fn printed(css: &str) -> String {
    format!("(() => {{ const e = document.querySelector({css:?}); return !!e && e.getClientRects().length > 0; }})()")
}

/// Selectors of controls that must not reach paper.
const CONTROLS: [&str; 7] = [
    ".topbar",
    "#search-input",
    ".outline",
    ".notes-tools",
    ".notes-filters",
    ".note-card .notes-actions",
    ".anchor-link",
];

pub async fn printing_keeps_the_report_and_notes_and_drops_the_controls(ctx: &Ctx) -> TestResult {
    with_page(ctx, DESKTOP, async |page: &Page| {
        page.goto("#s2-p3").await?;
        let rules = page.js_f64(&as_printed(true)).await?;
        check(rules >= 10.0, format!("the style sheets have {rules} print rules"))?;
        check(
            page.js(&printed(".notes-panel")).await? == false,
            "with no notes, the printout has a notes page",
        )?;
        page.js(&as_printed(false)).await?;

        highlight(page, '3').await?;
        // On screen the highlight is a custom highlight, which paper does not get (Chromium):
        // printing makes it a `<mark>` until the print is done.
        page.js("(window.dispatchEvent(new Event('beforeprint')), true)").await?;
        page.wait_until("!!document.querySelector('#s2-p3 mark.note.note-problem')", "the highlight as a <mark> for printing").await?;
        page.js(&as_printed(true)).await?;
        for control in CONTROLS {
            check(
                page.js(&printed(control)).await? == false,
                format!("{control} would be printed"),
            )?;
        }
        for kept in ["#overview", "#reader", "#s2-p3 mark.note", ".note-card .note-quote"] {
            check(
                page.js(&printed(kept)).await? == true,
                format!("{kept} would not be printed"),
            )?;
        }
        // The timeline scrolls sideways on screen; paper cannot, so every event must be inside it.
        let clipped = page
            .js_f64("(() => { const t = document.querySelector('.ov-timeline').getBoundingClientRect(); return [...document.querySelectorAll('.ov-timeline .ov-event')].filter(e => e.getBoundingClientRect().right > t.right + 1).length; })()")
            .await?;
        check(clipped == 0.0, format!("{clipped} timeline events would be cut off"))?;
        let quote = page.js_string("document.querySelector('.note-card .note-quote').textContent").await?;
        check(quote == QUOTE, format!("the printed note quotes {quote}"))?;
        // The report and the notes each start a page; the notes are not a sticky rail.
        let layout = page
            .js_string("['reader', 'notes-panel'].map(c => { const s = getComputedStyle(document.querySelector('#' + c + ', .' + c)); return s.breakBefore + ' ' + s.position; }).join(', ')")
            .await?;
        check(
            layout == "page static, page static",
            format!("the report and the notes start pages as static blocks: {layout}"),
        )?;
        // The banner is white on red on screen; paper without background graphics keeps ink.
        let title = page.js_string("getComputedStyle(document.querySelector('.ov-title')).color").await?;
        check(title != "rgb(255, 255, 255)", "the overview's title would print white on white")?;
        // A 问题 highlight keeps its wavy underline, which a black-and-white printer keeps.
        let line = page.js_string("getComputedStyle(document.querySelector('#s2-p3 mark.note')).textDecorationStyle").await?;
        check(line == "wavy", format!("the highlight prints underlined {line}"))?;
        // After printing the text is as prerendered again, with the highlight drawn over it.
        page.js(&as_printed(false)).await?;
        page.js("(window.dispatchEvent(new Event('afterprint')), true)").await?;
        page.wait_until(
            &format!("!document.querySelector('#reader mark') && {}", marks::any("note-problem", "#s2-p3")),
            "the highlight drawn over the text again after printing",
        )
        .await
    })
    .await
}
