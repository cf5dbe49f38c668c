//! "Cập nhật danh mục từ CSDL quốc gia": the versions of the shared national catalogues read
//! from the national side (nightly, or now), each change shown beside ours; an administrator
//! with `administer_catalogs` applies the changes chosen, or rejects the version, with a reason.

use std::collections::BTreeSet;

use hoso_api_types::jobs::JobView;
use hoso_api_types::national_catalogs::{
    AcceptCatalogUpdate, NationalCatalogChange, NationalCatalogEntry, NationalCatalogUpdateList,
    NationalCatalogUpdateView, RejectCatalogUpdate,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use crate::api::{self, ApiFailure};
use crate::components::failure::{FailureNotice, FieldMessage, FormFailure};
use crate::components::guard::SignedIn;
use crate::labels;
use crate::session::Auth;

#[component]
pub fn CatalogUpdatesPage() -> impl IntoView {
    view! { <SignedIn children=|_| view! { <CatalogUpdates /> } /> }
}

#[component]
fn CatalogUpdates() -> impl IntoView {
    let auth = expect_context::<Auth>();
    let reload = RwSignal::new(0_u32);
    let list = LocalResource::new(move || {
        reload.track();
        api::get::<NationalCatalogUpdateList>(auth, "/national-sync/catalog-updates")
    });
    let checking = RwSignal::new(false);
    let outcome = RwSignal::new(None::<String>);
    let failure = RwSignal::new(None::<ApiFailure>);
    let check = move |_| {
        checking.set(true);
        failure.set(None);
        outcome.set(None);
        spawn_local(async move {
            match api::post::<_, JobView>(auth, "/national-sync/catalog-checks?wait=true", &()).await {
                Ok(job) => {
                    outcome.set(Some(match (job.state.as_str(), job.last_error) {
                        ("succeeded", _) => "Đã kiểm tra các danh mục với CSDL quốc gia.".into(),
                        (_, Some(error)) => {
                            format!("Chưa đọc được danh mục của CSDL quốc gia: {error} Hệ thống sẽ thử lại.")
                        }
                        _ => "Đang kiểm tra; kết quả sẽ hiện ở đây khi xong.".into(),
                    }));
                    reload.update(|n| *n += 1);
                }
                Err(error) => failure.set(Some(error)),
            }
            checking.set(false);
        });
    };
    view! {
        <section>
            <p><A href="/danh-muc">"← Danh mục dùng chung"</A></p>
            <h1>"Cập nhật danh mục từ CSDL quốc gia"</h1>
            <p class="muted">"Mỗi đêm hệ thống hỏi CSDL quốc gia về CBCCVC phiên bản mới của các danh mục dùng chung (dân tộc, tôn giáo, trình độ, thang lương, ngạch, chức danh nghề nghiệp, chức vụ). Không thay đổi nào có hiệu lực trước khi quản trị viên xem và áp dụng."</p>
            <button type="button" data-testid="check-catalogs" disabled=move || checking.get() on:click=check>
                {move || if checking.get() { "Đang kiểm tra…" } else { "Kiểm tra phiên bản mới" }}
            </button>
            {move || outcome.get().map(|text| view! { <p class="notice" data-testid="check-outcome">{text}</p> })}
            <FormFailure failure />
            <Transition fallback=|| view! { <p class="muted">"Đang tải…"</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Err(failure) => view! { <FailureNotice failure /> }.into_any(),
                        Ok(list) => view! { <UpdateList list reload /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn UpdateList(list: NationalCatalogUpdateList, reload: RwSignal<u32>) -> impl IntoView {
    let (pending, decided): (Vec<_>, Vec<_>) = list.updates.into_iter().partition(|u| u.state == "pending");
    view! {
        <h2>{format!("Chờ xem xét ({})", list.pending)}</h2>
        {pending.is_empty().then(|| view! { <p class="muted">"Không có phiên bản nào chờ xem xét."</p> })}
        {pending.into_iter().map(|update| view! { <PendingUpdate update reload /> }).collect_view()}
        <h2>"Đã đọc"</h2>
        <table class="data" data-testid="catalog-updates">
            <thead><tr><th>"Danh mục"</th><th>"Phiên bản quốc gia"</th><th>"Đọc lúc"</th><th>"Kết quả"</th><th>"Ghi chú"</th></tr></thead>
            <tbody>{decided.into_iter().map(|u| view! {
                <tr data-state=u.state.clone()>
                    <td>{u.catalog_name.clone()}</td>
                    <td>{u.national_version}</td>
                    <td>{labels::datetime(&u.fetched_at)}</td>
                    <td>{state_label(&u.state)}</td>
                    <td>{u.error.clone().or(u.reason.clone()).unwrap_or_default()}
                        {(!u.skipped.is_empty()).then(|| format!(" (không áp dụng: {})", u.skipped.join(", ")))}</td>
                </tr>
            }).collect_view()}</tbody>
        </table>
    }
}

/// One version waiting for review: its changes with a box each (ticked: applied), a reason,
/// and the two decisions.
#[component]
fn PendingUpdate(update: NationalCatalogUpdateView, reload: RwSignal<u32>) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let skipped = RwSignal::new(BTreeSet::<String>::new());
    let reason = RwSignal::new(String::new());
    let failure = RwSignal::new(None::<ApiFailure>);
    let path = format!("/national-sync/catalog-updates/{}", update.id);
    let decide = move |accept: bool| {
        let path = path.clone();
        spawn_local(async move {
            let reason = reason.get_untracked();
            let answer = if accept {
                let body = AcceptCatalogUpdate {
                    reason,
                    skip: skipped.get_untracked().into_iter().collect(),
                };
                api::post::<_, NationalCatalogUpdateView>(auth, &format!("{path}/accept"), &body).await
            } else {
                let body = RejectCatalogUpdate { reason };
                api::post::<_, NationalCatalogUpdateView>(auth, &format!("{path}/reject"), &body).await
            };
            match answer {
                Ok(_) => reload.update(|n| *n += 1),
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    let decide_reject = decide.clone();
    view! {
        <article class="card" data-testid="pending-catalog-update" data-kind=update.kind.clone()>
            <h3>{format!("{} — phiên bản {} của CSDL quốc gia", update.catalog_name, update.national_version)}</h3>
            <p class="muted">{format!(
                "{}{}; đọc lúc {}.",
                update.source,
                update.effective_date.map(|d| format!(", hiệu lực từ {}", d.format("%d/%m/%Y"))).unwrap_or_default(),
                labels::datetime(&update.fetched_at)
            )}</p>
            <table class="data">
                <thead><tr><th>"Áp dụng"</th><th>"Mã"</th><th>"Thay đổi"</th><th>"Hiện tại"</th><th>"Theo CSDL quốc gia"</th></tr></thead>
                <tbody>{update.changes.into_iter().map(|change| {
                    let code = change.code.clone();
                    let toggle = move |ev| {
                        let on = event_target_checked(&ev);
                        let code = code.clone();
                        skipped.update(|s| {
                            if on {
                                s.remove(&code);
                            } else {
                                s.insert(code);
                            }
                        });
                    };
                    view! {
                        <tr data-testid="catalog-change" data-code=change.code.clone()>
                            <td><input type="checkbox" checked=true on:change=toggle
                                aria-label=format!("Áp dụng thay đổi của mã {}", change.code) /></td>
                            <td><code>{change.code.clone()}</code></td>
                            <td>{change_label(&change)}
                                {change.replaces_local.then(|| view! { <span class="field-error">" — thay mục do tỉnh bổ sung"</span> })}</td>
                            <td>{change.before.as_ref().map(describe).unwrap_or_else(|| "—".into())}</td>
                            <td>{describe(&change.after)}</td>
                        </tr>
                    }
                }).collect_view()}</tbody>
            </table>
            {(!update.only_here.is_empty()).then(|| view! {
                <p class="muted">{format!("Mã chỉ có ở tỉnh (giữ nguyên, vì mã không bao giờ bị xoá): {}", update.only_here.join(", "))}</p>
            })}
            <label>"Căn cứ hoặc lý do" <input name="catalog_update_reason" bind:value=reason /></label>
            <FieldMessage failure field="reason" />
            <FieldMessage failure field="skip" />
            <FormFailure failure />
            <button type="button" class="primary" on:click=move |_| decide(true)>"Áp dụng các thay đổi đã chọn"</button>
            " "
            <button type="button" on:click=move |_| decide_reject(false)>"Từ chối phiên bản này"</button>
        </article>
    }
}

fn change_label(change: &NationalCatalogChange) -> String {
    let fields: Vec<&str> = change
        .fields
        .iter()
        .map(|f| match f.as_str() {
            "label" => "tên",
            "parent" => "mục cha",
            "valid_from" => "ngày bắt đầu hiệu lực",
            "valid_to" => "ngày hết hiệu lực",
            "replaced_by" => "mã thay thế",
            "data" => "hệ số, thông tin kèm theo",
            other => other,
        })
        .collect();
    match change.kind.as_str() {
        "added" => "Thêm mới".into(),
        "retired" => "Ngừng áp dụng".into(),
        _ => format!("Thay đổi {}", fields.join(", ")),
    }
}

/// An entry in one line: name, parent, validity, successor, facts.
fn describe(entry: &NationalCatalogEntry) -> String {
    let mut text = entry.label.clone();
    if let Some(parent) = &entry.parent {
        text.push_str(&format!(" — thuộc {parent}"));
    }
    if let Some(to) = entry.valid_to {
        text.push_str(&format!(" — hết hiệu lực sau {}", to.format("%d/%m/%Y")));
    }
    if let Some(next) = &entry.replaced_by {
        text.push_str(&format!(" — thay bằng {next}"));
    }
    if let Some(data) = &entry.data {
        text.push_str(&format!(" — {data}"));
    }
    text
}

fn state_label(state: &str) -> &'static str {
    match state {
        "accepted" => "Đã áp dụng",
        "rejected" => "Đã từ chối",
        "superseded" => "Có phiên bản mới hơn",
        "unchanged" => "Giống danh mục của tỉnh",
        "invalid" => "Không hợp lệ",
        _ => "Chờ xem xét",
    }
}
