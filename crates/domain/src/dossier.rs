//! The electronic dossier (DOS-1…5, SEC-2): its content, the checks on every save, what a
//! complete one needs, who sees which fields, and how two versions differ. Pure.

pub mod completeness;
pub mod content;
pub mod diff;
pub mod protection;
pub mod validation;

pub use content::DossierContent;

/// Lower-cased, accent-free name for search (`nguyen van an` finds `Nguyễn Văn An`).
pub fn search_name(full_name: &str) -> String {
    crate::text::fold(full_name.trim())
}

#[cfg(test)]
mod tests;
