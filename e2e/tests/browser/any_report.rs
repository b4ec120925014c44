//! Scenarios that hold for any report of the genre: they take the parts they visit from the
//! report the dist was built with (parsed here with Yandu's own parser), so they run on the
//! seed and on a fixture of three levels alike (`YANDU_REPORT`, see scripts/test).

use super::{with_page, Ctx, DESKTOP};
use yandu::report::passage::PassageKind;
use yandu::report::{passages, Anchor, BlockRole, Document};
use yandu_e2e::marks;
use yandu_e2e::page::{check, Page, TestResult};

/// A node at `depth` whose first passage has at least a few characters of its own text, and a
/// stretch of that text to select or search for.
fn node_at_depth(ctx: &Ctx, depth: usize) -> Option<(Anchor, String)> {
    let doc = Document::parse(&ctx.source);
    let ps = passages(&doc);
    doc.nodes()
        .into_iter()
        .filter(|n| n.anchor.path().is_some_and(|p| p.depth() == depth))
        .find_map(|n| {
            let p = ps
                .iter()
                .find(|p| p.anchor == Some(n.anchor) && p.kind == PassageKind::Point)?;
            // Plain text after the label: no masks, quotes or marks, so it is one text node.
            let body: String = p.text[n.label.trim_start().len()..]
                .chars()
                .take_while(|c| !"。，；：！？“”XＸ×*（）\n".contains(*c))
                .take(6)
                .collect();
            (body.chars().count() >= 4).then_some((n.anchor, body))
        })
}

/// The deepest level with a run-in node (a point or a deep heading) that has text of its own.
fn deepest(ctx: &Ctx) -> Result<(Anchor, String), String> {
    (1..=yandu::report::anchor::MAX_DEPTH)
        .rev()
        .find_map(|d| node_at_depth(ctx, d))
        .ok_or_else(|| "the report has no node with text of its own".to_string())
}

/// Every part of the tree is in the reader and the outline under its own anchor, headings
/// are set by level, and page furniture is folded away.
pub async fn the_tree_is_drawn_and_every_part_linked(ctx: &Ctx) -> TestResult {
    let doc = Document::parse(&ctx.source);
    with_page(ctx, DESKTOP, async |page: &Page| {
        page.goto("").await?;
        for a in doc.anchors() {
            let id = a.id();
            check(
                page.js(&format!(
                    "!!document.querySelector('#reader [id=\"{id}\"]')"
                ))
                .await?
                    == true,
                format!("#{id} is not in the reader"),
            )?;
            if matches!(a, Anchor::Node(_)) {
                check(
                    page.js(&format!(
                        "!!document.querySelector('#outline a[data-anchor=\"{id}\"]')"
                    ))
                    .await?
                        == true,
                    format!("#{id} is not in the outline"),
                )?;
            }
        }
        let count = async |css: &str| {
            page.js_f64(&format!("document.querySelectorAll('{css}').length"))
                .await
        };
        // As the reader sets them: every heading at the top is an h2, a （一） below it an h3.
        let headings_at = |depth: usize| {
            use yandu::report::numbering::{LabelKind, Numbering};
            doc.nodes()
                .into_iter()
                .filter(|n| {
                    n.anchor.path().is_some_and(|p| p.depth() == depth)
                        && match n.kind {
                            LabelKind::Heading(Numbering::Chinese | Numbering::ParenChinese) => {
                                true
                            }
                            LabelKind::Heading(_) => depth == 1,
                            LabelKind::Point(_) => false,
                        }
                })
                .count() as f64
        };
        check(
            count("#reader h2.sec-heading").await? == headings_at(1),
            "an h2 per top-level heading",
        )?;
        check(
            count("#reader h3.sec-heading").await? == headings_at(2),
            "an h3 per （一） heading",
        )?;
        let furniture = doc
            .front
            .iter()
            .chain(doc.back.iter())
            .filter(|b| b.role == BlockRole::Furniture)
            .count() as f64;
        check(
            count("#reader details.doc-furniture:not([open]) p").await? == furniture,
            format!("the {furniture} lines of page furniture, folded"),
        )?;
        // Folded furniture is no heading and no part: the title is the document's.
        let title = doc.title().map(|t| t.plain_text()).unwrap_or_default();
        check(
            page.js_string("document.getElementById('doc-title').textContent")
                .await?
                .trim()
                == title.trim(),
            "the title is the report's",
        )
    })
    .await
}

/// A link to a part at each level lands on it and marks it, and the outline marks the part
/// and the nodes that hold it.
pub async fn deep_links_land_at_every_level(ctx: &Ctx) -> TestResult {
    let targets: Vec<Anchor> = (1..=4)
        .filter_map(|d| {
            let doc = Document::parse(&ctx.source);
            doc.nodes()
                .into_iter()
                .find(|n| n.anchor.path().is_some_and(|p| p.depth() == d))
                .map(|n| n.anchor)
        })
        .collect();
    check(targets.len() >= 2, "a report of two levels or more")?;
    with_page(ctx, DESKTOP, async |page: &Page| {
        for a in &targets {
            let id = a.id();
            page.goto(&format!("#{id}")).await?;
            page.wait_landed(&id).await?;
            page.wait_until(
                &format!("document.getElementById('{id}').classList.contains('is-target')"),
                &format!("#{id} to be marked as the jump target"),
            )
            .await?;
            page.wait_until(
                &format!("!!document.querySelector('#outline a[data-anchor=\"{id}\"].is-active')"),
                &format!("the outline to mark #{id}"),
            )
            .await?;
            if let Some(parent) = a.path().map(|p| p.parent()).filter(|p| p.depth() > 0) {
                let pid = Anchor::Node(parent).id();
                page.wait_until(
                    &format!("document.querySelector('#outline a[data-anchor=\"{pid}\"]').closest('li').classList.contains('contains-active')"),
                    &format!("the outline to mark #{pid} as holding #{id}"),
                )
                .await?;
            }
        }
        Ok(())
    })
    .await
}

/// In the deepest part: search finds its words, a highlight is made and kept over a reload,
/// and nothing is logged as an error.
pub async fn search_and_highlight_in_the_deepest_part(ctx: &Ctx) -> TestResult {
    let (anchor, phrase) = deepest(ctx)?;
    let id = anchor.id();
    with_page(ctx, DESKTOP, async |page: &Page| {
        page.goto(&format!("#{id}")).await?;
        page.capture_errors().await?;
        page.wait_landed(&id).await?;
        page.type_into("#search-input", &phrase).await?;
        page.wait_until(
            &marks::any(marks::HITS, &format!("#reader [id=\"{id}\"]")),
            &format!("a search hit for {phrase} in #{id}"),
        )
        .await?;
        page.js("(document.getElementById('search-input').blur(), true)")
            .await?;
        page.select_text(&format!("[id=\"{id}\"]"), &phrase).await?;
        page.wait_until(
            "!document.getElementById('selection-toolbar').hidden",
            "the selection toolbar",
        )
        .await?;
        page.press(&['1']).await?;
        page.wait_until(
            &marks::any(marks::NOTES, &format!("[id=\"{id}\"]")),
            "the highlight to be drawn",
        )
        .await?;
        let errors = page.console_errors().await?;
        check(errors.is_empty(), format!("console errors: {errors:?}"))?;
        page.reload().await?;
        // Outside Chromium the errors are captured by the page itself, which a reload clears.
        page.capture_errors().await?;
        page.wait_until(
            &marks::any(marks::NOTES, &format!("[id=\"{id}\"]")),
            "the highlight to be drawn again after a reload",
        )
        .await?;
        let errors = page.console_errors().await?;
        check(
            errors.is_empty(),
            format!("console errors after the reload: {errors:?}"),
        )
    })
    .await
}
