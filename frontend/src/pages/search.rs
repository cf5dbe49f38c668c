//! Search by any criteria (USE-1): a criteria form with the chosen criteria shown as chips,
//! results page by page in the chosen order, saved searches to re-run, exports to Excel, CSV
//! and PDF; those who edit dossiers may search the working drafts.

use hoso_api_types::search::{
    chosen_columns, column_header, NewSavedSearch, SavedSearchView, SearchCriteria, SearchHit, SearchPage,
    RESULT_COLUMNS, SHOWN_COLUMNS,
};
use hoso_api_types::units::UnitView;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use crate::api::{self, ApiFailure};
use crate::components::catalog::{CatalogSelect, Catalogs};
use crate::components::failure::FormFailure;
use crate::components::guard::SignedIn;
use crate::components::unit_select::UnitSelect;
use crate::session::{Auth, Session};
use hoso_domain::access::Right;

#[component]
pub fn SearchPage() -> impl IntoView {
    view! { <SignedIn children=|session| view! { <Search session /> } /> }
}

/// The text inputs of the form, as signals.
#[derive(Clone, Copy)]
struct Form {
    q: RwSignal<String>,
    gender: RwSignal<String>,
    age_from: RwSignal<String>,
    age_to: RwSignal<String>,
    grade: RwSignal<String>,
    qualification: RwSignal<String>,
    political_theory: RwSignal<String>,
    rating: RwSignal<String>,
    party_member: RwSignal<String>,
    unit_id: RwSignal<String>,
    ethnicity: RwSignal<String>,
    position: RwSignal<String>,
    has_reward: RwSignal<String>,
    has_discipline: RwSignal<String>,
    sort: RwSignal<String>,
    drafts: RwSignal<bool>,
    /// The result columns chosen, in the order of `RESULT_COLUMNS`.
    columns: RwSignal<Vec<&'static str>>,
}

impl Form {
    fn new() -> Form {
        Form {
            q: RwSignal::new(String::new()),
            gender: RwSignal::new(String::new()),
            age_from: RwSignal::new(String::new()),
            age_to: RwSignal::new(String::new()),
            grade: RwSignal::new(String::new()),
            qualification: RwSignal::new(String::new()),
            political_theory: RwSignal::new(String::new()),
            rating: RwSignal::new(String::new()),
            party_member: RwSignal::new(String::new()),
            unit_id: RwSignal::new(String::new()),
            ethnicity: RwSignal::new(String::new()),
            position: RwSignal::new(String::new()),
            has_reward: RwSignal::new(String::new()),
            has_discipline: RwSignal::new(String::new()),
            sort: RwSignal::new(String::new()),
            drafts: RwSignal::new(false),
            columns: RwSignal::new(SHOWN_COLUMNS.to_vec()),
        }
    }

    fn criteria(&self) -> SearchCriteria {
        let text = |s: RwSignal<String>| Some(s.get_untracked()).filter(|v| !v.trim().is_empty());
        SearchCriteria {
            q: text(self.q),
            gender: text(self.gender),
            age_from: text(self.age_from).and_then(|v| v.parse().ok()),
            age_to: text(self.age_to).and_then(|v| v.parse().ok()),
            grade: text(self.grade),
            qualification: text(self.qualification),
            political_theory: text(self.political_theory),
            rating: text(self.rating),
            party_member: text(self.party_member).map(|v| v == "true"),
            unit_id: text(self.unit_id),
            ethnicity: text(self.ethnicity),
            position: text(self.position),
            has_reward: text(self.has_reward).map(|v| v == "true"),
            has_discipline: text(self.has_discipline).map(|v| v == "true"),
            sort: text(self.sort),
            drafts: self.drafts.get_untracked().then_some(true),
            columns: Some(self.columns.get_untracked().join(",")),
            ..Default::default()
        }
    }

    fn load(&self, c: &SearchCriteria) {
        let set = |s: RwSignal<String>, v: Option<String>| s.set(v.unwrap_or_default());
        set(self.q, c.q.clone());
        set(self.gender, c.gender.clone());
        set(self.age_from, c.age_from.map(|v| v.to_string()));
        set(self.age_to, c.age_to.map(|v| v.to_string()));
        set(self.grade, c.grade.clone());
        set(self.qualification, c.qualification.clone());
        set(self.political_theory, c.political_theory.clone());
        set(self.rating, c.rating.clone());
        set(self.party_member, c.party_member.map(|v| v.to_string()));
        set(self.unit_id, c.unit_id.clone());
        set(self.ethnicity, c.ethnicity.clone());
        set(self.position, c.position.clone());
        set(self.has_reward, c.has_reward.map(|v| v.to_string()));
        set(self.has_discipline, c.has_discipline.map(|v| v.to_string()));
        set(self.sort, c.sort.clone());
        self.drafts.set(c.drafts == Some(true));
        self.columns.set(
            chosen_columns(c.columns.as_deref(), SHOWN_COLUMNS).unwrap_or_else(|_| SHOWN_COLUMNS.to_vec()),
        );
    }

    /// Shows or hides a result column, keeping the order of `RESULT_COLUMNS`.
    fn toggle_column(&self, key: &'static str, shown: bool) {
        self.columns.update(|columns| {
            columns.retain(|c| *c != key);
            if shown {
                columns.push(key);
            }
            columns.sort_by_key(|c| RESULT_COLUMNS.iter().position(|(k, _)| k == c));
        });
    }
}

/// A criterion that is yes, no, or not considered.
fn yes_no(name: &'static str, value: RwSignal<String>) -> impl IntoView {
    view! {
        <select name=name bind:value=value>
            <option value="">"— Không xét —"</option>
            <option value="true">"Có"</option>
            <option value="false">"Không"</option>
        </select>
    }
}

/// The criteria as a query string.
fn query(c: &SearchCriteria) -> String {
    let value = serde_json::to_value(c).unwrap_or_default();
    let mut parts = Vec::new();
    if let Some(map) = value.as_object() {
        for (key, v) in map {
            let text = match v {
                serde_json::Value::Null => continue,
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            parts.push(format!("{key}={}", js_sys::encode_uri_component(&text)));
        }
    }
    parts.join("&")
}

/// How a criterion reads on its chip: its Vietnamese name and how its value is shown.
enum Shown {
    Text,
    Catalog(&'static [&'static str]),
    YesNo,
    Date,
    Hundredths,
    Unit,
    Sort,
}

const CRITERIA: &[(&str, &str, Shown)] = &[
    ("unit_id", "Đơn vị", Shown::Unit),
    ("q", "Họ tên", Shown::Text),
    ("gender", "Giới tính", Shown::Catalog(&["genders"])),
    ("age_from", "Tuổi từ", Shown::Text),
    ("age_to", "Tuổi đến", Shown::Text),
    ("as_of", "Tính tuổi đến ngày", Shown::Date),
    ("born_from", "Sinh từ ngày", Shown::Date),
    ("born_until", "Sinh đến ngày", Shown::Date),
    ("ethnicity", "Dân tộc", Shown::Catalog(&["ethnicities"])),
    ("religion", "Tôn giáo", Shown::Catalog(&["religions"])),
    (
        "grade",
        "Ngạch, chức danh",
        Shown::Catalog(hoso_domain::catalog::GRADE_KINDS),
    ),
    ("job_position", "Vị trí việc làm", Shown::Text),
    ("position", "Chức vụ", Shown::Catalog(&["leadership_positions"])),
    ("salary_step", "Bậc lương", Shown::Text),
    ("coefficient_min", "Hệ số từ", Shown::Hundredths),
    ("coefficient_max", "Hệ số đến", Shown::Hundredths),
    (
        "qualification",
        "Trình độ chuyên môn",
        Shown::Catalog(&["qualifications"]),
    ),
    (
        "political_theory",
        "Lý luận chính trị",
        Shown::Catalog(&["political_theory"]),
    ),
    (
        "state_management",
        "Quản lý nhà nước",
        Shown::Catalog(&["state_management"]),
    ),
    ("language", "Ngoại ngữ", Shown::Catalog(&["languages"])),
    ("party_member", "Đảng viên", Shown::YesNo),
    ("rating", "Xếp loại gần nhất", Shown::Catalog(&["ratings"])),
    ("has_reward", "Khen thưởng", Shown::YesNo),
    ("has_discipline", "Kỷ luật", Shown::YesNo),
    ("recruited_from", "Tuyển dụng từ ngày", Shown::Date),
    ("recruited_until", "Tuyển dụng đến ngày", Shown::Date),
    ("appointed_from", "Bổ nhiệm từ ngày", Shown::Date),
    ("appointed_until", "Bổ nhiệm đến ngày", Shown::Date),
    ("status", "Trạng thái hồ sơ", Shown::Text),
    ("archived", "Hồ sơ đã lưu trữ", Shown::YesNo),
    ("drafts", "Tìm trong bản nháp", Shown::YesNo),
    ("sort", "Sắp xếp", Shown::Sort),
];

const SORTS: &[(&str, &str)] = &[
    ("birth_date", "Theo ngày sinh (lớn tuổi trước)"),
    ("recruited_on", "Theo ngày tuyển dụng (sớm trước)"),
    ("coefficient_desc", "Theo hệ số lương (cao trước)"),
];

/// Chips: one per criterion in use, in Vietnamese, catalogue codes as their labels.
fn chips(c: &SearchCriteria, units: &[UnitView]) -> Vec<String> {
    let value = serde_json::to_value(c).unwrap_or_default();
    let catalogs = Catalogs::get();
    CRITERIA
        .iter()
        .filter_map(|(key, name, shown)| {
            let v = value.get(*key).filter(|v| !v.is_null())?;
            let text = v.as_str().map(str::to_owned).unwrap_or_else(|| v.to_string());
            let shown = match shown {
                Shown::Text => text,
                Shown::Catalog(kinds) => catalogs.label(kinds, &text),
                Shown::YesNo => if v.as_bool() == Some(true) {
                    "Có"
                } else {
                    "Không"
                }
                .to_owned(),
                Shown::Date => chrono::NaiveDate::parse_from_str(&text, "%Y-%m-%d")
                    .map_or(text, |d| d.format("%d/%m/%Y").to_string()),
                Shown::Hundredths => v.as_i64().map_or(text, hoso_domain::catalog::coefficient_text),
                Shown::Unit => units
                    .iter()
                    .find(|u| u.id == text)
                    .map_or(text, |u| u.name.clone()),
                Shown::Sort => SORTS
                    .iter()
                    .find(|(k, _)| *k == text)
                    .map_or(text, |(_, l)| (*l).to_owned()),
            };
            Some(format!("{name}: {shown}"))
        })
        .collect()
}

/// One cell of a result row, by column key.
fn cell(hit: &SearchHit, key: &str) -> String {
    let catalogs = Catalogs::get();
    let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.format("%d/%m/%Y").to_string()).unwrap_or_default();
    let label = |kinds: &[&'static str], code: &Option<String>| {
        code.as_deref()
            .map(|c| catalogs.label(kinds, c))
            .unwrap_or_default()
    };
    match key {
        "gender" => label(&["genders"], &hit.gender),
        "birth_date" => date(hit.birth_date),
        "grade" => label(hoso_domain::catalog::GRADE_KINDS, &hit.grade),
        "salary_step" => hit.salary_step.map(|s| s.to_string()).unwrap_or_default(),
        "coefficient" => hit
            .coefficient
            .map(|n| hoso_domain::catalog::coefficient_text(n.into()))
            .unwrap_or_default(),
        "position" => label(&["leadership_positions"], &hit.position),
        "qualification" => label(&["qualifications"], &hit.qualification),
        "political_theory" => label(&["political_theory"], &hit.political_theory),
        "party_member" => if hit.party_member { "Có" } else { "" }.to_owned(),
        "rating" => label(&["ratings"], &hit.rating),
        "recruited_on" => date(hit.recruited_on),
        _ => String::new(),
    }
}

#[component]
fn Search(session: Session) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let may_search_drafts = session.has(Right::UpdateDossiers);
    let form = Form::new();
    let applied = RwSignal::new(SearchCriteria::default());
    let pages = RwSignal::new(Vec::<SearchPage>::new());
    let failure = RwSignal::new(None::<ApiFailure>);
    let name = RwSignal::new(String::new());
    let saved_reload = RwSignal::new(0u32);
    // Unit names for the chips.
    let units = LocalResource::new(move || async move {
        api::get::<Vec<UnitView>>(auth, "/units")
            .await
            .unwrap_or_default()
    });
    let saved = LocalResource::new(move || {
        saved_reload.track();
        async move {
            api::get::<Vec<SavedSearchView>>(auth, "/searches")
                .await
                .unwrap_or_default()
        }
    });
    let fetch = move |criteria: SearchCriteria, after: Option<String>| {
        let mut path = format!("/search?{}", query(&criteria));
        if let Some(after) = &after {
            path.push_str(&format!("&after={after}"));
        }
        spawn_local(async move {
            match api::get::<SearchPage>(auth, &path).await {
                Ok(page) => {
                    failure.set(None);
                    pages.update(|p| {
                        if after.is_none() {
                            p.clear();
                        }
                        p.push(page);
                    });
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    let run = move || {
        let criteria = form.criteria();
        applied.set(criteria.clone());
        fetch(criteria, None);
    };
    let more = move |_| {
        let next = pages.get_untracked().last().and_then(|p| p.next.clone());
        if next.is_some() {
            fetch(applied.get_untracked(), next);
        }
    };
    let save = move |_| {
        let body = NewSavedSearch {
            name: name.get_untracked(),
            criteria: applied.get_untracked(),
        };
        spawn_local(async move {
            match api::post::<_, SavedSearchView>(auth, "/searches", &body).await {
                Ok(_) => saved_reload.update(|n| *n += 1),
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    let export = move |format: &'static str| {
        let criteria = SearchCriteria {
            columns: Some(form.columns.get_untracked().join(",")),
            ..applied.get_untracked()
        };
        let path = format!("/search?{}&format={format}", query(&criteria));
        let file_name = format!("danh-sach.{format}");
        spawn_local(async move {
            if let Err(error) = api::download_file(auth, &path, &file_name).await {
                failure.set(Some(error));
            }
        });
    };
    // The whole form, restricted fields included, into the import template (round trip).
    let may_export_workbook = [
        Right::ExportData,
        Right::UpdateDossiers,
        Right::ReadSensitiveFields,
    ]
    .into_iter()
    .all(|r| session.has(r));
    let export_workbook = move |_| {
        let path = format!("/search/workbook?{}", query(&applied.get_untracked()));
        spawn_local(async move {
            if let Err(error) = api::download_file(auth, &path, "nhan-su-theo-mau-nhap.xlsx").await {
                failure.set(Some(error));
            }
        });
    };
    view! {
        <section>
            <h1>"Tìm kiếm hồ sơ"</h1>
            // Grouped as an officer thinks of a person: who, where they work, what they are trained
            // in, their record; the search button and the order at the end, apart.
            <form class="search-form" on:submit=move |ev| { ev.prevent_default(); run(); }>
                <fieldset class="search-group">
                    <legend>"Người"</legend>
                    <label class="wide">"Họ tên (gõ có dấu hoặc không dấu)" <input name="search.q" bind:value=form.q /></label>
                    <label>"Giới tính" <CatalogSelect kinds=&["genders"] value=form.gender name="search.gender" /></label>
                    <div class="range">
                        <label>"Tuổi từ" <input type="number" min="0" max="120" name="search.age_from" bind:value=form.age_from /></label>
                        <label>"đến" <input type="number" min="0" max="120" name="search.age_to" bind:value=form.age_to /></label>
                    </div>
                    <label>"Dân tộc" <CatalogSelect kinds=&["ethnicities"] value=form.ethnicity name="search.ethnicity" /></label>
                </fieldset>
                <fieldset class="search-group">
                    <legend>"Công tác"</legend>
                    <label class="wide">"Đơn vị"
                        <UnitSelect name="search.unit_id" value=form.unit_id empty="Toàn bộ phạm vi" />
                    </label>
                    <label>"Ngạch, chức danh" <CatalogSelect kinds=hoso_domain::catalog::GRADE_KINDS value=form.grade name="search.grade" /></label>
                    <label>"Chức vụ" <CatalogSelect kinds=&["leadership_positions"] value=form.position name="search.position" /></label>
                </fieldset>
                <fieldset class="search-group">
                    <legend>"Trình độ"</legend>
                    <label>"Trình độ chuyên môn" <CatalogSelect kinds=&["qualifications"] value=form.qualification name="search.qualification" /></label>
                    <label>"Lý luận chính trị" <CatalogSelect kinds=&["political_theory"] value=form.political_theory name="search.political_theory" /></label>
                </fieldset>
                <fieldset class="search-group">
                    <legend>"Quá trình"</legend>
                    <label>"Xếp loại gần nhất" <CatalogSelect kinds=&["ratings"] value=form.rating name="search.rating" /></label>
                    <label>"Đảng viên"
                        {yes_no("search.party_member", form.party_member)}
                    </label>
                    <label>"Khen thưởng"
                        {yes_no("search.has_reward", form.has_reward)}
                    </label>
                    <label>"Kỷ luật"
                        {yes_no("search.has_discipline", form.has_discipline)}
                    </label>
                </fieldset>
                <div class="search-submit">
                    <label>"Sắp xếp"
                        <select name="search.sort" bind:value=form.sort>
                            <option value="">"Theo tên (tên, rồi họ và tên đệm)"</option>
                            {SORTS.iter().map(|(key, label)| view! { <option value=*key>{*label}</option> }).collect_view()}
                        </select>
                    </label>
                    {may_search_drafts.then(|| view! {
                        <label class="inline"><input type="checkbox" name="search.drafts" bind:checked=form.drafts />" Tìm trong bản nháp (chưa phê duyệt)"</label>
                    })}
                    <button type="submit" class="primary">"Tìm"</button>
                </div>
            </form>
            <ul class="chips" data-testid="chips">{move || chips(&applied.get(), &units.get().unwrap_or_default()).into_iter().map(|c| view! { <li class="chip">{c}</li> }).collect_view()}</ul>
            <FormFailure failure />
            <div class="actions">
                <label>"Lưu với tên" <input name="search.save_name" bind:value=name /></label>
                <button type="button" on:click=save>"Lưu tìm kiếm"</button>
                <button type="button" on:click=move |_| export("xlsx")>"Xuất Excel"</button>
                <button type="button" on:click=move |_| export("csv")>"Xuất CSV"</button>
                <button type="button" on:click=move |_| export("pdf")>"Xuất PDF"</button>
                {may_export_workbook.then(|| view! {
                    <button type="button" data-testid="export-workbook" title="Tải về để sửa trong Excel rồi nhập lại" on:click=export_workbook>"Tải theo mẫu nhập Excel"</button>
                })}
            </div>
            <details>
                <summary>"Tìm kiếm đã lưu"</summary>
                <ul data-testid="saved-searches">{move || saved.get().unwrap_or_default().into_iter().map(|s| {
                    let criteria = s.criteria.clone();
                    view! { <li><button type="button" on:click=move |_| {
                        form.load(&criteria);
                        applied.set(criteria.clone());
                        fetch(criteria.clone(), None);
                    }>{s.name}</button></li> }
                }).collect_view()}</ul>
            </details>
            <details data-testid="columns">
                <summary>"Chọn cột hiển thị và xuất"</summary>
                <div class="column-choice">{RESULT_COLUMNS.iter().map(|(key, header)| {
                    let key: &'static str = key;
                    view! {
                        <label class="inline">
                            <input type="checkbox" name=format!("column.{key}")
                                prop:checked=move || form.columns.with(|c| c.contains(&key))
                                on:change=move |ev| form.toggle_column(key, event_target_checked(&ev)) />
                            " " {*header}
                        </label>
                    }
                }).collect_view()}</div>
            </details>
            {move || pages.get().first().and_then(|p| p.total).map(|total| if total == 0 {
                view! { <p class="notice notice-info" data-testid="result-count">"Không tìm thấy hồ sơ nào khớp với các điều kiện trên."</p> }.into_any()
            } else {
                let shown: usize = pages.get().iter().map(|p| p.items.len()).sum();
                view! { <p class="result-count" data-testid="result-count">
                    {format!("Tìm thấy {} hồ sơ", crate::format::thousands(total))}
                    {(shown < total as usize).then(|| format!(" — đang hiện {}", crate::format::thousands(shown as i64)))}
                </p> }.into_any()
            })}
            <table class="data" data-testid="search-results">
                <thead><tr>
                    <th>"Số hiệu"</th><th>"Họ và tên"</th><th>"Đơn vị"</th>
                    {move || form.columns.get().into_iter().map(|key| view! { <th>{column_header(key)}</th> }).collect_view()}
                </tr></thead>
                <tbody>{move || {
                    let columns = form.columns.get();
                    pages.get().into_iter().flat_map(|p| p.items).map(|h| {
                        let cells: Vec<String> = columns.iter().map(|key| cell(&h, key)).collect();
                        view! {
                            <tr>
                                <td>{h.dossier.dossier_number}</td>
                                <td><A href=format!("/ho-so/{}", h.dossier.id)>{h.dossier.full_name}</A></td>
                                <td>{h.dossier.unit.name}</td>
                                {cells.into_iter().map(|text| view! { <td>{text}</td> }).collect_view()}
                            </tr>
                        }
                    }).collect_view()
                }}</tbody>
            </table>
            {move || pages.get().last().and_then(|p| p.next.clone()).map(|_| view! { <button type="button" on:click=more>"Trang sau"</button> })}
        </section>
    }
}
