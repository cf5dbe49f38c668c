//! The written consent the connection runs under (INT-3): kept in `system_meta`, required
//! before anything is sent to or read from the national database, and deciding with the
//! configuration whether the sensitive group goes.

use chrono::{DateTime, NaiveDate, Utc};
use hoso_api_types::national::NationalConsentView;
use hoso_store::DbConnection;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::App;

pub const KEY: &str = "national_consent";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consent {
    pub number: String,
    pub date: NaiveDate,
    pub signer: String,
    pub document_id: Option<String>,
    pub covers_sensitive: bool,
    pub recorded_by: String,
    pub recorded_at: DateTime<Utc>,
}

pub fn current(conn: &mut DbConnection) -> Result<Option<Consent>, AppError> {
    match hoso_store::meta::get(conn, KEY)? {
        None => Ok(None),
        Some(text) => serde_json::from_str(&text)
            .map(Some)
            .map_err(|e| AppError::Internal(format!("stored national consent: {e}"))),
    }
}

pub fn save(conn: &mut DbConnection, consent: &Consent) -> Result<(), AppError> {
    let text = serde_json::to_string(consent).expect("a consent serialises");
    Ok(hoso_store::meta::set(conn, KEY, &text)?)
}

/// The consent, or the refusal to exchange anything without one.
pub fn required(conn: &mut DbConnection) -> Result<Consent, AppError> {
    current(conn)?.ok_or_else(missing)
}

/// Why nothing is exchanged yet, for the administrator (in the API's refusal and on messages).
pub const MISSING: &str = "Chưa ghi nhận văn bản đồng ý chia sẻ dữ liệu với cơ sở dữ liệu quốc gia (số, ngày, người ký, bản scan); không gửi, không tra cứu dữ liệu khi chưa có.";

pub fn missing() -> AppError {
    AppError::Conflict {
        code: "national_consent_missing",
        message: MISSING.into(),
    }
}

/// Whether packets carry the sensitive group: the consent covers it and the deployment allows it.
pub fn sends_sensitive(app: &App, consent: Option<&Consent>) -> bool {
    app.national.include_sensitive && consent.is_some_and(|c| c.covers_sensitive)
}

pub fn view(app: &App, consent: Option<Consent>) -> NationalConsentView {
    let sends = sends_sensitive(app, consent.as_ref());
    match consent {
        None => NationalConsentView {
            recorded: false,
            decision_number: None,
            decision_date: None,
            decision_signer: None,
            decision_document_id: None,
            covers_sensitive: false,
            recorded_by: None,
            recorded_at: None,
            sends_sensitive: false,
        },
        Some(c) => NationalConsentView {
            recorded: true,
            decision_number: Some(c.number),
            decision_date: Some(c.date),
            decision_signer: Some(c.signer),
            decision_document_id: c.document_id,
            covers_sensitive: c.covers_sensitive,
            recorded_by: Some(c.recorded_by),
            recorded_at: Some(c.recorded_at),
            sends_sensitive: sends,
        },
    }
}
