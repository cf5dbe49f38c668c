//! Search over dossiers by their facts (USE-1), and saved searches. Each dossier has a facts row
//! for its approved version, rewritten whenever a version is made (`dossiers::approve_draft`),
//! and one for its working draft, rewritten whenever the draft is saved.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use hoso_domain::dossier::facts::Facts;
pub use hoso_domain::report::Dimension;
use hoso_domain::transfer::IN_SERVICE;

use crate::connection::DbConnection;
use crate::dossiers::{DossierRow, DossierWithPerson};
use crate::error::StoreResult;
use crate::ids::new_id;
use crate::people::PersonRow;
use crate::schema::{dossier_facts, dossiers, people, saved_searches, units};

/// Which content of a dossier a facts row describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FactsSource {
    /// The version in force (what reports count and most searches look at).
    Approved,
    /// The working draft, approved or not (searched by those who edit drafts).
    Draft,
}

impl FactsSource {
    pub fn as_str(self) -> &'static str {
        match self {
            FactsSource::Approved => "approved",
            FactsSource::Draft => "draft",
        }
    }
}

const APPROVED: &str = "approved";

/// Writes the facts of a dossier's approved version or draft (`version`: the version number or
/// the draft's revision), replacing the previous ones.
pub fn store_facts(
    conn: &mut DbConnection,
    dossier_id: &str,
    source: FactsSource,
    version: i32,
    facts: &Facts,
) -> StoreResult<()> {
    diesel::delete(dossier_facts::table.find((dossier_id, source.as_str()))).execute(conn)?;
    insert_facts(conn, dossier_id, source, version, facts)
}

/// The facts of a dossier that has none yet (a new dossier's first draft): no delete first.
pub fn first_facts_of_content(
    conn: &mut DbConnection,
    dossier_id: &str,
    source: FactsSource,
    version: i32,
    clear_content: &str,
) -> StoreResult<()> {
    insert_facts(
        conn,
        dossier_id,
        source,
        version,
        &facts_of_content(clear_content)?,
    )
}

fn insert_facts(
    conn: &mut DbConnection,
    dossier_id: &str,
    source: FactsSource,
    version: i32,
    facts: &Facts,
) -> StoreResult<()> {
    diesel::insert_into(dossier_facts::table)
        .values((
            dossier_facts::dossier_id.eq(dossier_id),
            dossier_facts::source.eq(source.as_str()),
            dossier_facts::version.eq(version),
            dossier_facts::gender.eq(&facts.gender),
            dossier_facts::birth_date.eq(facts.birth_date),
            dossier_facts::ethnicity.eq(&facts.ethnicity),
            dossier_facts::religion.eq(&facts.religion),
            dossier_facts::grade.eq(&facts.grade),
            dossier_facts::salary_step.eq(facts.salary_step),
            dossier_facts::coefficient.eq(facts.coefficient),
            dossier_facts::job_position.eq(&facts.job_position),
            dossier_facts::position.eq(&facts.position),
            dossier_facts::general_education.eq(&facts.general_education),
            dossier_facts::qualification.eq(&facts.qualification),
            dossier_facts::political_theory.eq(&facts.political_theory),
            dossier_facts::state_management.eq(&facts.state_management),
            dossier_facts::languages.eq(&facts.languages),
            dossier_facts::party_member.eq(facts.party_member),
            dossier_facts::latest_rating.eq(&facts.latest_rating),
            dossier_facts::latest_rating_year.eq(facts.latest_rating_year),
            dossier_facts::recruited_on.eq(facts.recruited_on),
            dossier_facts::position_appointed_on.eq(facts.position_appointed_on),
            dossier_facts::has_reward.eq(facts.has_reward),
            dossier_facts::has_discipline.eq(facts.has_discipline),
            dossier_facts::step_since.eq(facts.step_since),
            dossier_facts::beyond_frame_percent.eq(facts.beyond_frame_percent),
            dossier_facts::beyond_frame_since.eq(facts.beyond_frame_since),
            dossier_facts::contract_ends_on.eq(facts.contract_ends_on),
        ))
        .execute(conn)?;
    Ok(())
}

/// The facts of a version or draft from its stored clear content (the facts hold no sensitive
/// field).
pub fn store_facts_of_content(
    conn: &mut DbConnection,
    dossier_id: &str,
    source: FactsSource,
    version: i32,
    clear_content: &str,
) -> StoreResult<()> {
    store_facts(
        conn,
        dossier_id,
        source,
        version,
        &facts_of_content(clear_content)?,
    )
}

fn facts_of_content(clear_content: &str) -> StoreResult<Facts> {
    let content: hoso_domain::dossier::DossierContent = serde_json::from_str(clear_content).map_err(|e| {
        crate::error::StoreError::Query(diesel::result::Error::DeserializationError(Box::new(e)))
    })?;
    Ok(Facts::of(&content))
}

/// The facts of each person's dossier as they stood just before `until`: from the latest
/// version made before it (`None` for a person whose dossier had none yet). Works in batches
/// and reports how many people are done after each, for reports that show progress.
pub fn facts_as_of(
    conn: &mut DbConnection,
    until: NaiveDateTime,
    person_ids: &[String],
    progress: &mut dyn FnMut(usize),
) -> StoreResult<Vec<(String, Option<Facts>)>> {
    use crate::schema::dossier_versions;
    const BATCH: usize = 500;
    let mut out = Vec::with_capacity(person_ids.len());
    for batch in person_ids.chunks(BATCH) {
        let versions: Vec<(String, i32, String)> = dossiers::table
            .inner_join(dossier_versions::table.on(dossier_versions::dossier_id.eq(dossiers::id)))
            .filter(dossiers::person_id.eq_any(batch))
            .filter(dossier_versions::created_at.lt(until))
            .select((
                dossiers::person_id,
                dossier_versions::number,
                dossier_versions::content,
            ))
            .load(conn)?;
        let mut latest = std::collections::HashMap::<&str, (i32, &str)>::new();
        for (person, number, content) in &versions {
            let entry = latest
                .entry(person.as_str())
                .or_insert((*number, content.as_str()));
            if *number > entry.0 {
                *entry = (*number, content.as_str());
            }
        }
        for person in batch {
            let facts = match latest.get(person.as_str()) {
                Some((_, content)) => Some(facts_of_content(content)?),
                None => None,
            };
            out.push((person.clone(), facts));
        }
        progress(out.len());
    }
    Ok(out)
}

/// Facts for approved versions and drafts that have none (made before facts were kept, or
/// emptied by a migration that changed what they hold).
pub fn backfill(conn: &mut DbConnection) -> StoreResult<usize> {
    use crate::schema::{dossier_drafts, dossier_versions};
    let approved: Vec<(String, i32, String)> = dossiers::table
        .inner_join(
            dossier_versions::table.on(dossier_versions::dossier_id
                .eq(dossiers::id)
                .and(dossier_versions::number.eq(dossiers::current_version))),
        )
        .left_join(
            dossier_facts::table.on(dossier_facts::dossier_id
                .eq(dossiers::id)
                .and(dossier_facts::source.eq(APPROVED))),
        )
        .filter(dossier_facts::dossier_id.is_null())
        .select((dossiers::id, dossier_versions::number, dossier_versions::content))
        .load(conn)?;
    let drafts: Vec<(String, i32, String)> = dossier_drafts::table
        .left_join(
            dossier_facts::table.on(dossier_facts::dossier_id
                .eq(dossier_drafts::dossier_id)
                .and(dossier_facts::source.eq(FactsSource::Draft.as_str()))),
        )
        .filter(dossier_facts::dossier_id.is_null())
        .select((
            dossier_drafts::dossier_id,
            dossier_drafts::revision,
            dossier_drafts::content,
        ))
        .load(conn)?;
    let mut stored = 0;
    let missing = approved
        .iter()
        .map(|row| (FactsSource::Approved, row))
        .chain(drafts.iter().map(|row| (FactsSource::Draft, row)));
    for (source, (id, version, content)) in missing {
        // Content this build cannot read is left out of searches rather than stopping the
        // server from starting; it gets its facts when it is next saved or approved.
        match store_facts_of_content(conn, id, source, *version, content) {
            Ok(()) => stored += 1,
            Err(crate::error::StoreError::Query(diesel::result::Error::DeserializationError(_))) => {}
            Err(other) => return Err(other),
        }
    }
    Ok(stored)
}

/// Any combination of criteria; each one given narrows the result.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Criteria {
    /// Ancestry-path prefix of the caller's scope (`None`: the province).
    pub within: Option<String>,
    /// A unit and everything under it.
    pub under_path: Option<String>,
    /// Accent-free, lower-case part of the name.
    pub name: Option<String>,
    pub gender: Option<String>,
    pub born_from: Option<NaiveDate>,
    pub born_until: Option<NaiveDate>,
    pub ethnicity: Option<String>,
    pub religion: Option<String>,
    pub grade: Option<String>,
    pub job_position: Option<String>,
    pub position: Option<String>,
    pub salary_step: Option<i32>,
    pub coefficient_min: Option<i32>,
    pub coefficient_max: Option<i32>,
    pub qualification: Option<String>,
    pub political_theory: Option<String>,
    pub state_management: Option<String>,
    pub language: Option<String>,
    pub party_member: Option<bool>,
    pub latest_rating: Option<String>,
    pub has_reward: Option<bool>,
    pub has_discipline: Option<bool>,
    pub recruited_from: Option<NaiveDate>,
    pub recruited_until: Option<NaiveDate>,
    pub appointed_from: Option<NaiveDate>,
    pub appointed_until: Option<NaiveDate>,
    pub dossier_status: Option<String>,
    /// Archived dossiers (service ended) instead of those in service.
    pub archived: bool,
    /// Search the working drafts instead of the approved versions.
    pub drafts: bool,
    /// Rows whose next due date may fall in a list's period (the exact rule runs afterwards).
    pub due: Option<DueWindow>,
    pub sort: SortOrder,
}

/// The dates (inclusive ranges) from which a list's next event can fall in its period: the
/// database narrows a province to these rows before the rules look at each one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DueWindow {
    /// The current step held since a day in the range of the grade's wait.
    StepSince(StepWindows),
    /// The current step, or the beyond-frame percentage, held since a day in its range.
    StepOrBeyondFrameSince {
        step: StepWindows,
        beyond_frame: (NaiveDate, NaiveDate),
    },
    /// The labour contract ends on a day in the range.
    ContractEnds(NaiveDate, NaiveDate),
}

/// Since when a step must have been held: grades of the scales with the longer wait in one
/// range, the others in another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepWindows {
    pub long_wait_grades: Vec<String>,
    pub long: (NaiveDate, NaiveDate),
    pub short: (NaiveDate, NaiveDate),
}

/// The order of results; every order ends by name then id, so that pages are stable.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortOrder {
    #[default]
    Name,
    /// Oldest first; unknown birth dates last.
    BirthDate,
    /// Longest serving first; unknown dates last.
    RecruitedOn,
    /// Highest salary coefficient first; unknown last.
    CoefficientDesc,
}

/// Where the previous page ended: its last row's sort key (empty when sorting by name), search
/// name and dossier id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    pub key: String,
    pub name: String,
    pub id: String,
}

/// Dates sort as ISO text on both backends; a missing one after every real date.
const LAST_DATE: &str = "9999-12-31";

/// The sort key of a row, as the query computes it (see `search`).
pub fn sort_key(order: SortOrder, facts: &Facts) -> String {
    let date = |d: Option<NaiveDate>| d.map_or_else(|| LAST_DATE.to_owned(), |d| d.to_string());
    match order {
        SortOrder::Name => String::new(),
        SortOrder::BirthDate => date(facts.birth_date),
        SortOrder::RecruitedOn => date(facts.recruited_on),
        SortOrder::CoefficientDesc => facts.coefficient.unwrap_or(-1).to_string(),
    }
}

/// Applies every criterion to a boxed query over the facts joined to their dossier, person
/// and unit: the same filter for a page of results and for their count.
macro_rules! filtered {
    ($query:expr, $criteria:expr) => {{
        let criteria: &Criteria = $criteria;
        let mut query = $query.filter(dossier_facts::source.eq(if criteria.drafts {
            FactsSource::Draft.as_str()
        } else {
            APPROVED
        }));
        for prefix in [&criteria.within, &criteria.under_path].into_iter().flatten() {
            query = query.filter(units::path.like(format!("{prefix}%")));
        }
        query = if criteria.archived {
            query.filter(people::service_status.ne_all(IN_SERVICE))
        } else {
            query.filter(people::service_status.eq_any(IN_SERVICE))
        };
        if let Some(name) = criteria.name.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
            query = query.filter(dossiers::search_name.like(format!("%{}%", name.replace(['%', '_'], ""))));
        }
        if let Some(value) = &criteria.gender {
            query = query.filter(dossier_facts::gender.eq(value.clone()));
        }
        if let Some(value) = &criteria.ethnicity {
            query = query.filter(dossier_facts::ethnicity.eq(value.clone()));
        }
        if let Some(value) = &criteria.religion {
            query = query.filter(dossier_facts::religion.eq(value.clone()));
        }
        if let Some(value) = &criteria.grade {
            query = query.filter(dossier_facts::grade.eq(value.clone()));
        }
        if let Some(value) = &criteria.job_position {
            query = query.filter(dossier_facts::job_position.eq(value.clone()));
        }
        if let Some(value) = &criteria.position {
            query = query.filter(dossier_facts::position.eq(value.clone()));
        }
        if let Some(value) = &criteria.salary_step {
            query = query.filter(dossier_facts::salary_step.eq(value.clone()));
        }
        if let Some(value) = &criteria.qualification {
            query = query.filter(dossier_facts::qualification.eq(value.clone()));
        }
        if let Some(value) = &criteria.political_theory {
            query = query.filter(dossier_facts::political_theory.eq(value.clone()));
        }
        if let Some(value) = &criteria.state_management {
            query = query.filter(dossier_facts::state_management.eq(value.clone()));
        }
        if let Some(value) = &criteria.latest_rating {
            query = query.filter(dossier_facts::latest_rating.eq(value.clone()));
        }
        if let Some(value) = &criteria.dossier_status {
            query = query.filter(dossiers::status.eq(value.clone()));
        }
        if let Some(v) = criteria.party_member {
            query = query.filter(dossier_facts::party_member.eq(v));
        }
        if let Some(v) = criteria.has_reward {
            query = query.filter(dossier_facts::has_reward.eq(v));
        }
        if let Some(v) = criteria.has_discipline {
            query = query.filter(dossier_facts::has_discipline.eq(v));
        }
        if let Some(language) = &criteria.language {
            query = query
                .filter(dossier_facts::languages.like(format!("%{}%", language.replace(['%', '_'], ""))));
        }
        if let Some(d) = criteria.born_from {
            query = query.filter(dossier_facts::birth_date.ge(d));
        }
        if let Some(d) = criteria.born_until {
            query = query.filter(dossier_facts::birth_date.le(d));
        }
        if let Some(d) = criteria.recruited_from {
            query = query.filter(dossier_facts::recruited_on.ge(d));
        }
        if let Some(d) = criteria.recruited_until {
            query = query.filter(dossier_facts::recruited_on.le(d));
        }
        if let Some(d) = criteria.appointed_from {
            query = query.filter(dossier_facts::position_appointed_on.ge(d));
        }
        if let Some(d) = criteria.appointed_until {
            query = query.filter(dossier_facts::position_appointed_on.le(d));
        }
        if let Some(c) = criteria.coefficient_min {
            query = query.filter(dossier_facts::coefficient.ge(c));
        }
        if let Some(c) = criteria.coefficient_max {
            query = query.filter(dossier_facts::coefficient.le(c));
        }
        let step_held = |w: &StepWindows| {
            let long = dossier_facts::grade
                .eq_any(w.long_wait_grades.clone())
                .and(dossier_facts::step_since.between(w.long.0, w.long.1));
            let short = dossier_facts::grade
                .ne_all(w.long_wait_grades.clone())
                .and(dossier_facts::step_since.between(w.short.0, w.short.1));
            long.or(short)
        };
        match &criteria.due {
            Some(DueWindow::StepSince(step)) => query = query.filter(step_held(step)),
            Some(DueWindow::StepOrBeyondFrameSince { step, beyond_frame }) => {
                query = query.filter(
                    step_held(step)
                        .or(dossier_facts::beyond_frame_since.between(beyond_frame.0, beyond_frame.1)),
                );
            }
            Some(DueWindow::ContractEnds(from, until)) => {
                query = query.filter(dossier_facts::contract_ends_on.between(*from, *until));
            }
            None => {}
        }
        query
    }};
}

/// How many dossiers match `criteria` (every page together).
pub fn count(conn: &mut DbConnection, criteria: &Criteria) -> StoreResult<i64> {
    let query = dossier_facts::table
        .inner_join(dossiers::table.inner_join(people::table.inner_join(units::table)))
        .select(diesel::dsl::count_star())
        .into_boxed();
    Ok(filtered!(query, criteria).first(conn)?)
}

/// One page of results in the chosen order (then by name and id); `after` is where the previous
/// page ended (keyset paging), so pages stay stable while dossiers are added.
pub fn search(
    conn: &mut DbConnection,
    criteria: &Criteria,
    after: Option<&Cursor>,
    limit: i64,
) -> StoreResult<Vec<(DossierWithPerson, Facts)>> {
    use diesel::dsl::sql;
    use diesel::sql_types::{Integer, Text};
    let query = dossier_facts::table
        .inner_join(dossiers::table.inner_join(people::table.inner_join(units::table)))
        .select((
            DossierRow::as_select(),
            PersonRow::as_select(),
            units::name,
            units::path,
            dossier_facts::all_columns,
        ))
        .limit(limit)
        .into_boxed();
    let mut query = filtered!(query, criteria);
    // By name as Vietnamese lists sort it (given name first).
    let name = dossiers::sort_name;
    // Rows after the cursor's (name, id), for ties of the sort key.
    let after_name = |c: &Cursor| {
        name.gt(c.name.clone())
            .or(name.eq(c.name.clone()).and(dossiers::id.gt(c.id.clone())))
    };
    let date_key = |column: &str| sql::<Text>(&format!("COALESCE(CAST({column} AS TEXT), '{LAST_DATE}')"));
    query = match criteria.sort {
        SortOrder::Name => {
            let query = query.order((name.asc(), dossiers::id.asc()));
            match after {
                Some(c) => query.filter(after_name(c)),
                None => query,
            }
        }
        SortOrder::BirthDate | SortOrder::RecruitedOn => {
            let column = if criteria.sort == SortOrder::BirthDate {
                "dossier_facts.birth_date"
            } else {
                "dossier_facts.recruited_on"
            };
            let query = query.order((date_key(column).asc(), name.asc(), dossiers::id.asc()));
            match after {
                Some(c) => query.filter(
                    date_key(column)
                        .gt(c.key.clone())
                        .or(date_key(column).eq(c.key.clone()).and(after_name(c))),
                ),
                None => query,
            }
        }
        SortOrder::CoefficientDesc => {
            let key = || sql::<Integer>("COALESCE(dossier_facts.coefficient, -1)");
            let query = query.order((key().desc(), name.asc(), dossiers::id.asc()));
            match after {
                Some(c) => {
                    let k: i32 = c.key.parse().unwrap_or(i32::MAX);
                    query.filter(key().lt(k).or(key().eq(k).and(after_name(c))))
                }
                None => query,
            }
        }
    };
    type Row = (DossierRow, PersonRow, String, String, FactsRow);
    let rows: Vec<Row> = query.load(conn)?;
    Ok(rows
        .into_iter()
        .map(|(dossier, person, unit_name, unit_path, facts)| {
            (
                DossierWithPerson {
                    dossier,
                    person,
                    unit_name,
                    unit_path,
                },
                facts.into_facts(),
            )
        })
        .collect())
}

#[derive(Debug, Clone, Queryable)]
struct FactsRow {
    _dossier_id: String,
    _source: String,
    _version: i32,
    gender: Option<String>,
    birth_date: Option<NaiveDate>,
    ethnicity: Option<String>,
    religion: Option<String>,
    grade: Option<String>,
    salary_step: Option<i32>,
    coefficient: Option<i32>,
    job_position: Option<String>,
    position: Option<String>,
    general_education: Option<String>,
    qualification: Option<String>,
    political_theory: Option<String>,
    state_management: Option<String>,
    languages: Option<String>,
    party_member: bool,
    latest_rating: Option<String>,
    latest_rating_year: Option<i32>,
    recruited_on: Option<NaiveDate>,
    position_appointed_on: Option<NaiveDate>,
    has_reward: bool,
    has_discipline: bool,
    step_since: Option<NaiveDate>,
    beyond_frame_percent: Option<i32>,
    beyond_frame_since: Option<NaiveDate>,
    contract_ends_on: Option<NaiveDate>,
}

impl FactsRow {
    fn into_facts(self) -> Facts {
        Facts {
            gender: self.gender,
            birth_date: self.birth_date,
            ethnicity: self.ethnicity,
            religion: self.religion,
            grade: self.grade,
            salary_step: self.salary_step,
            coefficient: self.coefficient,
            job_position: self.job_position,
            position: self.position,
            general_education: self.general_education,
            qualification: self.qualification,
            political_theory: self.political_theory,
            state_management: self.state_management,
            languages: self.languages,
            party_member: self.party_member,
            latest_rating: self.latest_rating,
            latest_rating_year: self.latest_rating_year,
            recruited_on: self.recruited_on,
            position_appointed_on: self.position_appointed_on,
            has_reward: self.has_reward,
            has_discipline: self.has_discipline,
            step_since: self.step_since,
            beyond_frame_percent: self.beyond_frame_percent,
            beyond_frame_since: self.beyond_frame_since,
            contract_ends_on: self.contract_ends_on,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = saved_searches)]
pub struct SavedSearchRow {
    pub id: String,
    pub account_id: String,
    pub name: String,
    pub criteria: String,
    pub created_at: NaiveDateTime,
}

pub fn save(
    conn: &mut DbConnection,
    account_id: &str,
    name: &str,
    criteria: &str,
    at: NaiveDateTime,
) -> StoreResult<SavedSearchRow> {
    let row = SavedSearchRow {
        id: new_id(),
        account_id: account_id.into(),
        name: name.into(),
        criteria: criteria.into(),
        created_at: at,
    };
    diesel::insert_into(saved_searches::table)
        .values((
            saved_searches::id.eq(&row.id),
            saved_searches::account_id.eq(&row.account_id),
            saved_searches::name.eq(&row.name),
            saved_searches::criteria.eq(&row.criteria),
            saved_searches::created_at.eq(row.created_at),
        ))
        .execute(conn)?;
    Ok(row)
}

pub fn saved_of(conn: &mut DbConnection, account_id: &str) -> StoreResult<Vec<SavedSearchRow>> {
    Ok(saved_searches::table
        .filter(saved_searches::account_id.eq(account_id))
        .order(saved_searches::created_at.desc())
        .select(SavedSearchRow::as_select())
        .load(conn)?)
}

/// People in service with an approved dossier under `under_path` (the province when `None`),
/// counted by one fact; `None` is "not stated".
pub fn counts(
    conn: &mut DbConnection,
    dimension: Dimension,
    under_path: Option<&str>,
) -> StoreResult<Vec<(Option<String>, i64)>> {
    macro_rules! count_by {
        ($column:expr) => {{
            let mut query = dossier_facts::table
                .inner_join(dossiers::table.inner_join(people::table.inner_join(units::table)))
                .filter(people::service_status.eq_any(IN_SERVICE))
                .filter(dossier_facts::source.eq(APPROVED))
                .group_by($column)
                .select(($column, diesel::dsl::count_star()))
                .into_boxed();
            if let Some(prefix) = under_path {
                query = query.filter(units::path.like(format!("{prefix}%")));
            }
            query.load::<(Option<String>, i64)>(conn)?
        }};
    }
    let mut rows = match dimension {
        Dimension::Grade => count_by!(dossier_facts::grade),
        Dimension::JobPosition => count_by!(dossier_facts::job_position),
        Dimension::Gender => count_by!(dossier_facts::gender),
        Dimension::Ethnicity => count_by!(dossier_facts::ethnicity),
        Dimension::Religion => count_by!(dossier_facts::religion),
        Dimension::Qualification => count_by!(dossier_facts::qualification),
        Dimension::PoliticalTheory => count_by!(dossier_facts::political_theory),
        Dimension::StateManagement => count_by!(dossier_facts::state_management),
        Dimension::Rating => count_by!(dossier_facts::latest_rating),
    };
    rows.sort();
    Ok(rows)
}

/// A person as the annual headcount report counts them: (managing unit, grade, job position).
pub type GradeAndPost = (String, Option<String>, Option<String>);

/// The managing unit, grade and job position of each person in service with an approved
/// dossier: what the annual headcount report counts, unit by unit.
pub fn grades_and_posts(conn: &mut DbConnection) -> StoreResult<Vec<GradeAndPost>> {
    Ok(dossier_facts::table
        .inner_join(dossiers::table.inner_join(people::table))
        .filter(people::service_status.eq_any(IN_SERVICE))
        .filter(dossier_facts::source.eq(APPROVED))
        .select((people::unit_id, dossier_facts::grade, dossier_facts::job_position))
        .load(conn)?)
}

/// Gender, birth date and Party membership of one person.
pub type PersonFacts = (Option<String>, Option<NaiveDate>, bool);

/// Gender, birth date and Party membership of each person in service under `under_path`: the
/// raw material of the age pyramid and the Party count, bucketed by the caller.
pub fn people_facts(conn: &mut DbConnection, under_path: Option<&str>) -> StoreResult<Vec<PersonFacts>> {
    let mut query = dossier_facts::table
        .inner_join(dossiers::table.inner_join(people::table.inner_join(units::table)))
        .filter(people::service_status.eq_any(IN_SERVICE))
        .filter(dossier_facts::source.eq(APPROVED))
        .select((
            dossier_facts::gender,
            dossier_facts::birth_date,
            dossier_facts::party_member,
        ))
        .into_boxed();
    if let Some(prefix) = under_path {
        query = query.filter(units::path.like(format!("{prefix}%")));
    }
    Ok(query.load(conn)?)
}
