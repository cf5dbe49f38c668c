//! Organisation units as the other resources refer to them.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnitView {
    pub id: String,
    pub code: String,
    pub name: String,
    /// e.g. `province`, `department`, `commune`, `public_service_unit`, `division`.
    pub kind: String,
    pub parent_id: Option<String>,
    /// Depth in the tree, 0 for the province.
    pub depth: u32,
}

/// A unit named in another resource.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnitRef {
    pub id: String,
    pub name: String,
}

/// A person as lists show them (the dossier capability adds the dossier itself).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonSummary {
    pub id: String,
    pub full_name: String,
    pub unit: UnitRef,
    /// Whether the person already has their personal account (ACC-2).
    pub has_account: bool,
}
