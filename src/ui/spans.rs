//! Renders inline spans: text as text (never HTML), redactions as masked chips, quoted terms
//! emphasised, and line breaks inside a block as `<br>`.

use leptos::prelude::*;

use crate::report::Inline;

/// The tooltip and accessible name of a masked value.
pub fn redaction_label(masked: &str) -> String {
    format!("原文已隐去此处的名称或数字（以“{masked}”表示）")
}

/// Renders a run of spans; trailing line breaks are dropped (the block itself ends the line).
pub fn spans_view(spans: &[Inline]) -> impl IntoView {
    let end = spans
        .iter()
        .rposition(|s| !matches!(s, Inline::Break(_)))
        .map_or(0, |i| i + 1);
    spans[..end].iter().map(span_view).collect_view()
}

fn span_view(span: &Inline) -> AnyView {
    match span {
        Inline::Text(text) => text.clone().into_any(),
        Inline::Redaction(masked) => {
            let label = redaction_label(masked);
            view! {
                <span class="redacted" role="img" title=label.clone() aria-label=label>
                    {masked.clone()}
                </span>
            }
            .into_any()
        }
        Inline::Quote(inner) => view! {
            <span class="term">"“" {inner.iter().map(span_view).collect_view()} "”"</span>
        }
        .into_any(),
        Inline::Break(_) => view! { <br /> }.into_any(),
    }
}
