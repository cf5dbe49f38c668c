//! The annual headcount report sent to the Ministry (HY 14.1, TG 16.8): by grade, professional
//! title and job position, each unit under the one chosen on its own row, subtotals, the total;
//! shown here and downloaded as Excel or PDF with the report's letterhead and signer.

use chrono::Datelike;
use hoso_api_types::reports::{AnnualReportView, AnnualSection};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, ApiFailure};
use crate::components::failure::{FailureNotice, FieldMessage, FormFailure};
use crate::components::unit_select::UnitSelect;
use crate::session::Auth;

#[component]
pub fn AnnualReport() -> impl IntoView {
    let auth = expect_context::<Auth>();
    let last_year = crate::format::today_vn().year() - 1;
    let year = RwSignal::new(last_year.to_string());
    let unit = RwSignal::new(String::new());
    let signer = RwSignal::new(String::new());
    let shown = RwSignal::new(None::<Result<AnnualReportView, ApiFailure>>);
    let failure = RwSignal::new(None::<ApiFailure>);
    let path = move |format: Option<&str>| {
        let mut query = Vec::new();
        if let Some(format) = format {
            query.push(format!("format={format}"));
        }
        let unit = unit.get_untracked();
        if !unit.is_empty() {
            query.push(format!("unit_id={unit}"));
        }
        let signer = signer.get_untracked();
        if !signer.trim().is_empty() {
            query.push(format!("signer={}", js_sys::encode_uri_component(signer.trim())));
        }
        format!(
            "/annual-reports/{}?{}",
            year.get_untracked().trim(),
            query.join("&")
        )
    };
    let show = move |_| {
        let path = path(None);
        spawn_local(async move {
            shown.set(Some(api::get::<AnnualReportView>(auth, &path).await));
        });
    };
    let download = move |format: &'static str| {
        let path = path(Some(format));
        let name = format!("bao-cao-so-luong-nam-{}.{format}", year.get_untracked().trim());
        spawn_local(async move {
            match api::download_file(auth, &path, &name).await {
                Ok(()) => failure.set(None),
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    view! {
        <div class="annual-report" data-testid="annual-report">
            <h2>"Báo cáo số lượng gửi Bộ Nội vụ (theo ngạch, chức danh nghề nghiệp, vị trí việc làm, kể cả đơn vị trực thuộc)"</h2>
            <div class="search-form">
                <label>"Năm" <input type="number" name="annual.year" min="1945" bind:value=year /></label>
                <label>"Đơn vị" <UnitSelect name="annual.unit" value=unit empty="Toàn tỉnh" whole_province=true /></label>
                <label>"Người ký (họ tên, chức vụ)" <input name="annual.signer" bind:value=signer /></label>
                <button type="button" class="primary" on:click=show>"Lập báo cáo năm"</button>
                <button type="button" on:click=move |_| download("xlsx")>"Tải báo cáo năm (Excel)"</button>
                <button type="button" on:click=move |_| download("pdf")>"Tải báo cáo năm (PDF)"</button>
            </div>
            <FieldMessage failure field="year" />
            <FormFailure failure />
            {move || shown.get().map(|answer| match answer {
                Err(failure) => view! { <FailureNotice failure /> }.into_any(),
                Ok(report) => view! {
                    <p>{format!(
                        "{} — {}; số liệu đến ngày {}; gửi {}.",
                        report.title,
                        report.reporting_unit,
                        report.as_of.format("%d/%m/%Y"),
                        report.recipient
                    )}</p>
                    {report.sections.into_iter().map(section).collect_view()}
                }.into_any(),
            })}
        </div>
    }
}

fn section(section: AnnualSection) -> impl IntoView {
    let key = section.key.clone();
    view! {
        <h3>{format!("{} — tổng số {}", section.title, section.total)}</h3>
        {if section.columns.is_empty() {
            view! { <p class="muted">"Không có người nào được tính."</p> }.into_any()
        } else {
            view! {
                <div class="table-scroll">
                    <table class="data annual" data-testid=format!("annual-{key}")>
                        <thead><tr>
                            <th>"Đơn vị"</th>
                            {section.columns.iter().map(|c| view! { <th title=c.label.clone()>{c.label.clone()}<br /><small>{c.code.clone()}</small></th> }).collect_view()}
                            <th>"Tổng số"</th>
                        </tr></thead>
                        <tbody>{section.rows.into_iter().map(|r| {
                            let class = match r.kind.as_str() {
                                "subtotal" => "subtotal",
                                "total" => "total",
                                _ => "",
                            };
                            let indent = format!("padding-left: {}em", 0.5 + 1.5 * f64::from(r.depth));
                            view! {
                                <tr class=class data-kind=r.kind.clone()>
                                    <td style=indent>{r.label}</td>
                                    {r.values.into_iter().map(|n| view! { <td class="number">{n}</td> }).collect_view()}
                                    <td class="number">{r.total}</td>
                                </tr>
                            }
                        }).collect_view()}</tbody>
                    </table>
                </div>
            }.into_any()
        }}
    }
}
