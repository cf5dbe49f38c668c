//! "Tác vụ nền": the background job queue for the province's administrators — what runs, how
//! far it got, what failed and why, with retry and cancel. Refreshed every few seconds.

use std::time::Duration;

use hoso_api_types::jobs::{JobPage, JobView};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, ApiFailure};
use crate::components::failure::{FailureNotice, FormFailure};
use crate::components::guard::SignedIn;
use crate::labels;
use crate::session::Auth;

const REFRESH_EVERY: Duration = Duration::from_secs(3);
const STATES: &[&str] = &["queued", "running", "succeeded", "dead", "cancelled"];

#[component]
pub fn JobsPage() -> impl IntoView {
    view! { <SignedIn children=|_| view! { <Jobs /> } /> }
}

#[component]
fn Jobs() -> impl IntoView {
    let auth = expect_context::<Auth>();
    let tick = RwSignal::new(0_u32);
    let state = RwSignal::new(String::new());
    let jobs = LocalResource::new(move || {
        tick.track();
        let state = state.get();
        async move {
            let query = if state.is_empty() {
                String::new()
            } else {
                format!("?state={state}")
            };
            api::get::<JobPage>(auth, &format!("/jobs{query}")).await
        }
    });
    if let Ok(handle) = set_interval_with_handle(move || tick.update(|t| *t += 1), REFRESH_EVERY) {
        on_cleanup(move || handle.clear());
    }
    let failure = RwSignal::new(None::<ApiFailure>);
    let act = move |id: String, action: &'static str| {
        spawn_local(async move {
            match api::post::<_, JobView>(auth, &format!("/jobs/{id}/{action}"), &()).await {
                Ok(_) => {
                    failure.set(None);
                    tick.update(|t| *t += 1);
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    view! {
        <section>
            <h1>"Tác vụ nền"</h1>
            <p class="muted">"Lập báo cáo, nhập dữ liệu, đồng bộ, sao lưu và các việc định kỳ chạy ở nền; trang tự cập nhật mỗi "{REFRESH_EVERY.as_secs()}" giây."</p>
            <label>"Trạng thái "
                <select data-testid="job-state-filter" on:change=move |e| state.set(event_target_value(&e))>
                    <option value="">"Tất cả"</option>
                    {STATES.iter().map(|s| view! { <option value=*s>{labels::job_state(s)}</option> }).collect_view()}
                </select>
            </label>
            <FormFailure failure />
            <Transition fallback=|| view! { <p class="muted">"Đang tải…"</p> }>
                {move || Suspend::new(async move {
                    match jobs.await {
                        Err(failure) => view! { <FailureNotice failure /> }.into_any(),
                        Ok(page) => view! { <JobTable page act /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn JobTable(
    page: JobPage,
    act: impl Fn(String, &'static str) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let counts = page
        .counts
        .iter()
        .map(|c| format!("{}: {}", labels::job_state(&c.state), c.count))
        .collect::<Vec<_>>()
        .join(" · ");
    if page.items.is_empty() {
        return view! {
            <p class="muted" data-testid="job-counts">{counts}</p>
            <p class="muted" data-testid="jobs-empty">"Không có tác vụ nào."</p>
        }
        .into_any();
    }
    view! {
        <p class="muted" data-testid="job-counts">{counts}</p>
        <table class="data" data-testid="jobs">
            <thead><tr><th>"Tác vụ"</th><th>"Trạng thái"</th><th>"Tiến độ"</th><th>"Lần chạy"</th><th>"Người/nguồn yêu cầu"</th><th>"Tạo lúc"</th><th>"Lỗi gần nhất"</th><th></th></tr></thead>
            <tbody>
                {page.items.into_iter().map(|job| {
                    let (retry_id, cancel_id) = (job.id.clone(), job.id.clone());
                    let may_retry = matches!(job.state.as_str(), "dead" | "cancelled");
                    let may_cancel = matches!(job.state.as_str(), "queued" | "running") && !job.cancel_requested;
                    let progress = (job.progress_total > 0).then(|| view! {
                        <progress max=job.progress_total value=job.progress_done></progress>
                        " "{job.progress_done}" / "{job.progress_total}
                    });
                    view! {
                        <tr data-testid="job" data-state=job.state.clone()>
                            <td>{labels::job_kind(&job.kind)}</td>
                            <td><span class="badge">{labels::job_state(&job.state)}</span>
                                {job.cancel_requested.then_some(" (đang dừng)")}</td>
                            <td>{progress}</td>
                            <td>{format!("{}/{}", job.attempts, job.max_attempts)}</td>
                            <td>{labels::job_origin(&job.queued_by_type, job.queued_by_name.as_deref())}</td>
                            <td>{labels::datetime(&job.created_at)}</td>
                            <td data-testid="job-error">{job.last_error.clone().unwrap_or_default()}</td>
                            <td>
                                {may_retry.then(|| view! { <button type="button" on:click=move |_| act(retry_id.clone(), "retry")>"Chạy lại"</button> })}
                                {may_cancel.then(|| view! { <button type="button" on:click=move |_| act(cancel_id.clone(), "cancel")>"Hủy"</button> })}
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}
