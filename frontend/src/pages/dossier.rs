//! The dossier editor: one tab per part of the personal-history form, tables for its sections,
//! catalogue pickers, the server's field errors beside each input, what is still missing, the
//! approved versions with the changes since the last one, and the workflow (submit, change
//! requests, why it was returned).

use hoso_api_types::dossiers::{DiffView, DossierView, DraftView, SaveDraftRequest, VersionSummary};
use hoso_api_types::national::{
    ApplyCorrection, DismissCorrection, DossierNationalState, NationalCorrectionView,
};
use hoso_domain::dossier::completeness::MissingItem;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_params_map;
use serde_json::Value;

use crate::api::{self, ApiFailure};
use crate::components::failure::{FailureNotice, FormFailure};
use crate::components::guard::SignedIn;
use crate::components::json_form::{JsonSection, JsonTable, NationalOrigin, UnitPosts};
use crate::pages::dossier_form as form;
use crate::session::Auth;

#[component]
pub fn DossierPage() -> impl IntoView {
    view! { <SignedIn children=|_| view! { <DossierLoader /> } /> }
}

#[component]
fn DossierLoader() -> impl IntoView {
    let auth = expect_context::<Auth>();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let loaded = LocalResource::new(move || {
        let id = id();
        async move {
            let view = api::get::<DossierView>(auth, &format!("/dossiers/{id}")).await?;
            let draft = api::get::<DraftView>(auth, &format!("/dossiers/{id}/draft")).await?;
            // The national standing is extra: the form works without it.
            let national = api::get::<DossierNationalState>(auth, &format!("/dossiers/{id}/national-state"))
                .await
                .ok();
            Ok::<_, ApiFailure>((view, draft, national))
        }
    });
    view! {
        <Transition fallback=|| view! { <p class="muted">"Đang tải hồ sơ…"</p> }>
            {move || {
                Suspend::new(async move {
                    match loaded.await {
                        Err(failure) => view! { <FailureNotice failure /> }.into_any(),
                        Ok((view, draft, national)) => view! { <Editor view draft national /> }.into_any(),
                    }
                })
            }}
        </Transition>
    }
}

const TABS: &[&str] = &[
    "Bản thân",
    "Công tác, chức vụ",
    "Lương, phụ cấp",
    "Đào tạo, bồi dưỡng",
    "Quá trình công tác",
    "Đánh giá, khen thưởng, kỷ luật",
    "Gia đình",
    "Sức khỏe, thu nhập, khác",
    "Tài liệu đính kèm",
    "Lịch sử thay đổi",
];

#[component]
fn Editor(view: DossierView, draft: DraftView, national: Option<DossierNationalState>) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let origin = national.as_ref().and_then(|n| n.from_national_record.clone());
    if let Some(record) = &origin {
        provide_context(NationalOrigin(record.content.clone()));
    }
    // Item 30.3 offers the posts of the person's unit.
    let posts = RwSignal::new(Vec::new());
    provide_context(UnitPosts(posts));
    let unit_id = view.summary.unit.id.clone();
    spawn_local(async move {
        let path = format!("/units/{unit_id}/positions");
        if let Ok(list) = api::get::<Vec<hoso_api_types::units::PositionView>>(auth, &path).await {
            posts.set(list);
        }
    });
    let id = view.summary.id.clone();
    let review_dossier_id = id.clone();
    let review_person_id = view.summary.person_id.clone();
    let transfer_dossier_id = id.clone();
    let transfer_person_id = view.summary.person_id.clone();
    let doc = RwSignal::new(draft.content.clone());
    let revision = RwSignal::new(draft.revision);
    let missing = RwSignal::new(draft.missing.clone());
    let missing_evidence = RwSignal::new(draft.missing_evidence.clone());
    let failure = RwSignal::new(None::<ApiFailure>);
    let saved = RwSignal::new(None::<String>);
    let tab = RwSignal::new(0usize);
    let readonly = !view.editable;
    let current_version = RwSignal::new(view.summary.current_version);
    let save = {
        let id = id.clone();
        move |_| {
            let body = SaveDraftRequest {
                revision: revision.get_untracked(),
                content: match serde_json::from_value(doc.get_untracked()) {
                    Ok(content) => content,
                    Err(e) => {
                        saved.set(Some(format!("Không đọc được nội dung: {e}")));
                        return;
                    }
                },
            };
            let id = id.clone();
            spawn_local(async move {
                match api::put::<_, DraftView>(auth, &format!("/dossiers/{id}/draft"), &body).await {
                    Ok(draft) => {
                        revision.set(draft.revision);
                        missing.set(draft.missing);
                        missing_evidence.set(draft.missing_evidence);
                        doc.set(draft.content);
                        failure.set(None);
                        saved.set(Some("Đã lưu bản khai.".into()));
                    }
                    Err(error) => {
                        saved.set(None);
                        failure.set(Some(error));
                    }
                }
            });
        }
    };
    let print = {
        let id = id.clone();
        move |_| {
            let id = id.clone();
            spawn_local(async move {
                if let Err(error) = api::open_file(auth, &format!("/dossiers/{id}/print")).await {
                    failure.set(Some(error));
                }
            });
        }
    };
    let summary = view.summary.clone();
    view! {
        <section class="dossier">
            <h1>{summary.full_name.clone()}</h1>
            <p data-testid="dossier-facts">
                "Số hiệu hồ sơ: " <strong>{summary.dossier_number.clone()}</strong>
                " — " {summary.unit.name.clone()}
                {summary.national_identifier.clone().map(|n| format!(" — mã định danh {n}"))}
                {summary.national_dossier_code.clone().map(|n| format!(" — số hiệu quốc gia {n}"))}
                " — " {crate::pages::dossiers::status_label(&summary.status)}
                " — phiên bản đã duyệt: " {move || current_version.get()}
                {(summary.service_status != "active").then(|| format!(" — {}", crate::pages::transfers::service_label(&summary.service_status)))}
                {(view.level != hoso_domain::dossier::protection::RestrictionLevel::Sensitive).then(|| view! {
                    <span class="muted">" (một số thông tin hạn chế tiếp cận không hiển thị với tài khoản này)"</span>
                })}
            </p>
            {national.map(|n| {
                let dossier_id = summary.id.clone();
                let on_applied = Callback::new(move |draft: DraftView| {
                    revision.set(draft.revision);
                    missing.set(draft.missing);
                    missing_evidence.set(draft.missing_evidence);
                    doc.set(draft.content);
                    saved.set(Some("Đã đưa bản hiệu chỉnh của CSDL quốc gia vào bản khai; hãy đề nghị thay đổi để được phê duyệt.".into()));
                });
                view! { <NationalStanding standing=n dossier_id revision editable=!readonly on_applied /> }
            })}
            <Completeness missing missing_evidence tab />
            <nav class="tabs" role="tablist">
                {TABS.iter().enumerate().map(|(i, label)| view! {
                    <button type="button" role="tab" aria-selected=move || (tab.get() == i).to_string()
                        class=move || if tab.get() == i { "tab active" } else { "tab" }
                        on:click=move |_| tab.set(i)>{*label}</button>
                }).collect_view()}
            </nav>
            <div class="form tab-panel" role="tabpanel">
                {move || match tab.get() {
                    0 => view! {
                        {(!readonly).then(|| view! { <Photo doc failure /> })}
                        <JsonSection doc section="/identity" fields=form::IDENTITY failure readonly />
                    }.into_any(),
                    1 => view! { <JsonSection doc section="/career" fields=form::CAREER failure readonly /> }.into_any(),
                    2 => view! {
                        <JsonSection doc section="/salary" fields=form::SALARY failure readonly />
                        <h3>"30.2 Phụ cấp đang hưởng"</h3>
                        <JsonTable doc pointer="/salary/allowances" columns=form::CURRENT_ALLOWANCES failure readonly />
                        <h3>"37.1 Quá trình lương"</h3>
                        <JsonTable doc pointer="/salary_history" columns=form::SALARY_HISTORY failure readonly />
                        <h3>"37.2 Quá trình phụ cấp"</h3>
                        <JsonTable doc pointer="/allowance_history" columns=form::ALLOWANCE_HISTORY failure readonly />
                    }.into_any(),
                    3 => form::TRAINING_KINDS.iter().map(|(kind, title, levels)| {
                        let kind = *kind;
                        let columns: &'static [crate::components::json_form::FieldSpec] = training_columns(kind, levels);
                        view! {
                            <h3>{*title}</h3>
                            <JsonTable doc pointer="/training" columns failure readonly
                                new_row=Callback::new(move |()| form::training_row(kind))
                                only=Callback::new(move |row: Value| row.get("kind").and_then(Value::as_str).unwrap_or("professional") == kind) />
                        }
                    }).collect_view().into_any(),
                    4 => view! {
                        <h3>"33. Tóm tắt quá trình công tác"</h3>
                        <JsonTable doc pointer="/work_history" columns=form::WORK failure readonly />
                        <h3>"34. Đặc điểm lịch sử bản thân"</h3>
                        <JsonSection doc section="/personal_history" fields=form::PERSONAL_HISTORY failure readonly />
                    }.into_any(),
                    5 => view! {
                        <h3>"35. Kết quả đánh giá, xếp loại hằng năm"</h3>
                        <JsonTable doc pointer="/ratings" columns=form::RATINGS failure readonly />
                        <h3>"35. Khen thưởng"</h3>
                        <JsonTable doc pointer="/rewards" columns=form::REWARDS failure readonly />
                        <h3>"35. Kỷ luật"</h3>
                        <JsonTable doc pointer="/discipline" columns=form::DISCIPLINE failure readonly />
                    }.into_any(),
                    6 => view! {
                        <h3>"36. Về bản thân: cha, mẹ, vợ (chồng), các con, anh chị em ruột"</h3>
                        <JsonTable doc pointer="/family" columns=form::FAMILY failure readonly
                            new_row=Callback::new(|()| serde_json::json!({"side": "own"}))
                            only=Callback::new(|row: Value| row.get("side").and_then(Value::as_str) != Some("spouse")) />
                        <h3>"36. Về bên vợ (chồng): cha, mẹ, anh chị em ruột"</h3>
                        <JsonTable doc pointer="/family" columns=form::FAMILY failure readonly
                            new_row=Callback::new(|()| serde_json::json!({"side": "spouse"}))
                            only=Callback::new(|row: Value| row.get("side").and_then(Value::as_str) == Some("spouse")) />
                    }.into_any(),
                    7 => view! {
                        <JsonSection doc section="/health" fields=form::HEALTH failure readonly />
                        <JsonSection doc section="/income_assets" fields=form::INCOME failure readonly />
                        <crate::components::json_form::JsonField doc pointer="/assessment".to_owned() label="38. Nhận xét, đánh giá của cơ quan, đơn vị" kind=crate::components::json_form::Kind::LongText failure readonly />
                        <h3>"Hợp đồng lao động (người lao động hợp đồng)"</h3>
                        <JsonSection doc section="/contract" fields=form::CONTRACT failure readonly />
                    }.into_any(),
                    8 => view! { <crate::pages::dossier_attachments::Attachments dossier_id=id.clone() editable=!readonly /> }.into_any(),
                    _ => view! { <History id=id.clone() current_version /> }.into_any(),
                }}
            </div>
            <FormFailure failure />
            {move || saved.get().map(|m| view! { <p class="notice notice-info" role="status" data-testid="dossier-saved">{m}</p> })}
            // Save first, then send: the draft's own buttons come before the workflow's.
            <div class="actions">
                {(!readonly).then(|| view! { <button type="button" class="primary" on:click=save.clone()>"Lưu bản khai"</button> })}
                <button type="button" on:click=print>"In sơ yếu lý lịch (PDF)"</button>
            </div>
            <crate::pages::dossier_review::ReviewPanel dossier_id=review_dossier_id person_id=review_person_id revision current_version editable=!readonly field_failure=failure />
            <crate::pages::transfers::TransferPanel dossier_id=transfer_dossier_id person_id=transfer_person_id />
            <crate::pages::dossier_person::PersonPanel dossier=summary.clone() />
        </section>
    }
}

/// The 4×6 photo: uploaded as soon as it is chosen, then referenced by the draft.
#[component]
fn Photo(doc: RwSignal<Value>, failure: RwSignal<Option<ApiFailure>>) -> impl IntoView {
    let uploaded = RwSignal::new(None::<hoso_api_types::documents::DocumentView>);
    Effect::new(move |_| {
        if let Some(photo) = uploaded.get() {
            doc.update(|d| {
                crate::components::json_form::set_at(d, "/photo_document_id", Value::String(photo.id))
            });
        }
    });
    let present = move || doc.with(|d| d.get("photo_document_id").is_some_and(|p| !p.is_null()));
    view! {
        <crate::components::upload::DocumentPicker document=uploaded failure label="Ảnh 4×6 (JPEG, PNG)" name="photo" accept="image/jpeg,image/png" />
        <p class="muted" data-testid="photo-state">{move || if present() { "Đã có ảnh." } else { "Chưa có ảnh." }}</p>
        {move || failure.get().and_then(|f| f.field("photo_document_id")).map(|m| view! { <p class="field-error" data-field="photo_document_id">{m}</p> })}
    }
}

/// The columns of one kind of training: levels from that kind's catalogue, languages named.
fn training_columns(kind: &str, _levels: &[&str]) -> &'static [crate::components::json_form::FieldSpec] {
    use crate::components::json_form::Kind;
    const COMMON: &[(&str, &str, Kind)] = &[
        ("from", "Từ ngày", Kind::Date),
        ("to", "Đến ngày", Kind::Date),
        ("institution", "Cơ sở đào tạo", Kind::Text),
        ("field", "Chuyên ngành", Kind::Text),
        ("mode", "Hình thức", Kind::Code(&["training_modes"])),
    ];
    macro_rules! with_level {
        ($catalog:expr) => {{
            const COLUMNS: &[(&str, &str, Kind)] = &[
                COMMON[0],
                COMMON[1],
                COMMON[2],
                COMMON[3],
                COMMON[4],
                ("level", "Văn bằng, trình độ", Kind::Code(&[$catalog])),
            ];
            COLUMNS
        }};
    }
    match kind {
        "political_theory" => with_level!("political_theory"),
        "state_management" => with_level!("state_management"),
        "defence_security" => with_level!("defence_security"),
        "information_technology" => with_level!("it_levels"),
        "language" => {
            const COLUMNS: &[(&str, &str, Kind)] = &[
                ("language", "Ngoại ngữ, tiếng dân tộc", Kind::Code(&["languages"])),
                ("level", "Trình độ", Kind::Code(&["language_levels"])),
                ("score", "Điểm, chứng chỉ", Kind::Text),
                COMMON[1],
                COMMON[2],
            ];
            COLUMNS
        }
        _ => with_level!("qualifications"),
    }
}

/// The tab of the form that holds `field` (a path as the server names it).
pub fn tab_of(field: &str) -> usize {
    let section = field.split(['.', '[']).next().unwrap_or_default();
    match section {
        "identity" | "photo_document_id" => 0,
        "career" => 1,
        "salary" | "salary_history" | "allowance_history" => 2,
        "training" => 3,
        "work_history" | "personal_history" => 4,
        "ratings" | "rewards" | "discipline" => 5,
        "family" => 6,
        "health" | "income_assets" | "assessment" | "contract" => 7,
        _ => 8,
    }
}

/// Opens the tab holding `field` and puts the cursor in it, once the tab is drawn.
fn go_to(tab: RwSignal<usize>, field: String) {
    tab.set(tab_of(&field));
    request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        let Some(element) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(&format!("[name=\"{field}\"]")).ok().flatten())
        else {
            return;
        };
        element.scroll_into_view();
        if let Ok(input) = element.dyn_into::<web_sys::HtmlElement>() {
            let _ = input.focus();
        }
    });
}

#[component]
fn Completeness(
    missing: RwSignal<Vec<MissingItem>>,
    missing_evidence: RwSignal<Vec<MissingItem>>,
    tab: RwSignal<usize>,
) -> impl IntoView {
    let evidence = move || {
        let list = missing_evidence.get();
        (!list.is_empty()).then(|| {
            view! {
                <details class="notice" data-testid="missing-evidence">
                    <summary>{format!("Còn thiếu {} loại tài liệu đính kèm", list.len())}</summary>
                    <ul>{list.into_iter().map(|m| view! {
                        <li><button type="button" class="link" on:click=move |_| tab.set(8)>{m.label}</button></li>
                    }).collect_view()}</ul>
                </details>
            }
        })
    };
    let items = move || {
        let list = missing.get();
        if list.is_empty() {
            view! { <p class="notice notice-info" data-testid="completeness">"Hồ sơ đã khai đủ các mục bắt buộc."</p> }.into_any()
        } else {
            view! {
                <details class="notice" data-testid="completeness">
                    <summary>{format!("Còn thiếu {} mục bắt buộc (bấm để đến mục đó)", list.len())}</summary>
                    <ul>{list.into_iter().map(|m| {
                        let field = m.field.clone();
                        view! {
                            <li><button type="button" class="link" data-field=m.field.clone() on:click=move |_| go_to(tab, field.clone())>{m.label}</button></li>
                        }
                    }).collect_view()}</ul>
                </details>
            }
            .into_any()
        }
    };
    view! { {items} {evidence} }
}

/// Approved versions, and what the draft changes against the latest one.
#[component]
fn History(id: String, current_version: RwSignal<i32>) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let versions_id = id.clone();
    let signed_id = id.clone();
    let failure = RwSignal::new(None::<ApiFailure>);
    let versions = LocalResource::new(move || {
        current_version.track();
        let id = versions_id.clone();
        async move { api::get::<Vec<VersionSummary>>(auth, &format!("/dossiers/{id}/versions")).await }
    });
    let diff = LocalResource::new(move || {
        let from = current_version.get();
        let id = id.clone();
        async move { api::get::<DiffView>(auth, &format!("/dossiers/{id}/diff?from={from}&to=0")).await }
    });
    view! {
        <h3>"Các phiên bản đã phê duyệt"</h3>
        <Transition fallback=|| ()>
            {move || {
                let signed_id = signed_id.clone();
                Suspend::new(async move {
                match versions.await {
                    Err(failure) => view! { <FailureNotice failure /> }.into_any(),
                    Ok(list) if list.is_empty() => view! { <p class="muted">"Chưa có phiên bản nào được phê duyệt."</p> }.into_any(),
                    Ok(list) => view! {
                        <table class="data" data-testid="versions">
                            <thead><tr><th>"Phiên bản"</th><th>"Thời điểm"</th><th>"Ghi chú"</th><th>"Mã băm SHA-256"</th><th>""</th></tr></thead>
                            <tbody>{list.into_iter().map(|v| {
                                let signed = format!("/dossiers/{}/versions/{}/signed.pdf", signed_id, v.number);
                                view! {
                                    <tr><td>{v.number}</td><td>{v.created_at.format("%d/%m/%Y %H:%M").to_string()}</td><td>{v.note.unwrap_or_default()}</td><td><code>{v.content_hash[..16].to_owned()}"…"</code></td>
                                    <td><button type="button" on:click=move |_| {
                                        let signed = signed.clone();
                                        spawn_local(async move {
                                            if let Err(error) = api::open_file(auth, &signed).await {
                                                failure.set(Some(error));
                                            }
                                        });
                                    }>"Bản có chữ ký số (PDF)"</button></td></tr>
                                }
                            }).collect_view()}</tbody>
                        </table>
                    }.into_any(),
                }
            })}}
        </Transition>
        <FormFailure failure />
        <h3>"Thay đổi của bản khai so với phiên bản đã duyệt"</h3>
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match diff.await {
                    Err(failure) => view! { <FailureNotice failure /> }.into_any(),
                    Ok(d) if d.changes.is_empty() => view! { <p class="muted">"Không có thay đổi."</p> }.into_any(),
                    Ok(d) => view! { <DiffTable changes=d.changes /> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// Field-by-field changes: the item's path, before and after.
#[component]
pub fn DiffTable(changes: Vec<hoso_domain::dossier::diff::FieldChange>) -> impl IntoView {
    view! {
        <table class="data diff" data-testid="diff">
            <thead><tr><th>"Mục"</th><th>"Trước"</th><th>"Sau"</th></tr></thead>
            <tbody>{changes.into_iter().map(|c| view! {
                <tr><td><code>{c.path}</code></td><td class="before">{plain(c.before)}</td><td class="after">{plain(c.after)}</td></tr>
            }).collect_view()}</tbody>
        </table>
    }
}

fn plain(value: Option<Value>) -> String {
    match value {
        None => "—".into(),
        Some(Value::String(s)) => s,
        Some(other) => other.to_string(),
    }
}

/// The dossier's standing with the national database (CTX-1) and, for an arrival, where its
/// first draft came from.
#[component]
fn NationalStanding(
    standing: DossierNationalState,
    dossier_id: String,
    revision: RwSignal<i32>,
    editable: bool,
    on_applied: Callback<DraftView>,
) -> impl IntoView {
    let log_of = dossier_id.clone();
    let correction = standing
        .open_correction
        .clone()
        .map(|c| view! { <CorrectionPanel correction=c dossier_id revision editable on_applied /> });
    let reason = standing
        .last_message
        .as_ref()
        .filter(|m| m.state == "dead")
        .and_then(|m| m.last_error.clone());
    let state = crate::labels::national_state(&standing.state);
    let auth = expect_context::<Auth>();
    let keeps_sync = auth.get_untracked().is_some_and(|s| {
        s.kind() == hoso_domain::access::AccountKind::Admin
            && s.has(hoso_domain::access::Right::ManageApiClients)
    });
    view! {
        <p class="muted" data-testid="national-standing">
            "Đồng bộ CSDL quốc gia: " <strong data-state=standing.state.clone()>{state}</strong>
            {standing.last_message.as_ref().and_then(|m| m.acknowledged_at).map(|at| format!(" (nhận lúc {})", crate::labels::datetime(&at)))}
            {reason.map(|r| view! { <span class="field-error">{format!(" — {r}")}</span> })}
        </p>
        {standing.from_national_record.map(|record| view! {
            <p class="notice" data-testid="national-origin">
                {format!(
                    "Hồ sơ tiếp nhận từ tỉnh khác: {} mục được điền sẵn từ CSDL quốc gia ngày {} (tỉnh gửi: {}). Các mục ghi «Từ CSDL quốc gia» giữ nguyên dữ liệu quốc gia; chỉ cần nhập những thông tin khác biệt.",
                    record.items.len(),
                    record.pulled_at.format("%d/%m/%Y"),
                    record.province
                )}
            </p>
        })}
        {correction}
        {keeps_sync.then(|| view! { <PersonNationalLog dossier_id=log_of /> })}
    }
}

/// Everything exchanged with the national side about this person (the message log of a
/// person, as X-Road keeps one), opened on demand: for Sở Nội vụ's sync administrators.
#[component]
fn PersonNationalLog(dossier_id: String) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let shown = RwSignal::new(None::<hoso_api_types::national::DossierNationalLog>);
    let failure = RwSignal::new(None::<ApiFailure>);
    let open = move |_| {
        let path = format!("/dossiers/{dossier_id}/national-log");
        spawn_local(async move {
            match api::get::<hoso_api_types::national::DossierNationalLog>(auth, &path).await {
                Ok(log) => shown.set(Some(log)),
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    view! {
        <button type="button" data-testid="open-national-log" on:click=open>"Nhật ký trao đổi với CSDL quốc gia"</button>
        <FormFailure failure />
        {move || shown.get().map(|log| view! {
            <section data-testid="person-national-log">
                <h3>{format!("Nhật ký trao đổi của {} ({} gói tin)", log.person_name, log.messages.len())}</h3>
                <ul>{log.messages.iter().map(|m| view! {
                    <li>{format!("Gói tin số {} ({}): {}", m.sequence, crate::labels::national_kind(&m.kind), crate::labels::national_state(&m.state))}
                        {m.last_error.clone().map(|e| format!(" — {e}"))}</li>
                }).collect_view()}</ul>
                <crate::pages::national_sync::LogEntries entries=log.log />
            </section>
        })}
    }
}

/// The Ministry's correction waiting for the agency: each differing item with both values,
/// carried into the draft (then sent by a change request) or declined with the reason.
#[component]
fn CorrectionPanel(
    correction: NationalCorrectionView,
    dossier_id: String,
    revision: RwSignal<i32>,
    editable: bool,
    on_applied: Callback<DraftView>,
) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let done = RwSignal::new(None::<&'static str>);
    let failure = RwSignal::new(None::<ApiFailure>);
    let note = RwSignal::new(String::new());
    let path = format!("/dossiers/{dossier_id}/national-corrections/{}", correction.id);
    let apply = {
        let path = path.clone();
        move |_| {
            let path = format!("{path}/apply");
            let body = ApplyCorrection {
                revision: revision.get_untracked(),
            };
            spawn_local(async move {
                match api::post::<_, DraftView>(auth, &path, &body).await {
                    Ok(draft) => {
                        done.set(Some("Đã đưa vào bản khai."));
                        on_applied.run(draft);
                    }
                    Err(error) => failure.set(Some(error)),
                }
            });
        }
    };
    let dismiss = move |_| {
        let path = format!("{path}/dismiss");
        let body = DismissCorrection {
            note: note.get_untracked(),
        };
        spawn_local(async move {
            match api::post::<_, NationalCorrectionView>(auth, &path, &body).await {
                Ok(_) => done.set(Some("Đã ghi nhận không nhận bản hiệu chỉnh.")),
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    let shown = |value: &Value| match value {
        Value::Null => "—".to_owned(),
        Value::String(text) => text.clone(),
        other => other.to_string(),
    };
    view! {
        <section class="notice" data-testid="national-correction">
            <h3>{format!("Bộ Nội vụ hiệu chỉnh {} mục trên CSDL quốc gia (nhận ngày {})", correction.changes.len(), crate::labels::datetime(&correction.received_at))}</h3>
            <table class="data">
                <thead><tr><th>"Mục"</th><th>"Hồ sơ đã duyệt"</th><th>"CSDL quốc gia"</th></tr></thead>
                <tbody>{correction.changes.iter().map(|c| view! {
                    <tr data-testid="correction-change" data-item=c.item.clone()>
                        <td>{form::item_label(&c.item)}</td><td>{shown(&c.ours)}</td><td><strong>{shown(&c.national)}</strong></td>
                    </tr>
                }).collect_view()}</tbody>
            </table>
            {move || match done.get() {
                Some(text) => view! { <p data-testid="correction-done">{text}</p> }.into_any(),
                None if editable => view! {
                    <button type="button" class="primary" data-testid="correction-apply" on:click=apply.clone()>"Đưa vào bản khai"</button>
                    <label>"Lý do không nhận" <input name="correction.note" bind:value=note /></label>
                    <button type="button" data-testid="correction-dismiss" on:click=dismiss.clone()>"Không nhận"</button>
                }.into_any(),
                None => ().into_any(),
            }}
            <FormFailure failure />
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::tab_of;

    #[test]
    fn a_missing_item_leads_to_the_tab_that_holds_it() {
        assert_eq!(tab_of("identity.religion"), 0);
        assert_eq!(tab_of("photo_document_id"), 0);
        assert_eq!(tab_of("salary.grade"), 2);
        assert_eq!(tab_of("training[0].level"), 3);
        assert_eq!(tab_of("work_history"), 4);
        assert_eq!(tab_of("family[1].full_name"), 6);
        assert_eq!(tab_of("contract.kind"), 7);
    }
}
