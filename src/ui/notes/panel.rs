//! The notes panel: every note in report order, grouped by part, filterable by kind and text
//! (`notes::listing`), each linking to its passage, edited in place, deleted with undo;
//! export, import with a preview, trust signals (last export, a reminder after 7 days), and
//! storage warnings. Lean on purpose: each reactive binding and each closure type is code in
//! the wasm, so cards are drawn from snapshots of their notes, the list is drawn again when
//! one changes, and closures that several elements share are defined once.

use leptos::either::{Either, EitherOf3};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::state::{use_notes, NotesState};
use crate::browser;
use crate::notes::listing::{listing, Filter, Listing, Row};
use crate::notes::{Mode, Note, NoteKind, Target};
use crate::report::{DOCUMENT, PASSAGES};
use crate::ui::erase::{act, live};
use crate::ui::state::use_reading_state;

const DAY_MS: i64 = 24 * 60 * 60 * 1000;
/// How many note cards are drawn before "show more".
const PAGE: usize = 50;

/// A row as drawn: a part's label, or a note's card with what it shows. The list is drawn
/// again when any of these change (with at most a page of cards, a few milliseconds); the
/// note being edited is kept without its text, so typing in it does not draw the list again
/// (its editor follows the text itself).
#[derive(Clone, PartialEq)]
enum Line {
    Group(String),
    Card(Card),
}

#[derive(Clone, PartialEq)]
struct Card {
    note: Note,
    unplaced: bool,
    unsaved: bool,
    editing: bool,
    read_only: bool,
}

#[component]
pub fn NotesPanel() -> impl IntoView {
    let notes = use_notes();
    let reading = use_reading_state();
    let filter = RwSignal::new(Filter::default());
    // Long lists are drawn a page at a time; filters still search every note.
    let shown = RwSignal::new(PAGE);
    // Nothing is written before the stored notes are read (the prerendered panel never has).
    let read_only = move || notes.mode() == Mode::ReadOnly || !notes.loaded();
    let open = move || notes.panel_open.get().to_string();
    let close = move |_| notes.panel_open.set(false);

    let listed: Memo<(Vec<Line>, usize)> = Memo::new(move |_| {
        let filter = filter.get();
        let limit = shown.get();
        let editing = notes.editing.get();
        let read_only = read_only();
        notes.notes.with(|list| {
            notes.placement.with(|placement| {
                let Listing { rows, matching } =
                    listing(&DOCUMENT, &PASSAGES, list, placement, &filter, limit);
                let lines = rows
                    .into_iter()
                    .map(|row| match row {
                        Row::Group(g) => Line::Group(g),
                        Row::Note { index, unplaced } => {
                            let mut note = list[index].clone();
                            let editing = editing.as_deref() == Some(note.id.as_str());
                            if editing {
                                note.text.clear();
                                note.updated = 0;
                            }
                            Line::Card(Card {
                                unsaved: notes.is_unsaved(&note.id),
                                editing,
                                note,
                                unplaced,
                                read_only,
                            })
                        }
                    })
                    .collect();
                (lines, matching)
            })
        })
    });

    let on_import = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        wasm_bindgen_futures::spawn_local(async move {
            if let Some((text, size, name)) = browser::files::read_chosen_file(&input).await {
                if size as usize > crate::notes::transfer::MAX_IMPORT_BYTES {
                    notes.say(
                        format!("未导入“{name}”：文件太大。现有笔记没有任何改变。"),
                        true,
                    );
                } else {
                    notes.preview_import(&text, name);
                }
            }
            input.set_value("");
        });
    };

    view! {
        <aside id="notes-panel" class="notes-panel" aria-label="笔记" data-open=open>
            <div class="notes-head">
                <h2 class="notes-title">"笔记" <span class="notes-count">{live(move || notes.count_label())}</span></h2>
                <button type="button" class="icon-button notes-close" aria-label="关闭笔记" on:click=close>
                    <span aria-hidden="true">"×"</span>
                </button>
            </div>
            {live(move || banners(notes))}
            <div class="notes-tools">
                <button type="button" class="chip" disabled=read_only
                    on:click=act(move |_| notes.note_about(reading.active.get_untracked().filter(|a| DOCUMENT.has(*a))))>
                    "＋ 为当前部分写笔记"
                </button>
                <button type="button" class="chip" disabled=read_only on:click=act(move |_| notes.note_about(None))>"＋ 关于全文"</button>
            </div>
            // A fieldset: one switch disables every filter until the notes are read.
            <fieldset class="notes-filters" aria-label="筛选笔记" disabled=live(move || !notes.loaded())>
                <input type="search" class="notes-filter-text" placeholder="筛选笔记" aria-label="按文字筛选笔记"
                    on:input=act(move |ev| filter.update(|f| f.text = event_target_value(&ev))) />
                <div class="kind-filters">
                    {NoteKind::ALL.iter().map(|&k| view! {
                        <button type="button" class=format!("kind-chip kind-{}", k.slug())
                            aria-pressed=live(move || filter.with(|f| f.kind == Some(k)).to_string())
                            on:click=act(move |_| filter.update(|f| f.kind = if f.kind == Some(k) { None } else { Some(k) }))>
                            <span class="kind-swatch" aria-hidden="true"></span>{k.label()}
                        </button>
                    }).collect_view()}
                </div>
            </fieldset>
            <div class="notes-list">
                {live(move || listed.with(|l| l.0.iter().cloned().map(|line| match line {
                    Line::Group(title) => Either::Left(view! { <h3 class="notes-group-title">{title}</h3> }),
                    Line::Card(card) => Either::Right(note_card(notes, card)),
                }).collect_view()))}
                {live(move || {
                    let (lines, matching) = listed.with(|l| (l.0.iter().filter(|l| matches!(l, Line::Card(_))).count(), l.1));
                    if lines == 0 {
                        let empty = notes.notes.with(Vec::is_empty);
                        EitherOf3::A(view! {
                            <p class="notes-empty">
                                {if !notes.loaded() {
                                    "正在读取本浏览器中的笔记…"
                                } else if empty {
                                    "还没有笔记。选中正文中的文字，用浮现的工具条划线或写笔记；也可以为当前部分或全文写笔记。"
                                } else {
                                    "没有符合筛选条件的笔记。"
                                }}
                            </p>
                        })
                    } else if matching > lines {
                        EitherOf3::B(view! {
                            <button type="button" class="chip show-more" on:click=act(move |_| shown.update(|s| *s += PAGE))>
                                {format!("再显示 {} 条（共 {matching} 条）", PAGE.min(matching - lines))}
                            </button>
                        })
                    } else {
                        EitherOf3::C(())
                    }
                })}
            </div>
            <div class="notes-footer">
                {live(move || backup_line(notes))}
                <div class="notes-actions">
                    <button type="button" class="chip" disabled=live(move || !notes.loaded()) on:click=act(move |_| notes.export_markdown())>"导出 Markdown"</button>
                    <button type="button" class="chip" data-testid="export-json" disabled=live(move || !notes.loaded()) on:click=act(move |_| notes.export_json())>"导出 JSON"</button>
                    <label class="chip file-chip">
                        "导入 JSON"
                        <input type="file" accept=".json,application/json" class="visually-hidden" data-testid="import-file"
                            disabled=read_only on:change=on_import />
                    </label>
                    <button type="button" class="chip danger" disabled=live(move || read_only() || notes.notes.with(Vec::is_empty))
                        on:click=act(move |_| notes.confirm_delete_all.set(true))>"删除全部笔记"</button>
                </div>
            </div>
        </aside>
        <div class="scrim notes-scrim" aria-hidden="true" data-open=open on:click=close></div>
        {live(move || import_preview(notes))}
        {live(move || delete_all_dialog(notes))}
    }
}

/// Storage warnings: notes kept in memory only, read-only data, unreadable values, unsaved
/// notes. Drawn again whenever one of them changes (rarely).
fn banners(notes: NotesState) -> impl IntoView {
    let mode = notes.mode();
    let quarantined = notes.quarantined();
    let unsaved = notes.unsaved_count();
    let read_only = mode == Mode::ReadOnly;
    view! {
        {(mode == Mode::MemoryOnly).then(|| view! {
            <p class="notes-banner is-error" role="alert" data-testid="storage-unavailable">
                "此浏览器不允许保存数据（本地存储被禁用）。笔记只保留到关闭页面为止，请用“导出”保存全部笔记。"
            </p>
        })}
        {read_only.then(|| view! {
            <p class="notes-banner is-error" role="alert" data-testid="read-only">
                "已存的笔记来自更新版本的研读。为免旧版本覆盖新数据，此页面只读：可以查看和导出，不能修改。"
            </p>
        })}
        {(!quarantined.is_empty()).then(|| view! {
            <div class="notes-banner is-error" role="alert" data-testid="quarantine">
                <p>{format!("有 {} 条已存数据无法读取。原始内容已原样备份，其他笔记不受影响。", quarantined.len())}</p>
                <ul class="quarantine-list">
                    {quarantined.into_iter().map(|(key, copy, reason)| {
                        let k1 = key.clone();
                        let k2 = key.clone();
                        view! {
                            <li>
                                <code>{key}</code>
                                <span class="quarantine-reason">{reason}</span>
                                {copy.map(|c| view! { <span class="quarantine-copy">{format!("备份于 {c}")}</span> })}
                                <span class="notes-actions">
                                    <button type="button" class="text-button" on:click=act(move |_| notes.download_quarantined(&k1))>"下载原始数据"</button>
                                    <button type="button" class="text-button danger" disabled=read_only on:click=act(move |_| notes.discard_quarantined(&k2))>"删除这条损坏的数据"</button>
                                </span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </div>
        })}
        {(unsaved > 0).then(|| view! {
            <p class="notes-banner is-error" data-testid="unsaved">
                {format!("{unsaved} 条笔记未保存。")}
                <button type="button" class="text-button" on:click=act(move |_| notes.retry())>"重试保存"</button>
            </p>
        })}
    }
}

/// One note's card, drawn from a snapshot of the note.
fn note_card(notes: NotesState, card: Card) -> impl IntoView {
    let Card {
        note,
        unplaced,
        unsaved,
        editing,
        read_only,
    } = card;
    let kind = note.kind;
    let class = match (kind, unplaced) {
        (Some(k), false) => format!("note-card kind-{}", k.slug()),
        (Some(k), true) => format!("note-card kind-{} is-unplaced", k.slug()),
        (None, false) => "note-card".to_string(),
        (None, true) => "note-card is-unplaced".to_string(),
    };
    let (quote, locate_href) = match &note.target {
        Target::Quote { quote, .. } => (
            Some(quote.clone()),
            (!unplaced).then(|| format!("#note-{}", note.id)),
        ),
        Target::Part { .. } => (
            None,
            note.target
                .anchor()
                .filter(|_| !unplaced)
                .map(|a| format!("#{a}")),
        ),
        Target::Report => (None, None),
    };
    let id = note.id.clone();
    let (for_kind, for_edit, for_delete) = (id.clone(), id.clone(), id.clone());
    let body = if editing {
        Either::Left(editor(notes, id.clone(), read_only))
    } else {
        let empty = note.text.trim().is_empty();
        let text = if empty {
            "（仅划线）".to_string()
        } else {
            note.text.clone()
        };
        Either::Right(
            view! { <p class=if empty { "note-text is-empty" } else { "note-text" }>{text}</p> },
        )
    };
    view! {
        <article class=class data-note-card=id>
            <div class="note-meta">
                {kind.map(|k| view! {
                    <span class=format!("kind-label kind-{}", k.slug())><span class="kind-swatch" aria-hidden="true"></span>{k.label()}</span>
                })}
                {unsaved.then(|| view! { <span class="unsaved-badge" data-testid="unsaved-badge">"未保存"</span> })}
                {unplaced.then(|| view! { <span class="unplaced-badge">"未能定位"</span> })}
            </div>
            {quote.map(|q| view! { <blockquote class="note-quote">{q}</blockquote> })}
            {body}
            <div class="notes-actions">
                {locate_href.map(|href| view! { <a class="text-button" href=href>"定位"</a> })}
                <select class="kind-select" aria-label="类别" disabled=read_only
                    on:change=act(move |ev| {
                        let v = event_target_value(&ev);
                        let kind = NoteKind::ALL.into_iter().find(|k| k.slug() == v);
                        notes.edit(&for_kind, |n| n.kind = kind);
                    })>
                    <option value="" selected=kind.is_none()>"无类别"</option>
                    {NoteKind::ALL.iter().map(|k| view! {
                        <option value=k.slug() selected=kind == Some(*k)>{k.label()}</option>
                    }).collect_view()}
                </select>
                <button type="button" class="text-button" disabled=read_only
                    on:click=act(move |_| notes.editing.set((!editing).then(|| for_edit.clone())))>
                    {if editing { "完成" } else { "编辑" }}
                </button>
                <button type="button" class="text-button danger" disabled=read_only on:click=act(move |_| notes.delete(&for_delete))>"删除"</button>
            </div>
        </article>
    }
}

/// The text of the note being edited. It follows the stored text, so an edit made in another
/// tab shows here too; our own typing sets the same value back, which changes nothing.
fn editor(notes: NotesState, id: String, read_only: bool) -> impl IntoView {
    let for_value = id.clone();
    view! {
        <textarea class="note-editor" aria-label="笔记内容" rows="4" autofocus disabled=read_only
            prop:value=live(move || notes.text_of(&for_value))
            on:input=act(move |ev| {
                let value = event_target_value(&ev);
                notes.edit(&id, |n| n.text = value);
            })
            on:keydown=act(move |ev: leptos::ev::KeyboardEvent| {
                if ev.key() == "Escape" {
                    notes.editing.set(None);
                }
            })
        ></textarea>
    }
}

/// When the notes were last exported, and a warning when a backup is due.
fn backup_line(notes: NotesState) -> impl IntoView {
    let count = notes.notes.with(Vec::len);
    let (line, stale) = match notes.meta().last_export {
        // Not read yet (the prerendered page): nothing to say about a backup.
        _ if !notes.loaded() => (String::new(), false),
        Some(t) => {
            let days = (browser::files::now_ms() - t) / DAY_MS;
            let when = if days == 0 {
                "今天".to_string()
            } else {
                format!("{days} 天前")
            };
            (format!("上次导出备份：{when}"), days >= 7 && count > 0)
        }
        None => ("尚未导出备份".to_string(), count > 0),
    };
    view! {
        <p class=if stale { "backup-line is-stale" } else { "backup-line" } data-testid="backup-line">
            {line}
            {stale.then_some(" · 建议现在导出，以免浏览器清理数据时丢失笔记")}
        </p>
    }
}

fn import_preview(notes: NotesState) -> impl IntoView {
    notes.import_preview.get().map(|(plan, name)| {
        let copies = plan.copies;
        let new = plan.add.len() - copies;
        view! {
            <div class="dialog-backdrop">
                <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="import-title" data-testid="import-preview">
                    <h2 id="import-title">{format!("导入“{name}”")}</h2>
                    <ul class="import-summary">
                        <li>{format!("新增 {new} 条")}</li>
                        <li>{format!("更新 {} 条（导入的版本较新）", plan.replace.len())}</li>
                        <li>{format!("冲突时保留副本 {copies} 条（较旧的一方另存，不会丢失）")}</li>
                        <li>{format!("已存在、不变 {} 条", plan.unchanged)}</li>
                    </ul>
                    <div class="dialog-actions">
                        <button type="button" class="chip" on:click=act(move |_| notes.import_preview.set(None))>"取消"</button>
                        <button type="button" class="chip primary" data-testid="apply-import" disabled=plan.is_empty()
                            on:click=act(move |_| notes.apply_import())>"导入"</button>
                    </div>
                </div>
            </div>
        }
    })
}

fn delete_all_dialog(notes: NotesState) -> impl IntoView {
    notes.confirm_delete_all.get().then(|| view! {
        <div class="dialog-backdrop">
            <div class="dialog" role="alertdialog" aria-modal="true" aria-labelledby="delete-all-title">
                <h2 id="delete-all-title">{format!("删除全部 {} 条笔记？", notes.notes.with(Vec::len))}</h2>
                <p>"删除后无法撤销。建议先导出一份备份。"</p>
                <div class="dialog-actions">
                    <button type="button" class="chip" on:click=act(move |_| notes.export_json())>"先导出 JSON"</button>
                    <button type="button" class="chip" on:click=act(move |_| notes.confirm_delete_all.set(false))>"取消"</button>
                    <button type="button" class="chip danger" on:click=act(move |_| notes.delete_all())>"删除全部"</button>
                </div>
            </div>
        </div>
    })
}

/// A polite status line for what just happened, with undo where it applies.
#[component]
pub fn NotesToast() -> impl IntoView {
    let notes = use_notes();
    view! {
        <div class="toast-region" role="status" aria-live="polite">
            {live(move || notes.notice.get().map(|n| view! {
                <div class=if n.error { "toast is-error" } else { "toast" } data-testid="toast">
                    <span>{n.text}</span>
                    {notes.undo.with(Option::is_some).then(|| view! {
                        <button type="button" class="text-button" on:click=act(move |_| notes.undo_last())>"撤销"</button>
                    })}
                    <button type="button" class="text-button" aria-label="关闭提示" on:click=act(move |_| { notes.notice.set(None); notes.undo.set(None); })>"×"</button>
                </div>
            }))}
        </div>
    }
}
