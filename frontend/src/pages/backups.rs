//! "Sao lưu" (SEC-5): the backups for administrators holding `manage_backups` — each archive,
//! its size and what its verification by a real restore found, who or what made it and until
//! when it is kept; what was restored into this database; the next scheduled run; back up now;
//! delete with a reason. Refreshed while a backup runs.

use std::time::Duration;

use hoso_api_types::backups::{BackupList, BackupView, DeleteBackup, VerificationView};
use hoso_api_types::jobs::JobView;
use hoso_domain::backup::BackupKind;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, ApiFailure};
use crate::components::failure::{FailureNotice, FormFailure};
use crate::components::guard::SignedIn;
use crate::labels;
use crate::session::Auth;

const REFRESH_EVERY: Duration = Duration::from_secs(3);

#[component]
pub fn BackupsPage() -> impl IntoView {
    view! { <SignedIn children=|_| view! { <Backups /> } /> }
}

#[component]
fn Backups() -> impl IntoView {
    let auth = expect_context::<Auth>();
    let tick = RwSignal::new(0_u32);
    let list = LocalResource::new(move || {
        tick.track();
        async move { api::get::<BackupList>(auth, "/backups").await }
    });
    // Refresh while a backup is queued or running, so its end shows without a reload.
    let running = RwSignal::new(false);
    if let Ok(handle) = set_interval_with_handle(
        move || {
            if running.get_untracked() {
                tick.update(|t| *t += 1)
            }
        },
        REFRESH_EVERY,
    ) {
        on_cleanup(move || handle.clear());
    }
    let failure = RwSignal::new(None::<ApiFailure>);
    let queued = RwSignal::new(false);
    let back_up_now = move |_| {
        spawn_local(async move {
            match api::post::<_, JobView>(auth, "/backups", &()).await {
                Ok(_) => {
                    failure.set(None);
                    queued.set(true);
                    running.set(true);
                    tick.update(|t| *t += 1);
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    let refresh = move || tick.update(|t| *t += 1);
    view! {
        <section>
            <h1>"Sao lưu dữ liệu"</h1>
            <p class="muted">
                "Mỗi bản sao lưu chứa toàn bộ cơ sở dữ liệu và tài liệu, được mã hóa, rồi được phục hồi thử vào một cơ sở dữ liệu tạm và so khớp từng bảng, từng tài liệu, từng chữ ký số; chỉ bản đã kiểm tra đạt mới được giữ. Hệ thống tự sao lưu vào ngày làm việc cuối cùng của mỗi tháng (bản cuối quý được giữ vĩnh viễn, bản tháng giữ 3 tháng)."
            </p>
            <p>
                <button type="button" data-testid="backup-now" on:click=back_up_now>"Sao lưu ngay"</button>
            </p>
            {move || queued.get().then(|| view! {
                <p class="notice notice-info" role="status" data-testid="backup-queued">"Đã đưa yêu cầu sao lưu vào hàng đợi; trang sẽ tự cập nhật khi xong."</p>
            })}
            <FormFailure failure />
            <Transition fallback=|| view! { <p class="muted">"Đang tải…"</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Err(failure) => view! { <FailureNotice failure /> }.into_any(),
                        Ok(list) => {
                            let busy = list.items.iter().any(|b| b.state == "running");
                            running.set(busy || (queued.get_untracked() && list.items.is_empty()));
                            view! { <BackupPanel list refresh /> }.into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn BackupPanel(list: BackupList, refresh: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let next = list
        .next_run
        .as_ref()
        .map(labels::datetime)
        .unwrap_or_else(|| "—".into());
    let recipients = if list.recipients == 0 {
        view! {
            <p class="notice notice-error" data-testid="no-recovery-key">
                "Chưa cấu hình khóa khôi phục ngoại tuyến (HOSO_BACKUP_RECIPIENTS): hiện chỉ khóa của máy chủ này mở được các bản sao lưu. Nếu mất máy chủ sẽ không phục hồi được — xem hướng dẫn triển khai."
            </p>
        }
        .into_any()
    } else {
        view! { <span>{format!("{} khóa khôi phục ngoại tuyến và khóa của máy chủ", list.recipients)}</span> }
            .into_any()
    };
    view! {
        {list.alert.clone().map(|alert| view! { <p class="notice notice-error" role="alert" data-testid="backup-alert">{alert}</p> })}
        <dl class="facts">
            <dt>"Thư mục lưu"</dt><dd data-testid="backup-location">{list.location.clone()}</dd>
            <dt>"Mã hóa cho"</dt><dd>{recipients}</dd>
            <dt>"Lần sao lưu định kỳ tới"</dt><dd data-testid="backup-next-run">{next}</dd>
        </dl>
        {if list.items.is_empty() {
            view! { <p class="muted" data-testid="backups-empty">"Chưa có bản sao lưu nào."</p> }.into_any()
        } else {
            view! {
                <table class="data" data-testid="backups">
                    <thead><tr>
                        <th>"Thời điểm"</th><th>"Loại"</th><th>"Trạng thái"</th><th>"Dung lượng"</th>
                        <th>"Kết quả phục hồi thử"</th><th>"Người/nguồn"</th><th>"Lưu đến"</th><th></th>
                    </tr></thead>
                    <tbody>
                        {list.items.into_iter().map(|backup| view! { <BackupRow backup refresh /> }).collect_view()}
                    </tbody>
                </table>
            }.into_any()
        }}
        <h2>"Các lần phục hồi vào cơ sở dữ liệu này"</h2>
        {if list.restores.is_empty() {
            view! { <p class="muted" data-testid="restores-empty">"Chưa phục hồi lần nào."</p> }.into_any()
        } else {
            view! {
                <table class="data" data-testid="restores">
                    <thead><tr><th>"Phục hồi lúc"</th><th>"Từ bản sao lưu"</th><th>"Lập lúc"</th><th>"Trên"</th><th>"Số dòng"</th><th>"Tài liệu"</th><th>"Người thực hiện"</th></tr></thead>
                    <tbody>
                        {list.restores.into_iter().map(|r| view! {
                            <tr>
                                <td>{labels::datetime(&r.restored_at)}</td>
                                <td>{r.file_name}</td>
                                <td>{labels::datetime(&r.backup_made_at)}</td>
                                <td>{crate::format::backend_vi(&r.source_backend)}</td>
                                <td>{r.rows}</td>
                                <td>{r.documents}</td>
                                <td>{r.restored_by}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any()
        }}
    }
}

fn kind_label(kind: BackupKind) -> &'static str {
    kind.label_vi()
}

fn state_label(state: &str) -> &'static str {
    match state {
        "running" => "Đang tạo",
        "verified" => "Đã kiểm tra đạt",
        "failed" => "Không thành công",
        "deleted" => "Đã xóa",
        _ => "Không rõ",
    }
}

/// 734003200 → "700,0 MB".
fn size(bytes: Option<i64>) -> String {
    let Some(bytes) = bytes else { return "—".into() };
    let units = ["B", "KB", "MB", "GB", "TB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit < units.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    format!("{value:.1} {}", units[unit]).replace('.', ",")
}

fn verification_text(v: &VerificationView) -> String {
    if v.ok {
        format!(
            "Đạt: {} bảng, {} dòng, {} tài liệu, {} chữ ký số ({:.0} giây)",
            v.tables, v.rows, v.documents, v.signatures_checked, v.seconds
        )
    } else {
        format!("Không đạt: {}", v.problems.join(" "))
    }
}

#[component]
fn BackupRow(backup: BackupView, refresh: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let deleting = RwSignal::new(false);
    let reason = RwSignal::new(String::new());
    let failure = RwSignal::new(None::<ApiFailure>);
    let id = backup.id.clone();
    let confirm = move |_| {
        let id = id.clone();
        let body = DeleteBackup {
            reason: reason.get_untracked(),
        };
        spawn_local(async move {
            match api::post::<_, BackupView>(auth, &format!("/backups/{id}/delete"), &body).await {
                Ok(_) => {
                    deleting.set(false);
                    refresh();
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    let result = match (&backup.verification, &backup.error) {
        (Some(v), _) => verification_text(v),
        (None, Some(error)) => error.clone(),
        (None, None) => String::new(),
    };
    let kept = match (&backup.state[..], backup.keep_until) {
        ("deleted", _) => format!(
            "Đã xóa {} ({}): {}",
            backup
                .deleted_at
                .as_ref()
                .map(labels::datetime)
                .unwrap_or_default(),
            backup.deleted_by.clone().unwrap_or_default(),
            backup.delete_reason.clone().unwrap_or_default()
        ),
        (_, Some(day)) => day.format("%d/%m/%Y").to_string(),
        (_, None) => "Vĩnh viễn".into(),
    };
    let may_delete = matches!(backup.state.as_str(), "verified" | "failed");
    view! {
        <tr data-testid="backup" data-state=backup.state.clone()>
            <td>{labels::datetime(&backup.started_at)}<br /><small class="muted">{backup.file_name.clone()}</small></td>
            <td>{kind_label(backup.kind)}</td>
            <td><span class="badge">{state_label(&backup.state)}</span></td>
            <td>{size(backup.size_bytes)}</td>
            <td data-testid="backup-result">{result}</td>
            <td>{labels::job_origin(&backup.made_by_type, Some(&backup.made_by_name))}</td>
            <td>{kept}</td>
            <td>
                {may_delete.then(|| view! {
                    <Show when=move || deleting.get() fallback=move || view! {
                        <button type="button" data-testid="backup-delete" on:click=move |_| deleting.set(true)>"Xóa…"</button>
                    }>
                        <label>"Lý do xóa "
                            <input type="text" data-testid="backup-delete-reason" prop:value=move || reason.get()
                                on:input=move |e| reason.set(event_target_value(&e)) />
                        </label>
                        <button type="button" data-testid="backup-delete-confirm" on:click=confirm.clone()>"Xóa bản sao lưu"</button>
                        <button type="button" on:click=move |_| deleting.set(false)>"Thôi"</button>
                        <FormFailure failure />
                    </Show>
                })}
            </td>
        </tr>
    }
}
