//! The signed-in account itself, and the trail of who handled its person's data.

pub mod create_my_certificate;
pub mod list_my_audit_events;
pub mod list_my_campaigns;
pub mod list_my_certificates;
pub mod list_my_notifications;
pub mod mark_notification_read;
pub mod read_my_dossier;
pub use create_my_certificate::create_my_certificate;
pub use list_my_audit_events::list_my_audit_events;
pub use list_my_campaigns::list_my_campaigns;
pub use list_my_certificates::list_my_certificates;
pub use list_my_notifications::list_my_notifications;
pub use mark_notification_read::mark_notification_read;
pub use read_my_dossier::read_my_dossier;
