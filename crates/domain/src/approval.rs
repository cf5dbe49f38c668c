//! Approvals that carry a signature (WF-3, WF-6/7, CTX-5, USE-5): what a signature covers,
//! and the signed export of a version that a recipient verifies offline.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::dossier::canonical_json;

pub const STATEMENT_FORMAT: &str = "hoso-approval/1";

/// The approval steps that carry a signature (WF-3, WF-6/7).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// The agency head authenticates the locked data (WF-3).
    Head,
    /// Sở Nội vụ approves it for the national database (WF-6/7).
    HomeAffairs,
}

impl Step {
    pub fn as_str(self) -> &'static str {
        match self {
            Step::Head => "head",
            Step::HomeAffairs => "home_affairs",
        }
    }

    pub fn parse(text: &str) -> Option<Step> {
        [Step::Head, Step::HomeAffairs]
            .into_iter()
            .find(|s| s.as_str() == text)
    }
}

/// Signed as its canonical JSON. Binding the dossier, version and step (not only the content
/// digest) means a signature can never be replayed onto another dossier or another step.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApprovalStatement {
    pub format: String,
    pub dossier_number: String,
    pub version: i32,
    pub step: Step,
    /// SHA-256 (hex) of the canonical JSON of the version's whole content.
    pub content_sha256: String,
}

impl ApprovalStatement {
    pub fn new(dossier_number: &str, version: i32, step: Step, content_sha256: &str) -> Self {
        Self {
            format: STATEMENT_FORMAT.into(),
            dossier_number: dossier_number.into(),
            version,
            step,
            content_sha256: content_sha256.into(),
        }
    }

    /// The exact bytes that are signed.
    pub fn to_bytes(&self) -> Vec<u8> {
        let value = serde_json::to_value(self).expect("a statement serialises");
        canonical_json(&value).into_bytes()
    }

    pub fn parse(bytes: &[u8]) -> Result<Self, String> {
        let statement: Self =
            serde_json::from_slice(bytes).map_err(|e| format!("not an approval statement: {e}"))?;
        if statement.format != STATEMENT_FORMAT {
            return Err(format!("unknown statement format '{}'", statement.format));
        }
        if statement.to_bytes() != bytes {
            return Err("the statement is not in canonical form".into());
        }
        Ok(statement)
    }
}

pub const EXPORT_FORMAT: &str = "hoso-signed-version/1";

/// A dossier version with its signatures (USE-5): everything needed to check it offline with
/// `hoso verify`, given the trusted roots.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct SignedExport {
    pub format: String,
    pub province: String,
    pub dossier_number: String,
    pub version: i32,
    /// The version's whole content; its canonical JSON hashes to `content_sha256`.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub content: serde_json::Value,
    pub content_sha256: String,
    pub exported_at: DateTime<Utc>,
    pub signatures: Vec<ExportSignature>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct ExportSignature {
    pub step: Step,
    /// The signer's name and account, as the server recorded them.
    pub signer_name: String,
    pub signer_username: String,
    pub signed_at: DateTime<Utc>,
    /// The exact signed text: an [`ApprovalStatement`] in canonical JSON.
    pub statement: String,
    /// The CMS (PKCS#7) detached signature, DER in base64, with its certificate chain.
    pub cms: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signed_bytes_are_canonical_and_read_back() {
        let statement = ApprovalStatement::new("HS000001", 2, Step::Head, "ab");
        let bytes = statement.to_bytes();
        assert_eq!(
            String::from_utf8(bytes.clone()).unwrap(),
            r#"{"content_sha256":"ab","dossier_number":"HS000001","format":"hoso-approval/1","step":"head","version":2}"#
        );
        assert_eq!(ApprovalStatement::parse(&bytes).unwrap(), statement);
        let spaced = String::from_utf8(bytes).unwrap().replace(',', ", ");
        assert!(ApprovalStatement::parse(spaced.as_bytes()).is_err());
    }
}
