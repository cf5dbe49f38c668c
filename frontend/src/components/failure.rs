use leptos::prelude::*;

use crate::api::ApiFailure;

/// A failed request, said plainly, with the request id to quote and a way to try again.
#[component]
pub fn FailureNotice(failure: ApiFailure, #[prop(optional)] on_retry: Option<Callback<()>>) -> impl IntoView {
    let request_id = failure.request_id().map(str::to_owned);
    view! {
        <div class="notice notice-error" role="alert">
            <p>{failure.message()}</p>
            {request_id.map(|id| view! { <p class="muted">"Mã yêu cầu: " <code>{id}</code></p> })}
            {on_retry.map(|retry| view! {
                <button type="button" on:click=move |_| retry.run(())>"Thử lại"</button>
            })}
        </div>
    }
}
