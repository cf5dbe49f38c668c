use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::SystemInfoResource;
use crate::components::failure::FailureNotice;
use crate::labels;
use crate::session::Auth;

#[component]
pub fn HomePage() -> impl IntoView {
    let SystemInfoResource(info) = expect_context::<SystemInfoResource>();
    let auth = expect_context::<Auth>();
    view! {
        <section>
            <Transition fallback=|| view! { <p class="muted">"Đang tải…"</p> }>
                {move || Suspend::new(async move {
                    match info.await {
                        Ok(info) => view! {
                            <h1>{info.system_name}</h1>
                            <p class="lead">{info.province_name}</p>
                        }.into_any(),
                        Err(failure) => view! { <FailureNotice failure /> }.into_any(),
                    }
                })}
            </Transition>
            {move || match auth.get() {
                Some(session) => view! {
                    <p data-testid="greeting">"Xin chào, "<strong>{session.account.display_name.clone()}</strong>
                        " ("{labels::kind(session.kind())}")."</p>
                }.into_any(),
                None => view! {
                    <p><A href="/dang-nhap">"Đăng nhập"</A>" để làm việc với hồ sơ."</p>
                }.into_any(),
            }}
            {move || auth.get().filter(|s| s.kind() == hoso_domain::access::AccountKind::Personal)
                .map(|_| view! { <MyDossierStatus /> })}
            {move || auth.get().filter(|s| s.kind() != hoso_domain::access::AccountKind::Personal)
                .map(|session| view! { <OfficeDashboard session /> })}
            {move || auth.get().map(|_| view! { <Notifications /> })}
            <p>
                "Hệ thống lưu giữ hồ sơ điện tử của cán bộ, công chức, viên chức và người lao động, "
                "theo mẫu sơ yếu lý lịch của Thông tư 06/2023/TT-BNV, với quy trình cập nhật, kiểm tra, "
                "phê duyệt bằng chữ ký số và đồng bộ lên Cơ sở dữ liệu quốc gia."
            </p>
            <p>"Xem "<A href="/trang-thai">"trạng thái hệ thống"</A>"."</p>
        </section>
    }
}

/// The account's notifications (campaigns opened, dossiers returned), unread first in bold.
#[component]
fn Notifications() -> impl IntoView {
    use hoso_api_types::campaigns::NotificationView;
    let auth = expect_context::<Auth>();
    let reload = RwSignal::new(0u32);
    let list = LocalResource::new(move || {
        reload.track();
        async move { crate::api::get::<Vec<NotificationView>>(auth, "/me/notifications").await }
    });
    let mark = move |id: String| {
        leptos::task::spawn_local(async move {
            let _ =
                crate::api::post::<_, serde_json::Value>(auth, &format!("/me/notifications/{id}/read"), &())
                    .await;
            reload.update(|n| *n += 1);
        });
    };
    view! {
        {move || list.get().and_then(Result::ok).filter(|l| !l.is_empty()).map(|items| view! {
            <section class="notifications" aria-label="Thông báo" data-testid="notifications">
                <h2>"Thông báo"</h2>
                <ul>{items.into_iter().map(|n| {
                    let id = n.id.clone();
                    let unread = n.read_at.is_none();
                    view! {
                        <li class:unread=unread>
                            <strong>{n.title}</strong>" — "{n.body}" "
                            {n.link.map(|l| view! { <A href=l>"Xem"</A> })}
                            {unread.then(|| view! { <button type="button" on:click=move |_| mark(id.clone())>"Đã đọc"</button> })}
                        </li>
                    }
                }).collect_view()}</ul>
            </section>
        })}
    }
}

/// What an employee needs first (issue #23, point 2): where their dossier stands, what it
/// still lacks, when the step it waits in is due, why it came back, and one button to what
/// they do next.
#[component]
fn MyDossierStatus() -> impl IntoView {
    use hoso_api_types::dossiers::{DossierSummary, DraftView};
    use hoso_api_types::workflow::ReviewView;
    let auth = expect_context::<Auth>();
    let status = LocalResource::new(move || async move {
        let mine = crate::api::get::<DossierSummary>(auth, "/me/dossier").await?;
        let draft = crate::api::get::<DraftView>(auth, &format!("/dossiers/{}/draft", mine.id)).await?;
        let reviews =
            crate::api::get::<Vec<ReviewView>>(auth, &format!("/dossiers/{}/reviews", mine.id)).await?;
        Ok::<_, crate::api::ApiFailure>((mine, draft, reviews))
    });
    view! {
        <section class="card my-dossier" aria-label="Hồ sơ của tôi" data-testid="my-dossier-status">
            <h2>"Hồ sơ của tôi"</h2>
            {move || status.get().map(|result| match result {
                Ok((mine, draft, reviews)) => {
                    let latest = reviews.into_iter().max_by_key(|r| r.submitted_at);
                    let href = format!("/ho-so/{}", mine.id);
                    let (state, next) = next_step(&mine.status, mine.current_version);
                    let waits = matches!(mine.status.as_str(), "submitted" | "locked" | "signed");
                    let waiting = latest.as_ref().filter(|_| waits)
                        .and_then(|r| r.due_on.map(|due| (due, r.overdue)));
                    let returned = latest.as_ref().filter(|_| mine.status == "returned")
                        .and_then(|r| r.return_reason.clone());
                    let missing = draft.missing;
                    let editable = matches!(mine.status.as_str(), "draft" | "returned");
                    view! {
                        <p>"Trạng thái: "<strong class="badge" data-testid="my-dossier-state">{state}</strong>
                            " — số hiệu "{mine.dossier_number.clone()}</p>
                        {returned.map(|reason| view! {
                            <p class="notice notice-error" data-testid="my-return-reason">
                                <strong>"Hồ sơ bị trả lại. Lý do: "</strong>{reason}</p>
                        })}
                        {waiting.map(|(due, overdue)| view! {
                            <p data-testid="my-dossier-due">"Hạn xử lý bước này: "
                                <strong>{crate::format::day_text(due)}</strong>
                                {overdue.then_some(" (đã quá hạn)")}</p>
                        })}
                        {(editable && !missing.is_empty()).then(|| {
                            let count = missing.len();
                            view! {
                                <details data-testid="my-missing">
                                    <summary>{format!("Còn {count} mục bắt buộc chưa khai")}</summary>
                                    <ul>{missing.into_iter().map(|m| view! { <li>{m.label}</li> }).collect_view()}</ul>
                                </details>
                            }
                        })}
                        <p><A href=href attr:class="action-link" attr:data-testid="my-next-action">{next}</A></p>
                    }.into_any()
                }
                Err(crate::api::ApiFailure::Api { status: 404, .. }) => view! {
                    <p>"Hồ sơ của bạn chưa được mở. Bộ phận tổ chức cán bộ của cơ quan sẽ mở hồ sơ để bạn khai."</p>
                }.into_any(),
                Err(failure) => view! { <FailureNotice failure /> }.into_any(),
            })}
        </section>
    }
}

/// The state of an employee's dossier in words, and the label of what they do next.
fn next_step(status: &str, version: i32) -> (&'static str, &'static str) {
    match status {
        "draft" => ("Đang khai", "Tiếp tục khai và gửi kiểm tra"),
        "returned" => ("Bị trả lại", "Sửa theo lý do và gửi lại"),
        "submitted" => ("Chờ bộ phận tổ chức kiểm tra", "Xem hồ sơ đã gửi"),
        "locked" => ("Đã kiểm tra, chờ thủ trưởng ký duyệt", "Xem hồ sơ đã gửi"),
        "signed" => ("Thủ trưởng đã ký, chờ Sở Nội vụ phê duyệt", "Xem hồ sơ đã gửi"),
        _ if version > 0 => ("Đã phê duyệt", "Xem hồ sơ, đề nghị điều chỉnh khi có thay đổi"),
        _ => ("Chưa rõ", "Xem hồ sơ"),
    }
}

/// What Sở Nội vụ and an agency look at first (issue #23 point 6): headcount against quota,
/// dossiers by workflow state, and what falls due this week — for the account's own unit
/// (the province for Sở Nội vụ), each only with the right to see it (nothing is asked for
/// that would be refused).
#[component]
fn OfficeDashboard(session: crate::session::Session) -> impl IntoView {
    use hoso_domain::access::Right;
    let unit = session
        .account
        .unit
        .as_ref()
        .map(|u| format!("?unit_id={}", u.id))
        .unwrap_or_default();
    let reports = session.has(Right::ViewReports);
    let deadlines = [Right::ReadDossiers, Right::ReviewDossiers, Right::ApproveDossiers]
        .into_iter()
        .any(|r| session.has(r));
    view! {
        <div class="dashboard" data-testid="dashboard">
            {reports.then(|| view! {
                <QuotaCard unit=unit.clone() />
                <StatesCard unit=unit.clone() />
            })}
            {deadlines.then(|| view! { <DeadlinesCard /> })}
        </div>
    }
}

#[component]
fn QuotaCard(unit: String) -> impl IntoView {
    use crate::components::chart::{gauges, CARD};
    use hoso_api_types::reports::ReportView;
    let auth = expect_context::<Auth>();
    let path = format!("/reports/quota{unit}");
    let quota = LocalResource::new(move || {
        let path = path.clone();
        async move { crate::api::get::<ReportView>(auth, &path).await }
    });
    view! {
        <section class="card" data-testid="dashboard-quota">
            <h2>"Biên chế được giao và số có mặt"</h2>
            {move || quota.get().map(|result| match result {
                Ok(report) => {
                    // Units without a quota this year would only show as over it.
                    let rows: Vec<_> = report.rows.iter()
                        .filter_map(|r| r.values.first().copied().filter(|q| *q > 0).map(|q| (r.label.clone(), r.count, q)))
                        .collect();
                    if rows.is_empty() {
                        view! { <p class="muted">"Chưa giao biên chế cho năm nay."</p> }.into_any()
                    } else {
                        gauges(CARD, "Biên chế được giao và số có mặt", rows, "Số người").into_any()
                    }
                }
                Err(failure) => view! { <FailureNotice failure /> }.into_any(),
            })}
            <p><A href="/bao-cao">"Xem báo cáo"</A></p>
        </section>
    }
}

#[component]
fn StatesCard(unit: String) -> impl IntoView {
    use crate::components::chart::{bars, CARD};
    use hoso_api_types::reports::ReportView;
    let auth = expect_context::<Auth>();
    let path = format!("/reports/update_status{unit}");
    let states = LocalResource::new(move || {
        let path = path.clone();
        async move { crate::api::get::<ReportView>(auth, &path).await }
    });
    view! {
        <section class="card" data-testid="dashboard-states">
            <h2>"Hồ sơ theo trạng thái"</h2>
            {move || states.get().map(|result| match result {
                Ok(report) => bars(
                    CARD,
                    "Hồ sơ theo trạng thái",
                    report.columns.iter().cloned().zip(report.totals.iter().copied()).collect(),
                    "Số hồ sơ",
                ).into_any(),
                Err(failure) => view! { <FailureNotice failure /> }.into_any(),
            })}
            <p><A href="/phe-duyet">"Đến hàng chờ phê duyệt"</A></p>
        </section>
    }
}

#[component]
fn DeadlinesCard() -> impl IntoView {
    use crate::components::chart::{bars, CARD};
    use hoso_api_types::workflow::DeadlineDashboard;
    let auth = expect_context::<Auth>();
    let due = LocalResource::new(move || crate::api::get::<DeadlineDashboard>(auth, "/deadlines"));
    view! {
        <section class="card" data-testid="dashboard-deadlines">
            <h2>"Việc đến hạn trong tuần"</h2>
            {move || due.get().map(|result| match result {
                Ok(dashboard) => bars(CARD, "Việc đến hạn trong tuần", this_week(&dashboard), "Số việc").into_any(),
                Err(failure) => view! { <FailureNotice failure /> }.into_any(),
            })}
            <p><A href="/han-xu-ly">"Xem tất cả việc đến hạn"</A></p>
        </section>
    }
}

/// What is overdue, then what falls due on each remaining day of this week (to Sunday).
fn this_week(dashboard: &hoso_api_types::workflow::DeadlineDashboard) -> Vec<(String, i64)> {
    use chrono::Datelike;
    let today = dashboard.today;
    let sunday = today + chrono::Duration::days(6 - i64::from(today.weekday().num_days_from_monday()));
    let count = |pick: &dyn Fn(chrono::NaiveDate) -> bool| {
        dashboard.items.iter().filter(|i| pick(i.due_on)).count() as i64
    };
    let mut rows = vec![("Đã quá hạn".to_owned(), count(&|d| d < today))];
    let mut day = today;
    while day <= sunday {
        let label = format!("{} {}", weekday_vi(day.weekday()), day.format("%d/%m"));
        rows.push((
            if day == today {
                format!("Hôm nay, {label}")
            } else {
                label
            },
            count(&|d| d == day),
        ));
        day += chrono::Duration::days(1);
    }
    rows
}

fn weekday_vi(day: chrono::Weekday) -> &'static str {
    match day {
        chrono::Weekday::Mon => "Thứ Hai",
        chrono::Weekday::Tue => "Thứ Ba",
        chrono::Weekday::Wed => "Thứ Tư",
        chrono::Weekday::Thu => "Thứ Năm",
        chrono::Weekday::Fri => "Thứ Sáu",
        chrono::Weekday::Sat => "Thứ Bảy",
        chrono::Weekday::Sun => "Chủ nhật",
    }
}
