//! Transfers, arrivals, departures and the end of service (TRF-1…5): the kinds of move, who
//! may file and complete each, where a person's service stands, and when each move is due.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::access::{AccountKind, Actor, Decision, Denial, Right, Scope, UnitPath};
use crate::calendar::Calendar;
use crate::regulation::RegulationProfile;

/// A move, by the regulation that governs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TransferKind {
    /// TRF-1: to another sub-unit of the same agency; done at once.
    WithinAgency,
    /// TRF-2: to another agency of the province; the receiving agency accepts.
    BetweenAgencies,
    /// TRF-3: a person arriving from outside the province; Sở Nội vụ pulls their data.
    Arrival,
    /// TRF-4: leaving the province (or to a central or Party body); Sở Nội vụ moves the data.
    Departure,
    /// TRF-5: seconded elsewhere until a date; comes back to active service after.
    Secondment,
    /// TRF-5: the end of service; the dossier goes to the permanent archive.
    Retirement,
    Resignation,
    Dismissal,
    Death,
}

impl TransferKind {
    pub const ALL: [TransferKind; 9] = [
        TransferKind::WithinAgency,
        TransferKind::BetweenAgencies,
        TransferKind::Arrival,
        TransferKind::Departure,
        TransferKind::Secondment,
        TransferKind::Retirement,
        TransferKind::Resignation,
        TransferKind::Dismissal,
        TransferKind::Death,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            TransferKind::WithinAgency => "within_agency",
            TransferKind::BetweenAgencies => "between_agencies",
            TransferKind::Arrival => "arrival",
            TransferKind::Departure => "departure",
            TransferKind::Secondment => "secondment",
            TransferKind::Retirement => "retirement",
            TransferKind::Resignation => "resignation",
            TransferKind::Dismissal => "dismissal",
            TransferKind::Death => "death",
        }
    }

    pub fn parse(text: &str) -> Option<TransferKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == text)
    }

    pub fn label_vi(self) -> &'static str {
        match self {
            TransferKind::WithinAgency => "Điều động trong cơ quan",
            TransferKind::BetweenAgencies => "Điều động sang cơ quan khác trong tỉnh",
            TransferKind::Arrival => "Tiếp nhận từ ngoài tỉnh",
            TransferKind::Departure => "Chuyển công tác ra ngoài tỉnh",
            TransferKind::Secondment => "Biệt phái",
            TransferKind::Retirement => "Nghỉ hưu",
            TransferKind::Resignation => "Thôi việc",
            TransferKind::Dismissal => "Buộc thôi việc",
            TransferKind::Death => "Từ trần",
        }
    }

    /// The service status the person has once the move is done.
    pub fn status_after(self) -> ServiceStatus {
        match self {
            TransferKind::WithinAgency | TransferKind::BetweenAgencies | TransferKind::Arrival => {
                ServiceStatus::Active
            }
            TransferKind::Secondment => ServiceStatus::Seconded,
            TransferKind::Departure => ServiceStatus::TransferredOut,
            TransferKind::Retirement => ServiceStatus::Retired,
            TransferKind::Resignation => ServiceStatus::Resigned,
            TransferKind::Dismissal => ServiceStatus::Dismissed,
            TransferKind::Death => ServiceStatus::Deceased,
        }
    }

    /// Whether the person's service in the province ends with this move: the national database
    /// is told (TRF-4, TRF-5).
    pub fn ends_service_here(self) -> bool {
        matches!(
            self,
            TransferKind::Departure
                | TransferKind::Retirement
                | TransferKind::Resignation
                | TransferKind::Dismissal
                | TransferKind::Death
        )
    }

    /// Whether a receiving agency must accept before the move is done (TRF-2), or Sở Nội vụ must
    /// act on the national database (TRF-3, TRF-4).
    pub fn needs_second_party(self) -> bool {
        matches!(
            self,
            TransferKind::BetweenAgencies | TransferKind::Arrival | TransferKind::Departure
        )
    }

    /// The deadline in working days from the decision (or the paper file's receipt).
    pub fn deadline_days(self, profile: &RegulationProfile) -> u32 {
        let d = &profile.deadlines;
        match self {
            TransferKind::WithinAgency => d.transfer_within_agency,
            TransferKind::BetweenAgencies => d.transfer_between_agencies,
            TransferKind::Arrival => d.arrival_pull_request,
            TransferKind::Departure
            | TransferKind::Secondment
            | TransferKind::Retirement
            | TransferKind::Resignation
            | TransferKind::Dismissal
            | TransferKind::Death => d.end_of_service_status,
        }
    }
}

/// The stored statuses of people still in service; every other status means the archive.
pub const IN_SERVICE: [&str; 2] = ["active", "seconded"];

/// Where a person's service stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ServiceStatus {
    Active,
    Seconded,
    TransferredOut,
    Retired,
    Resigned,
    Dismissed,
    Deceased,
}

impl ServiceStatus {
    pub const ALL: [ServiceStatus; 7] = [
        ServiceStatus::Active,
        ServiceStatus::Seconded,
        ServiceStatus::TransferredOut,
        ServiceStatus::Retired,
        ServiceStatus::Resigned,
        ServiceStatus::Dismissed,
        ServiceStatus::Deceased,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ServiceStatus::Active => "active",
            ServiceStatus::Seconded => "seconded",
            ServiceStatus::TransferredOut => "transferred_out",
            ServiceStatus::Retired => "retired",
            ServiceStatus::Resigned => "resigned",
            ServiceStatus::Dismissed => "dismissed",
            ServiceStatus::Deceased => "deceased",
        }
    }

    pub fn parse(text: &str) -> Option<ServiceStatus> {
        Self::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// The dossier lives in the permanent archive: read-only, never deleted (TRF-5).
    pub fn is_archived(self) -> bool {
        !IN_SERVICE.contains(&self.as_str())
    }
}

/// The agency a unit belongs to: the unit right under the province on its path (a department,
/// a commune's committee), or the province itself for its root.
pub fn agency_of(path: &UnitPath) -> UnitPath {
    let segments: Vec<&str> = path.as_str().trim_matches('/').split('/').collect();
    let depth = segments.len().min(2);
    UnitPath::parse(&format!("/{}/", segments[..depth].join("/"))).expect("a prefix of a unit path")
}

fn may_manage(actor: &Actor, unit: &UnitPath) -> Decision {
    if !actor.scope.covers(unit) || actor.kind == AccountKind::Personal {
        return Err(Denial::Hidden("the person is outside the actor's scope".into()));
    }
    if actor.rights.contains(Right::UpdateDossiers) {
        Ok(())
    } else {
        Err(Denial::Forbidden(format!(
            "{} lacks the right update_dossiers",
            actor.kind
        )))
    }
}

/// Filing a move: `update_dossiers` over the person's unit; a move within the agency also over
/// the destination, which must be in the same agency; a move between agencies to another
/// agency. Arrivals are filed by the receiving agency over its own unit.
pub fn check_file(actor: &Actor, kind: TransferKind, from: &UnitPath, to: Option<&UnitPath>) -> Decision {
    may_manage(actor, from)?;
    match (kind, to) {
        (TransferKind::WithinAgency, Some(to)) => {
            may_manage(actor, to)?;
            if agency_of(from) != agency_of(to) {
                return Err(Denial::Forbidden(
                    "a move within the agency stays in the agency".into(),
                ));
            }
            Ok(())
        }
        (TransferKind::BetweenAgencies, Some(to)) if agency_of(from) == agency_of(to) => {
            Err(Denial::Forbidden("the destination is in the same agency".into()))
        }
        (TransferKind::WithinAgency | TransferKind::BetweenAgencies, None) => {
            Err(Denial::Forbidden("a move names its destination".into()))
        }
        _ => Ok(()),
    }
}

/// Completing a move that waits for a second party: the receiving agency accepts a move
/// between agencies (over the destination); Sở Nội vụ fulfils an arrival or a departure.
pub fn check_complete(actor: &Actor, kind: TransferKind, to: Option<&UnitPath>) -> Decision {
    match (kind, to) {
        (TransferKind::BetweenAgencies, Some(to)) => may_manage(actor, to),
        (TransferKind::Arrival | TransferKind::Departure, _) => {
            if actor.scope == Scope::Province && actor.rights.contains(Right::UpdateDossiers) {
                Ok(())
            } else {
                Err(Denial::Forbidden(
                    "only Sở Nội vụ acts on the national database".into(),
                ))
            }
        }
        _ => Err(Denial::Forbidden("this move needs no second party".into())),
    }
}

/// When a move is due: working days from the decision's effective date (TRF-1…5).
pub fn due_on(
    profile: &RegulationProfile,
    calendar: &Calendar,
    kind: TransferKind,
    from: NaiveDate,
) -> NaiveDate {
    calendar.add_working_days(from, kind.deadline_days(profile))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::access::RightSet;

    fn path(text: &str) -> UnitPath {
        UnitPath::parse(text).unwrap()
    }

    fn hr(scope: &str) -> Actor {
        Actor {
            account_id: scope.into(),
            kind: AccountKind::Agency,
            scope: Scope::Subtree(path(scope)),
            rights: [Right::UpdateDossiers].into_iter().collect::<RightSet>(),
            person_id: None,
            read_only: false,
        }
    }

    #[test]
    fn who_files_and_who_completes_each_move() {
        let education = hr("/p/gd/");
        let health = hr("/p/yt/");
        let school = path("/p/gd/thpt/");
        let office = path("/p/gd/vp/");
        let hospital = path("/p/yt/bv/");
        assert!(check_file(&education, TransferKind::WithinAgency, &school, Some(&office)).is_ok());
        assert!(check_file(&education, TransferKind::WithinAgency, &school, Some(&hospital)).is_err());
        assert!(check_file(
            &education,
            TransferKind::BetweenAgencies,
            &school,
            Some(&hospital)
        )
        .is_ok());
        assert!(check_file(&education, TransferKind::BetweenAgencies, &school, Some(&office)).is_err());
        assert!(matches!(
            check_file(&health, TransferKind::Retirement, &school, None),
            Err(Denial::Hidden(_))
        ));
        assert!(check_complete(&health, TransferKind::BetweenAgencies, Some(&hospital)).is_ok());
        assert!(check_complete(&education, TransferKind::BetweenAgencies, Some(&hospital)).is_err());
        let home_affairs = Actor {
            scope: Scope::Province,
            kind: AccountKind::Admin,
            ..hr("/p/")
        };
        assert!(check_complete(&home_affairs, TransferKind::Arrival, None).is_ok());
        assert!(check_complete(&education, TransferKind::Departure, None).is_err());
    }

    #[test]
    fn deadlines_follow_the_profile_and_the_archive_is_for_ended_service() {
        let cal = Calendar::default();
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        // Monday 3/3/2031: HY gives 10 working days between agencies, TG 5.
        let hy = RegulationProfile::hung_yen();
        let tg = RegulationProfile::tien_giang();
        assert_eq!(
            due_on(&hy, &cal, TransferKind::BetweenAgencies, d("2031-03-03")),
            d("2031-03-17")
        );
        assert_eq!(
            due_on(&tg, &cal, TransferKind::BetweenAgencies, d("2031-03-03")),
            d("2031-03-10")
        );
        assert_eq!(
            due_on(&hy, &cal, TransferKind::Retirement, d("2031-03-03")),
            d("2031-03-10")
        );
        assert!(ServiceStatus::Retired.is_archived() && ServiceStatus::Deceased.is_archived());
        assert!(!ServiceStatus::Seconded.is_archived() && !ServiceStatus::Active.is_archived());
        assert_eq!(agency_of(&path("/p/gd/thpt/a/")), path("/p/gd/"));
        assert_eq!(agency_of(&path("/p/")), path("/p/"));
    }
}
