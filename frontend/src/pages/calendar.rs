//! The working-day calendar (CTX-4): a year's holidays and plan; administrators enter the plan
//! the government announced; anyone computes a deadline in working days.

use hoso_api_types::calendar::{CalendarDay, CalendarPlan, CalendarYear, Deadline};
use hoso_domain::access::AccountKind;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, ApiFailure};
use crate::components::date_input::{DateField, DateInput};
use crate::components::failure::{FailureNotice, FormFailure};
use crate::components::guard::SignedIn;
use crate::session::{Auth, Session};

#[component]
pub fn CalendarPage() -> impl IntoView {
    view! { <SignedIn children=|session| view! { <WorkCalendar session /> } /> }
}

fn kind_label(kind: &str) -> &'static str {
    match kind {
        "holiday" => "Ngày lễ, Tết",
        "off" => "Nghỉ theo thông báo",
        "working" => "Làm bù",
        _ => "Khác",
    }
}

#[component]
fn WorkCalendar(session: Session) -> impl IntoView {
    use chrono::Datelike;
    let auth = expect_context::<Auth>();
    let today = crate::format::today_vn();
    let year = RwSignal::new(today.year().to_string());
    let reload = RwSignal::new(0u32);
    let calendar = LocalResource::new(move || {
        reload.track();
        let year = year.get();
        async move { api::get::<CalendarYear>(auth, &format!("/calendar/{year}")).await }
    });
    let admin = session.kind() == AccountKind::Admin;
    // The plan being edited: (day, kind, note).
    let plan = RwSignal::new(Vec::<(String, String, String)>::new());
    let reason = RwSignal::new(String::new());
    let failure = RwSignal::new(None::<ApiFailure>);
    Effect::new(move |_| {
        if let Some(Ok(y)) = calendar.get() {
            plan.set(
                y.days
                    .iter()
                    .filter(|d| d.kind != "holiday")
                    .map(|d| (d.day.to_string(), d.kind.clone(), d.note.clone()))
                    .collect(),
            );
        }
    });
    let save = move |_| {
        let days: Vec<CalendarDay> = plan
            .get_untracked()
            .into_iter()
            .filter_map(|(day, kind, note)| day.parse().ok().map(|day| CalendarDay { day, kind, note }))
            .collect();
        let body = CalendarPlan {
            days,
            reason: reason.get_untracked(),
        };
        let year = year.get_untracked();
        spawn_local(async move {
            match api::put::<_, CalendarYear>(auth, &format!("/calendar/{year}"), &body).await {
                Ok(_) => {
                    failure.set(None);
                    reload.update(|n| *n += 1);
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    let from = RwSignal::new(today.to_string());
    let count = RwSignal::new("5".to_owned());
    let due = RwSignal::new(None::<Result<Deadline, ApiFailure>>);
    let compute = move |_| {
        let path = format!(
            "/calendar/deadline?from={}&working_days={}",
            from.get_untracked(),
            count.get_untracked().trim()
        );
        spawn_local(async move { due.set(Some(api::get::<Deadline>(auth, &path).await)) });
    };
    view! {
        <section>
            <h1>"Lịch làm việc"</h1>
            <label>"Năm" <input type="number" name="calendar_year" bind:value=year /></label>
            <Transition fallback=|| view! { <p class="muted">"Đang tải…"</p> }>
                {move || Suspend::new(async move {
                    match calendar.await {
                        Err(failure) => view! { <FailureNotice failure /> }.into_any(),
                        Ok(y) => view! {
                            <table class="data" data-testid="calendar-days">
                                <thead><tr><th>"Ngày"</th><th>"Loại"</th><th>"Ghi chú"</th></tr></thead>
                                <tbody>{y.days.into_iter().map(|d| view! {
                                    <tr><td>{d.day.format("%d/%m/%Y").to_string()}</td><td>{kind_label(&d.kind)}</td><td>{d.note}</td></tr>
                                }).collect_view()}</tbody>
                            </table>
                        }.into_any(),
                    }
                })}
            </Transition>
            {admin.then(|| view! {
                <h2>"Lịch nghỉ, làm bù của năm (theo thông báo của Chính phủ)"</h2>
                <div class="form" data-testid="calendar-plan">
                    {move || plan.get().into_iter().enumerate().map(|(i, (day, kind, note))| view! {
                        <div class="row">
                            <label>"Ngày" <DateField name=format!("plan_day_{i}") read=Signal::derive(move || day.clone())
                                write=Callback::new(move |iso: String| plan.update(|p| p[i].0 = iso)) /></label>
                            <label>"Loại"
                                <select name=format!("plan_kind_{i}") on:change=move |ev| plan.update(|p| p[i].1 = event_target_value(&ev))>
                                    <option value="off" selected=kind == "off">"Nghỉ"</option>
                                    <option value="working" selected=kind == "working">"Làm bù"</option>
                                </select>
                            </label>
                            <label>"Ghi chú" <input name=format!("plan_note_{i}") prop:value=note
                                on:input=move |ev| plan.update(|p| p[i].2 = event_target_value(&ev)) /></label>
                            <button type="button" class="link" on:click=move |_| plan.update(|p| { p.remove(i); })>"Xóa"</button>
                        </div>
                    }).collect_view()}
                    <button type="button" on:click=move |_| plan.update(|p| p.push((String::new(), "off".into(), String::new())))>"Thêm ngày"</button>
                    <label>"Căn cứ (văn bản thông báo)" <input name="plan_reason" bind:value=reason /></label>
                    <FormFailure failure />
                    <button type="button" class="primary" on:click=save>"Lưu lịch của năm"</button>
                </div>
            })}
            <h2>"Tính hạn xử lý"</h2>
            <div class="form">
                <label>"Từ ngày" <DateInput name="deadline_from" value=from /></label>
                <label>"Số ngày làm việc" <input type="number" min="0" name="deadline_days" bind:value=count /></label>
                <button type="button" on:click=compute>"Tính hạn"</button>
                {move || due.get().map(|result| match result {
                    Ok(d) => view! { <p data-testid="deadline-due">"Hạn cuối: " <strong>{d.due.format("%d/%m/%Y").to_string()}</strong></p> }.into_any(),
                    Err(failure) => view! { <FailureNotice failure /> }.into_any(),
                })}
            </div>
        </section>
    }
}
