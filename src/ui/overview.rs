//! The overview (一图读懂, made from the text): a banner with the title and the pilot's status,
//! the district's figures and honours, the four sections as pillars, a timeline of dated
//! statements, the quoted terms, the themes, the masked values, and the glossary. Every item
//! links to the sentence it comes from.

use std::sync::LazyLock;

use leptos::either::Either;
use leptos::prelude::*;

use super::passage_text::{range_view, redaction_chip};
use super::source_link::SourceLink;
use crate::report::{numerals, Document, Node, DOCUMENT, PASSAGES};
use crate::summary::data::GLOSSARY;
use crate::summary::outline::{place_label, short_place};
use crate::summary::profile::{
    honours, key_figures_and_source, pilot_status, Figure, FiguresFrom, Honour,
};
use crate::summary::redactions::{counts, masked_values};
use crate::summary::sentences::sentence_around;
use crate::summary::terms::{quoted_terms, QuotedTerm};
use crate::summary::themes::{themes, Theme};
use crate::summary::timeline::{ordered, timeline, Dated};

static TIMELINE: LazyLock<(Vec<Dated>, Vec<Dated>)> =
    LazyLock::new(|| ordered(timeline(&PASSAGES)));
static TERMS: LazyLock<Vec<QuotedTerm>> = LazyLock::new(|| quoted_terms(&PASSAGES));
static THEMES: LazyLock<Vec<Theme>> = LazyLock::new(|| themes(&DOCUMENT, &PASSAGES));

#[component]
pub fn Overview(doc: &'static Document) -> impl IntoView {
    view! {
        <section id="overview" class="overview" aria-labelledby="overview-title">
            <Banner doc=doc />
            <Profile />
            <Pillars doc=doc />
            <Timeline />
            <Terms />
            <Themes />
            <Masked />
            <Glossary />
            <p class="ov-cta-row"><a class="ov-cta" href="#intro">"读全文"</a></p>
            // The single-file edition, built beside the app (dist/single/); hidden inside it.
            <p class="ov-single-file single-file-link">
                <a href="single/yandu.html" download="研读 · 抢抓机遇 城乡统筹.html">"下载单文件版"</a>
                "：一个 HTML 文件，双击即可离线阅读，可邮寄或拷贝；笔记请用「导出 / 导入」带过去。"
            </p>
        </section>
    }
}

/// The part's gist: hand-written for the shipped report, else its own first sentence.
fn gist_of(anchor: crate::report::Anchor) -> Option<String> {
    crate::summary::gists::gist(&DOCUMENT, anchor)
}

fn sentence_of(passage: usize, at: usize) -> (usize, usize) {
    PASSAGES
        .get(passage)
        .map_or((0, 0), |p| sentence_around(&p.text, at))
}

/// A range of a passage, masked values as chips.
fn text_of(passage: usize, range: (usize, usize)) -> impl IntoView {
    PASSAGES.get(passage).map(|p| range_view(p, range))
}

#[component]
fn Banner(doc: &'static Document) -> impl IntoView {
    let title = doc.title().map(|t| t.plain_text()).unwrap_or_default();
    let subtitle: Vec<String> = doc.subtitles().map(|b| b.plain_text()).collect();
    view! {
        <header class="ov-banner">
            <p class="ov-kicker">"一图读懂 · 由原文生成，每一项都链接到出处"</p>
            <h2 id="overview-title" class="ov-title">{title}</h2>
            {subtitle.into_iter().map(|s| view! { <p class="ov-subtitle">{s}</p> }).collect_view()}
            {pilot_status(&PASSAGES).map(|(p, range)| view! {
                <p class="ov-status">
                    <SourceLink passage=p range=range class="ov-status-link">{text_of(p, range)}</SourceLink>
                </p>
            })}
        </header>
    }
}

#[component]
fn Section<C: IntoView + 'static>(
    id: &'static str,
    #[prop(into)] title: String,
    children: TypedChildren<C>,
) -> impl IntoView {
    view! {
        <section class="ov-block" aria-labelledby=id>
            <h3 id=id class="ov-heading">{title}</h3>
            {children.into_inner()()}
        </section>
    }
}

#[component]
fn Profile() -> impl IntoView {
    let (figures, from) = key_figures_and_source(&PASSAGES);
    let honours = honours(&PASSAGES);
    // A place's profile where the text opens with one; else the report's first figures.
    let title = match from {
        FiguresFrom::Profile => "区情",
        FiguresFrom::Body => "主要数字",
    };
    (!figures.is_empty() || !honours.is_empty()).then(|| {
        view! {
            <Section id="ov-profile" title=title>
                <ul class="ov-figures">
                    {figures.into_iter().map(figure).collect_view()}
                </ul>
                {(!honours.is_empty()).then(|| view! {
                    <p class="ov-subheading">"荣誉称号"</p>
                    <ul class="ov-chips">{honours.into_iter().map(honour).collect_view()}</ul>
                })}
            </Section>
        }
    })
}

fn figure(f: Figure) -> impl IntoView {
    let value = if f.masked {
        Either::Left(redaction_chip(f.value.clone()))
    } else {
        Either::Right(f.value.clone())
    };
    view! {
        <li class="ov-figure">
            <SourceLink passage=f.passage range=sentence_of(f.passage, f.at.0) class="ov-figure-link">
                <span class="ov-figure-label">{f.label.clone()}</span>
                <span class="ov-figure-value">{value}<span class="ov-figure-unit">{f.unit.clone()}</span></span>
            </SourceLink>
        </li>
    }
}

fn honour(h: Honour) -> impl IntoView {
    view! {
        <li><SourceLink passage=h.passage range=h.sentence class="chip">{h.name}</SourceLink></li>
    }
}

/// "四大板块" for four parts, "十二大板块" for twelve: the genre's own way of naming them.
fn pillars_title(n: usize) -> String {
    match numerals::to_chinese(n) {
        Some(numeral) if n > 1 => format!("{numeral}大板块"),
        _ => "主要内容".to_string(),
    }
}

#[component]
fn Pillars(doc: &'static Document) -> impl IntoView {
    let parts: Vec<&'static Node> = doc
        .parts
        .iter()
        .filter(|n| !n.is_point() || doc.parts.len() > 1)
        .collect();
    (!parts.is_empty()).then(|| view! {
        <Section id="ov-pillars" title=pillars_title(parts.len())>
            <ol class="ov-pillars">
                {parts.into_iter().map(|s| {
                    let anchor = s.anchor;
                    let clauses = s.clauses();
                    let numeral = s.label_text().trim_end_matches(['、', '，', ',', '是']).to_string();
                    view! {
                        <li class="ov-pillar">
                            <a class="ov-pillar-head" href=format!("#{anchor}")>
                                <span class="ov-pillar-ordinal" aria-hidden="true">{numeral}</span>
                                <span class="ov-pillar-clauses">
                                    {clauses.into_iter().map(|c| view! { <span class="ov-clause">{c}</span> }).collect_view()}
                                </span>
                            </a>
                            {gist_of(anchor).map(|g| view! { <p class="ov-gist">{g}</p> })}
                            <ol class="ov-points">
                                {s.children().map(|p| {
                                    let pa = p.anchor;
                                    view! {
                                        <li>
                                            <a href=format!("#{pa}") title=gist_of(pa).unwrap_or_default()>
                                                <span class="ov-point-marker">{p.label_text().to_string()}</span>
                                                {p.heading_label()}
                                            </a>
                                        </li>
                                    }
                                }).collect_view()}
                            </ol>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </Section>
    })
}

#[component]
fn Timeline() -> impl IntoView {
    let (dated, undated) = &*TIMELINE;
    view! {
        <Section id="ov-timeline" title="时间线">
            <ol class="ov-timeline">{dated.iter().map(timeline_item).collect_view()}</ol>
            {(!undated.is_empty()).then(|| view! {
                <p class="ov-subheading">"时间隐去或相对的表述"</p>
                <ul class="ov-undated">{undated.iter().map(timeline_item).collect_view()}</ul>
            })}
        </Section>
    }
}

fn timeline_item(d: &'static Dated) -> impl IntoView {
    let label = if d.masked {
        Either::Left(redaction_chip(d.label.clone()))
    } else {
        Either::Right(d.label.clone())
    };
    let place = short_place(&DOCUMENT, PASSAGES[d.passage].anchor);
    view! {
        <li class="ov-event" class:is-relative=d.relative>
            <span class="ov-event-date">{label}</span>
            <SourceLink passage=d.passage range=d.sentence class="ov-event-text">
                {text_of(d.passage, d.clause)}
            </SourceLink>
            <span class="ov-event-place">{place}</span>
        </li>
    }
}

#[component]
fn Terms() -> impl IntoView {
    view! {
        <Section id="ov-terms" title="关键词">
            <ul class="ov-terms">
                {TERMS.iter().map(|t| {
                    let term = t.term.clone();
                    view! {
                        <li class="ov-term">
                            // Searched for by the page's glue (`ui::static_page`).
                            <button type="button" class="chip chip-term"
                                aria-label=format!("搜索“{term}”")
                                data-search=term.clone()>
                                "“" {term.clone()} "”"
                            </button>
                            <span class="ov-term-count">{format!("×{}", t.occurrences.len())}</span>
                            <span class="ov-term-places">
                                {t.occurrences.iter().map(|o| view! {
                                    <SourceLink passage=o.passage range=o.at class="ov-place"
                                        label=format!("“{}”出现在{}", t.term, place_label(&DOCUMENT, o.anchor))>
                                        {short_place(&DOCUMENT, o.anchor)}
                                    </SourceLink>
                                }).collect_view()}
                            </span>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </Section>
    }
}

#[component]
fn Themes() -> impl IntoView {
    // Every theme's panel is in the page, hidden; the glue shows the chosen one and marks the
    // points its button names (`data-points`) in the reader and the outline (`ui::static_page`).
    view! {
        <Section id="ov-themes" title="主题">
            <ul class="ov-chips" role="list">
                {THEMES.iter().enumerate().map(|(i, t)| view! {
                    <li>
                        <button type="button" class="chip chip-theme" aria-pressed="false"
                            aria-controls=format!("ov-theme-{i}") data-theme=i
                            data-points={t.anchors.iter().map(|a| a.id()).collect::<Vec<_>>().join(" ")}>
                            {t.name}<span class="chip-count">{t.anchors.len()}</span>
                        </button>
                    </li>
                }).collect_view()}
            </ul>
            {THEMES.iter().enumerate().map(|(i, t)| view! {
                <div id=format!("ov-theme-{i}") class="ov-theme-panel" role="region" aria-label=format!("主题：{}", t.name) hidden>
                    <p class="ov-theme-title">{format!("“{}”涉及 {} 处", t.name, t.anchors.len())}</p>
                    <ul class="ov-theme-list">
                        {t.anchors.iter().map(|a| view! {
                            <li>
                                <a href=format!("#{a}")>
                                    <span class="ov-theme-place">{place_label(&DOCUMENT, Some(*a))}</span>
                                    <span class="ov-theme-gist">{gist_of(*a).unwrap_or_default()}</span>
                                </a>
                            </li>
                        }).collect_view()}
                    </ul>
                </div>
            }).collect_view()}
        </Section>
    }
}

#[component]
fn Masked() -> impl IntoView {
    let masked = masked_values(&PASSAGES);
    let total = masked.len();
    (total > 0).then(|| view! {
        <Section id="ov-masked" title="隐去的信息">
            <p class="ov-masked-total">
                "原文共有 " <strong class="ov-big">{total}</strong> " 处名称或数字以 X 隐去，本应用照原样显示，不作推测。"
            </p>
            <ul class="ov-masked">
                {counts(&masked).into_iter().map(|(kind, n)| view! {
                    <li><span class="ov-big">{n}</span>" 处" {kind.label()}</li>
                }).collect_view()}
            </ul>
        </Section>
    })
}

#[component]
fn Glossary() -> impl IntoView {
    view! {
        <Section id="ov-glossary" title="词汇表">
            <dl class="ov-glossary" id="glossary">
                // Each entry says its index, which the terms in the text name (`data-term`): the
                // page explains a tapped term from here before the app has started.
                {GLOSSARY.iter().enumerate().map(|(i, e)| view! {
                    <div class="ov-gloss-entry" data-term=i>
                        <dt>{e.term}</dt>
                        <dd>{e.explain}</dd>
                    </div>
                }).collect_view()}
            </dl>
        </Section>
    }
}
