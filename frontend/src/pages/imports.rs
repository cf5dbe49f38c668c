//! "Nhập dữ liệu từ Excel" (issue #15): download the template, upload a filled workbook for a
//! dry run, read what it would do and which cells are wrong, download the workbook marked,
//! then write it and watch the progress of the background job.

use std::time::Duration;

use hoso_api_types::imports::{CommitImportRequest, ImportCounts, ImportView};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, ApiFailure};
use crate::components::failure::{FailureNotice, FormFailure};
use crate::components::guard::SignedIn;
use crate::components::upload::FileInput;
use crate::labels;
use crate::session::Auth;

const POLL_EVERY: Duration = Duration::from_secs(1);

#[component]
pub fn ImportsPage() -> impl IntoView {
    view! { <SignedIn children=|_| view! { <Imports /> } /> }
}

#[component]
fn Imports() -> impl IntoView {
    let auth = expect_context::<Auth>();
    let current = RwSignal::new(None::<ImportView>);
    let failure = RwSignal::new(None::<ApiFailure>);
    let progress = RwSignal::new(None::<f64>);
    let reload = RwSignal::new(0_u32);
    let kind = RwSignal::new("staff".to_owned());
    let province = auth.get_untracked().is_some_and(|s| s.account.unit.is_none());
    let earlier = LocalResource::new(move || {
        reload.track();
        api::get::<Vec<ImportView>>(auth, "/imports")
    });
    let download_template = move |_| {
        let kind = kind.get_untracked();
        let stem = hoso_domain::import::ImportKind::parse(&kind).map_or("nhan-su", |k| k.file_stem());
        spawn_local(async move {
            let path = format!("/imports/templates/{kind}");
            if let Err(error) = api::download_file(auth, &path, &format!("mau-nhap-{stem}.xlsx")).await {
                failure.set(Some(error));
            }
        });
    };
    let on_file = move |event: leptos::ev::Event| {
        let Some(file) = crate::components::upload::chosen_file(&event) else {
            return;
        };
        let path = format!(
            "/imports?kind={}&file_name={}",
            kind.get_untracked(),
            crate::pages::accounts::encode(&file.name())
        );
        current.set(None);
        spawn_local(async move {
            match api::upload_to::<ImportView>(auth, &path, file, progress).await {
                Ok(checked) => {
                    failure.set(None);
                    current.set(Some(checked));
                    reload.update(|n| *n += 1);
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    let open = move |id: String| {
        spawn_local(async move {
            match api::get::<ImportView>(auth, &format!("/imports/{id}")).await {
                Ok(view) => current.set(Some(view)),
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    view! {
        <section>
            <h1>"Nhập dữ liệu từ Excel"</h1>
            <p class="muted">"Nhập hồ sơ cán bộ, công chức, viên chức đang có từ bảng tính hoặc phần mềm cũ. Hệ thống kiểm tra từng ô trước (không ghi gì), trả lại tệp có đánh dấu ô sai; chỉ khi bạn chọn «Ghi vào hồ sơ» mới tạo hồ sơ nháp, sau đó hồ sơ đi qua kiểm tra và ký duyệt như thường lệ."</p>
            <label>"Loại dữ liệu "
                <select name="import-kind" data-testid="import-kind" on:change=move |e| kind.set(event_target_value(&e))>
                    <option value="staff">"Nhân sự và hồ sơ (mỗi người một dòng, kèm các quá trình)"</option>
                    {province.then(|| view! { <option value="units">"Cơ cấu tổ chức (đơn vị, đơn vị cấp trên)"</option> })}
                </select>
            </label>
            <ol class="steps">
                <li>
                    {move || if kind.get() == "units" {
                        "Tải mẫu nhập, điền mỗi đơn vị một dòng (đơn vị cấp trên trước đơn vị cấp dưới). "
                    } else {
                        "Tải mẫu nhập, điền mỗi người một dòng ở trang «Nhân sự» và các quá trình ở các trang sau (nối bằng số định danh cá nhân). "
                    }}
                    <button type="button" data-testid="download-template" on:click=download_template>"Tải mẫu nhập (Excel)"</button>
                </li>
                <li>
                    <label>"Chọn tệp đã điền (.xlsx hoặc .csv) để kiểm tra "
                        <FileInput name="import-file" test_id="import-file"
                            accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
                            on_change=on_file />
                    </label>
                    {move || progress.get().map(|done| view! {
                        <p class="muted">"Đang tải lên và kiểm tra… "
                            <progress max="100" value=(done * 100.0).round().to_string()></progress>
                        </p>
                    })}
                </li>
            </ol>
            <FormFailure failure />
            {move || current.get().map(|view| view! { <ImportPanel initial=view on_change=Callback::new(move |()| reload.update(|n| *n += 1)) /> })}
            <h2>"Các lần nhập trước"</h2>
            <Transition fallback=|| view! { <p class="muted">"Đang tải…"</p> }>
                {move || Suspend::new(async move {
                    match earlier.await {
                        Err(failure) => view! { <FailureNotice failure /> }.into_any(),
                        Ok(rows) if rows.is_empty() => view! { <p class="muted">"Chưa nhập lần nào."</p> }.into_any(),
                        Ok(rows) => view! {
                            <table class="data" data-testid="imports">
                                <thead><tr><th>"Tệp"</th><th>"Người tải lên"</th><th>"Lúc"</th><th>"Trạng thái"</th><th>"Mới / cập nhật / không đổi / từ chối"</th><th></th></tr></thead>
                                <tbody>
                                    {rows.into_iter().map(|row| {
                                        let id = row.id.clone();
                                        let counts = row.committed.clone().unwrap_or(row.dry_run.clone());
                                        view! {
                                            <tr>
                                                <td>{row.file_name.clone()}</td>
                                                <td>{row.created_by.clone()}</td>
                                                <td>{labels::datetime(&row.created_at)}</td>
                                                <td><span class="badge">{status_label(&row.status)}</span></td>
                                                <td>{format!("{} / {} / {} / {}", counts.new, counts.updated, counts.unchanged, counts.refused)}</td>
                                                <td><button type="button" on:click=move |_| open(id.clone())>"Xem"</button></td>
                                            </tr>
                                        }
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

fn status_label(status: &str) -> &'static str {
    match status {
        "checked" => "Đã kiểm tra, chưa ghi",
        "committing" => "Đang ghi",
        "committed" => "Đã ghi",
        "failed" => "Ghi thất bại",
        _ => "Không rõ",
    }
}

#[component]
fn Counts(counts: ImportCounts, testid: &'static str) -> impl IntoView {
    view! {
        <table class="data counts" data-testid=testid>
            <thead><tr><th>"Mới"</th><th>"Cập nhật"</th><th>"Không thay đổi"</th><th>"Bị từ chối"</th></tr></thead>
            <tbody><tr>
                <td data-testid="count-new">{counts.new}</td>
                <td data-testid="count-updated">{counts.updated}</td>
                <td data-testid="count-unchanged">{counts.unchanged}</td>
                <td data-testid="count-refused">{counts.refused}</td>
            </tr></tbody>
        </table>
    }
}

/// One import: its dry run, its issues, and the commit with its progress (polled while the
/// background job runs).
#[component]
fn ImportPanel(initial: ImportView, on_change: Callback<()>) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let import = RwSignal::new(initial);
    let failure = RwSignal::new(None::<ApiFailure>);
    let valid_only = RwSignal::new(false);
    let migrated = RwSignal::new(false);
    let province = auth.get_untracked().is_some_and(|s| s.account.unit.is_none());
    let committing = move || import.with(|i| i.status == "committing");
    // Poll while the commit runs.
    if let Ok(handle) = set_interval_with_handle(
        move || {
            if !committing() {
                return;
            }
            let id = import.with_untracked(|i| i.id.clone());
            spawn_local(async move {
                if let Ok(view) = api::get::<ImportView>(auth, &format!("/imports/{id}")).await {
                    let ended = view.status != "committing";
                    import.set(view);
                    if ended {
                        on_change.run(());
                    }
                }
            });
        },
        POLL_EVERY,
    ) {
        on_cleanup(move || handle.clear());
    }
    let download_marked = move |_| {
        let (id, name) = import.with_untracked(|i| (i.id.clone(), i.file_name.clone()));
        let stem = name.rsplit_once('.').map_or(name.clone(), |(s, _)| s.to_owned());
        spawn_local(async move {
            if let Err(error) = api::download_file(
                auth,
                &format!("/imports/{id}/marked"),
                &format!("{stem}-da-kiem-tra.xlsx"),
            )
            .await
            {
                failure.set(Some(error));
            }
        });
    };
    let commit = move |_| {
        let id = import.with_untracked(|i| i.id.clone());
        let body = CommitImportRequest {
            valid_only: valid_only.get_untracked(),
            migrated: migrated.get_untracked(),
        };
        spawn_local(async move {
            match api::post::<_, ImportView>(auth, &format!("/imports/{id}/commit"), &body).await {
                Ok(view) => {
                    failure.set(None);
                    import.set(view);
                    on_change.run(());
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    view! {
        <article class="card" data-testid="import">
            {move || import.with(|i| view! {
                <h2>{format!("Tệp «{}»", i.file_name)}</h2>
                <p class="muted">{if i.kind == "units" { "Cơ cấu tổ chức" } else { "Nhân sự và hồ sơ" }}</p>
                <p>"Trạng thái: " <span class="badge" data-testid="import-status" data-status=i.status.clone()>{status_label(&i.status)}</span>
                    {format!(" · {} dòng dữ liệu", i.rows_read)}</p>
                <h3>"Kết quả kiểm tra"</h3>
                <Counts counts=i.dry_run.clone() testid="dry-run" />
            })}
            {move || import.with(|i| (i.issue_count > 0).then(|| {
                let shown = i.issues.len();
                let total = i.issue_count;
                view! {
                    <h3>{format!("Các ô bị từ chối ({total})")}</h3>
                    <p>
                        <button type="button" data-testid="download-marked" on:click=download_marked>"Tải tệp đã đánh dấu lỗi"</button>
                        " Sửa các ô tô đỏ trong tệp rồi tải lên lại."
                    </p>
                    {(shown < total as usize).then(|| view! { <p class="muted">{format!("Hiển thị {shown} lỗi đầu tiên; tệp đánh dấu có đủ {total} lỗi.")}</p> })}
                    <table class="data" data-testid="import-issues">
                        <thead><tr><th>"Trang"</th><th>"Dòng"</th><th>"Cột"</th><th>"Tiêu đề cột"</th><th>"Lỗi"</th></tr></thead>
                        <tbody>
                            {i.issues.iter().map(|issue| view! {
                                <tr data-code=issue.code.clone()>
                                    <td>{issue.sheet.clone()}</td>
                                    <td>{issue.row}</td>
                                    <td>{issue.column.clone()}</td>
                                    <td>{issue.header.clone().unwrap_or_default()}</td>
                                    <td>{issue.message.clone()}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }
            }))}
            {move || import.with(|i| (i.status == "checked").then(|| {
                let has_issues = i.issue_count > 0;
                let writable = i.dry_run.new + i.dry_run.updated;
                view! {
                    <h3>"Ghi vào hồ sơ"</h3>
                    {has_issues.then(|| view! {
                        <label class="inline"><input type="checkbox" name="valid_only" bind:checked=valid_only />
                            {format!(" Chỉ ghi những dòng hợp lệ ({writable}); bỏ qua những người, đơn vị bị từ chối")}</label>
                    })}
                    {province.then(|| view! {
                        <label class="inline"><input type="checkbox" name="migrated" bind:checked=migrated />
                            " Đánh dấu hồ sơ chuyển từ hệ thống cũ"</label>
                    })}
                    <p>
                        <button type="button" class="primary" data-testid="commit-import"
                            disabled=move || has_issues && !valid_only.get()
                            on:click=commit>"Ghi vào hồ sơ"</button>
                        {(i.kind == "staff").then_some(" Hồ sơ được tạo hoặc cập nhật ở dạng nháp, chờ kiểm tra và ký duyệt.")}
                    </p>
                }
            }))}
            {move || import.with(|i| (i.status != "checked").then(|| {
                let (done, total) = (i.progress_done, i.progress_total.max(1));
                view! {
                    <h3>"Tiến độ ghi"</h3>
                    <p data-testid="commit-progress">
                        <progress max=total value=done></progress>
                        {format!(" {done} / {}", i.progress_total)}
                    </p>
                    {i.committed.clone().map(|counts| view! { <Counts counts testid="committed" /> })}
                    {i.error.clone().map(|e| view! { <p class="notice notice-error">{format!("Lỗi: {e}")}</p> })}
                }
            }))}
            <FormFailure failure />
        </article>
    }
}
