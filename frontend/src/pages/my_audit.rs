//! "Ai đã xem hồ sơ của tôi": who read or changed my data and my account (CTX-3).

use hoso_api_types::audit::AuditPage;
use leptos::prelude::*;

use crate::api;
use crate::components::failure::FailureNotice;
use crate::components::guard::SignedIn;
use crate::labels;
use crate::session::Auth;
use crate::trail;

#[component]
pub fn MyAuditPage() -> impl IntoView {
    view! { <SignedIn children=|_| view! { <MyAudit /> } /> }
}

#[component]
fn MyAudit() -> impl IntoView {
    let auth = expect_context::<Auth>();
    let events = LocalResource::new(move || api::get::<AuditPage>(auth, "/me/audit?limit=200"));
    view! {
        <section>
            <h1>"Ai đã xem hồ sơ của tôi"</h1>
            <p class="muted">"Mọi lần xem, thay đổi hồ sơ và tài khoản của bạn đều được ghi lại (Luật Bảo vệ dữ liệu cá nhân). Nhiều lần xem liền nhau của một người được gộp thành một dòng."</p>
            <Transition fallback=|| view! { <p class="muted">"Đang tải…"</p> }>
                {move || Suspend::new(async move {
                    match events.await {
                        Err(failure) => view! { <FailureNotice failure /> }.into_any(),
                        Ok(page) if page.items.is_empty() => view! { <p>"Chưa có ai xem hoặc thay đổi dữ liệu của bạn."</p> }.into_any(),
                        Ok(page) => view! {
                            <table class="data cards" data-testid="my-audit">
                                <thead><tr><th>"Thời gian"</th><th>"Người thực hiện"</th><th>"Việc"</th><th>"Kết quả"</th><th>"Lý do"</th></tr></thead>
                                <tbody>
                                    {trail::fold(page.items).into_iter().map(|line| view! {
                                        <tr data-count=line.count>
                                            <td data-label="Thời gian">{trail::when(&line)}</td>
                                            <td data-label="Người thực hiện">{trail::actor(&line.event)}</td>
                                            <td data-label="Việc">{trail::what(&line)}</td>
                                            <td data-label="Kết quả">{labels::outcome(&line.event.outcome)}</td>
                                            <td data-label="Lý do">{line.event.reason.clone().unwrap_or_default()}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
