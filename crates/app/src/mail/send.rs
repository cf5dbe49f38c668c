//! The job that sends one message through the configured SMTP server.

use std::time::Duration;

use hoso_store::DbConnection;
use lettre::message::header::ContentType;
use lettre::{Message, SmtpTransport, Transport};
use serde_json::{json, Value};

use super::{address_for, Payload};
use crate::error::AppError;
use crate::jobs::JobContext;

/// An SMTP server that does not answer within this is tried again later.
const TIMEOUT: Duration = Duration::from_secs(30);

pub(super) fn run(context: &JobContext, conn: &mut DbConnection) -> Result<Option<Value>, AppError> {
    let payload: Payload = context.payload()?;
    let settings = &context.app.mail;
    let Some(url) = settings.smtp_url.as_deref() else {
        return Ok(Some(json!({"skipped": "not_configured"})));
    };
    // Asked again now: an address removed or a kind switched off since it was queued counts.
    let Some(to) = address_for(conn, &payload.account_id, payload.kind)? else {
        return Ok(Some(json!({"skipped": "no_address_or_switched_off"})));
    };
    let refused = |what: &str, e: &dyn std::fmt::Display| AppError::Conflict {
        code: "mail_refused",
        message: format!("Không gửi được thư ({what}): {e}"),
    };
    let message = Message::builder()
        .from(settings.from.parse().map_err(|e| refused("địa chỉ gửi", &e))?)
        .to(to.parse().map_err(|e| refused("địa chỉ nhận", &e))?)
        .subject(payload.subject)
        .header(ContentType::TEXT_PLAIN)
        .body(payload.body)
        .map_err(|e| refused("nội dung", &e))?;
    let transport = SmtpTransport::from_url(url)
        .map_err(|e| refused("cấu hình SMTP", &e))?
        .timeout(Some(TIMEOUT))
        .build();
    match transport.send(&message) {
        Ok(response) => Ok(Some(json!({
            "sent_to": mask(&to),
            "kind": payload.kind.as_str(),
            "smtp": response.code().to_string(),
        }))),
        // 5xx: the server will refuse it again (a bad address, a policy): not retried.
        Err(e) if e.is_permanent() => Err(refused("máy chủ thư từ chối", &e)),
        // 4xx, a connection refused or timed out: the server may take it later.
        Err(e) => Err(AppError::Unavailable(format!("SMTP: {e}"))),
    }
}

/// `a***@example.gov.vn`: enough for an administrator to recognise, no more in the job's result.
fn mask(address: &str) -> String {
    match address.split_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}***@{domain}")
        }
        None => "***".into(),
    }
}
