//! The workflow on the dossier page (WF-1…5): where the dossier stands, why it was returned,
//! submitting a new employee's entry, and filing a later change with its scanned evidence.

use hoso_api_types::campaigns::CampaignView;
use hoso_api_types::documents::DocumentView;
use hoso_api_types::workflow::{EvidenceItem, NewChangeRequest, ReviewView, SubmitRequest};
use hoso_domain::workflow::ReviewState;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, ApiFailure};
use crate::components::catalog::CatalogSelect;
use crate::components::date_input::DateInput;
use crate::components::failure::FormFailure;
use crate::components::upload::DocumentPicker;
use crate::session::Auth;

pub fn state_label(state: ReviewState) -> &'static str {
    match state {
        ReviewState::Submitted => "Đã gửi, chờ cán bộ đầu mối kiểm tra",
        ReviewState::Locked => "Đã kiểm tra và khóa, chờ thủ trưởng ký duyệt",
        ReviewState::Signed => "Thủ trưởng đã ký duyệt, chờ Sở Nội vụ phê duyệt",
        ReviewState::Approved => "Sở Nội vụ đã phê duyệt",
        ReviewState::Returned => "Bị trả lại",
    }
}

/// The latest review and what the reader may do next.
#[component]
pub fn ReviewPanel(
    dossier_id: String,
    person_id: String,
    revision: RwSignal<i32>,
    current_version: RwSignal<i32>,
    editable: bool,
    /// The form's own failure: a refused submission marks the fields it names there.
    field_failure: RwSignal<Option<ApiFailure>>,
) -> impl IntoView {
    let auth = expect_context::<Auth>();
    // Update campaigns are offered to the person themself (issue #6).
    let own = auth
        .get()
        .is_some_and(|s| s.person_id() == Some(person_id.as_str()));
    let campaigns = LocalResource::new(move || async move {
        if own {
            api::get::<Vec<CampaignView>>(auth, "/me/campaigns")
                .await
                .unwrap_or_default()
        } else {
            Vec::new()
        }
    });
    let campaign = RwSignal::new(String::new());
    let reload = RwSignal::new(0u32);
    let failure = RwSignal::new(None::<ApiFailure>);
    let done = RwSignal::new(None::<String>);
    let reviews = {
        let id = dossier_id.clone();
        LocalResource::new(move || {
            reload.track();
            let id = id.clone();
            async move { api::get::<Vec<ReviewView>>(auth, &format!("/dossiers/{id}/reviews")).await }
        })
    };
    let latest = move || {
        reviews
            .get()
            .and_then(Result::ok)
            .and_then(|list| list.into_iter().next())
    };
    let frozen = move || latest().is_some_and(|r| r.state.freezes_draft());
    let submit = {
        let id = dossier_id.clone();
        move |_| {
            let id = id.clone();
            let body = SubmitRequest {
                revision: revision.get_untracked(),
                note: None,
            };
            spawn_local(async move {
                match api::post::<_, ReviewView>(auth, &format!("/dossiers/{id}/submit"), &body).await {
                    Ok(review) => {
                        failure.set(None);
                        done.set(Some(format!(
                            "Đã gửi hồ sơ để kiểm tra; hạn kiểm tra: {}.",
                            review
                                .due_on
                                .map(|d| d.format("%d/%m/%Y").to_string())
                                .unwrap_or_default()
                        )));
                        reload.update(|n| *n += 1);
                    }
                    // Shown once, by the form (just above), with each named field marked.
                    Err(error) => field_failure.set(Some(error)),
                }
            });
        }
    };
    let reason = RwSignal::new(String::new());
    let event_date = RwSignal::new(String::new());
    let evidence = RwSignal::new(None::<DocumentView>);
    let evidence_kind = RwSignal::new(String::new());
    let file_change = {
        let id = dossier_id.clone();
        move |_| {
            let Ok(date) = chrono::NaiveDate::parse_from_str(&event_date.get_untracked(), "%Y-%m-%d") else {
                done.set(Some("Chọn ngày phát sinh thay đổi.".into()));
                return;
            };
            let body = NewChangeRequest {
                dossier_id: id.clone(),
                revision: revision.get_untracked(),
                reason: reason.get_untracked(),
                event_date: date,
                evidence: evidence
                    .get_untracked()
                    .map(|d| EvidenceItem {
                        document_id: d.id,
                        kind: evidence_kind.get_untracked(),
                    })
                    .into_iter()
                    .collect(),
                campaign_id: Some(campaign.get_untracked()).filter(|c| !c.is_empty()),
            };
            spawn_local(async move {
                match api::post::<_, ReviewView>(auth, "/change-requests", &body).await {
                    Ok(review) => {
                        failure.set(None);
                        // WF-4: say when the change was due to be recorded, and if it is late.
                        let recorded = match review.record_due_on {
                            Some(due) if review.recorded_late => format!(
                                " Cập nhật muộn: hạn cập nhật thay đổi theo quy chế là {}.",
                                due.format("%d/%m/%Y")
                            ),
                            _ => String::new(),
                        };
                        done.set(Some(format!(
                            "Đã gửi yêu cầu điều chỉnh kèm minh chứng.{recorded}"
                        )));
                        reload.update(|n| *n += 1);
                    }
                    Err(error) => failure.set(Some(error)),
                }
            });
        }
    };
    view! {
        <section class="review-panel" aria-label="Quy trình cập nhật, phê duyệt" data-testid="review-panel">
            {move || latest().map(|r| view! {
                <p class="notice" data-testid="review-state">
                    "Tình trạng: " <strong>{state_label(r.state)}</strong>
                    {r.due_on.filter(|_| r.state.is_open()).map(|d| format!(" — hạn xử lý {}", d.format("%d/%m/%Y")))}
                    {r.overdue.then_some(" (quá hạn)")}
                </p>
                {r.return_reason.clone().filter(|_| r.state == ReviewState::Returned).map(|why| view! {
                    <p class="notice notice-warning" role="alert" data-testid="return-reason">"Hồ sơ bị trả lại vì: " {why}</p>
                })}
            })}
            {move || done.get().map(|m| view! { <p class="notice notice-info" role="status">{m}</p> })}
            <FormFailure failure />
            {move || (editable && !frozen() && current_version.get() == 0).then(|| view! {
                <button type="button" class="primary" on:click=submit.clone()>"Gửi kiểm tra"</button>
            })}
            {move || (editable && !frozen() && current_version.get() > 0).then(|| view! {
                <fieldset>
                    <legend>"Yêu cầu điều chỉnh thông tin (kèm minh chứng)"</legend>
                    {move || {
                        let open = campaigns.get().unwrap_or_default();
                        (!open.is_empty()).then(|| view! {
                            <label>"Theo đợt cập nhật (không cần minh chứng, chỉ các mục của đợt)"
                                <select name="change.campaign" bind:value=campaign>
                                    <option value="">"— Không —"</option>
                                    {open.into_iter().map(|c| view! {
                                        <option value=c.id.clone()>{format!("{} (đến {})", c.title, c.closes_on.format("%d/%m/%Y"))}</option>
                                    }).collect_view()}
                                </select>
                            </label>
                        })
                    }}
                    <label>"Nội dung thay đổi" <input name="change.reason" bind:value=reason /></label>
                    <label>"Ngày phát sinh" <DateInput name="change.event_date" value=event_date /></label>
                    <label>"Loại giấy tờ" <CatalogSelect kinds=&["document_kinds"] value=evidence_kind name="change.kind" /></label>
                    <DocumentPicker document=evidence failure label="Bản scan minh chứng" name="change.evidence" />
                    <button type="button" on:click=file_change.clone()>"Gửi yêu cầu điều chỉnh"</button>
                </fieldset>
            })}
        </section>
    }
}
