use leptos::prelude::*;

use crate::api::ApiFailure;

/// A failed request, said plainly, with the request id to quote and a way to try again.
#[component]
pub fn FailureNotice(failure: ApiFailure, #[prop(optional)] on_retry: Option<Callback<()>>) -> impl IntoView {
    let request_id = failure.request_id().map(str::to_owned);
    // Every field message, so none is lost when a form shows no place for that field.
    let fields: Vec<String> = match &failure {
        ApiFailure::Api { body, .. } => body
            .details
            .iter()
            .flat_map(|d| d.fields.iter())
            .map(|f| f.message.clone())
            .collect(),
        _ => Vec::new(),
    };
    view! {
        <div class="notice notice-error" role="alert">
            <p>{failure.message()}</p>
            {(!fields.is_empty()).then(|| view! { <ul>{fields.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul> })}
            {request_id.map(|id| view! { <p class="muted">"Mã yêu cầu: " <code>{id}</code></p> })}
            {on_retry.map(|retry| view! {
                <button type="button" on:click=move |_| retry.run(())>"Thử lại"</button>
            })}
        </div>
    }
}

/// The latest failure of a form, if any.
#[component]
pub fn FormFailure(failure: RwSignal<Option<ApiFailure>>) -> impl IntoView {
    move || failure.get().map(|failure| view! { <FailureNotice failure /> })
}

/// The server's message for one field, under it.
#[component]
pub fn FieldMessage(failure: RwSignal<Option<ApiFailure>>, field: &'static str) -> impl IntoView {
    move || {
        failure
            .get()
            .and_then(|f| f.field(field))
            .map(|message| view! { <p class="field-error" data-field=field>{message}</p> })
    }
}

/// A one-time secret (temporary password, client secret), shown once with a warning.
#[component]
pub fn OneTimeSecret(label: &'static str, value: String) -> impl IntoView {
    view! {
        <div class="notice notice-secret" role="status">
            <p>{label}" (chỉ hiển thị một lần, hãy chuyển cho người nhận qua kênh an toàn):"</p>
            <p><code class="secret" data-testid="one-time-secret">{value}</code></p>
        </div>
    }
}
