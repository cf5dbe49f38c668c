//! One date input for the whole SPA (issue #23): it reads and shows dd/mm/yyyy whatever the
//! browser's language (the browser's own `<input type="date">` shows mm/dd/yyyy in an English
//! browser), accepts typing (01/12/2026, 1/12/2026, 01-12-2026, or 2026-12-01) and has a month
//! calendar in Vietnamese. The value it holds is the API's `YYYY-MM-DD` (empty when none; the
//! text as typed when it is no date, so the server's answer can name the field).

use chrono::{Datelike, Months, NaiveDate};
use leptos::prelude::*;

use crate::format::{day_text, parse_day};

/// A date bound to `value` (`YYYY-MM-DD`).
#[component]
pub fn DateInput(
    value: RwSignal<String>,
    /// The input's `name` (what tests and the server's field errors use).
    #[prop(into)]
    name: String,
    #[prop(optional)] readonly: bool,
) -> impl IntoView {
    view! {
        <DateField
            read=Signal::derive(move || value.get())
            write=Callback::new(move |iso: String| value.set(iso))
            name
            readonly
        />
    }
}

/// A date read from `read` and written through `write` (for values kept elsewhere, e.g. in the
/// dossier's JSON).
#[component]
pub fn DateField(
    read: Signal<String>,
    write: Callback<String>,
    #[prop(into)] name: String,
    #[prop(optional)] readonly: bool,
) -> impl IntoView {
    let shown = |iso: &str| parse_day(iso).map_or_else(|| iso.to_owned(), day_text);
    let text = RwSignal::new(shown(&read.get_untracked()));
    // A value set from outside (a reload, a reset) replaces what the box shows, unless the box
    // already says that day.
    Effect::new(move |_| {
        let iso = read.get();
        let typed = text.get_untracked();
        if parse_day(&typed).map(|d| d.to_string()) != Some(iso.clone()) && typed != iso {
            text.set(shown(&iso));
        }
    });
    let invalid = move || {
        let typed = text.get();
        !typed.trim().is_empty() && parse_day(&typed).is_none()
    };
    let commit = move |typed: String| {
        text.set(typed.clone());
        let iso = match parse_day(&typed) {
            Some(day) => day.to_string(),
            None if typed.trim().is_empty() => String::new(),
            None => typed,
        };
        write.run(iso);
    };
    let open = RwSignal::new(false);
    let month = RwSignal::new(
        parse_day(&read.get_untracked())
            .unwrap_or_else(crate::format::today_vn)
            .with_day(1)
            .expect("the first of a month"),
    );
    let pick = move |day: NaiveDate| {
        commit(day_text(day));
        open.set(false);
    };
    let label = format!("Mở lịch: {name}");
    view! {
        <span class="date-input">
            <input
                type="text"
                name=name
                inputmode="numeric"
                placeholder="ngày/tháng/năm"
                autocomplete="off"
                readonly=readonly
                aria-invalid=move || invalid().to_string()
                prop:value=move || text.get()
                on:input=move |ev| commit(event_target_value(&ev))
                on:blur=move |_| {
                    if let Some(day) = parse_day(&text.get_untracked()) {
                        text.set(day_text(day));
                    }
                }
            />
            {(!readonly).then(|| view! {
                <button type="button" class="calendar-button" aria-label=label.clone() title="Chọn ngày"
                    on:click=move |_| {
                        if let Some(day) = parse_day(&text.get_untracked()) {
                            month.set(day.with_day(1).expect("the first of a month"));
                        }
                        open.update(|o| *o = !*o);
                    }>"📅"</button>
            })}
            {move || open.get().then(|| view! { <Calendar month pick /> })}
            {move || invalid().then(|| view! {
                <span class="field-hint" role="alert">"Ngày ghi theo dạng ngày/tháng/năm, ví dụ 01/12/2026."</span>
            })}
        </span>
    }
}

const WEEKDAYS: [&str; 7] = ["T2", "T3", "T4", "T5", "T6", "T7", "CN"];

/// A month as Vietnamese calendars lay it out: weeks from Monday, the month and year above.
#[component]
fn Calendar(
    month: RwSignal<NaiveDate>,
    pick: impl Fn(NaiveDate) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let today = crate::format::today_vn();
    let weeks = move || {
        let first = month.get();
        let lead = first.weekday().num_days_from_monday() as i64;
        let start = first - chrono::Days::new(lead as u64);
        (0..6)
            .map(|week| {
                (0..7)
                    .map(|d| start + chrono::Days::new(week * 7 + d))
                    .collect::<Vec<_>>()
            })
            .filter(|days| days.iter().any(|d| d.month() == first.month()))
            .collect::<Vec<_>>()
    };
    view! {
        <div class="calendar" role="dialog" aria-label="Lịch chọn ngày">
            <div class="calendar-head">
                <button type="button" aria-label="Tháng trước" on:click=move |_| month.update(|m| *m = *m - Months::new(1))>"‹"</button>
                <strong>{move || format!("Tháng {} năm {}", month.get().month(), month.get().year())}</strong>
                <select aria-label="Tháng" prop:value=move || month.get().month().to_string()
                    on:change=move |ev| {
                        if let Ok(m) = event_target_value(&ev).parse::<u32>() {
                            month.update(|d| *d = d.with_month(m).unwrap_or(*d));
                        }
                    }>
                    {(1..=12).map(|m| view! { <option value=m.to_string()>{format!("Tháng {m}")}</option> }).collect_view()}
                </select>
                <select aria-label="Năm" prop:value=move || month.get().year().to_string()
                    on:change=move |ev| {
                        if let Ok(y) = event_target_value(&ev).parse::<i32>() {
                            month.update(|d| *d = d.with_year(y).unwrap_or(*d));
                        }
                    }>
                    {(1930..=today.year() + 10).rev().map(|y| view! { <option value=y.to_string()>{y}</option> }).collect_view()}
                </select>
                <button type="button" aria-label="Tháng sau" on:click=move |_| month.update(|m| *m = *m + Months::new(1))>"›"</button>
            </div>
            <table>
                <thead><tr>{WEEKDAYS.iter().map(|d| view! { <th>{*d}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {move || {
                        let shown = month.get().month();
                        weeks().into_iter().map(|days| view! {
                            <tr>{days.into_iter().map(|day| {
                                let class = match (day.month() == shown, day == today) {
                                    (false, _) => "other",
                                    (true, true) => "today",
                                    _ => "",
                                };
                                view! {
                                    <td><button type="button" class=class aria-label=day_text(day) on:click=move |_| pick(day)>{day.day()}</button></td>
                                }
                            }).collect_view()}</tr>
                        }).collect_view()
                    }}
                </tbody>
            </table>
        </div>
    }
}
