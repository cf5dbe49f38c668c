//! Statutory reports (USE-2…4): a breakdown for a unit's subtree or the province, today or as of
//! a past day, as a table and a chart (bars; for ages, a pyramid of men and women; for quotas,
//! gauges of headcount against the quota), exported to Excel, CSV or PDF. A past day is counted
//! in the background: the page shows the progress, and the report stays downloadable from the
//! list of reports made. Aggregates are shared (USE-6): any unit may be chosen.

use gloo_timers::future::TimeoutFuture;
use hoso_api_types::reports::{NewReportJob, ReportJobView, ReportRow, ReportView, ScheduledReport};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, ApiFailure};
use crate::components::date_input::DateInput;
use crate::components::failure::{FailureNotice, FormFailure};
use crate::components::guard::SignedIn;
use crate::components::unit_select::UnitSelect;
use crate::session::Auth;

const KINDS: &[(&str, &str)] = &[
    ("grade", "Theo ngạch, chức danh nghề nghiệp"),
    ("job_position", "Theo vị trí việc làm"),
    ("age", "Tháp tuổi theo giới tính"),
    ("gender", "Theo giới tính"),
    ("ethnicity", "Theo dân tộc"),
    ("religion", "Theo tôn giáo"),
    ("qualification", "Theo trình độ chuyên môn"),
    ("political_theory", "Theo lý luận chính trị"),
    ("state_management", "Theo quản lý nhà nước"),
    ("party", "Đảng viên"),
    ("rating", "Theo xếp loại chất lượng"),
    ("quota", "Biên chế được giao và số có mặt"),
    ("update_status", "Tình hình cập nhật, phê duyệt hồ sơ"),
    (
        "agency_activity",
        "Khai thác, cập nhật, phê duyệt, đồng bộ dữ liệu",
    ),
];

#[component]
pub fn ReportsPage() -> impl IntoView {
    view! { <SignedIn children=|_| view! { <Reports /> } /> }
}

/// The report's chart: for ages a pyramid of men and women, for quotas the headcount against
/// the quota per unit, otherwise one bar per row; reports with several columns chart the count.
fn chart(report: &ReportView) -> impl IntoView {
    use crate::components::chart::{bars, gauges, pyramid, Series, PAGE};
    let value = |r: &ReportRow, i: usize| r.values.get(i).copied().unwrap_or(0);
    // A hidden small count (shown «< 5») is not drawn as a value.
    let shown = report.rows.iter().filter(|r| !r.suppressed);
    match report.kind.as_str() {
        "age" => pyramid(
            &report.title,
            shown
                .map(|r| (r.label.clone(), value(r, 0), value(r, 1)))
                .collect(),
            [
                Series {
                    name: "Nam",
                    class: "men",
                },
                Series {
                    name: "Nữ",
                    class: "women",
                },
            ],
            "Số người",
        )
        .into_any(),
        "quota" => gauges(
            PAGE,
            &report.title,
            shown.map(|r| (r.label.clone(), r.count, value(r, 0))).collect(),
            "Số người",
        )
        .into_any(),
        _ => bars(
            PAGE,
            &report.title,
            shown.map(|r| (r.label.clone(), r.count)).collect(),
            &report.count_label,
        )
        .into_any(),
    }
}

fn report_view(r: ReportView) -> impl IntoView {
    let place = r.unit.as_ref().map_or("Toàn tỉnh".to_owned(), |u| u.name.clone());
    view! {
        <h2>{r.title.clone()}</h2>
        <p class="muted">{format!("{place} — tính đến ngày {} — tổng số {}", r.as_of.format("%d/%m/%Y"), if r.total_suppressed { "< 5".to_owned() } else { r.total.to_string() })}</p>
        {chart(&r)}
        {r.rows.iter().any(|row| row.suppressed).then(|| view! {
            <p class="muted" data-testid="report-suppressed">
                "Đơn vị ngoài phạm vi quản lý: các số dưới 5 người về dân tộc, tôn giáo, đảng viên (và ô có thể suy ra chúng) được hiển thị là «< 5» để không lộ thông tin cá nhân."
            </p>
        })}
        <table class="data" data-testid="report">
            <thead><tr>
                <th>"Nội dung"</th><th>{r.count_label.clone()}</th>
                {r.columns.iter().map(|c| view! { <th>{c.clone()}</th> }).collect_view()}
            </tr></thead>
            <tbody>
                {r.rows.into_iter().map(|row| view! {
                    <tr data-suppressed=row.suppressed.to_string()><td>{row.label}</td>
                    <td>{if row.suppressed { "< 5".to_owned() } else { row.count.to_string() }}</td>
                    {row.values.into_iter().map(|v| view! { <td>{v}</td> }).collect_view()}</tr>
                }).collect_view()}
                <tr class="total"><td>"Tổng cộng"</td>
                <td>{if r.total_suppressed { "< 5".to_owned() } else { r.total.to_string() }}</td>
                {r.totals.into_iter().map(|v| view! { <td>{v}</td> }).collect_view()}</tr>
            </tbody>
        </table>
    }
}

/// What is on screen: today's report straight from the server, or a job for a past day.
#[derive(Clone)]
enum Shown {
    Nothing,
    Today(Result<ReportView, ApiFailure>),
    Job(ReportJobView),
    Failed(ApiFailure),
}

#[component]
fn Reports() -> impl IntoView {
    let auth = expect_context::<Auth>();
    let kind = RwSignal::new("grade".to_owned());
    let unit = RwSignal::new(String::new());
    let as_of = RwSignal::new(String::new());
    let shown = RwSignal::new(Shown::Nothing);
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<ApiFailure>);
    let jobs_changed = RwSignal::new(0u32);
    let jobs = LocalResource::new(move || {
        jobs_changed.track();
        api::get::<Vec<ReportJobView>>(auth, "/report-jobs")
    });

    // A past day: start a job and follow its progress until it ends.
    let follow = move |id: String| {
        spawn_local(async move {
            loop {
                match api::get::<ReportJobView>(auth, &format!("/report-jobs/{id}")).await {
                    Ok(job) => {
                        let running = job.status == "running";
                        shown.set(Shown::Job(job));
                        if !running {
                            break;
                        }
                    }
                    Err(error) => {
                        shown.set(Shown::Failed(error));
                        break;
                    }
                }
                TimeoutFuture::new(600).await;
            }
            busy.set(false);
            jobs_changed.update(|n| *n += 1);
        });
    };
    let run = move || {
        let (kind, unit, day) = (kind.get_untracked(), unit.get_untracked(), as_of.get_untracked());
        busy.set(true);
        failure.set(None);
        spawn_local(async move {
            if day.is_empty() {
                let filter = if unit.is_empty() {
                    String::new()
                } else {
                    format!("?unit_id={unit}")
                };
                shown.set(Shown::Today(
                    api::get::<ReportView>(auth, &format!("/reports/{kind}{filter}")).await,
                ));
                busy.set(false);
                return;
            }
            let request = NewReportJob {
                kind,
                unit_id: (!unit.is_empty()).then_some(unit),
                as_of: chrono::NaiveDate::parse_from_str(&day, "%Y-%m-%d").ok(),
            };
            match api::post::<_, ReportJobView>(auth, "/report-jobs", &request).await {
                Ok(job) => {
                    let id = job.id.clone();
                    shown.set(Shown::Job(job));
                    follow(id);
                }
                Err(error) => {
                    failure.set(Some(error));
                    busy.set(false);
                }
            }
        });
    };
    // The yearly reports the regulation asks for (USE-3, USE-4), each made in one click.
    let schedule = LocalResource::new(move || api::get::<Vec<ScheduledReport>>(auth, "/report-schedule"));
    // Before its day has passed, the report shows the figures so far (as of today).
    let make = move |report_kind: String, day: Option<chrono::NaiveDate>| {
        kind.set(report_kind);
        unit.set(String::new());
        let past = day.filter(|d| *d < crate::format::today_vn());
        as_of.set(past.map(|d| d.to_string()).unwrap_or_default());
        run();
    };
    let download = move |path: String, file_name: String| {
        spawn_local(async move {
            if let Err(error) = api::download_file(auth, &path, &file_name).await {
                failure.set(Some(error));
            }
        });
    };
    // Today's report is exported by asking again in the format; a job's from its result.
    let export = move |format: &'static str| match shown.get_untracked() {
        Shown::Job(job) => download(
            format!("/report-jobs/{}?format={format}", job.id),
            format!("{}.{format}", job.file_name),
        ),
        Shown::Today(Ok(report)) => {
            let unit = report
                .unit
                .as_ref()
                .map(|u| format!("&unit_id={}", u.id))
                .unwrap_or_default();
            download(
                format!("/reports/{}?format={format}{unit}", report.kind),
                format!("{}.{format}", report.file_name),
            );
        }
        _ => {
            let (kind, unit) = (kind.get_untracked(), unit.get_untracked());
            let filter = if unit.is_empty() {
                String::new()
            } else {
                format!("&unit_id={unit}")
            };
            // Nothing shown yet: the report's own name is asked for first.
            spawn_local(async move {
                match api::get::<ReportView>(
                    auth,
                    &format!("/reports/{kind}{}", filter.replacen('&', "?", 1)),
                )
                .await
                {
                    Ok(report) => download(
                        format!("/reports/{kind}?format={format}{filter}"),
                        format!("{}.{format}", report.file_name),
                    ),
                    Err(error) => failure.set(Some(error)),
                }
            });
        }
    };
    view! {
        <section>
            <h1>"Thống kê, báo cáo"</h1>
            <div class="schedule" data-testid="report-schedule">
                <h2>"Báo cáo định kỳ hằng năm"</h2>
                {move || schedule.get().and_then(Result::ok).unwrap_or_default().into_iter().map(|r| {
                    let counted = r.as_of.map_or_else(
                        || "số liệu đến ngày lập".to_owned(),
                        |d| format!("số liệu đến {}", d.format("%d/%m/%Y")),
                    );
                    let when = format!(
                        "{} — từ {} đến hạn {}; {}",
                        r.by,
                        r.opens_on.format("%d/%m/%Y"),
                        r.due_on.format("%d/%m/%Y"),
                        counted
                    );
                    let day = r.as_of;
                    view! {
                        <div class="scheduled">
                            <strong>{r.title}</strong>
                            {r.open_now.then(|| view! { " " <span class="badge">"Đang trong thời hạn báo cáo"</span> })}
                            <p class="muted">{when}</p>
                            {r.kinds.into_iter().map(|k| {
                                let label = KINDS.iter().find(|(key, _)| *key == k).map_or(k.clone(), |(_, l)| (*l).to_owned());
                                view! {
                                    <button type="button" on:click=move |_| make(k.clone(), day)>{format!("Lập: {label}")}</button>
                                }
                            }).collect_view()}
                        </div>
                    }
                }).collect_view()}
            </div>
            <form class="search-form" on:submit=move |ev| { ev.prevent_default(); run(); }>
                <label>"Báo cáo"
                    <select name="report.kind" bind:value=kind>
                        {KINDS.iter().map(|(k, label)| view! { <option value=*k>{*label}</option> }).collect_view()}
                    </select>
                </label>
                <label>"Đơn vị"
                    <UnitSelect name="report.unit" value=unit empty="Toàn tỉnh" whole_province=true />
                </label>
                <label>"Tính đến ngày (để trống: hôm nay)"
                    <DateInput name="report.as_of" value=as_of />
                </label>
                <button type="submit" class="primary" disabled=move || busy.get()>"Xem"</button>
            </form>
            <div class="actions">
                <button type="button" on:click=move |_| export("xlsx")>"Xuất Excel"</button>
                <button type="button" on:click=move |_| export("csv")>"Xuất CSV"</button>
                <button type="button" on:click=move |_| export("pdf")>"Xuất PDF"</button>
            </div>
            <FormFailure failure />
            {move || match shown.get() {
                Shown::Nothing => view! { <p class="muted">"Chọn báo cáo, đơn vị và ngày rồi bấm Xem."</p> }.into_any(),
                Shown::Today(Err(failure)) | Shown::Failed(failure) => view! { <FailureNotice failure /> }.into_any(),
                Shown::Today(Ok(r)) => report_view(r).into_any(),
                Shown::Job(job) => match (job.status.as_str(), job.report) {
                    ("done", Some(r)) => report_view(r).into_any(),
                    ("failed", _) => view! { <p class="error" role="alert">{job.error.unwrap_or_else(|| "Không lập được báo cáo.".into())}</p> }.into_any(),
                    _ => view! {
                        <p data-testid="report-progress">
                            {format!("Đang lập báo cáo: đã tính {} / {} người", job.done, job.total)}
                            <progress max=job.total.max(1) value=job.done></progress>
                        </p>
                    }.into_any(),
                },
            }}
            <crate::pages::annual_report::AnnualReport />
            <h2>"Báo cáo đã lập"</h2>
            <Transition fallback=|| view! { <p class="muted">"Đang tải…"</p> }>
                {move || Suspend::new(async move {
                    match jobs.await {
                        Err(failure) => view! { <FailureNotice failure /> }.into_any(),
                        Ok(list) if list.is_empty() => view! { <p class="muted">"Chưa lập báo cáo nào theo ngày đã qua."</p> }.into_any(),
                        Ok(list) => view! {
                            <table class="data" data-testid="report-jobs">
                                <thead><tr><th>"Báo cáo"</th><th>"Tính đến ngày"</th><th>"Trạng thái"</th><th></th></tr></thead>
                                <tbody>{list.into_iter().map(|job| {
                                    let title = KINDS.iter().find(|(k, _)| *k == job.kind).map_or(job.kind.clone(), |(_, t)| (*t).to_owned());
                                    let state = match job.status.as_str() {
                                        "done" => "Đã xong".to_owned(),
                                        "failed" => "Không lập được".to_owned(),
                                        _ => format!("Đang lập ({}/{})", job.done, job.total),
                                    };
                                    let done = job.status == "done";
                                    let id = job.id.clone();
                                    let file = job.file_name.clone();
                                    view! {
                                        <tr><td>{title}</td><td>{job.as_of.format("%d/%m/%Y").to_string()}</td><td>{state}</td>
                                        <td>{done.then(|| view! {
                                            <button type="button" on:click=move |_| download(format!("/report-jobs/{id}?format=xlsx"), format!("{file}.xlsx"))>"Tải Excel"</button>
                                        })}</td></tr>
                                    }
                                }).collect_view()}</tbody>
                            </table>
                        }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
