//! Statutory reports (USE-2…4): a breakdown for a unit's subtree or the province, as a table and
//! a chart (bars; for ages, a pyramid of men and women), exported to Excel or CSV. Aggregates
//! are shared (USE-6): any unit may be chosen.

use hoso_api_types::reports::{ReportRow, ReportView};
use hoso_api_types::units::UnitView;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, ApiFailure};
use crate::components::failure::{FailureNotice, FormFailure};
use crate::components::guard::SignedIn;
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
];

#[component]
pub fn ReportsPage() -> impl IntoView {
    view! { <SignedIn children=|_| view! { <Reports /> } /> }
}

/// Horizontal bars, one per row, scaled to the largest; for the pyramid, men to the left and
/// women to the right of the middle.
fn chart(rows: &[ReportRow], pyramid: bool) -> impl IntoView {
    const WIDTH: f64 = 640.0;
    const LABEL: f64 = 220.0;
    const BAR: f64 = 22.0;
    let max = rows
        .iter()
        .map(|r| {
            if pyramid {
                r.men.unwrap_or(0).max(r.women.unwrap_or(0))
            } else {
                r.count
            }
        })
        .max()
        .unwrap_or(1)
        .max(1) as f64;
    let height = rows.len() as f64 * (BAR + 6.0) + 10.0;
    let span = WIDTH - LABEL - 40.0;
    let bars = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let y = i as f64 * (BAR + 6.0) + 5.0;
            let text_y = y + BAR * 0.7;
            if pyramid {
                let half = span / 2.0;
                let middle = LABEL + half;
                let men = r.men.unwrap_or(0) as f64 / max * half;
                let women = r.women.unwrap_or(0) as f64 / max * half;
                view! {
                    <g>
                        <text x="0" y=text_y>{r.label.clone()}</text>
                        <rect class="bar men" x=middle - men y=y width=men height=BAR><title>{format!("Nam: {}", r.men.unwrap_or(0))}</title></rect>
                        <rect class="bar women" x=middle y=y width=women height=BAR><title>{format!("Nữ: {}", r.women.unwrap_or(0))}</title></rect>
                    </g>
                }
                .into_any()
            } else {
                let w = r.count as f64 / max * span;
                view! {
                    <g>
                        <text x="0" y=text_y>{r.label.chars().take(32).collect::<String>()}</text>
                        <rect class="bar" x=LABEL y=y width=w height=BAR><title>{r.count.to_string()}</title></rect>
                        <text x=LABEL + w + 4.0 y=text_y>{r.count.to_string()}</text>
                    </g>
                }
                .into_any()
            }
        })
        .collect_view();
    view! {
        <svg class="chart" data-testid="chart" role="img" aria-label="Biểu đồ" width=WIDTH height=height viewBox=format!("0 0 {WIDTH} {height}")>
            {bars}
        </svg>
    }
}

#[component]
fn Reports() -> impl IntoView {
    let auth = expect_context::<Auth>();
    let units = LocalResource::new(move || api::get::<Vec<UnitView>>(auth, "/units?whole_province=true"));
    let kind = RwSignal::new("grade".to_owned());
    let unit = RwSignal::new(String::new());
    let shown = RwSignal::new(None::<(String, String)>);
    let report = LocalResource::new(move || async move {
        match shown.get() {
            None => None,
            Some((kind, unit)) => {
                let filter = if unit.is_empty() {
                    String::new()
                } else {
                    format!("?unit_id={unit}")
                };
                Some(api::get::<ReportView>(auth, &format!("/reports/{kind}{filter}")).await)
            }
        }
    });
    let failure = RwSignal::new(None::<ApiFailure>);
    let export = move |format: &'static str| {
        let (kind, unit) = shown
            .get_untracked()
            .unwrap_or_else(|| (kind.get_untracked(), unit.get_untracked()));
        let filter = if unit.is_empty() {
            String::new()
        } else {
            format!("&unit_id={unit}")
        };
        let path = format!("/reports/{kind}?format={format}{filter}");
        let file_name = format!("bao-cao-{kind}.{format}");
        spawn_local(async move {
            if let Err(error) = api::download_file(auth, &path, &file_name).await {
                failure.set(Some(error));
            }
        });
    };
    view! {
        <section>
            <h1>"Thống kê, báo cáo"</h1>
            <form class="search-form" on:submit=|ev| ev.prevent_default()>
                <label>"Báo cáo"
                    <select name="report.kind" bind:value=kind>
                        {KINDS.iter().map(|(k, label)| view! { <option value=*k>{*label}</option> }).collect_view()}
                    </select>
                </label>
                <label>"Đơn vị"
                    <select name="report.unit" bind:value=unit>
                        <option value="">"Toàn tỉnh"</option>
                        {move || units.get().and_then(Result::ok).unwrap_or_default().into_iter().map(|u| view! {
                            <option value=u.id.clone()>{crate::labels::indented(&u.name, u.depth)}</option>
                        }).collect_view()}
                    </select>
                </label>
                <button type="button" class="primary" on:click=move |_| shown.set(Some((kind.get_untracked(), unit.get_untracked())))>"Xem"</button>
            </form>
            <div class="actions">
                <button type="button" on:click=move |_| export("xlsx")>"Xuất Excel"</button>
                <button type="button" on:click=move |_| export("csv")>"Xuất CSV"</button>
            </div>
            <FormFailure failure />
            <Transition fallback=|| view! { <p class="muted">"Đang tính…"</p> }>
                {move || Suspend::new(async move {
                    match report.await {
                        None => view! { <p class="muted">"Chọn báo cáo và đơn vị rồi bấm Xem."</p> }.into_any(),
                        Some(Err(failure)) => view! { <FailureNotice failure /> }.into_any(),
                        Some(Ok(r)) => {
                            let pyramid = r.kind == "age";
                            view! {
                                <h2>{r.title.clone()}</h2>
                                <p class="muted">{format!("{} — tính đến ngày {} — tổng số {}", r.unit.as_ref().map_or("Toàn tỉnh".to_owned(), |u| u.name.clone()), r.as_of.format("%d/%m/%Y"), r.total)}</p>
                                {chart(&r.rows, pyramid)}
                                <table class="data" data-testid="report">
                                    <thead><tr><th>"Nội dung"</th><th>"Số lượng"</th>{pyramid.then(|| view! { <th>"Nam"</th><th>"Nữ"</th> })}</tr></thead>
                                    <tbody>{r.rows.into_iter().map(|row| view! {
                                        <tr><td>{row.label}</td><td>{row.count}</td>
                                        {pyramid.then(|| view! { <td>{row.men.unwrap_or(0)}</td><td>{row.women.unwrap_or(0)}</td> })}</tr>
                                    }).collect_view()}</tbody>
                                </table>
                            }.into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}
