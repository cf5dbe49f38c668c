use hoso_api_types::units::{QuotaComparison, StaffCounts, UnitQuotas};
use hoso_store::quotas::{self, ByCategory};
use serde::Deserialize;
use utoipa::IntoParams;

use crate::error::AppError;
use crate::session::Session;
use crate::App;

/// Staffing quota of a year against the headcount (ORG-2), for the unit itself and summed over
/// its subtree. Within the reader's scope.
pub async fn list_unit_quotas(
    app: &App,
    session: Session,
    id: String,
    query: QuotaQuery,
) -> Result<UnitQuotas, AppError> {
    let year = query
        .year
        .unwrap_or_else(|| chrono::Datelike::year(&crate::clock::today()));
    let actor = session.actor.clone();
    let today = app.clock.today();
    let quotas = app
        .db(move |conn| {
            let unit = super::load_visible(conn, &actor, &id)?;
            let own = quotas::find(conn, &unit.id, year)?;
            let own_quota = own.as_ref().map(quotas::as_counts).unwrap_or_default();
            Ok(UnitQuotas {
                year,
                unit: compare(own_quota, quotas::headcount(conn, today, &unit.path, true)?),
                subtree: compare(
                    quotas::subtree_quota(conn, &unit.path, year)?,
                    quotas::headcount(conn, today, &unit.path, false)?,
                ),
                decision_number: own.and_then(|q| q.decision_number),
            })
        })
        .await?;
    Ok(quotas)
}

#[derive(Debug, Deserialize, IntoParams)]
pub struct QuotaQuery {
    /// Default: this year.
    pub year: Option<i32>,
}

pub fn counts(c: ByCategory) -> StaffCounts {
    StaffCounts {
        civil_servants: c.civil_servants,
        public_employees: c.public_employees,
        contract_workers: c.contract_workers,
    }
}

pub fn compare(quota: ByCategory, headcount: ByCategory) -> QuotaComparison {
    QuotaComparison {
        quota: counts(quota),
        headcount: counts(headcount),
        vacancies: StaffCounts {
            civil_servants: quota.civil_servants - headcount.civil_servants,
            public_employees: quota.public_employees - headcount.public_employees,
            contract_workers: quota.contract_workers - headcount.contract_workers,
        },
    }
}
