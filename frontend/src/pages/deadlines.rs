//! The deadline dashboard (WF-8): what is due and overdue in the reader's scope, with the
//! officers who must act, counted by unit and by officer.

use hoso_api_types::workflow::{DeadlineCount, DeadlineDashboard};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::api;
use crate::components::failure::FailureNotice;
use crate::components::guard::SignedIn;
use crate::session::Auth;

#[component]
pub fn DeadlinesPage() -> impl IntoView {
    view! { <SignedIn children=|_| view! { <Deadlines /> } /> }
}

pub fn task_label(task: &str) -> &'static str {
    match task {
        "employee_entry" => "Người lao động khai hồ sơ",
        "focal_check" => "Cán bộ đầu mối kiểm tra, khóa",
        "head_approval" => "Thủ trưởng ký duyệt",
        "change_approval" => "Kiểm tra, phê duyệt điều chỉnh",
        "home_affairs" => "Sở Nội vụ phê duyệt",
        "resubmission" => "Người lao động sửa, gửi lại",
        "campaign_update" => "Cập nhật theo đợt",
        "transfer_completion" => "Hoàn tất điều động, tiếp nhận",
        "secondment_return" => "Hết thời hạn biệt phái",
        "change_record" => "Cập nhật thay đổi vào hồ sơ sau điều động",
        "account_creation" => "Cấp tài khoản cá nhân cho người mới tuyển dụng",
        _ => "Khác",
    }
}

fn counts(title: &'static str, list: Vec<DeadlineCount>) -> impl IntoView {
    view! {
        <table class="data">
            <caption>{title}</caption>
            <thead><tr><th>""</th><th>"Đến hạn"</th><th>"Quá hạn"</th></tr></thead>
            <tbody>{list.into_iter().map(|c| view! {
                <tr><td>{c.label}</td><td>{c.due}</td><td class={if c.overdue > 0 { "overdue" } else { "" }}>{c.overdue}</td></tr>
            }).collect_view()}</tbody>
        </table>
    }
}

#[component]
fn Deadlines() -> impl IntoView {
    let auth = expect_context::<Auth>();
    let only_overdue = RwSignal::new(false);
    let dashboard = LocalResource::new(move || {
        let overdue = only_overdue.get();
        async move { api::get::<DeadlineDashboard>(auth, &format!("/deadlines?overdue={overdue}")).await }
    });
    view! {
        <section>
            <h1>"Hạn xử lý hồ sơ"</h1>
            <label><input type="checkbox" bind:checked=only_overdue /> " Chỉ việc quá hạn"</label>
            <Transition fallback=|| view! { <p class="muted">"Đang tải…"</p> }>
                {move || Suspend::new(async move {
                    match dashboard.await {
                        Err(failure) => view! { <FailureNotice failure /> }.into_any(),
                        Ok(d) => view! {
                            <p class="muted">{format!("Tính đến ngày {} (ngày làm việc).", d.today.format("%d/%m/%Y"))}</p>
                            <div class="columns">
                                {counts("Theo đơn vị", d.by_unit)}
                                {counts("Theo người xử lý", d.by_officer)}
                            </div>
                            <table class="data" data-testid="deadlines">
                                <thead><tr><th>"Việc"</th><th>"Hồ sơ"</th><th>"Đơn vị"</th><th>"Từ ngày"</th><th>"Hạn"</th><th>"Người xử lý"</th></tr></thead>
                                <tbody>{d.items.into_iter().map(|i| view! {
                                    <tr class={if i.overdue { "overdue" } else { "" }}>
                                        <td>{task_label(&i.task)}</td>
                                        <td><A href=format!("/ho-so/{}", i.dossier_id)>{format!("{} — {}", i.dossier_number, i.full_name)}</A></td>
                                        <td>{i.unit.name}</td>
                                        <td>{i.since.format("%d/%m/%Y").to_string()}</td>
                                        <td>{i.due_on.format("%d/%m/%Y").to_string()}{i.overdue.then_some(" (quá hạn)")}</td>
                                        <td>{i.officers.join(", ")}</td>
                                    </tr>
                                }).collect_view()}</tbody>
                            </table>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
