//! Verifying a signed export (USE-5) offline: the content against its digest, and each
//! signature against the content, the dossier and version it names, and the trusted roots.

use base64::Engine;
use hoso_domain::approval::{ApprovalStatement, SignedExport, EXPORT_FORMAT};
use hoso_domain::dossier::canonical_json;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::certificates::{hex, Certificate};
use crate::verify::verify_detached;

/// The outcome of one check: passed, or a stable code and a Vietnamese message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Check {
    pub ok: bool,
    pub code: Option<String>,
    pub message: String,
}

impl Check {
    fn passed(message: impl Into<String>) -> Check {
        Check {
            ok: true,
            code: None,
            message: message.into(),
        }
    }

    fn failed(code: &str, message: impl Into<String>) -> Check {
        Check {
            ok: false,
            code: Some(code.into()),
            message: message.into(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct SignatureReport {
    pub step: String,
    pub signer_name: String,
    pub certificate_subject: Option<String>,
    pub check: Check,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExportReport {
    pub valid: bool,
    pub content: Check,
    pub signatures: Vec<SignatureReport>,
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Every check of `export` against `roots`. Valid only when the content matches its digest
/// and there is at least one signature and every signature passes.
pub fn verify_export(export: &SignedExport, roots: &[Certificate]) -> ExportReport {
    let content = if export.format != EXPORT_FORMAT {
        Check::failed(
            "unknown_format",
            format!("Định dạng «{}» không được hỗ trợ.", export.format),
        )
    } else if sha256_hex(canonical_json(&export.content).as_bytes()) != export.content_sha256 {
        Check::failed(
            "content_changed",
            "Nội dung hồ sơ đã bị thay đổi sau khi ký (giá trị băm không khớp).",
        )
    } else {
        Check::passed("Nội dung khớp với giá trị băm đã ký.")
    };
    let signatures: Vec<SignatureReport> = export
        .signatures
        .iter()
        .map(|signature| {
            let mut subject = None;
            let check = match check_signature(export, signature, roots) {
                Ok(verified_subject) => {
                    subject = Some(verified_subject);
                    Check::passed("Chữ ký số hợp lệ.")
                }
                Err(check) => check,
            };
            SignatureReport {
                step: signature.step.as_str().into(),
                signer_name: signature.signer_name.clone(),
                certificate_subject: subject,
                check,
            }
        })
        .collect();
    let valid = content.ok && !signatures.is_empty() && signatures.iter().all(|s| s.check.ok);
    ExportReport {
        valid,
        content,
        signatures,
    }
}

fn check_signature(
    export: &SignedExport,
    signature: &hoso_domain::approval::ExportSignature,
    roots: &[Certificate],
) -> Result<String, Check> {
    let statement = ApprovalStatement::parse(signature.statement.as_bytes())
        .map_err(|e| Check::failed("malformed_statement", format!("Nội dung ký không hợp lệ: {e}")))?;
    let matches = statement.dossier_number == export.dossier_number
        && statement.version == export.version
        && statement.step == signature.step
        && statement.content_sha256 == export.content_sha256;
    if !matches {
        return Err(Check::failed(
            "statement_mismatch",
            "Chữ ký này thuộc về một hồ sơ, phiên bản hoặc bước phê duyệt khác.",
        ));
    }
    let cms = base64::engine::general_purpose::STANDARD
        .decode(&signature.cms)
        .map_err(|_| Check::failed("malformed_signature", "Chữ ký không đọc được (base64)."))?;
    verify_detached(signature.statement.as_bytes(), &cms, roots, signature.signed_at)
        .map(|v| v.subject)
        .map_err(|failure| Check::failed(failure.code(), failure.message_vi()))
}

/// The signed export embedded in a signed PDF of hoso (stored uncompressed as an embedded
/// file): the one stream that reads as an export. `None` when there is none.
pub fn export_in_pdf(pdf: &[u8]) -> Option<SignedExport> {
    const START: &[u8] = b"stream\n";
    const END: &[u8] = b"\nendstream";
    let mut rest = pdf;
    while let Some(at) = find(rest, START) {
        let body = &rest[at + START.len()..];
        let end = find(body, END)?;
        if let Ok(export) = serde_json::from_slice::<SignedExport>(&body[..end]) {
            return Some(export);
        }
        rest = &body[end..];
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
