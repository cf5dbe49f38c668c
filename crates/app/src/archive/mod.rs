//! The permanent archive (TRF-5): dossiers of people whose service ended — read-only,
//! searchable by those allowed, counted apart, never deleted.

pub mod list_archive;
pub use list_archive::list_archive;
