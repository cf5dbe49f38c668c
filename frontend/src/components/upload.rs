//! Uploading a scan: the file goes to `POST /documents` as soon as it is chosen.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, ApiFailure};
use crate::session::Auth;

/// Uploads a scan (PDF, JPEG, PNG) as soon as it is chosen, and remembers what was stored.
#[component]
pub fn DocumentPicker(
    document: RwSignal<Option<hoso_api_types::documents::DocumentView>>,
    failure: RwSignal<Option<ApiFailure>>,
    label: &'static str,
    name: &'static str,
    #[prop(optional)] accept: Option<&'static str>,
) -> impl IntoView {
    use wasm_bindgen::JsCast;
    let auth = expect_context::<Auth>();
    let uploading = RwSignal::new(false);
    let on_change = move |event: leptos::ev::Event| {
        let Some(input) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        uploading.set(true);
        spawn_local(async move {
            match api::upload(auth, file).await {
                Ok(stored) => document.set(Some(stored)),
                Err(error) => failure.set(Some(error)),
            }
            uploading.set(false);
        });
    };
    view! {
        <label>{label}
            <input type="file" name=name accept=accept.unwrap_or("application/pdf,image/jpeg,image/png") on:change=on_change />
        </label>
        <Show when=move || uploading.get()><p class="muted">"Đang tải lên…"</p></Show>
        {move || document.get().map(|d| view! {
            <p class="muted" data-testid="uploaded-document">{format!("Đã tải lên: {} ({} KB)", d.file_name, (d.size_bytes + 1023) / 1024)}</p>
        })}
    }
}
