//! Transfers, arrivals, departures, the end of service and the archive (TRF-1…5).

use chrono::{DateTime, NaiveDate, Utc};
use hoso_domain::transfer::TransferKind;
use serde::{Deserialize, Serialize};
use validator::Validate;

use crate::accounts::DecisionRef;
use crate::units::UnitRef;

/// Filing a move with its decision. `person_id` for everyone already here; an arrival names
/// the newcomer (`person_name`) and the body they come from (`outside_body`); a departure the
/// body they go to. `to_unit_id` for moves within the province and arrivals; `until_on` for a
/// secondment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct NewTransfer {
    pub kind: TransferKind,
    pub person_id: Option<String>,
    #[validate(length(min = 2, max = 200))]
    #[cfg_attr(feature = "openapi", schema(min_length = 2, max_length = 200))]
    pub person_name: Option<String>,
    pub to_unit_id: Option<String>,
    #[validate(length(max = 300))]
    #[cfg_attr(feature = "openapi", schema(max_length = 300))]
    pub outside_body: Option<String>,
    #[validate(nested)]
    pub decision: DecisionRef,
    #[serde(deserialize_with = "hoso_domain::dates::strict")]
    pub effective_on: NaiveDate,
    #[serde(default, deserialize_with = "hoso_domain::dates::strict_option")]
    pub until_on: Option<NaiveDate>,
    #[validate(length(max = 2000))]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub note: Option<String>,
}

/// The second party's completion: the receiving agency's acceptance, or Sở Nội vụ's
/// fulfilment (for an arrival, the national database's export file as `document_id`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Validate)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CompleteTransfer {
    pub document_id: Option<String>,
    #[validate(length(max = 2000))]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TransferView {
    pub id: String,
    pub kind: TransferKind,
    pub kind_label: String,
    /// `pending` (waiting for the receiving agency or Sở Nội vụ) or `completed`.
    pub state: String,
    pub person_id: Option<String>,
    pub person_name: String,
    pub from_unit: Option<UnitRef>,
    pub to_unit: Option<UnitRef>,
    pub outside_body: Option<String>,
    pub decision_number: String,
    pub decision_date: NaiveDate,
    pub decision_signer: String,
    pub decision_document_id: Option<String>,
    pub effective_on: NaiveDate,
    pub until_on: Option<NaiveDate>,
    pub note: Option<String>,
    pub due_on: NaiveDate,
    pub overdue: bool,
    pub filed_at: DateTime<Utc>,
    pub completed_at: Option<DateTime<Utc>>,
    pub completion_note: Option<String>,
    pub returned_at: Option<DateTime<Utc>>,
}
