//! Other systems' connections (INT-3): register with a written consent, show the secret once,
//! rotate, revoke.

use hoso_api_types::accounts::{ApiClientView, CreateApiClientRequest, DecideRequest, IssuedClientSecret};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, ApiFailure};
use crate::components::failure::{FailureNotice, FieldMessage, FormFailure, OneTimeSecret};
use crate::components::guard::SignedIn;
use crate::labels;
use crate::session::Auth;

/// The scopes the server knows, with their meaning.
const SCOPES: &[(&str, &str)] = &[("units.read", "Đọc cơ cấu tổ chức")];

#[component]
pub fn ApiClientsPage() -> impl IntoView {
    view! { <SignedIn children=|_| view! { <ApiClients /> } /> }
}

#[component]
fn ApiClients() -> impl IntoView {
    let auth = expect_context::<Auth>();
    let reload = RwSignal::new(0u32);
    let clients = LocalResource::new(move || {
        reload.track();
        api::get::<Vec<ApiClientView>>(auth, "/api-clients")
    });
    let name = RwSignal::new(String::new());
    let consent = RwSignal::new(String::new());
    let scopes = RwSignal::new(vec!["units.read".to_owned()]);
    let failure = RwSignal::new(None::<ApiFailure>);
    let issued = RwSignal::new(None::<IssuedClientSecret>);
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        let request = CreateApiClientRequest {
            name: name.get_untracked(),
            scopes: scopes.get_untracked(),
            consent_reference: consent.get_untracked(),
        };
        spawn_local(async move {
            match api::post::<_, IssuedClientSecret>(auth, "/api-clients", &request).await {
                Ok(secret) => {
                    issued.set(Some(secret));
                    failure.set(None);
                    reload.update(|n| *n += 1);
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    let act = move |id: String, rotate: bool| {
        spawn_local(async move {
            let result = if rotate {
                api::post::<_, IssuedClientSecret>(auth, &format!("/api-clients/{id}/rotate-secret"), &())
                    .await
                    .map(Some)
            } else {
                let body = DecideRequest {
                    note: "Thu hồi kết nối".into(),
                };
                api::post::<_, ApiClientView>(auth, &format!("/api-clients/{id}/revoke"), &body)
                    .await
                    .map(|_| None)
            };
            match result {
                Ok(secret) => {
                    issued.set(secret);
                    reload.update(|n| *n += 1);
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    view! {
        <section>
            <h1>"Kết nối hệ thống khác"</h1>
            <p class="muted">"Cổng thông tin, nền tảng chia sẻ dữ liệu (LGSP) kết nối bằng mã ứng dụng và khóa bí mật, theo văn bản đồng ý của cấp có thẩm quyền."</p>
            <Transition fallback=|| view! { <p class="muted">"Đang tải…"</p> }>
                {move || Suspend::new(async move {
                    match clients.await {
                        Err(failure) => view! { <FailureNotice failure /> }.into_any(),
                        Ok(list) => view! {
                            <table class="data" data-testid="api-clients">
                                <thead><tr><th>"Tên"</th><th>"Mã ứng dụng"</th><th>"Phạm vi"</th><th>"Văn bản đồng ý"</th><th>"Trạng thái"</th><th></th></tr></thead>
                                <tbody>
                                    {list.into_iter().map(|c| {
                                        let (rotate_id, revoke_id) = (c.id.clone(), c.id.clone());
                                        let active = c.status == "active";
                                        view! {
                                            <tr>
                                                <td>{c.name.clone()}</td>
                                                <td><code>{c.client_id.clone()}</code></td>
                                                <td>{c.scopes.join(", ")}</td>
                                                <td>{c.consent_reference.clone()}</td>
                                                <td>{labels::status(&c.status)}</td>
                                                <td>{active.then(|| view! {
                                                    <button type="button" on:click=move |_| act(rotate_id.clone(), true)>"Đổi khóa"</button>
                                                    <button type="button" on:click=move |_| act(revoke_id.clone(), false)>"Thu hồi"</button>
                                                })}</td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any(),
                    }
                })}
            </Transition>
            <h2>"Cấp kết nối mới"</h2>
            <form class="form" on:submit=submit>
                <label>"Tên hệ thống" <input name="name" required bind:value=name /></label>
                <FieldMessage failure field="name" />
                <label>"Văn bản đồng ý kết nối" <input name="consent_reference" required bind:value=consent /></label>
                <FieldMessage failure field="consent_reference" />
                <fieldset>
                    <legend>"Phạm vi"</legend>
                    {SCOPES.iter().map(|(scope, label)| {
                        let scope = scope.to_string();
                        let toggled = scope.clone();
                        view! {
                            <label class="check">
                                <input type="checkbox" prop:checked=move || scopes.get().contains(&scope)
                                    on:change=move |_| scopes.update(|list| {
                                        if let Some(i) = list.iter().position(|s| *s == toggled) { list.remove(i); } else { list.push(toggled.clone()); }
                                    }) />
                                {*label}
                            </label>
                        }
                    }).collect_view()}
                </fieldset>
                <FormFailure failure />
                <button type="submit" class="primary">"Cấp kết nối"</button>
            </form>
            {move || issued.get().map(|secret| view! {
                <p>"Mã ứng dụng: "<code>{secret.client.client_id.clone()}</code></p>
                <OneTimeSecret label="Khóa bí mật" value=secret.client_secret />
            })}
        </section>
    }
}
