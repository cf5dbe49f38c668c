//! The audit trail for those with `view_audit` (SEC-7).

use hoso_api_types::audit::{AuditEventView, AuditPage as Page};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, ApiFailure};
use crate::components::failure::FormFailure;
use crate::components::guard::SignedIn;
use crate::labels;
use crate::session::Auth;

#[component]
pub fn AuditPage() -> impl IntoView {
    view! { <SignedIn children=|_| view! { <Audit /> } /> }
}

const ACTIONS: &[&str] = &[
    "auth.sign_in",
    "account.created",
    "account.restricted",
    "account.expanded",
    "account.locked",
    "account.unlocked",
    "account.revoked",
    "account.password_reset",
    "account.handed_over",
    "account_request.approved",
    "api_client.created",
];

#[component]
fn Audit() -> impl IntoView {
    let auth = expect_context::<Auth>();
    let action = RwSignal::new(String::new());
    let items = RwSignal::new(Vec::<AuditEventView>::new());
    let next = RwSignal::new(None::<i64>);
    let failure = RwSignal::new(None::<ApiFailure>);
    let load = move |more: bool| {
        let mut query = vec!["limit=50".to_owned()];
        if !action.get_untracked().is_empty() {
            query.push(format!("action={}", action.get_untracked()));
        }
        if more {
            if let Some(before) = next.get_untracked() {
                query.push(format!("before={before}"));
            }
        }
        spawn_local(async move {
            match api::get::<Page>(auth, &format!("/audit?{}", query.join("&"))).await {
                Ok(page) => {
                    if more {
                        items.update(|list| list.extend(page.items));
                    } else {
                        items.set(page.items);
                    }
                    next.set(page.next_before);
                    failure.set(None);
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    load(false);
    view! {
        <section>
            <h1>"Nhật ký truy cập"</h1>
            <div class="filters">
                <select bind:value=action aria-label="Việc" on:change=move |_| load(false)>
                    <option value="">"Mọi việc"</option>
                    {ACTIONS.iter().map(|a| view! { <option value=*a>{labels::action(a)}</option> }).collect_view()}
                </select>
            </div>
            <FormFailure failure />
            {move || view! { <AuditTable items=items.get() /> }}
            <Show when=move || next.get().is_some()>
                <button type="button" on:click=move |_| load(true)>"Xem thêm"</button>
            </Show>
        </section>
    }
}

#[component]
pub fn AuditTable(items: Vec<AuditEventView>) -> impl IntoView {
    view! {
        <table class="data" data-testid="audit">
            <thead><tr><th>"Thời gian"</th><th>"Người thực hiện"</th><th>"Việc"</th><th>"Kết quả"</th><th>"Lý do"</th><th>"Văn bản"</th><th>"Địa chỉ"</th></tr></thead>
            <tbody>
                {crate::trail::fold(items).into_iter().map(|line| {
                    let e = line.event.clone();
                    view! {
                    <tr class=if e.outcome == "success" { "" } else { "warn" } data-count=line.count>
                        <td>{crate::trail::when(&line)}</td>
                        <td>{crate::trail::actor(&e)}</td>
                        <td>{crate::trail::what(&line)}</td>
                        <td>{labels::outcome(&e.outcome)}</td>
                        <td>{e.reason.clone().unwrap_or_default()}</td>
                        <td>
                            {e.decision_number.clone().unwrap_or_default()}
                            {e.decision_document_id.clone().map(|id| view! { <DocumentLink id /> })}
                        </td>
                        <td>{e.ip.clone().unwrap_or_default()}</td>
                    </tr>
                }}).collect_view()}
            </tbody>
        </table>
    }
}

/// Opens a scanned decision (fetched with the session's token).
#[component]
fn DocumentLink(id: String) -> impl IntoView {
    let auth = expect_context::<Auth>();
    view! {
        <button type="button" class="link" on:click=move |_| {
            let id = id.clone();
            spawn_local(async move {
                let _ = api::open_document(auth, &id).await;
            });
        }>" (bản scan)"</button>
    }
}
