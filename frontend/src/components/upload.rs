//! Uploading a scan: the file goes to `POST /documents` as soon as it is chosen.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, ApiFailure};
use crate::session::Auth;

/// The file just chosen in a file input, if any.
pub fn chosen_file(event: &leptos::ev::Event) -> Option<web_sys::File> {
    use wasm_bindgen::JsCast;
    let input = event.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    input.files()?.get(0)
}

/// A file input that speaks Vietnamese whatever the browser's language («Chọn tệp», the chosen
/// file's name or «Chưa chọn tệp»): the browser's own button stays hidden, reachable by the
/// label around it.
#[component]
pub fn FileInput(
    name: &'static str,
    accept: &'static str,
    on_change: impl Fn(leptos::ev::Event) + 'static,
    #[prop(optional)] test_id: Option<&'static str>,
) -> impl IntoView {
    let chosen = RwSignal::new(None::<String>);
    view! {
        <span class="file-input">
            <input type="file" class="visually-hidden" name=name accept=accept data-testid=test_id
                on:change=move |ev| {
                    chosen.set(chosen_file(&ev).map(|file| file.name()));
                    on_change(ev);
                } />
            <span class="button" aria-hidden="true">"Chọn tệp"</span>
            <span class="file-name">{move || chosen.get().unwrap_or_else(|| "Chưa chọn tệp".into())}</span>
        </span>
    }
}

/// Uploads a scan (PDF, JPEG, PNG) as soon as it is chosen, and remembers what was stored.
#[component]
pub fn DocumentPicker(
    document: RwSignal<Option<hoso_api_types::documents::DocumentView>>,
    failure: RwSignal<Option<ApiFailure>>,
    label: &'static str,
    name: &'static str,
    #[prop(optional)] accept: Option<&'static str>,
) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let progress = RwSignal::new(None::<f64>);
    let on_change = move |event: leptos::ev::Event| {
        let Some(file) = chosen_file(&event) else {
            return;
        };
        spawn_local(async move {
            match api::upload(auth, file, progress).await {
                Ok(stored) => document.set(Some(stored)),
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    view! {
        <label>{label}
            <FileInput name accept=accept.unwrap_or("application/pdf,image/jpeg,image/png") on_change />
        </label>
        {move || progress.get().map(|done| view! {
            <p class="muted" data-testid="upload-progress">"Đang tải lên… "
                <progress max="100" value=(done * 100.0).round().to_string()></progress>
                {format!(" {:.0}%", done * 100.0)}
            </p>
        })}
        {move || document.get().map(|d| view! {
            <p class="muted" data-testid="uploaded-document">{format!("Đã tải lên: {} ({} KB)", d.file_name, (d.size_bytes + 1023) / 1024)}</p>
        })}
    }
}
