//! What the workflow's handlers share (WF-1…8, CTX-5): loading a review with its dossier and
//! authorising an action on it, the profile and calendar deadlines are counted with, the
//! review as the API shows it, and signing — the one path both single and batch signing take.

use base64::Engine;
use chrono::NaiveDate;
use hoso_api_types::workflow::{ChecklistItem, EvidenceView, ReviewEventView, ReviewView, SignatureView};
use hoso_domain::access::UnitPath;
use hoso_domain::approval::{ApprovalStatement, Step};
use hoso_domain::calendar::Calendar;
use hoso_domain::regulation::RegulationProfile;
use hoso_domain::workflow::{
    check_act, check_separation, due_date, signer_for, step_awaited, transition, Action, Duties, ReviewKind,
    ReviewState,
};
use hoso_domain::FieldError;
use hoso_signatures::ca::{Authority, Key, Subject};
use hoso_signatures::{certificates, Certificate};
use hoso_store::audit::NewAuditEvent;
use hoso_store::dossiers::{self, DossierWithPerson};
use hoso_store::reviews::{self, ReviewRow, StateChange};
use hoso_store::{signing, DbConnection};

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// A review with its dossier and the unit path its authority is checked on.
pub struct Loaded {
    pub review: ReviewRow,
    pub found: DossierWithPerson,
    pub path: UnitPath,
}

pub fn state_of(review: &ReviewRow) -> Result<ReviewState, AppError> {
    ReviewState::parse(&review.state)
        .ok_or_else(|| AppError::Internal(format!("review state '{}'", review.state)))
}

pub fn kind_of(review: &ReviewRow) -> ReviewKind {
    ReviewKind::parse(&review.kind).unwrap_or(ReviewKind::Change)
}

pub fn load(conn: &mut DbConnection, id: &str) -> Result<Loaded, AppError> {
    let review = reviews::find(conn, id)?.ok_or(AppError::NotFound)?;
    let found = dossiers::find(conn, &review.dossier_id)?.ok_or(AppError::NotFound)?;
    let path = UnitPath::parse(&found.unit_path).map_err(AppError::Internal)?;
    Ok(Loaded { review, found, path })
}

/// An audit event about a review of a dossier.
pub fn event(session: &Session, action: &str, loaded: &Loaded) -> NewAuditEvent {
    let mut event = crate::dossiers::event(session, action, &loaded.found);
    event.target_type = Some("review".into());
    event.target_id = Some(loaded.review.id.clone());
    event
}

/// Checks that the caller may take `action` now: who they are (refusals audited) and what
/// state the review is in (409 `invalid_state` otherwise), and the separation of duties of the
/// profile in force (`rules`, which the caller loads for the due dates anyway). Returns the state
/// it leads to.
pub fn authorize(
    conn: &mut DbConnection,
    session: &Session,
    loaded: &Loaded,
    action: Action,
    event: &NewAuditEvent,
    rules: &RegulationProfile,
) -> Result<ReviewState, AppError> {
    let state = state_of(&loaded.review)?;
    if let Err(denial) = check_act(
        &session.actor,
        &loaded.found.person.id,
        &loaded.path,
        state,
        action,
    ) {
        return Err(crate::audit::refuse(conn, event.clone(), denial));
    }
    let next = transition(state, action).ok_or_else(|| AppError::Conflict {
        code: "invalid_state",
        message: format!(
            "Hồ sơ đang ở bước «{}», không thực hiện được thao tác này.",
            state_label(state)
        ),
    })?;
    let review = &loaded.review;
    let duties = Duties {
        entered_on_behalf_by: review.on_behalf.then_some(review.submitted_by.as_str()),
        checked_by: review.checked_by.as_deref(),
    };
    if let Err(conflict) = check_separation(&session.actor, duties, action, &rules.separation_of_duties) {
        let mut refused = event.clone();
        refused.outcome = "denied".into();
        refused.reason = Some(conflict.message().into());
        refused.details = Some(serde_json::json!({"reason": "separation_of_duties"}).to_string());
        crate::audit::record(conn, refused)?;
        return Err(AppError::Conflict {
            code: "separation_of_duties",
            message: conflict.message().into(),
        });
    }
    Ok(next)
}

pub fn state_label(state: ReviewState) -> &'static str {
    match state {
        ReviewState::Submitted => "chờ kiểm tra",
        ReviewState::Locked => "đã khóa, chờ thủ trưởng ký duyệt",
        ReviewState::Signed => "chờ Sở Nội vụ phê duyệt",
        ReviewState::Approved => "đã phê duyệt",
        ReviewState::Returned => "đã trả lại",
    }
}

/// The draft cannot be edited while it is checked or waits for the head (WF-2).
pub fn refuse_if_frozen(status: &str) -> Result<(), AppError> {
    match ReviewState::parse(status).filter(|s| s.freezes_draft()) {
        Some(state) => Err(AppError::Conflict {
            code: "dossier_locked",
            message: format!(
                "Hồ sơ đang {}; không sửa được cho đến khi được phê duyệt hoặc trả lại.",
                state_label(state)
            ),
        }),
        None => Ok(()),
    }
}

/// Whether a person's stored service status puts their dossier in the permanent archive.
pub fn is_archived(service_status: &str) -> bool {
    hoso_domain::transfer::ServiceStatus::parse(service_status).is_some_and(|s| s.is_archived())
}

/// A dossier in the permanent archive (TRF-5) takes no more writes.
pub fn refuse_if_archived(service_status: &str) -> Result<(), AppError> {
    if is_archived(service_status) {
        return Err(AppError::Conflict {
            code: "dossier_archived",
            message: "Hồ sơ đã chuyển vào lưu trữ vĩnh viễn; không sửa, không gửi được nữa.".into(),
        });
    }
    Ok(())
}

/// The regulation profile and working-day calendar in force.
pub fn rules(conn: &mut DbConnection) -> Result<(RegulationProfile, Calendar), AppError> {
    Ok((crate::settings::current(conn)?, hoso_store::calendar::load(conn)?))
}

/// When the step a review enters is due.
pub fn due(
    rules: &(RegulationProfile, Calendar),
    review: &ReviewRow,
    state: ReviewState,
    entered: NaiveDate,
) -> Option<NaiveDate> {
    let submitted = crate::clock::vietnam_date(review.submitted_at);
    due_date(&rules.0, &rules.1, kind_of(review), state, entered, submitted)
}

pub fn view(
    conn: &mut DbConnection,
    review: &ReviewRow,
    found: &DossierWithPerson,
    today: NaiveDate,
) -> Result<ReviewView, AppError> {
    // The same few accounts act on a review again and again: look each up once.
    let mut names = std::collections::HashMap::<String, String>::new();
    let mut name = |conn: &mut DbConnection, id: &str| -> Result<String, AppError> {
        if let Some(known) = names.get(id) {
            return Ok(known.clone());
        }
        let found = hoso_store::accounts::find(conn, id)?
            .map(|a| a.account.display_name)
            .unwrap_or_else(|| id.to_owned());
        names.insert(id.to_owned(), found.clone());
        Ok(found)
    };
    let mut events = Vec::new();
    for e in reviews::events(conn, &review.id)? {
        events.push(ReviewEventView {
            action: e.action,
            actor_name: name(conn, &e.actor_id)?,
            at: crate::views::utc(e.at),
            note: e.note,
        });
    }
    let mut evidence = Vec::new();
    for (document_id, kind) in reviews::evidence(conn, &review.id)? {
        if let Some((document, _)) = hoso_store::documents::find(conn, &document_id)? {
            evidence.push(EvidenceView {
                document: crate::views::document(&document),
                kind,
            });
        }
    }
    let signatures = match review.version_number {
        Some(version) => signatures_of(conn, &found.dossier.id, version)?,
        None => Vec::new(),
    };
    let state = state_of(review)?;
    Ok(ReviewView {
        id: review.id.clone(),
        dossier: crate::dossiers::summary(found),
        kind: kind_of(review),
        state,
        submitted_by_name: name(conn, &review.submitted_by)?,
        on_behalf: review.on_behalf,
        submitted_at: crate::views::utc(review.submitted_at),
        due_on: review.due_on,
        overdue: state.is_open() && review.due_on.is_some_and(|d| d < today),
        reason: review.reason.clone(),
        event_date: review.event_date,
        record_due_on: review.record_due_on,
        recorded_late: review
            .record_due_on
            .is_some_and(|due| crate::clock::vietnam_date(review.submitted_at) > due),
        campaign_id: review.campaign_id.clone(),
        return_reason: review.return_reason.clone(),
        checklist: review
            .checklist
            .as_deref()
            .and_then(|c| serde_json::from_str::<Vec<ChecklistItem>>(c).ok())
            .unwrap_or_default(),
        version_number: review.version_number,
        events,
        evidence,
        signatures,
    })
}

pub fn signatures_of(
    conn: &mut DbConnection,
    dossier_id: &str,
    version: i32,
) -> Result<Vec<SignatureView>, AppError> {
    let mut views = Vec::new();
    for (row, username, display_name) in signing::of_version(conn, dossier_id, version)? {
        let certificate = hoso_store::signing::certificate_by_id(conn, &row.certificate_id)?;
        views.push(SignatureView {
            step: Step::parse(&row.step).unwrap_or(Step::Head),
            version: row.version_number,
            signer_name: display_name,
            signer_username: username,
            certificate_subject: certificate
                .as_ref()
                .map(|c| c.subject.clone())
                .unwrap_or_default(),
            certificate_fingerprint: certificate.map(|c| c.fingerprint).unwrap_or_default(),
            signed_at: crate::views::utc(row.signed_at),
            window_warning: row.window_warning,
        });
    }
    Ok(views)
}

/// The built-in CA, created (and its key sealed) the first time it is needed.
pub fn authority(conn: &mut DbConnection, state: &App) -> Result<Authority, AppError> {
    if let Some((pem, sealed)) = signing::authority(conn)? {
        return open_authority(state, &pem, &sealed);
    }
    let created = Authority::create(
        &Subject {
            common_name: &format!("hoso CA nội bộ — {}", state.province_name),
            uid: None,
            organisation: &state.province_name,
        },
        state.clock.now(),
    );
    let pem = certificates::to_pem(&created.certificate);
    let sealed = state.data_keys.seal(&created.key_bytes());
    signing::save_authority(conn, &pem, &sealed, state.clock.now_naive())?;
    // Another server may have stored its own first: use whichever the database kept.
    let (pem, sealed) = signing::authority(conn)?.ok_or(AppError::NotFound)?;
    open_authority(state, &pem, &sealed)
}

fn open_authority(state: &App, pem: &str, sealed: &str) -> Result<Authority, AppError> {
    let certificate = first_certificate(pem)?;
    let key = state
        .data_keys
        .open(sealed)
        .map_err(|e| AppError::Internal(format!("built-in CA key: {e}")))?;
    Authority::from_parts(certificate, &key).map_err(AppError::Internal)
}

pub fn first_certificate(pem: &str) -> Result<Certificate, AppError> {
    certificates::parse_certificates(pem.as_bytes())
        .ok()
        .and_then(|mut c| (!c.is_empty()).then(|| c.remove(0)))
        .ok_or_else(|| AppError::Internal("stored certificate unreadable".into()))
}

/// The roots approval signatures must chain to: the configured ones and the built-in CA.
pub fn trusted_roots(conn: &mut DbConnection, state: &App) -> Result<Vec<Certificate>, AppError> {
    let mut roots = state.trusted_roots.clone();
    if let Some((pem, _)) = signing::authority(conn)? {
        roots.push(first_certificate(&pem)?);
    }
    Ok(roots)
}

/// Re-confirms the signed-in account's password (422 on `password` when wrong).
pub fn confirm_password(conn: &mut DbConnection, session: &Session, password: &str) -> Result<(), AppError> {
    let account =
        hoso_store::accounts::find(conn, &session.actor.account_id)?.ok_or(AppError::Unauthenticated)?;
    if !crate::passwords::verify(password, &account.account.password_hash) {
        return Err(FieldError::new("password", "wrong_password", "Mật khẩu xác nhận không đúng.").into());
    }
    Ok(())
}

/// How a signature arrives.
pub enum Signing<'a> {
    /// A CMS signature made by a token plugin or remote signing service.
    External(&'a str),
    /// The built-in signer, after the password was re-confirmed.
    BuiltIn,
}

/// What will be signed for the step a review waits for: statement and the version it names.
pub fn statement_for(
    conn: &mut DbConnection,
    loaded: &Loaded,
) -> Result<(Step, ApprovalStatement), AppError> {
    let state = state_of(&loaded.review)?;
    let step = step_awaited(state).ok_or_else(|| AppError::Conflict {
        code: "invalid_state",
        message: format!("Hồ sơ đang ở bước «{}», không có gì để ký.", state_label(state)),
    })?;
    let (version, content_hash) = match step {
        Step::Head => (
            loaded.found.dossier.current_version + 1,
            loaded.review.content_hash.clone(),
        ),
        Step::HomeAffairs => {
            let number = loaded.review.version_number.ok_or(AppError::NotFound)?;
            let version =
                dossiers::version(conn, &loaded.found.dossier.id, number)?.ok_or(AppError::NotFound)?;
            (number, version.content_hash)
        }
    };
    let statement =
        ApprovalStatement::new(&loaded.found.dossier.dossier_number, version, step, &content_hash);
    Ok((step, statement))
}

/// What every signature of one request checks against, loaded once (a batch signs many):
/// the profile and calendar, the trusted roots, and for the built-in signer its CA.
pub struct SigningContext {
    rules: (RegulationProfile, Calendar),
    roots: Vec<Certificate>,
    authority: Option<Authority>,
}

impl SigningContext {
    pub fn load(conn: &mut DbConnection, state: &App, built_in: bool) -> Result<Self, AppError> {
        // The CA first: created on first use, it is then one of the roots.
        let authority = if built_in {
            Some(authority(conn, state)?)
        } else {
            None
        };
        Ok(SigningContext {
            rules: rules(conn)?,
            roots: trusted_roots(conn, state)?,
            authority,
        })
    }
}

/// Signs the step `review_id` waits for, as the caller: authority, the approval window, the
/// signature itself (verified, and made with a certificate registered to the caller), then
/// in one transaction the version (head), the signature and the new state.
pub fn sign(
    conn: &mut DbConnection,
    state: &App,
    context: &SigningContext,
    session: &Session,
    review_id: &str,
    signing: Signing<'_>,
) -> Result<SignatureView, AppError> {
    let loaded = load(conn, review_id)?;
    let (step, statement) = statement_for(conn, &loaded)?;
    let mut event = event(session, "dossier.signed", &loaded);
    event.right_used = Some("approve_dossiers".into());
    let next = authorize(
        conn,
        session,
        &loaded,
        Action::Sign(step),
        &event,
        &context.rules.0,
    )?;
    if step == Step::HomeAffairs {
        let head_signed_by_caller = signing::of_version(conn, &loaded.found.dossier.id, statement.version)?
            .iter()
            .any(|(s, _, _)| s.step == Step::Head.as_str() && s.account_id == session.actor.account_id);
        if head_signed_by_caller {
            return Err(AppError::Conflict {
                code: "same_signer",
                message: "Người đã ký duyệt ở cơ quan không phê duyệt lại ở Sở Nội vụ.".into(),
            });
        }
    }
    let rules = &context.rules;
    let today = state.clock.today();
    let mut window_warning = None;
    if let Some(window) = rules
        .0
        .window_status(signer_for(step, &session.actor.scope), today, &rules.1)
    {
        if !window.open {
            let text = format!(
                "Ngoài thời gian ký duyệt: từ {} đến {}.",
                window.window.from.format("%d/%m/%Y"),
                window.window.to.format("%d/%m/%Y")
            );
            match window.enforcement {
                hoso_domain::regulation::Enforcement::Refuse => {
                    let _ = crate::audit::record(conn, {
                        let mut refused = event.clone();
                        refused.outcome = "denied".into();
                        refused.details = Some(serde_json::json!({"reason": "window_closed"}).to_string());
                        refused
                    });
                    return Err(AppError::Conflict {
                        code: "window_closed",
                        message: text,
                    });
                }
                hoso_domain::regulation::Enforcement::Warn => window_warning = Some(text),
            }
        }
    }
    let bytes = statement.to_bytes();
    let now = state.clock.now();
    let roots = &context.roots;
    let (cms, certificate_id) = match signing {
        Signing::External(cms) => {
            let verified = hoso_signatures::verify_detached(&bytes, cms.as_bytes(), roots, now)
                .map_err(|f| FieldError::new("cms", f.code(), f.message_vi()))?;
            let registered = signing::certificate_by_fingerprint(conn, &verified.fingerprint)?
                .filter(|c| c.account_id == session.actor.account_id && c.revoked_at.is_none());
            let Some(registered) = registered else {
                return Err(FieldError::new(
                    "cms",
                    "certificate_not_registered",
                    "Chứng thư số này không được đăng ký cho tài khoản đang ký.",
                )
                .into());
            };
            let der = hoso_signatures::verify::decode_cms(cms.as_bytes())
                .map_err(|f| FieldError::new("cms", f.code(), f.message_vi()))?;
            (der, registered.id)
        }
        Signing::BuiltIn => {
            let own = signing::certificates_of(conn, &session.actor.account_id)?
                .into_iter()
                .find(|c| c.source == "builtin" && c.revoked_at.is_none() && c.not_after > now.naive_utc());
            let Some(own) = own else {
                return Err(AppError::Conflict {
                    code: "no_signing_certificate",
                    message: "Tài khoản chưa có chứng thư số ký duyệt. Hãy đăng ký chữ ký số trước.".into(),
                });
            };
            let key_bytes = state
                .data_keys
                .open(own.sealed_key.as_deref().unwrap_or_default())
                .map_err(|e| AppError::Internal(format!("signing key: {e}")))?;
            let key = Key::from_bytes(&key_bytes).map_err(AppError::Internal)?;
            let ca = context
                .authority
                .as_ref()
                .ok_or_else(|| AppError::Internal("built-in signing without its CA loaded".into()))?;
            let chain = [first_certificate(&own.certificate)?, ca.certificate.clone()];
            let cms = hoso_signatures::ca::sign_detached(&bytes, &key, &chain, now);
            hoso_signatures::verify_detached(&bytes, &cms, roots, now)
                .map_err(|f| AppError::Internal(format!("built-in signature does not verify: {f}")))?;
            (cms, own.id)
        }
    };
    let cms_text = base64::engine::general_purpose::STANDARD.encode(&cms);
    let statement_text = String::from_utf8(bytes).expect("canonical JSON is UTF-8");
    let due_next = due(rules, &loaded.review, next, today);
    conn.write_transaction(|conn| -> Result<(), AppError> {
        if step == Step::Head {
            let draft = dossiers::draft(conn, &loaded.found.dossier.id)?;
            if draft.revision != loaded.review.draft_revision {
                return Err(AppError::stale());
            }
            let clear = serde_json::from_str::<serde_json::Value>(&draft.content).ok();
            let text_at = |pointer: &str| {
                clear
                    .as_ref()
                    .and_then(|c| c.pointer(pointer))
                    .and_then(|n| n.as_str())
                    .map(str::to_owned)
            };
            let full_name = text_at("/identity/full_name");
            crate::positions::hold_approved_post(
                conn,
                &loaded.found.person,
                text_at("/salary/job_position").as_deref(),
            )?;
            let note = version_note(conn, &loaded.found.dossier, loaded.review.reason.as_deref())?;
            dossiers::approve_draft(
                conn,
                &loaded.found.dossier.id,
                draft.revision,
                &loaded.review.content_hash,
                full_name.as_deref(),
                &session.actor.account_id,
                note.as_deref(),
            )?;
        }
        signing::add_signature(
            conn,
            signing::NewSignature {
                dossier_id: &loaded.found.dossier.id,
                version_number: statement.version,
                step: step.as_str(),
                review_id: &loaded.review.id,
                account_id: &session.actor.account_id,
                certificate_id: &certificate_id,
                statement: &statement_text,
                cms: &cms_text,
                signed_at: now.naive_utc(),
                window_warning: window_warning.as_deref(),
            },
        )?;
        if step == Step::HomeAffairs {
            // WF-6/7: Sở Nội vụ's approval is what the national database receives; the
            // message is written with it or not at all.
            crate::national::queue_message(
                conn,
                state,
                &loaded.found.dossier.id,
                crate::national::MessageKind::VersionApproved,
                Some(statement.version),
                &crate::jobs::QueuedBy::account(session),
            )?;
        }
        reviews::change_state(
            conn,
            &loaded.review,
            state_of(&loaded.review)?.as_str(),
            next.as_str(),
            due_next,
            &session.actor.account_id,
            now.naive_utc(),
            window_warning.as_deref(),
            StateChange {
                version_number: Some(statement.version),
                ..Default::default()
            },
        )?;
        let mut event = event.clone();
        event.details = Some(
            serde_json::json!({
                "step": step.as_str(),
                "version": statement.version,
                "content_hash": statement.content_sha256,
                "certificate": certificate_id,
                "window_warning": window_warning,
            })
            .to_string(),
        );
        crate::audit::record(conn, event)?;
        crate::mail::signature_waiting(conn, &state.mail, &loaded.found, next, today, now.naive_utc())?;
        Ok(())
    })?;
    signatures_of(conn, &loaded.found.dossier.id, statement.version)?
        .into_iter()
        .find(|s| s.step == step)
        .ok_or(AppError::NotFound)
}

/// The dossier a submission or change request is for, once the caller may submit it (the person,
/// or HR with `update_dossiers`; refusals audited as `action`), with the audit event to complete.
pub fn load_for_submission(
    conn: &mut DbConnection,
    session: &Session,
    dossier_id: &str,
    action: &str,
) -> Result<(DossierWithPerson, NewAuditEvent), AppError> {
    let found = dossiers::find(conn, dossier_id)?.ok_or(AppError::NotFound)?;
    let path = UnitPath::parse(&found.unit_path).map_err(AppError::Internal)?;
    let mut event = crate::dossiers::event(session, action, &found);
    event.right_used = Some("update_dossiers".into());
    if let Err(denial) = hoso_domain::workflow::check_submit(&session.actor, &found.person.id, &path) {
        return Err(crate::audit::refuse(conn, event, denial));
    }
    Ok((found, event))
}

/// A draft put forward for review.
pub struct Submission<'a> {
    pub kind: ReviewKind,
    pub revision: i32,
    pub reason: Option<&'a str>,
    pub event_date: Option<NaiveDate>,
    /// Document id and kind of each scanned proof (a change request's).
    pub evidence: &'a [(String, String)],
    pub campaign_id: Option<&'a str>,
}

/// Files a review of the draft (authority already checked): one review in progress at a time
/// (409 `review_pending`), the revision read (409 `stale_version`), complete and valid, and
/// for a change, different from the version in force.
pub fn submit(
    conn: &mut DbConnection,
    state: &App,
    session: &Session,
    found: &DossierWithPerson,
    submission: Submission<'_>,
    mut event: NewAuditEvent,
) -> Result<ReviewView, AppError> {
    refuse_if_archived(&found.person.service_status)?;
    if reviews::open_for_dossier(conn, &found.dossier.id)?
        .iter()
        .any(|r| ReviewState::parse(&r.state).is_some_and(|s| s.freezes_draft()))
    {
        return Err(AppError::Conflict {
            code: "review_pending",
            message: "Hồ sơ đang chờ kiểm tra hoặc ký duyệt; chờ kết quả trước khi gửi lần nữa.".into(),
        });
    }
    let draft = dossiers::draft(conn, &found.dossier.id)?;
    if draft.revision != submission.revision {
        return Err(AppError::stale());
    }
    let hash = crate::dossiers::ready_for_review(conn, session, &state.data_keys, found, &draft)?;
    if submission.kind == ReviewKind::Change {
        let current = dossiers::version(conn, &found.dossier.id, found.dossier.current_version)?;
        if current.is_some_and(|v| v.content_hash == hash) {
            return Err(FieldError::new(
                "revision",
                "nothing_changed",
                "Bản nháp chưa có gì khác phiên bản đang có hiệu lực.",
            )
            .into());
        }
    }
    let now = state.clock.now_naive();
    let today = state.clock.today();
    let rules = rules(conn)?;
    let due_on = Some(due_date(
        &rules.0,
        &rules.1,
        submission.kind,
        ReviewState::Submitted,
        today,
        today,
    ))
    .flatten();
    let on_behalf = session.actor.person_id.as_deref() != Some(found.person.id.as_str());
    let record_due_on = submission
        .event_date
        .map(|event| hoso_domain::workflow::change_record_due(&rules.0, &rules.1, event));
    let review = conn.write_transaction(|conn| -> Result<ReviewRow, AppError> {
        let review = reviews::create(
            conn,
            reviews::NewReview {
                dossier_id: &found.dossier.id,
                kind: submission.kind.as_str(),
                unit_id: &found.person.unit_id,
                draft_revision: draft.revision,
                content_hash: &hash,
                reason: submission.reason,
                event_date: submission.event_date,
                submitted_by: &session.actor.account_id,
                on_behalf,
                at: now,
                due_on,
                campaign_id: submission.campaign_id,
                record_due_on,
            },
            submission.evidence,
        )?;
        event.target_type = Some("review".into());
        event.target_id = Some(review.id.clone());
        event.details = Some(
            serde_json::json!({
                "kind": submission.kind.as_str(),
                "revision": draft.revision,
                "content_hash": hash,
                "on_behalf": on_behalf,
                "due_on": due_on,
                "record_due_on": record_due_on,
                "recorded_late": record_due_on.is_some_and(|due| today > due),
            })
            .to_string(),
        );
        crate::audit::record(conn, event)?;
        Ok(review)
    })?;
    let found = dossiers::find(conn, &found.dossier.id)?.ok_or(AppError::NotFound)?;
    view(conn, &review, &found, today)
}

/// The note of a new version: the review's reason; on a dossier's first approval, also the
/// previous system it was migrated from, when Sở Nội vụ's import said so (issue #15).
fn version_note(
    conn: &mut DbConnection,
    dossier: &hoso_store::dossiers::DossierRow,
    reason: Option<&str>,
) -> Result<Option<String>, AppError> {
    let migrated = match dossier.current_version {
        0 => hoso_store::imports::migrated_source(conn, &dossier.id)?,
        _ => None,
    };
    Ok(match migrated {
        Some((file, sha256)) => Some(format!(
            "{}Chuyển từ hệ thống cũ: tệp «{file}» (SHA-256 {sha256}).",
            reason.map(|r| format!("{r} — ")).unwrap_or_default()
        )),
        None => reason.map(str::to_owned),
    })
}
