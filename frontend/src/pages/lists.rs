//! The lists HR officers need (USE-3, WF-8): raises due, beyond-frame seniority, retirement,
//! contracts ending, dossiers waiting — for a unit within the caller's scope and a period, with
//! exports to Excel, CSV and PDF.

use hoso_api_types::reports::ListView;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use crate::api::{self, ApiFailure};
use crate::components::date_input::DateInput;
use crate::components::failure::{FailureNotice, FormFailure};
use crate::components::guard::SignedIn;
use crate::components::unit_select::UnitSelect;
use crate::session::Auth;

const KINDS: &[(&str, &str)] = &[
    ("salary_step", "Đến hạn nâng bậc lương thường xuyên"),
    ("beyond_frame", "Đến hạn phụ cấp thâm niên vượt khung"),
    ("retirement", "Đến tuổi nghỉ hưu"),
    ("contract_expiring", "Hợp đồng lao động hết hạn"),
    ("not_approved", "Hồ sơ chưa nộp, chưa kiểm tra, chưa phê duyệt"),
    (
        "position_requirement",
        "Chưa đáp ứng ngạch, chức danh yêu cầu của vị trí việc làm",
    ),
];

#[component]
pub fn ListsPage() -> impl IntoView {
    view! { <SignedIn children=|_| view! { <Lists /> } /> }
}

#[component]
fn Lists() -> impl IntoView {
    let auth = expect_context::<Auth>();
    let kind = RwSignal::new("salary_step".to_owned());
    let unit = RwSignal::new(String::new());
    let from = RwSignal::new(String::new());
    let until = RwSignal::new(String::new());
    let query = move || {
        let mut parts = Vec::new();
        for (name, value) in [
            ("unit_id", unit.get_untracked()),
            ("from", from.get_untracked()),
            ("until", until.get_untracked()),
        ] {
            if !value.is_empty() {
                parts.push(format!("{name}={value}"));
            }
        }
        (kind.get_untracked(), parts)
    };
    let shown = RwSignal::new(None::<String>);
    let list = LocalResource::new(move || async move {
        match shown.get() {
            None => None,
            Some(path) => Some(api::get::<ListView>(auth, &path).await),
        }
    });
    let failure = RwSignal::new(None::<ApiFailure>);
    let run = move || {
        let (kind, parts) = query();
        shown.set(Some(format!("/lists/{kind}?{}", parts.join("&"))));
    };
    let export = move |format: &'static str| {
        let (kind, mut parts) = query();
        parts.push(format!("format={format}"));
        let path = format!("/lists/{kind}?{}", parts.join("&"));
        let file_name = format!("danh-sach-{kind}.{format}");
        spawn_local(async move {
            if let Err(error) = api::download_file(auth, &path, &file_name).await {
                failure.set(Some(error));
            }
        });
    };
    view! {
        <section>
            <h1>"Danh sách nghiệp vụ"</h1>
            <form class="search-form" on:submit=move |ev| { ev.prevent_default(); run(); }>
                <label>"Danh sách"
                    <select name="list.kind" bind:value=kind>
                        {KINDS.iter().map(|(k, label)| view! { <option value=*k>{*label}</option> }).collect_view()}
                    </select>
                </label>
                <label>"Đơn vị"
                    <UnitSelect name="list.unit" value=unit empty="Toàn bộ phạm vi quản lý" />
                </label>
                <label>"Từ ngày" <DateInput name="list.from" value=from /></label>
                <label>"Đến ngày" <DateInput name="list.until" value=until /></label>
                <button type="submit" class="primary">"Xem"</button>
            </form>
            <p class="muted">"Để trống ngày: một năm kể từ hôm nay."</p>
            <div class="actions">
                <button type="button" on:click=move |_| export("xlsx")>"Xuất Excel"</button>
                <button type="button" on:click=move |_| export("csv")>"Xuất CSV"</button>
                <button type="button" on:click=move |_| export("pdf")>"Xuất PDF"</button>
            </div>
            <FormFailure failure />
            <Transition fallback=|| view! { <p class="muted">"Đang lập danh sách…"</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        None => view! { <p class="muted">"Chọn danh sách rồi bấm Xem."</p> }.into_any(),
                        Some(Err(failure)) => view! { <FailureNotice failure /> }.into_any(),
                        Some(Ok(view)) => view! {
                            <h2>{view.title.clone()}</h2>
                            <p class="muted">{format!("Từ {} đến {} — {} người", view.from.format("%d/%m/%Y"), view.until.format("%d/%m/%Y"), view.total)}</p>
                            {(view.total > view.items.len()).then(|| view! {
                                <p class="notice" data-testid="list-truncated">
                                    {format!("Đang hiển thị {} người đầu tiên theo ngày đến hạn; xuất Excel, CSV hoặc PDF để có đủ danh sách.", view.items.len())}
                                </p>
                            })}
                            <table class="data" data-testid="list">
                                <thead><tr><th>"Số hiệu"</th><th>"Họ và tên"</th><th>"Đơn vị"</th><th>"Ngày đến hạn"</th><th>"Hiện tại"</th><th>"Tiếp theo"</th><th>"Ghi chú"</th></tr></thead>
                                <tbody>{view.items.into_iter().map(|item| view! {
                                    <tr>
                                        <td>{item.dossier.dossier_number.clone()}</td>
                                        <td><A href=format!("/ho-so/{}", item.dossier.id)>{item.dossier.full_name.clone()}</A></td>
                                        <td>{item.dossier.unit.name.clone()}</td>
                                        <td>{item.due_on.map(|d| d.format("%d/%m/%Y").to_string()).unwrap_or_default()}</td>
                                        <td>{item.current}</td>
                                        <td>{item.next}</td>
                                        <td>{item.note.unwrap_or_default()}</td>
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
