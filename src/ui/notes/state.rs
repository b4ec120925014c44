//! The notes as the components see them: the [`NoteBook`] (loaded after mount, never before),
//! a revision signal that every change bumps, and what is derived from it: the list, where
//! each note sits in the text, the marks per passage, counts per part. Every operation goes
//! through here, so the storage rules in `crate::notes::book` always apply.

use leptos::prelude::*;

use crate::browser;
use crate::browser::selection::SelectedText;
use crate::browser::storage::Store;
use crate::notes::anchoring::{locate, quote_target, Placed};
use crate::notes::codec::Meta;
use crate::notes::transfer::{
    export_json, export_markdown, parse_import, plan_import, ImportPlan, ImportUndo,
};
use crate::notes::{Mode, Note, NoteBook, NoteError, NoteKind, NotesById, Target};
use crate::report::passage::NoteMark;
use crate::report::{Anchor, DOCUMENT, PASSAGES};
use crate::ui::passage_html::NoteLook;
use crate::ui::per_passage::PerPassage;
use crate::ui::text_marks::TextRedraw;

type Book = NoteBook<Store>;

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// Something the reader can take back.
#[derive(Clone, Debug)]
pub enum Undo {
    Deleted(Note),
    Import(ImportUndo),
}

/// A message for the reader: what happened, and whether it is a problem.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub text: String,
    pub error: bool,
}

#[derive(Clone, Copy)]
pub struct NotesState {
    book: StoredValue<Option<Book>, LocalStorage>,
    pub rev: RwSignal<u64>,
    pub notes: Memo<Vec<Note>>,
    /// Where each note of `notes` sits (same order); `None` if it cannot be placed.
    pub placement: Memo<Vec<Option<Vec<Placed>>>>,
    /// The part each note of `notes` belongs to: where its quote sits, or the part it names.
    pub homes: Memo<Vec<Option<Anchor>>>,
    /// Highlights to draw, per passage; `NoteMark::note` indexes `notes`.
    pub marks: PerPassage<NoteMark>,
    pub notice: RwSignal<Option<Notice>>,
    pub undo: RwSignal<Option<Undo>>,
    pub panel_open: RwSignal<bool>,
    pub selection: RwSignal<Option<SelectedText>>,
    pub last_kind: RwSignal<NoteKind>,
    pub editing: RwSignal<Option<String>>,
    pub import_preview: RwSignal<Option<(ImportPlan, String)>>,
    pub confirm_delete_all: RwSignal<bool>,
}

impl NotesState {
    /// `panel_open`: the panel as the page has it (the reader may open it before the app).
    pub fn new(redraw: TextRedraw, panel_open: bool) -> Self {
        let book: StoredValue<Option<Book>, LocalStorage> = StoredValue::new_local(None);
        let rev = RwSignal::new(0u64);
        let notes: Memo<Vec<Note>> = Memo::new(move |_| {
            rev.track();
            book.with_value(|b| {
                b.as_ref()
                    .map(|b| b.notes().into_iter().cloned().collect())
                    .unwrap_or_default()
            })
        });
        let placement = Memo::new(move |_| {
            notes.with(|ns| {
                ns.iter()
                    .map(|n| locate(&PASSAGES, &n.target))
                    .collect::<Vec<_>>()
            })
        });
        let homes = Memo::new(move |_| {
            notes.with(|ns| {
                placement.with(|ps| {
                    ns.iter()
                        .zip(ps)
                        .map(|(n, placed)| match &n.target {
                            Target::Quote { .. } => placed
                                .as_ref()?
                                .first()
                                .and_then(|(i, _, _)| PASSAGES[*i].anchor),
                            Target::Part { .. } => n.target.anchor(),
                            Target::Report => None,
                        })
                        .collect()
                })
            })
        });
        let marks = Memo::new(move |_| {
            let mut per = vec![Vec::new(); PASSAGES.len()];
            placement.with(|ps| {
                for (i, placed) in ps.iter().enumerate() {
                    for &(passage, start, end) in placed.iter().flatten() {
                        per[passage].push(NoteMark {
                            start,
                            end,
                            note: i,
                        });
                    }
                }
            });
            per
        });
        // All at once: a link to a note scrolls to its highlight two frames after load.
        let marks = PerPassage::follow(marks, PASSAGES.len(), |_| true, redraw);
        NotesState {
            book,
            rev,
            notes,
            placement,
            homes,
            marks,
            notice: RwSignal::new(None),
            undo: RwSignal::new(None),
            panel_open: RwSignal::new(panel_open),
            selection: RwSignal::new(None),
            last_kind: RwSignal::new(NoteKind::Practice),
            editing: RwSignal::new(None),
            import_preview: RwSignal::new(None),
            confirm_delete_all: RwSignal::new(false),
        }
    }

    /// Opens storage and loads the notes. Called once, after mount.
    pub fn load(&self) {
        let storage = Store::open();
        let now = browser::files::now_ms();
        let book = NoteBook::load(storage, now);
        let count = book.notes().len();
        let writable = book.mode == Mode::Normal;
        let stale_days = match book.meta.last_export {
            Some(t) => (now - t) / DAY_MS,
            None => i64::MAX,
        };
        self.book.set_value(Some(book));
        self.rev.update(|r| *r += 1);
        // Browsers may clear a site's data after a while: remind, on the first load of a day
        // at most, when notes have gone a week without a backup.
        if writable
            && count > 0
            && stale_days >= 7
            && browser::storage::take_daily_flag("yandu:reminded")
        {
            let since = if stale_days == i64::MAX {
                "还没有导出过备份".to_string()
            } else {
                format!("已有 {stale_days} 天没有导出备份")
            };
            self.say(format!("你有 {count} 条笔记，{since}。浏览器清理网站数据时笔记可能丢失，建议在“笔记”中导出 JSON。"), false);
        }
    }

    fn with_book<T>(&self, f: impl FnOnce(&mut Book) -> T) -> Option<T> {
        let out = self.book.try_update_value(|b| b.as_mut().map(f)).flatten();
        self.rev.update(|r| *r += 1);
        out
    }

    fn read<T>(&self, f: impl FnOnce(&Book) -> T) -> Option<T> {
        self.rev.track();
        self.book.with_value(|b| b.as_ref().map(f))
    }

    pub fn mode(&self) -> Mode {
        self.read(|b| b.mode).unwrap_or(Mode::Normal)
    }

    pub fn quarantined(&self) -> Vec<(String, Option<String>, String)> {
        self.read(|b| {
            b.quarantined
                .iter()
                .map(|q| (q.key.clone(), q.quarantine_key.clone(), q.reason.clone()))
                .collect()
        })
        .unwrap_or_default()
    }

    pub fn is_unsaved(&self, id: &str) -> bool {
        self.read(|b| b.is_unsaved(id)).unwrap_or(false)
    }

    /// Whether the stored notes have been read. The prerendered page never has: it says so
    /// rather than showing none, which a reader with notes would take for notes lost.
    pub fn loaded(&self) -> bool {
        self.read(|_| ()).is_some()
    }

    /// The count of notes as shown, "…" until they have been read.
    pub fn count_label(&self) -> String {
        if self.loaded() {
            self.notes.with(Vec::len).to_string()
        } else {
            "…".to_string()
        }
    }

    pub fn unsaved_count(&self) -> usize {
        self.read(|b| b.unsaved_count()).unwrap_or(0)
    }

    pub fn meta(&self) -> Meta {
        self.read(|b| b.meta.clone()).unwrap_or_default()
    }

    /// True if this browser holds a note with `id`.
    pub fn has(&self, id: &str) -> bool {
        self.read(|b| b.get(id).is_some()).unwrap_or(false)
    }

    pub fn say(&self, text: impl Into<String>, error: bool) {
        self.notice.set(Some(Notice {
            text: text.into(),
            error,
        }));
    }

    fn report(&self, result: Result<(), NoteError>) {
        match result {
            Ok(()) => {
                if self.notice.with_untracked(|n| n.as_ref().is_some_and(|n| n.error)) && self.unsaved_count() == 0 {
                    self.notice.set(None);
                }
                self.ask_persistence_once();
            }
            Err(NoteError::Storage(crate::storage::StorageError::QuotaExceeded)) => self.say(
                "未保存：浏览器的存储空间已满。笔记仍在页面上（标为“未保存”），请导出备份或腾出空间后点“重试保存”。",
                true,
            ),
            Err(NoteError::Storage(crate::storage::StorageError::Unavailable)) => self.say(
                "此浏览器不允许保存数据：笔记只保留到关闭页面为止，请用“导出”保存。",
                true,
            ),
            Err(e) => self.say(format!("未保存：{e}"), true),
        }
    }

    /// Asks the browser to keep our data, once, after the first successful save.
    fn ask_persistence_once(&self) {
        let meta = self.meta();
        if !meta.persist_asked && self.mode() == Mode::Normal {
            browser::storage::request_persistence();
            let meta = Meta {
                persist_asked: true,
                ..meta
            };
            self.with_book(|b| b.save_meta(meta));
        }
    }

    pub fn save(&self, note: Note) {
        if let Some(result) = self.with_book(|b| b.save(note)) {
            self.report(result);
        }
    }

    /// A highlight (and, with `edit`, an open note) on the current selection.
    pub fn annotate_selection(&self, kind: Option<NoteKind>, edit: bool) {
        let Some(sel) = self.selection.get_untracked() else {
            return;
        };
        let Some(passage) = PASSAGES.get(sel.passage) else {
            return;
        };
        let start = passage.byte_at_rendered_utf16(sel.start_utf16);
        let end = passage.byte_at_rendered_utf16(sel.end_utf16);
        let Some(target) = quote_target(&PASSAGES, sel.passage, start, end) else {
            return;
        };
        if let Some(k) = kind {
            self.last_kind.set(k);
        }
        let id = self.create(target, kind);
        browser::selection::clear_selection();
        self.selection.set(None);
        if edit {
            self.open_editor(&id);
        }
    }

    /// A new note about a part (or the report, with `None`), opened for writing.
    pub fn note_about(&self, anchor: Option<Anchor>) {
        let target = match anchor {
            Some(a) => Target::Part { anchor: a.id() },
            None => Target::Report,
        };
        let id = self.create(target, None);
        self.open_editor(&id);
    }

    fn create(&self, target: Target, kind: Option<NoteKind>) -> String {
        let now = browser::files::now_ms();
        let id = browser::files::new_id();
        self.save(Note {
            id: id.clone(),
            target,
            kind,
            text: String::new(),
            created: now,
            updated: now,
        });
        id
    }

    pub fn open_editor(&self, id: &str) {
        self.panel_open.set(true);
        self.editing.set(Some(id.to_string()));
        browser::focus_when_drawn(".note-editor");
    }

    pub fn edit(&self, id: &str, f: impl FnOnce(&mut Note)) {
        let Some(mut note) = self.read(|b| b.get(id).cloned()).flatten() else {
            return;
        };
        f(&mut note);
        note.updated = browser::files::now_ms();
        self.save(note);
    }

    pub fn delete(&self, id: &str) {
        match self.with_book(|b| b.delete(id)) {
            Some(Ok(Some(note))) => {
                if self.editing.get_untracked().as_deref() == Some(id) {
                    self.editing.set(None);
                }
                self.undo.set(Some(Undo::Deleted(note)));
                self.say("已删除一条笔记。", false);
            }
            Some(Err(e)) => self.say(format!("无法删除：{e}"), true),
            _ => {}
        }
    }

    pub fn undo_last(&self) {
        match self.undo.get_untracked() {
            Some(Undo::Deleted(note)) => {
                self.save(note);
                self.say("已恢复。", false);
            }
            Some(Undo::Import(undo)) => {
                for id in &undo.remove {
                    self.with_book(|b| b.delete(id));
                }
                for n in undo.restore {
                    self.save(n);
                }
                self.say("已撤销导入。", false);
            }
            None => {}
        }
        self.undo.set(None);
    }

    pub fn retry(&self) {
        if let Some(result) = self.with_book(|b| b.retry_unsaved()) {
            self.report(result);
            if self.unsaved_count() == 0 {
                self.say("已全部保存。", false);
            }
        }
    }

    fn all_refs<T>(&self, f: impl FnOnce(&[&Note]) -> T) -> T {
        self.notes
            .with_untracked(|ns| f(&ns.iter().collect::<Vec<_>>()))
    }

    fn mark_exported(&self) {
        let meta = Meta {
            last_export: Some(browser::files::now_ms()),
            ..self.meta()
        };
        // In read-only or memory-only mode the time is kept for this visit only.
        self.with_book(|b| b.save_meta(meta));
    }

    pub fn export_json(&self) {
        let title = DOCUMENT.title().map(|t| t.plain_text()).unwrap_or_default();
        let json = self.all_refs(|ns| export_json(ns, browser::files::now_ms(), &title));
        match browser::files::download("研读笔记.json", "application/json", &json) {
            Ok(()) => self.mark_exported(),
            Err(e) => self.say(format!("导出失败：{e}"), true),
        }
    }

    pub fn export_markdown(&self) {
        let md = self.all_refs(|ns| export_markdown(&DOCUMENT, &PASSAGES, ns));
        match browser::files::download("研读笔记.md", "text/markdown", &md) {
            Ok(()) => self.mark_exported(),
            Err(e) => self.say(format!("导出失败：{e}"), true),
        }
    }

    /// Reads an import file and shows what it would change; a bad file changes nothing.
    pub fn preview_import(&self, raw: &str, name: String) {
        match parse_import(raw) {
            Ok(incoming) => {
                let plan = self
                    .book
                    .with_value(|b| b.as_ref().map(|b| plan_import(b.by_id(), &incoming)))
                    .unwrap_or_else(|| plan_import(&NotesById::new(), &incoming));
                self.import_preview.set(Some((plan, name)));
            }
            Err(e) => self.say(format!("未导入“{name}”：{e}。现有笔记没有任何改变。"), true),
        }
    }

    pub fn apply_import(&self) {
        let Some((plan, _)) = self.import_preview.get_untracked() else {
            return;
        };
        self.import_preview.set(None);
        let (writes, undo) = plan.writes();
        let n = writes.len();
        for note in writes {
            self.save(note);
        }
        if self
            .notice
            .with_untracked(|x| x.as_ref().is_none_or(|x| !x.error))
        {
            self.say(format!("已导入，写入 {n} 条笔记。"), false);
        }
        self.undo.set(Some(Undo::Import(undo)));
    }

    pub fn delete_all(&self) {
        let ids: Vec<String> = self
            .notes
            .with_untracked(|ns| ns.iter().map(|n| n.id.clone()).collect());
        for id in &ids {
            self.with_book(|b| b.delete(id));
        }
        self.confirm_delete_all.set(false);
        self.say(format!("已删除全部 {} 条笔记。", ids.len()), false);
    }

    pub fn discard_quarantined(&self, key: &str) {
        if let Some(Err(e)) = self.with_book(|b| b.discard_quarantined(key)) {
            self.say(format!("无法删除：{e}"), true);
        }
    }

    pub fn download_quarantined(&self, key: &str) {
        let raw = self
            .read(|b| {
                b.quarantined
                    .iter()
                    .find(|q| q.key == key)
                    .map(|q| q.raw.clone())
            })
            .flatten();
        if let Some(raw) = raw {
            let _ = browser::files::download("研读-无法读取的数据.txt", "text/plain", &raw);
        }
    }

    /// Follows another tab's change to one of our keys.
    pub fn external_change(&self, key: &str, value: Option<String>) {
        self.with_book(|b| b.external_change(key, value.as_deref()));
    }

    /// Where the text of the note with `id` starts: its first placed range (passage, start,
    /// end), if it is a highlight that can be placed.
    pub fn first_place(&self, id: &str) -> Option<(usize, usize, usize)> {
        let index = self
            .notes
            .with_untracked(|ns| ns.iter().position(|n| n.id == id))?;
        self.placement
            .with_untracked(|p| p.get(index)?.as_ref()?.first().copied())
    }

    /// The id of the highlight whose text holds rendered position `units` (UTF-16) of
    /// passage `passage`: the last made, where highlights overlap.
    pub fn note_at(&self, passage: usize, units: usize) -> Option<String> {
        let byte = PASSAGES.get(passage)?.byte_at_rendered_utf16(units);
        let index = self
            .marks
            .get(passage)
            .iter()
            .filter(|m| m.start <= byte && byte < m.end)
            .map(|m| m.note)
            .max_by_key(|&i| self.notes.with_untracked(|ns| ns.get(i).map(|n| n.created)))?;
        self.notes
            .with_untracked(|ns| ns.get(index).map(|n| n.id.clone()))
    }

    /// The text of the note with `id` (empty if there is none), following its changes.
    pub fn text_of(&self, id: &str) -> String {
        self.read(|b| b.get(id).map(|n| n.text.clone()))
            .flatten()
            .unwrap_or_default()
    }

    /// The kind of note `index` (into `notes`), `None` inside for a plain highlight; `None` if
    /// there is no such note.
    pub fn kind_of(&self, index: usize) -> Option<Option<NoteKind>> {
        self.notes
            .with_untracked(|ns| ns.get(index).map(|n| n.kind))
    }

    /// How the highlight of note `index` (into `notes`) is drawn in passage `passage`.
    pub fn look(&self, index: usize, passage: usize) -> Option<NoteLook> {
        let note = self.notes.with_untracked(|ns| ns.get(index).cloned())?;
        let first_here = self.placement.with_untracked(|p| {
            p.get(index)
                .and_then(|v| v.as_ref())
                .and_then(|v| v.first())
                .is_some_and(|f| f.0 == passage)
        });
        Some(NoteLook {
            kind: note.kind.map_or("划线", |k| k.label()),
            slug: note.kind.map_or("plain", |k| k.slug()),
            id: note.id,
            text: note.text,
            first_here,
        })
    }

    /// How many notes sit in a part (for the outline's badges); a node counts its children's.
    pub fn count_in(&self, anchor: Anchor) -> usize {
        let counts = |a: Anchor| a.within(&anchor);
        self.homes
            .with(|homes| homes.iter().flatten().filter(|a| counts(**a)).count())
    }
}

pub fn use_notes() -> NotesState {
    expect_context::<NotesState>()
}
