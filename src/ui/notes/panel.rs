//! The notes panel: every note in report order, grouped by part, filterable by kind and text,
//! each linking to its passage, edited in place, deleted with undo; export, import with a
//! preview, trust signals (last export, a reminder after 7 days), and storage warnings.

use leptos::either::Either;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::state::use_notes;
use crate::browser;
use crate::notes::{Mode, Note, NoteKind, Target};
use crate::report::{Anchor, DOCUMENT, PASSAGES};
use crate::summary::outline::place_label;
use crate::ui::state::use_reading_state;

const DAY_MS: i64 = 24 * 60 * 60 * 1000;
/// How many note cards are drawn before "show more".
const PAGE: usize = 200;

#[component]
pub fn NotesPanel() -> impl IntoView {
    let notes = use_notes();
    let reading = use_reading_state();
    let kind_filter = RwSignal::new(None::<NoteKind>);
    // Long lists are drawn a page at a time; filters still search every note.
    let shown = RwSignal::new(PAGE);
    let text_filter = RwSignal::new(String::new());
    let read_only = move || notes.mode() == Mode::ReadOnly;

    // Notes in report order: report-level first, then by where they sit, unplaced last.
    let groups = Memo::new(move |_| {
        let kind = kind_filter.get();
        let needle = text_filter.get().to_lowercase();
        let list = notes.notes.get();
        let placement = notes.placement.get();
        let mut rows: Vec<(u8, Option<Anchor>, usize, usize, Note, bool)> = list
            .into_iter()
            .zip(placement)
            .filter(|(n, _)| kind.is_none_or(|k| n.kind == Some(k)))
            .filter(|(n, _)| {
                needle.is_empty()
                    || n.text.to_lowercase().contains(&needle)
                    || matches!(&n.target, Target::Quote { quote, .. } if quote.to_lowercase().contains(&needle))
            })
            .map(|(n, placed)| {
                let first = placed.as_ref().and_then(|p| p.first().copied());
                let (rank, anchor, passage, at) = match (&n.target, first) {
                    (Target::Report, _) => (0, None, 0, 0),
                    (Target::Part { .. }, _) => {
                        let a = n.target.anchor().filter(|a| DOCUMENT.has(*a));
                        let p = PASSAGES.iter().position(|p| a.is_some() && p.anchor == a).unwrap_or(usize::MAX);
                        (if a.is_some() { 1 } else { 2 }, a, p, 0)
                    }
                    (Target::Quote { .. }, Some((p, s, _))) => (1, PASSAGES[p].anchor, p, s),
                    (Target::Quote { .. }, None) => (2, None, usize::MAX, 0),
                };
                let unplaced = rank == 2;
                (rank, anchor, passage, at, n, unplaced)
            })
            .collect();
        crate::order::sort_by_key(&mut rows, |a| (a.0, a.2, a.3, a.4.created));
        let total = rows.len();
        let mut groups: Vec<(String, Vec<(String, bool)>)> = Vec::new();
        for (rank, anchor, _, _, note, unplaced) in rows.into_iter().take(shown.get()) {
            let note = note.id;
            let title = match (rank, anchor) {
                (0, _) => "关于全文".to_string(),
                (2, _) => "未能定位（原文中找不到引文）".to_string(),
                (_, a) => place_label(&DOCUMENT, a),
            };
            match groups.last_mut() {
                Some((t, list)) if *t == title => list.push((note, unplaced)),
                _ => groups.push((title, vec![(note, unplaced)])),
            }
        }
        (groups, total)
    });
    let total = Memo::new(move |_| groups.with(|g| g.1));
    let groups = Memo::new(move |_| groups.with(|g| g.0.clone()));

    let groups_empty = Memo::new(move |_| groups.with(Vec::is_empty));

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

    let backup_line = move || {
        let count = notes.notes.with(Vec::len);
        match notes.meta().last_export {
            Some(t) => {
                let days = (browser::files::now_ms() - t) / DAY_MS;
                let stale = days >= 7 && count > 0;
                let when = if days == 0 {
                    "今天".to_string()
                } else {
                    format!("{days} 天前")
                };
                (format!("上次导出备份：{when}"), stale)
            }
            None => ("尚未导出备份".to_string(), count > 0),
        }
    };

    view! {
        <aside id="notes-panel" class="notes-panel" aria-label="笔记" data-open=move || notes.panel_open.get().to_string()>
            <div class="notes-head">
                <h2 class="notes-title">"笔记" <span class="notes-count">{move || notes.notes.with(Vec::len)}</span></h2>
                <button type="button" class="icon-button notes-close" aria-label="关闭笔记" on:click=move |_| notes.panel_open.set(false)>
                    <span aria-hidden="true">"×"</span>
                </button>
            </div>

            {move || match notes.mode() {
                Mode::MemoryOnly => Some(Either::Left(view! {
                    <p class="notes-banner is-error" role="alert" data-testid="storage-unavailable">
                        "此浏览器不允许保存数据（本地存储被禁用）。笔记只保留到关闭页面为止，请用“导出”保存全部笔记。"
                    </p>
                })),
                Mode::ReadOnly => Some(Either::Right(view! {
                    <p class="notes-banner is-error" role="alert" data-testid="read-only">
                        "已存的笔记来自更新版本的研读。为免旧版本覆盖新数据，此页面只读：可以查看和导出，不能修改。"
                    </p>
                })),
                Mode::Normal => None,
            }}
            {move || {
                let q = notes.quarantined();
                (!q.is_empty()).then(|| view! {
                    <div class="notes-banner is-error" role="alert" data-testid="quarantine">
                        <p>{format!("有 {} 条已存数据无法读取。原始内容已原样备份，其他笔记不受影响。", q.len())}</p>
                        <ul class="quarantine-list">
                            {q.into_iter().map(|(key, copy, reason)| {
                                let k1 = key.clone();
                                let k2 = key.clone();
                                view! {
                                    <li>
                                        <code>{key.clone()}</code>
                                        <span class="quarantine-reason">{reason}</span>
                                        {copy.map(|c| view! { <span class="quarantine-copy">{format!("备份于 {c}")}</span> })}
                                        <span class="notes-actions">
                                            <button type="button" class="text-button" on:click=move |_| notes.download_quarantined(&k1)>"下载原始数据"</button>
                                            <button type="button" class="text-button danger" disabled=read_only on:click=move |_| notes.discard_quarantined(&k2)>"删除这条损坏的数据"</button>
                                        </span>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    </div>
                })
            }}
            {move || (notes.unsaved_count() > 0).then(|| view! {
                <p class="notes-banner is-error" data-testid="unsaved">
                    {format!("{} 条笔记未保存。", notes.unsaved_count())}
                    <button type="button" class="text-button" on:click=move |_| notes.retry()>"重试保存"</button>
                </p>
            })}

            <div class="notes-tools">
                <button type="button" class="chip" disabled=read_only
                    on:click=move |_| notes.note_about(reading.active.get_untracked().filter(|a| DOCUMENT.has(*a)))>
                    "＋ 为当前部分写笔记"
                </button>
                <button type="button" class="chip" disabled=read_only on:click=move |_| notes.note_about(None)>"＋ 关于全文"</button>
            </div>
            <div class="notes-filters" role="group" aria-label="筛选笔记">
                <input type="search" class="notes-filter-text" placeholder="筛选笔记" aria-label="按文字筛选笔记"
                    prop:value=move || text_filter.get() on:input=move |ev| text_filter.set(event_target_value(&ev)) />
                <div class="kind-filters">
                    {NoteKind::ALL.iter().map(|&k| view! {
                        <button type="button" class=format!("kind-chip kind-{}", k.slug())
                            aria-pressed=move || (kind_filter.get() == Some(k)).to_string()
                            on:click=move |_| kind_filter.update(|f| *f = if *f == Some(k) { None } else { Some(k) })>
                            <span class="kind-swatch" aria-hidden="true"></span>{k.label()}
                        </button>
                    }).collect_view()}
                </div>
            </div>

            <div class="notes-list">
                // Not <Show>: its fallback is an AnyView, which costs the wasm far more than this.
                {move || if groups_empty.get() {
                    Either::Left(view! {
                        <p class="notes-empty">
                            {move || if notes.notes.with(Vec::is_empty) { "还没有笔记。选中正文中的文字，用浮现的工具条划线或写笔记；也可以为当前部分或全文写笔记。" } else { "没有符合筛选条件的笔记。" }}
                        </p>
                    })
                } else { Either::Right(view! {
                    <For each=move || groups.get() key=|(title, _)| title.clone() let:group>
                        <section class="notes-group">
                            <h3 class="notes-group-title">{group.0.clone()}</h3>
                            <For
                                each={
                                    let title = group.0.clone();
                                    move || groups.with(|g| g.iter().find(|(t, _)| *t == title).map(|(_, l)| l.clone()).unwrap_or_default())
                                }
                                key=|(id, unplaced)| (id.clone(), *unplaced)
                                let:row
                            >
                                <NoteCard id=row.0 unplaced=row.1 />
                            </For>
                        </section>
                    </For>
                }) }}
                {move || {
                    let (total, drawn) = (total.get(), shown.get());
                    (total > drawn).then(|| view! {
                        <button type="button" class="chip show-more" on:click=move |_| shown.update(|s| *s += PAGE)>
                            {format!("再显示 {} 条（共 {total} 条）", PAGE.min(total - drawn))}
                        </button>
                    })
                }}
            </div>

            <div class="notes-footer">
                <p class="backup-line" class:is-stale=move || backup_line().1 data-testid="backup-line">
                    {move || backup_line().0}
                    {move || backup_line().1.then_some(" · 建议现在导出，以免浏览器清理数据时丢失笔记")}
                </p>
                <div class="notes-actions">
                    <button type="button" class="chip" on:click=move |_| notes.export_markdown()>"导出 Markdown"</button>
                    <button type="button" class="chip" data-testid="export-json" on:click=move |_| notes.export_json()>"导出 JSON"</button>
                    <label class="chip file-chip">
                        "导入 JSON"
                        <input type="file" accept=".json,application/json" class="visually-hidden" data-testid="import-file"
                            disabled=read_only on:change=on_import />
                    </label>
                    <button type="button" class="chip danger" disabled=move || read_only() || notes.notes.with(Vec::is_empty)
                        on:click=move |_| notes.confirm_delete_all.set(true)>"删除全部笔记"</button>
                </div>
            </div>
        </aside>
        <div class="scrim notes-scrim" aria-hidden="true" data-open=move || notes.panel_open.get().to_string()
            on:click=move |_| notes.panel_open.set(false)></div>
        <ImportPreview />
        <DeleteAllDialog />
    }
}

#[component]
fn NoteCard(id: String, unplaced: bool) -> impl IntoView {
    let notes = use_notes();
    // Read once: the card is keyed by id and stays while the note changes; the parts that
    // show changing fields read them reactively below.
    // By id, not by scanning the list: with 10,000 notes, 200 cards scanning it twice each
    // took longer than drawing them.
    let note = notes.by_id.with_untracked(|ns| ns.get(&id).cloned())?;
    let current = {
        let id = id.clone();
        Memo::new(move |_| notes.by_id.with(|ns| ns.get(&id).cloned()))
    };
    let editing = {
        let id = id.clone();
        Memo::new(move |_| notes.editing.get().as_deref() == Some(id.as_str()))
    };
    let unsaved = {
        let id = id.clone();
        move || notes.is_unsaved(&id)
    };
    let read_only = move || notes.mode() == Mode::ReadOnly;
    let kind_class = move || {
        let kind = current.get().and_then(|n| n.kind);
        format!(
            "note-card {}",
            kind.map(|k| format!("kind-{}", k.slug()))
                .unwrap_or_default()
        )
    };
    let quote = match &note.target {
        Target::Quote { quote, .. } => Some(quote.clone()),
        _ => None,
    };
    let locate_href = match (&note.target, unplaced) {
        (Target::Quote { .. }, false) => Some(format!("#note-{}", note.id)),
        (Target::Part { .. }, false) => note.target.anchor().map(|a| format!("#{a}")),
        _ => None,
    };
    let (id_edit, id_kind, id_del, id_text) = (id.clone(), id.clone(), id.clone(), id.clone());
    let text = move || current.get().map(|n| n.text).unwrap_or_default();
    Some(view! {
        <article class=kind_class data-note-card=id.clone() class:is-unplaced=unplaced>
            <div class="note-meta">
                {move || current.get().and_then(|n| n.kind).map(|k| view! {
                    <span class=format!("kind-label kind-{}", k.slug())><span class="kind-swatch" aria-hidden="true"></span>{k.label()}</span>
                })}
                {move || unsaved().then(|| view! { <span class="unsaved-badge" data-testid="unsaved-badge">"未保存"</span> })}
                {unplaced.then(|| view! { <span class="unplaced-badge">"未能定位"</span> })}
            </div>
            {quote.map(|q| view! { <blockquote class="note-quote">{q}</blockquote> })}
            {move || if editing.get() {
                let id = id_text.clone();
                Either::Left(view! {
                    <textarea class="note-editor" aria-label="笔记内容" rows="4" autofocus
                        // Follows the stored text, so an edit made in another tab shows here
                        // too; our own typing sets the same value back, which changes nothing.
                        prop:value=move || current.get().map(|n| n.text).unwrap_or_default()
                        disabled=read_only
                        on:input=move |ev| {
                            let value = event_target_value(&ev);
                            notes.edit(&id, |n| n.text = value);
                        }
                        on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                            if ev.key() == "Escape" { notes.editing.set(None); }
                        }
                    ></textarea>
                })
            } else {
                Either::Right(view! {
                    <p class="note-text" class:is-empty=move || text().trim().is_empty()>
                        {move || { let t = text(); if t.trim().is_empty() { "（仅划线）".to_string() } else { t } }}
                    </p>
                })
            }}
            <div class="notes-actions">
                {locate_href.map(|href| view! { <a class="text-button" href=href>"定位"</a> })}
                <select class="kind-select" aria-label="类别" disabled=read_only
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        let kind = NoteKind::ALL.into_iter().find(|k| k.slug() == v);
                        notes.edit(&id_kind, |n| n.kind = kind);
                    }>
                    <option value="" selected=note.kind.is_none()>"无类别"</option>
                    {NoteKind::ALL.iter().map(|k| view! {
                        <option value=k.slug() selected=note.kind == Some(*k)>{k.label()}</option>
                    }).collect_view()}
                </select>
                <button type="button" class="text-button" disabled=read_only
                    on:click=move |_| {
                        let open = notes.editing.get_untracked().as_deref() == Some(id_edit.as_str());
                        notes.editing.set(if open { None } else { Some(id_edit.clone()) });
                    }>
                    {move || if editing.get() { "完成" } else { "编辑" }}
                </button>
                <button type="button" class="text-button danger" disabled=read_only on:click=move |_| notes.delete(&id_del)>"删除"</button>
            </div>
        </article>
    })
}

#[component]
fn ImportPreview() -> impl IntoView {
    let notes = use_notes();
    view! {
        {move || notes.import_preview.get().map(|(plan, name)| {
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
                            <button type="button" class="chip" on:click=move |_| notes.import_preview.set(None)>"取消"</button>
                            <button type="button" class="chip primary" data-testid="apply-import" disabled=plan.is_empty()
                                on:click=move |_| notes.apply_import()>"导入"</button>
                        </div>
                    </div>
                </div>
            }
        })}
    }
}

#[component]
fn DeleteAllDialog() -> impl IntoView {
    let notes = use_notes();
    view! {
        {move || notes.confirm_delete_all.get().then(|| view! {
            <div class="dialog-backdrop">
                <div class="dialog" role="alertdialog" aria-modal="true" aria-labelledby="delete-all-title">
                    <h2 id="delete-all-title">{format!("删除全部 {} 条笔记？", notes.notes.with(Vec::len))}</h2>
                    <p>"删除后无法撤销。建议先导出一份备份。"</p>
                    <div class="dialog-actions">
                        <button type="button" class="chip" on:click=move |_| notes.export_json()>"先导出 JSON"</button>
                        <button type="button" class="chip" on:click=move |_| notes.confirm_delete_all.set(false)>"取消"</button>
                        <button type="button" class="chip danger" on:click=move |_| notes.delete_all()>"删除全部"</button>
                    </div>
                </div>
            </div>
        })}
    }
}

/// A polite status line for what just happened, with undo where it applies.
#[component]
pub fn NotesToast() -> impl IntoView {
    let notes = use_notes();
    view! {
        <div class="toast-region" role="status" aria-live="polite">
            {move || notes.notice.get().map(|n| view! {
                <div class="toast" class:is-error=n.error data-testid="toast">
                    <span>{n.text}</span>
                    {move || notes.undo.get().is_some().then(|| view! {
                        <button type="button" class="text-button" on:click=move |_| notes.undo_last()>"撤销"</button>
                    })}
                    <button type="button" class="text-button" aria-label="关闭提示" on:click=move |_| { notes.notice.set(None); notes.undo.set(None); }>"×"</button>
                </div>
            })}
        </div>
    }
}
