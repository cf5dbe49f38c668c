//! Who may do what (ACC-1, ACC-3, ACC-7, SEC-3, SEC-4). Pure functions from an actor and the
//! facts of a resource to "allowed" or a [`Denial`]. Every handler calls one of them after it
//! loads the resource and before it changes anything.
//!
//! The rules:
//! - Four kinds of account (ACC-1). Sở Nội vụ's administrators hold any right province-wide;
//!   agency and specialist accounts hold rights within a unit's subtree; personal accounts hold
//!   no rights, only access to their own person's data (SEC-3).
//! - Delegation without escalation (SEC-4): administrators manage accounts of every kind; an
//!   agency or specialist account with `manage_accounts` manages personal accounts of its own
//!   subtree only. Nobody grants a right they do not hold, a scope wider than their own, or
//!   changes their own rights.
//! - What lies outside an actor's scope is answered as not found, so ids cannot be probed.

use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// The four kinds of account of the regulations (ACC-1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AccountKind {
    /// System administrator at Sở Nội vụ (tài khoản quản trị hệ thống).
    Admin,
    /// An agency's account, held by its focal officer under a written decision (tài khoản cơ quan).
    Agency,
    /// An HR specialist's account (tài khoản chuyên viên).
    Specialist,
    /// One employee's own account (tài khoản cá nhân).
    Personal,
}

impl AccountKind {
    pub const ALL: [AccountKind; 4] = [
        AccountKind::Admin,
        AccountKind::Agency,
        AccountKind::Specialist,
        AccountKind::Personal,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            AccountKind::Admin => "admin",
            AccountKind::Agency => "agency",
            AccountKind::Specialist => "specialist",
            AccountKind::Personal => "personal",
        }
    }

    /// The most an account of this kind may ever hold.
    pub fn right_ceiling(self) -> RightSet {
        use Right::*;
        match self {
            AccountKind::Admin => RightSet::all(),
            AccountKind::Agency => RightSet::from_iter([
                ReadDossiers,
                ReadSensitiveFields,
                CreateDossiers,
                UpdateDossiers,
                ReviewDossiers,
                ApproveDossiers,
                ManageAccounts,
                ViewReports,
                ExportData,
                ViewAudit,
                ManagePositions,
            ]),
            AccountKind::Specialist => RightSet::from_iter([
                ReadDossiers,
                ReadSensitiveFields,
                CreateDossiers,
                UpdateDossiers,
                ReviewDossiers,
                ApproveDossiers,
                ManageAccounts,
                ViewReports,
                ExportData,
                ViewAudit,
                AdministerCatalogs,
            ]),
            AccountKind::Personal => RightSet::default(),
        }
    }

    /// Kinds of account an account of this kind may create and manage (SEC-4).
    fn may_manage(self, target: AccountKind) -> bool {
        match self {
            AccountKind::Admin => true,
            AccountKind::Agency | AccountKind::Specialist => target == AccountKind::Personal,
            AccountKind::Personal => false,
        }
    }
}

impl fmt::Display for AccountKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for AccountKind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        AccountKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or_else(|| format!("unknown account kind '{s}'"))
    }
}

macro_rules! rights {
    ($($variant:ident = $name:literal, $label:literal;)*) => {
        /// A right an account may hold (ACC-3). Stored and sent by its snake_case name.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[serde(rename_all = "snake_case")]
        pub enum Right { $($variant),* }

        impl Right {
            pub const ALL: &'static [Right] = &[$(Right::$variant),*];

            pub fn as_str(self) -> &'static str {
                match self { $(Right::$variant => $name),* }
            }

            /// The right's name for people, in Vietnamese.
            pub fn label_vi(self) -> &'static str {
                match self { $(Right::$variant => $label),* }
            }
        }
    };
}

rights! {
    ReadDossiers = "read_dossiers", "Xem hồ sơ";
    ReadSensitiveFields = "read_sensitive_fields", "Xem thông tin hạn chế tiếp cận";
    CreateDossiers = "create_dossiers", "Tạo hồ sơ";
    UpdateDossiers = "update_dossiers", "Cập nhật hồ sơ";
    ReviewDossiers = "review_dossiers", "Kiểm tra và khóa hồ sơ";
    ApproveDossiers = "approve_dossiers", "Phê duyệt và ký số";
    ManageAccounts = "manage_accounts", "Quản lý tài khoản";
    ViewReports = "view_reports", "Thống kê, báo cáo";
    ExportData = "export_data", "Kết xuất dữ liệu";
    AdministerCatalogs = "administer_catalogs", "Quản trị danh mục";
    ManageUnits = "manage_units", "Quản lý cơ cấu tổ chức";
    ManagePositions = "manage_positions", "Quản lý vị trí việc làm";
    ViewAudit = "view_audit", "Xem nhật ký truy cập";
    ManageApiClients = "manage_api_clients", "Quản lý kết nối hệ thống khác";
    ManageSettings = "manage_settings", "Quản trị quy chế áp dụng và lịch làm việc";
    ManageBackups = "manage_backups", "Sao lưu và phục hồi dữ liệu";
}

impl fmt::Display for Right {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Right {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Right::ALL
            .iter()
            .copied()
            .find(|r| r.as_str() == s)
            .ok_or_else(|| format!("unknown right '{s}'"))
    }
}

/// A set of rights, ordered so that its stored form is canonical.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RightSet(BTreeSet<Right>);

impl RightSet {
    pub fn all() -> Self {
        Right::ALL.iter().copied().collect()
    }

    pub fn contains(&self, right: Right) -> bool {
        self.0.contains(&right)
    }

    pub fn is_subset(&self, other: &RightSet) -> bool {
        self.0.is_subset(&other.0)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = Right> + '_ {
        self.0.iter().copied()
    }

    /// Rights in `self` that `other` lacks.
    pub fn missing_from(&self, other: &RightSet) -> Vec<Right> {
        self.0.difference(&other.0).copied().collect()
    }

    /// The stored form: names separated by spaces, in a fixed order.
    pub fn to_storage(&self) -> String {
        self.iter().map(Right::as_str).collect::<Vec<_>>().join(" ")
    }

    /// Reads the stored form; unknown names (from a newer version) are an error, not ignored.
    pub fn from_storage(text: &str) -> Result<Self, String> {
        text.split_whitespace().map(Right::from_str).collect()
    }
}

impl FromIterator<Right> for RightSet {
    fn from_iter<I: IntoIterator<Item = Right>>(iter: I) -> Self {
        RightSet(iter.into_iter().collect())
    }
}

/// Where in the organisation tree an account acts: the whole province, or one unit and
/// everything below it. A unit is known by its path of ids from the root, `/a/b/c/`, so that
/// "below" is a prefix test.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    Province,
    Subtree(UnitPath),
}

impl Scope {
    /// Whether this scope covers the unit at `path`.
    pub fn covers(&self, path: &UnitPath) -> bool {
        match self {
            Scope::Province => true,
            Scope::Subtree(root) => path.is_within(root),
        }
    }

    /// The ancestry-path prefix a store query filters by; `None` for the whole province.
    pub fn prefix(&self) -> Option<&str> {
        match self {
            Scope::Province => None,
            Scope::Subtree(root) => Some(root.as_str()),
        }
    }

    /// Whether `other` lies entirely inside this scope.
    pub fn contains(&self, other: &Scope) -> bool {
        match (self, other) {
            (Scope::Province, _) => true,
            (Scope::Subtree(_), Scope::Province) => false,
            (Scope::Subtree(_), Scope::Subtree(path)) => self.covers(path),
        }
    }
}

/// `/<root id>/<child id>/…/<unit id>/`: a unit's ancestry, root first.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct UnitPath(String);

impl UnitPath {
    pub fn root(id: &str) -> Self {
        UnitPath(format!("/{id}/"))
    }

    pub fn child(&self, id: &str) -> Self {
        UnitPath(format!("{}{id}/", self.0))
    }

    pub fn parse(text: &str) -> Result<Self, String> {
        let well_formed = text.len() > 2
            && text.starts_with('/')
            && text.ends_with('/')
            && text[1..text.len() - 1].split('/').all(|id| !id.is_empty());
        if well_formed {
            Ok(UnitPath(text.to_owned()))
        } else {
            Err(format!("'{text}' is not a unit path like /a/b/"))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True when this unit is `ancestor` or lies below it.
    pub fn is_within(&self, ancestor: &UnitPath) -> bool {
        self.0.starts_with(&ancestor.0)
    }

    /// The unit's own id (the last segment).
    pub fn unit_id(&self) -> &str {
        self.0
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or_default()
    }
}

/// Who is asking: a signed-in account, as loaded from the database for this request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub account_id: String,
    pub kind: AccountKind,
    pub scope: Scope,
    pub rights: RightSet,
    /// The person a personal account belongs to.
    pub person_id: Option<String>,
    /// A personal account kept after the person's service ended (SEC-3 "always"): it reads its
    /// own dossier and access log, and changes nothing.
    pub read_only: bool,
}

/// What the policy needs to know of an account being viewed or managed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountFacts {
    pub account_id: String,
    pub kind: AccountKind,
    pub scope: Scope,
    pub rights: RightSet,
}

/// Why a request is refused. `Hidden` is for resources outside the actor's scope: the API
/// answers 404 so that their existence is not disclosed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Denial {
    Forbidden(String),
    Hidden(String),
}

impl Denial {
    pub fn reason(&self) -> &str {
        match self {
            Denial::Forbidden(reason) | Denial::Hidden(reason) => reason,
        }
    }
}

pub type Decision = Result<(), Denial>;

fn require(actor: &Actor, right: Right) -> Decision {
    if actor.rights.contains(right) {
        Ok(())
    } else {
        Err(Denial::Forbidden(format!(
            "{} lacks the right {right}",
            actor.kind
        )))
    }
}

/// Seeing an account: one's own always; others with `manage_accounts` over that kind in scope.
pub fn check_view_account(actor: &Actor, target: &AccountFacts) -> Decision {
    if actor.account_id == target.account_id {
        return Ok(());
    }
    check_manage_account(actor, target)
}

/// Changing the state of another account (lock, unlock, revoke, reset, hand over).
pub fn check_manage_account(actor: &Actor, target: &AccountFacts) -> Decision {
    if !actor.scope.contains(&target.scope) {
        return Err(Denial::Hidden("the account is outside the actor's scope".into()));
    }
    if !actor.kind.may_manage(target.kind) {
        // Inside the scope but of a kind this actor does not manage: hide it as well, so an
        // agency cannot even list the specialist accounts of its own units.
        return Err(Denial::Hidden(format!(
            "{} does not manage {} accounts",
            actor.kind, target.kind
        )));
    }
    require(actor, Right::ManageAccounts)?;
    if actor.account_id == target.account_id {
        return Err(Denial::Forbidden("an account does not manage itself".into()));
    }
    Ok(())
}

/// Listing accounts: allowed to those who manage some; the store then filters by scope and
/// by the kinds [`manageable_kinds`] returns.
pub fn check_list_accounts(actor: &Actor) -> Decision {
    require(actor, Right::ManageAccounts)
}

pub fn manageable_kinds(actor: &Actor) -> Vec<AccountKind> {
    AccountKind::ALL
        .into_iter()
        .filter(|k| actor.kind.may_manage(*k))
        .collect()
}

/// Giving an account these rights over this scope, at creation or by a change (ACC-3, SEC-4).
pub fn check_grant(actor: &Actor, target: &AccountFacts) -> Decision {
    check_manage_account(actor, target)?;
    let ceiling = target.kind.right_ceiling();
    if !target.rights.is_subset(&ceiling) {
        let extra = target.rights.missing_from(&ceiling);
        return Err(Denial::Forbidden(format!(
            "a {} account cannot hold {extra:?}",
            target.kind
        )));
    }
    if !target.rights.is_subset(&actor.rights) {
        let extra = target.rights.missing_from(&actor.rights);
        return Err(Denial::Forbidden(format!(
            "cannot grant rights the actor lacks: {extra:?}"
        )));
    }
    if target.kind == AccountKind::Admin && target.scope != Scope::Province {
        return Err(Denial::Forbidden(
            "an administrator account acts province-wide".into(),
        ));
    }
    if target.kind != AccountKind::Admin && target.scope == Scope::Province {
        return Err(Denial::Forbidden(format!(
            "a {} account needs a unit",
            target.kind
        )));
    }
    Ok(())
}

/// Changing an account from `before` to `after`: the actor must manage both the account as it
/// is and as it will be, so no one moves an account out of another's reach or into their own.
pub fn check_change_account(actor: &Actor, before: &AccountFacts, after: &AccountFacts) -> Decision {
    check_manage_account(actor, before)?;
    check_grant(actor, after)
}

/// Filing a request for accounts or rights for a subordinate unit (ACC-7).
pub fn check_file_account_request(actor: &Actor, unit: &UnitPath) -> Decision {
    if actor.kind == AccountKind::Personal {
        return Err(Denial::Forbidden(
            "personal accounts do not file account requests".into(),
        ));
    }
    require(actor, Right::ManageAccounts)?;
    if !actor.scope.covers(unit) {
        return Err(Denial::Hidden("the unit is outside the actor's scope".into()));
    }
    Ok(())
}

/// Approving or rejecting such a request: Sở Nội vụ (ACC-7).
pub fn check_decide_account_request(actor: &Actor) -> Decision {
    if actor.kind != AccountKind::Admin {
        return Err(Denial::Forbidden(
            "only Sở Nội vụ decides account requests".into(),
        ));
    }
    require(actor, Right::ManageAccounts)
}

/// Managing the service accounts of other systems (INT-3): Sở Nội vụ's administrators.
pub fn check_manage_api_clients(actor: &Actor) -> Decision {
    if actor.kind != AccountKind::Admin {
        return Err(Denial::Forbidden("only administrators manage API clients".into()));
    }
    require(actor, Right::ManageApiClients)
}

/// The background job queue serves the whole deployment (imports, sync, backups of every unit):
/// only the province's administrators see it, retry or cancel its jobs.
pub fn check_manage_jobs(actor: &Actor) -> Decision {
    if actor.kind != AccountKind::Admin || !matches!(actor.scope, Scope::Province) {
        return Err(Denial::Forbidden(
            "only the province's administrators manage background jobs".into(),
        ));
    }
    Ok(())
}

/// Reading the audit trail: with `view_audit`, for events of units in scope (the store
/// filters); an employee's own trail is [`check_view_own_trail`].
pub fn check_view_audit(actor: &Actor) -> Decision {
    require(actor, Right::ViewAudit)
}

/// Changing the job positions of a unit (ORG-3): Sở Nội vụ anywhere, an agency within its own
/// subtree, with `manage_positions`.
pub fn check_manage_positions(actor: &Actor, unit: &UnitPath) -> Decision {
    if !actor.scope.covers(unit) || actor.kind == AccountKind::Personal {
        return Err(Denial::Hidden("the unit is outside the actor's scope".into()));
    }
    require(actor, Right::ManagePositions)
}

/// A read-only account (service ended) changes nothing: no draft, document, request or
/// signing certificate.
pub fn check_not_read_only(actor: &Actor) -> Decision {
    if actor.read_only {
        return Err(Denial::Forbidden(
            "the person's service ended: their account only reads".into(),
        ));
    }
    Ok(())
}

/// Reading a person's dossier (SEC-3): the person themself always; anyone else with
/// `read_dossiers` over the unit that manages the person.
pub fn check_read_person(actor: &Actor, person_id: &str, unit: &UnitPath) -> Decision {
    if actor.person_id.as_deref() == Some(person_id) {
        return Ok(());
    }
    if !actor.scope.covers(unit) || actor.kind == AccountKind::Personal {
        return Err(Denial::Hidden("the person is outside the actor's scope".into()));
    }
    require(actor, Right::ReadDossiers)
}

/// Opening the dossier of a person (DOS-1): `create_dossiers` over the unit that manages them.
pub fn check_create_dossier(actor: &Actor, unit: &UnitPath) -> Decision {
    if !actor.scope.covers(unit) || actor.kind == AccountKind::Personal {
        return Err(Denial::Hidden("the person is outside the actor's scope".into()));
    }
    require(actor, Right::CreateDossiers)
}

/// Editing a dossier's draft: the person themself (WF-1), or `update_dossiers` over their unit
/// (the HR unit entering data on their behalf; the history shows who did).
pub fn check_edit_dossier(actor: &Actor, person_id: &str, unit: &UnitPath) -> Decision {
    check_not_read_only(actor)?;
    if actor.person_id.as_deref() == Some(person_id) {
        return Ok(());
    }
    if !actor.scope.covers(unit) || actor.kind == AccountKind::Personal {
        return Err(Denial::Hidden("the person is outside the actor's scope".into()));
    }
    require(actor, Right::UpdateDossiers)
}

/// Making the draft the next approved version: `approve_dossiers` over the unit, never for
/// one's own dossier. (The workflow puts review, locking and signature before this step.)
pub fn check_approve_dossier(actor: &Actor, person_id: &str, unit: &UnitPath) -> Decision {
    if !actor.scope.covers(unit) || actor.kind == AccountKind::Personal {
        return Err(Denial::Hidden("the person is outside the actor's scope".into()));
    }
    if actor.person_id.as_deref() == Some(person_id) {
        return Err(Denial::Forbidden("nobody approves their own dossier".into()));
    }
    require(actor, Right::ApproveDossiers)
}

#[cfg(test)]
mod tests;
