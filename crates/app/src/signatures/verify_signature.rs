use hoso_api_types::workflow::{CheckView, SignatureCheckView, VerifyReport, VerifyRequest};
use hoso_domain::FieldError;
use hoso_signatures::export::{verify_export, Check};

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Verify a signed export (its content against the signed digest and every signature), or one
/// statement with its CMS signature, against the trusted roots: valid, or which check failed.
/// Answers 200 either way; `valid` says which.
pub async fn verify_signature(
    app: &std::sync::Arc<App>,
    _session: Session,
    body: VerifyRequest,
) -> Result<VerifyReport, AppError> {
    let shared = app.clone();
    let roots = app
        .db(move |conn| crate::workflow::trusted_roots(conn, &shared))
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
                    app.clock.now(),
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
    Ok(report)
}

pub fn check_view(check: Check) -> CheckView {
    CheckView {
        ok: check.ok,
        code: check.code,
        message: check.message,
    }
}
