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
            <input type="file" name=name accept=accept.unwrap_or("application/pdf,image/jpeg,image/png") on:change=on_change />
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
