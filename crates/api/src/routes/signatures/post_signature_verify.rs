use actix_web::{post, web, HttpResponse};
use hoso_api_types::workflow::{CheckView, SignatureCheckView, VerifyReport, VerifyRequest};
use hoso_domain::FieldError;
use hoso_signatures::export::{verify_export, Check};

use crate::auth::Session;
use crate::error::HttpError;
use crate::state::AppState;

/// Verify a signed export (its content against the signed digest and every signature), or one
/// statement with its CMS signature, against the trusted roots: valid, or which check failed.
/// Answers 200 either way; `valid` says which.
#[utoipa::path(
    tag = super::TAG,
    request_body = VerifyRequest,
    responses((status = 200, description = "The report.", body = VerifyReport)),
    security(("bearer" = []))
)]
#[post("/signatures/verify")]
pub async fn post_signature_verify(
    _session: Session,
    state: web::Data<AppState>,
    body: web::Json<VerifyRequest>,
) -> Result<HttpResponse, HttpError> {
    let body = body.into_inner();
    let app = state.clone();
    let roots = state
        .db(move |conn| hoso_app::workflow::trusted_roots(conn, &app))
        .await?;
    let report =
        match (body.export, body.statement, body.cms) {
            (Some(export), None, None) => {
                let report = verify_export(&export, &roots);
                VerifyReport {
                    valid: report.valid,
                    content: Some(check_view(report.content)),
                    signatures: report
                        .signatures
                        .into_iter()
                        .map(|s| SignatureCheckView {
                            step: s.step,
                            signer_name: s.signer_name,
                            certificate_subject: s.certificate_subject,
                            check: check_view(s.check),
                        })
                        .collect(),
                }
            }
            (None, Some(statement), Some(cms)) => {
                let result = hoso_signatures::verify_detached(
                    statement.as_bytes(),
                    cms.as_bytes(),
                    &roots,
                    state.clock.now(),
                );
                let (subject, check) = match result {
                    Ok(v) => (
                        Some(v.subject),
                        CheckView {
                            ok: true,
                            code: None,
                            message: "Chữ ký số hợp lệ.".into(),
                        },
                    ),
                    Err(f) => (
                        None,
                        CheckView {
                            ok: false,
                            code: Some(f.code().into()),
                            message: f.message_vi(),
                        },
                    ),
                };
                VerifyReport {
                    valid: check.ok,
                    content: None,
                    signatures: vec![SignatureCheckView {
                        step: String::new(),
                        signer_name: String::new(),
                        certificate_subject: subject,
                        check,
                    }],
                }
            }
            _ => return Err(FieldError::new(
                "export",
                "one_of",
                "Gửi một bản kết xuất có chữ ký (export), hoặc nội dung ký (statement) cùng chữ ký (cms).",
            )
            .into()),
        };
    Ok(HttpResponse::Ok().json(report))
}

fn check_view(check: Check) -> CheckView {
    CheckView {
        ok: check.ok,
        code: check.code,
        message: check.message,
    }
}
