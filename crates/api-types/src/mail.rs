//! Email settings of the signed-in account (issue #23 point 10).

use serde::{Deserialize, Serialize};
use validator::Validate;

/// Where the caller's email goes and which kinds of message they receive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "email": "nguyenvanan@sogddt.example.gov.vn",
    "delivery_configured": true,
    "kinds": [
        {"kind": "account_issued", "label": "Tài khoản được cấp", "description": "Khi tài khoản của bạn được cấp: tên đăng nhập và địa chỉ đăng nhập (không bao giờ gửi mật khẩu).", "enabled": true},
        {"kind": "dossier_returned", "label": "Hồ sơ bị trả lại", "description": "Khi hồ sơ của bạn bị trả lại, kèm lý do.", "enabled": true},
        {"kind": "deadline_soon", "label": "Việc sắp đến hạn", "description": "Mỗi sáng ngày làm việc: những việc của bạn đến hạn sau hai ngày làm việc.", "enabled": false},
        {"kind": "signature_waiting", "label": "Hồ sơ chờ ký", "description": "Khi có hồ sơ chờ bạn ký (một thư mỗi ngày).", "enabled": true}
    ]
})))]
pub struct MailSettingsView {
    /// No address: no email is sent to this account.
    pub email: Option<String>,
    /// Whether this deployment sends email at all (an SMTP server is configured).
    pub delivery_configured: bool,
    /// Every kind of message, in a fixed order.
    pub kinds: Vec<MailKindSetting>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MailKindSetting {
    /// `account_issued`, `dossier_returned`, `deadline_soon` or `signature_waiting`.
    pub kind: String,
    pub label: String,
    pub description: String,
    pub enabled: bool,
}

/// The caller's new settings: the address (none to receive nothing) and the kinds to receive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "email": "nguyenvanan@sogddt.example.gov.vn",
    "enabled": ["account_issued", "dossier_returned", "signature_waiting"]
})))]
#[serde(deny_unknown_fields)]
pub struct UpdateMailSettings {
    #[validate(
        email(message = "Địa chỉ email không hợp lệ."),
        length(max = 254, message = "Địa chỉ email dài tối đa 254 ký tự.")
    )]
    #[cfg_attr(feature = "openapi", schema(format = Email, max_length = 254))]
    pub email: Option<String>,
    /// The kinds to receive; every other kind is switched off. An unknown kind is refused
    /// (422 `unknown_kind` on `enabled[i]`).
    pub enabled: Vec<String>,
}
