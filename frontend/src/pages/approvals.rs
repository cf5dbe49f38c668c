//! Approvals (WF-2, WF-3, WF-5, WF-6/7, CTX-5): the focal officer's queue with the changes
//! against the last approved version, a checklist against the paper originals, lock or return;
//! the head's and Sở Nội vụ's queues with the signing window, batch signing and enrolment for
//! the built-in signature.

use hoso_api_types::dossiers::DiffView;
use hoso_api_types::workflow::{
    ApprovalQueue, BatchSignRequest, BatchSignResult, CertificateView, ChecklistItem, EnrolRequest,
    LockRequest, ReturnRequest, ReviewView, SignRequest, SignatureView, SigningPayload,
};
use hoso_domain::access::{AccountKind, Right};
use hoso_domain::workflow::ReviewKind;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use crate::api::{self, ApiFailure};
use crate::components::failure::{FailureNotice, FormFailure};
use crate::components::guard::SignedIn;
use crate::session::{Auth, Session};

/// What the focal officer confirms against the paper originals before locking.
const CHECKLIST: &[&str] = &[
    "Sơ yếu lý lịch và giấy tờ tùy thân",
    "Văn bằng, chứng chỉ",
    "Quyết định tuyển dụng hoặc hợp đồng",
    "Quyết định ngạch, bậc lương",
];

#[component]
pub fn ApprovalsPage() -> impl IntoView {
    view! { <SignedIn children=|session| view! { <Approvals session /> } /> }
}

/// The steps this account acts at: (step, tab label).
fn steps(session: &Session) -> Vec<(&'static str, &'static str)> {
    let mut steps = Vec::new();
    if session.has(Right::ReviewDossiers) {
        steps.push(("check", "Chờ kiểm tra, khóa"));
    }
    if session.has(Right::ApproveDossiers) {
        steps.push(("sign", "Chờ thủ trưởng ký duyệt"));
        if session.kind() == AccountKind::Admin {
            steps.push(("national", "Chờ Sở Nội vụ phê duyệt"));
        }
    }
    steps
}

#[component]
fn Approvals(session: Session) -> impl IntoView {
    let steps = steps(&session);
    let Some(first) = steps.first().map(|(s, _)| *s) else {
        return view! { <p class="notice">"Tài khoản này không có quyền kiểm tra hay phê duyệt hồ sơ."</p> }
            .into_any();
    };
    let step = RwSignal::new(first);
    view! {
        <section>
            <h1>"Phê duyệt hồ sơ"</h1>
            <div class="tabs" role="tablist">
                {steps.into_iter().map(|(s, label)| view! {
                    <button type="button" role="tab" aria-selected=move || (step.get() == s).to_string() on:click=move |_| step.set(s)>{label}</button>
                }).collect_view()}
            </div>
            {move || view! { <Queue step=step.get() /> }}
        </section>
    }
    .into_any()
}

#[component]
fn Queue(step: &'static str) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let reload = RwSignal::new(0u32);
    let queue = LocalResource::new(move || {
        reload.track();
        async move { api::get::<ApprovalQueue>(auth, &format!("/approvals?step={step}")).await }
    });
    let selected = RwSignal::new(Vec::<String>::new());
    view! {
        {(step != "check").then(|| view! { <Signing selected reload /> })}
        <Transition fallback=|| view! { <p class="muted">"Đang tải…"</p> }>
            {move || Suspend::new(async move {
                match queue.await {
                    Err(failure) => view! { <FailureNotice failure /> }.into_any(),
                    Ok(q) => {
                        let window = q.window.map(|w| view! {
                            <p class={if w.open { "notice notice-info" } else { "notice notice-warning" }} data-testid="window">
                                {format!(
                                    "Thời gian ký duyệt: từ {} đến {} — {}",
                                    w.window.from.format("%d/%m/%Y"),
                                    w.window.to.format("%d/%m/%Y"),
                                    if w.open { "đang mở" } else { "chưa đến hoặc đã qua" }
                                )}
                            </p>
                        });
                        let empty = q.items.is_empty().then(|| view! { <p class="muted">"Không có hồ sơ nào đang chờ."</p> });
                        view! {
                            {window}
                            {empty}
                            <ul class="review-list" data-testid="queue">
                                {q.items.into_iter().map(|r| view! { <Item review=r step selected reload /> }).collect_view()}
                            </ul>
                        }.into_any()
                    }
                }
            })}
        </Transition>
    }
}

#[component]
fn Item(
    review: ReviewView,
    step: &'static str,
    selected: RwSignal<Vec<String>>,
    reload: RwSignal<u32>,
) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let id = review.id.clone();
    let failure = RwSignal::new(None::<ApiFailure>);
    let checked = RwSignal::new(vec![false; CHECKLIST.len()]);
    let reason = RwSignal::new(String::new());
    let diff = RwSignal::new(None::<DiffView>);
    let dossier_id = review.dossier.id.clone();
    let based_on = review.dossier.current_version;
    let show_diff = move |_| {
        let dossier_id = dossier_id.clone();
        spawn_local(async move {
            match api::get::<DiffView>(auth, &format!("/dossiers/{dossier_id}/diff?from={based_on}&to=0"))
                .await
            {
                Ok(d) => diff.set(Some(d)),
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    let lock = {
        let id = id.clone();
        move |_| {
            let body = LockRequest {
                checklist: CHECKLIST
                    .iter()
                    .zip(checked.get_untracked())
                    .map(|(item, checked)| ChecklistItem {
                        item: (*item).into(),
                        checked,
                    })
                    .collect(),
                note: None,
            };
            let id = id.clone();
            spawn_local(async move {
                match api::post::<_, ReviewView>(auth, &format!("/approvals/{id}/lock"), &body).await {
                    Ok(_) => reload.update(|n| *n += 1),
                    Err(error) => failure.set(Some(error)),
                }
            });
        }
    };
    let send_back = {
        let id = id.clone();
        move |_| {
            let body = ReturnRequest {
                reason: reason.get_untracked(),
            };
            let id = id.clone();
            spawn_local(async move {
                match api::post::<_, ReviewView>(auth, &format!("/approvals/{id}/return"), &body).await {
                    Ok(_) => reload.update(|n| *n += 1),
                    Err(error) => failure.set(Some(error)),
                }
            });
        }
    };
    let toggle = {
        let id = id.clone();
        move |ev: leptos::ev::Event| {
            let on = event_target_checked(&ev);
            selected.update(|s| {
                s.retain(|x| x != &id);
                if on {
                    s.push(id.clone());
                }
            });
        }
    };
    let kind = match review.kind {
        ReviewKind::Initial => "Khai lần đầu",
        ReviewKind::Change => "Điều chỉnh",
    };
    let name = review.dossier.full_name.clone();
    view! {
        <li class="review-item" data-testid="review-item">
            <header>
                {(step != "check").then(|| view! {
                    <input type="checkbox" aria-label=format!("Chọn hồ sơ {name}") on:change=toggle />
                })}
                <A href=format!("/ho-so/{}", review.dossier.id)>{review.dossier.full_name.clone()}</A>
                " — " {review.dossier.dossier_number.clone()} " — " {review.dossier.unit.name.clone()} " — " {kind}
                {review.due_on.map(|d| format!(" — hạn {}", d.format("%d/%m/%Y")))}
                {review.overdue.then_some(" (quá hạn)")}
            </header>
            {review.reason.clone().map(|r| view! { <p>"Nội dung: " {r}</p> })}
            {(!review.evidence.is_empty()).then(|| view! {
                <p>"Minh chứng: " {review.evidence.iter().map(|e| format!("{} ({})", e.document.file_name, e.kind)).collect::<Vec<_>>().join(", ")}</p>
            })}
            <button type="button" on:click=show_diff>"Xem thay đổi so với phiên bản đã duyệt"</button>
            {move || diff.get().map(|d| if d.changes.is_empty() {
                view! { <p class="muted">"Không có thay đổi."</p> }.into_any()
            } else {
                view! { <crate::pages::dossier::DiffTable changes=d.changes /> }.into_any()
            })}
            {(step == "check").then(|| view! {
                <fieldset>
                    <legend>"Đối chiếu với bản gốc"</legend>
                    {CHECKLIST.iter().enumerate().map(|(i, item)| view! {
                        <label><input type="checkbox" on:change=move |ev| checked.update(|c| c[i] = event_target_checked(&ev)) /> {*item}</label>
                    }).collect_view()}
                    <button type="button" class="primary" on:click=lock.clone()>"Khóa hồ sơ"</button>
                </fieldset>
            })}
            {(step != "check").then(|| view! { <ExternalSignature review_id=id.clone() reload /> })}
            <label>"Lý do trả lại" <input name="return.reason" bind:value=reason /></label>
            <button type="button" on:click=send_back>"Trả lại"</button>
            <FormFailure failure />
        </li>
    }
}

/// The approver's signature: enrolment for the built-in signer, then batch signing.
#[component]
fn Signing(selected: RwSignal<Vec<String>>, reload: RwSignal<u32>) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let refresh = RwSignal::new(0u32);
    let certificates = LocalResource::new(move || {
        refresh.track();
        async move { api::get::<Vec<CertificateView>>(auth, "/me/certificates").await }
    });
    let password = RwSignal::new(String::new());
    let failure = RwSignal::new(None::<ApiFailure>);
    let result = RwSignal::new(None::<BatchSignResult>);
    let enrol = move |_| {
        let body = EnrolRequest {
            password: password.get_untracked(),
            certificate: None,
        };
        spawn_local(async move {
            match api::post::<_, CertificateView>(auth, "/me/certificates", &body).await {
                Ok(_) => {
                    failure.set(None);
                    refresh.update(|n| *n += 1);
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    let sign = move |_| {
        let body = BatchSignRequest {
            review_ids: selected.get_untracked(),
            password: password.get_untracked(),
        };
        spawn_local(async move {
            match api::post::<_, BatchSignResult>(auth, "/approvals/batch-sign", &body).await {
                Ok(r) => {
                    failure.set(None);
                    result.set(Some(r));
                    selected.set(Vec::new());
                    reload.update(|n| *n += 1);
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    let certificate = RwSignal::new(String::new());
    let register = move |_| {
        let body = EnrolRequest {
            password: password.get_untracked(),
            certificate: Some(certificate.get_untracked()),
        };
        spawn_local(async move {
            match api::post::<_, CertificateView>(auth, "/me/certificates", &body).await {
                Ok(_) => {
                    failure.set(None);
                    certificate.set(String::new());
                    refresh.update(|n| *n += 1);
                }
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    let has_builtin = move || {
        certificates.get().and_then(Result::ok).is_some_and(|list| {
            list.iter()
                .any(|c| c.source == "builtin" && c.revoked_at.is_none())
        })
    };
    view! {
        <fieldset class="signing">
            <legend>"Ký số"</legend>
            <label>"Mật khẩu xác nhận" <input type="password" name="sign.password" bind:value=password autocomplete="current-password" /></label>
            {move || if has_builtin() {
                view! { <button type="button" class="primary" on:click=sign>"Ký duyệt các hồ sơ đã chọn"</button> }.into_any()
            } else {
                view! { <button type="button" on:click=enrol>"Đăng ký chữ ký số của hệ thống"</button> }.into_any()
            }}
            <details>
                <summary>"Đăng ký chứng thư số của USB token / dịch vụ ký số từ xa"</summary>
                <label>"Chứng thư số (PEM, kèm chứng thư trung gian nếu có)" <textarea name="sign.certificate" rows="4" bind:value=certificate></textarea></label>
                <button type="button" on:click=register>"Đăng ký chứng thư số"</button>
                <ul>{move || certificates.get().and_then(Result::ok).unwrap_or_default().into_iter().map(|c| view! {
                    <li>{format!("{} — {} đến {}{}", c.subject, if c.source == "builtin" { "hệ thống cấp" } else { "bên ngoài" },
                        c.not_after.format("%d/%m/%Y"), if c.revoked_at.is_some() { " (đã thu hồi)" } else { "" })}</li>
                }).collect_view()}</ul>
            </details>
            {move || result.get().map(|r| view! {
                <div role="status" class="notice notice-info" data-testid="sign-result">
                    <p>{format!("Đã ký {} hồ sơ.", r.signed)}</p>
                    <ul>{r.items.into_iter().filter(|i| !i.ok).map(|i| view! { <li>{i.message.unwrap_or_default()}</li> }).collect_view()}</ul>
                </div>
            })}
            <FormFailure failure />
        </fieldset>
    }
}

/// Signing one review with a USB token or a remote signing service (CTX-5): the statement to
/// sign (and its SHA-256) goes to the signing tool; the CMS signature it returns comes back here.
#[component]
fn ExternalSignature(review_id: String, reload: RwSignal<u32>) -> impl IntoView {
    let auth = expect_context::<Auth>();
    let payload = RwSignal::new(None::<SigningPayload>);
    let cms = RwSignal::new(String::new());
    let failure = RwSignal::new(None::<ApiFailure>);
    let fetch = {
        let id = review_id.clone();
        move |_| {
            let id = id.clone();
            spawn_local(async move {
                match api::get::<SigningPayload>(auth, &format!("/approvals/{id}/signing-payload")).await {
                    Ok(p) => payload.set(Some(p)),
                    Err(error) => failure.set(Some(error)),
                }
            });
        }
    };
    let send = move |_| {
        let id = review_id.clone();
        let body = SignRequest {
            cms: Some(cms.get_untracked()),
            password: None,
        };
        spawn_local(async move {
            match api::post::<_, SignatureView>(auth, &format!("/approvals/{id}/sign"), &body).await {
                Ok(_) => reload.update(|n| *n += 1),
                Err(error) => failure.set(Some(error)),
            }
        });
    };
    view! {
        <details class="external-signature">
            <summary>"Ký bằng USB token hoặc dịch vụ ký số từ xa"</summary>
            <button type="button" on:click=fetch>"Lấy nội dung cần ký"</button>
            {move || payload.get().map(|p| view! {
                <p>"Nội dung cần ký (base64): " <code class="wrap">{p.statement_base64}</code></p>
                <p>"SHA-256: " <code>{p.digest_sha256}</code></p>
            })}
            <label>"Chữ ký CMS/PKCS#7 (base64 hoặc PEM)" <textarea name="sign.cms" rows="4" bind:value=cms></textarea></label>
            <button type="button" on:click=send>"Gửi chữ ký số"</button>
            <FormFailure failure />
        </details>
    }
}
