//! Reports as of a date and the HR lists, on every backend (USE-2…4, WF-8): figures of a day
//! before a merge match counts made here from the stored versions and who was where; the
//! background job reports its progress and its Excel file reads back to the same figures; the
//! lists match what the domain's rules give for each stored dossier.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Days, NaiveDate};
use diesel::RunQueryDsl;
use hoso_store::testing::backends;
use serde_json::{json, Value};

use crate::support::{assert_error_body, call, set_day, token_of, TestContext};

/// Each person's approved content (clear part) and the path of the unit managing them now.
fn approved_by_person(ctx: &TestContext) -> BTreeMap<String, (Value, String)> {
    #[derive(diesel::QueryableByName)]
    struct Row {
        #[diesel(sql_type = diesel::sql_types::Text)]
        person_id: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        content: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        path: String,
    }
    let rows: Vec<Row> = diesel::sql_query(
        "SELECT p.id AS person_id, v.content, u.path FROM dossiers d \
         JOIN dossier_versions v ON v.dossier_id = d.id AND v.number = d.current_version \
         JOIN people p ON p.id = d.person_id JOIN units u ON u.id = p.unit_id \
         WHERE p.service_status IN ('active', 'seconded')",
    )
    .load(&mut ctx.db.connect())
    .unwrap();
    rows.into_iter()
        .map(|r| (r.person_id, (serde_json::from_str(&r.content).unwrap(), r.path)))
        .collect()
}

fn people_of(ctx: &TestContext, unit_id: &str) -> BTreeSet<String> {
    hoso_store::people::in_units(&mut ctx.db.connect(), &[unit_id.to_owned()])
        .unwrap()
        .into_iter()
        .map(|p| p.id)
        .collect()
}

/// People counted by grade, as the grade report shows them (code → count).
fn by_grade<'a>(people: impl Iterator<Item = &'a Value>) -> BTreeMap<String, i64> {
    let mut counts = BTreeMap::new();
    for content in people {
        let grade = content["salary"]["grade"].as_str().unwrap_or_default().to_owned();
        *counts.entry(grade).or_insert(0) += 1;
    }
    counts
}

fn figures(report: &Value) -> BTreeMap<String, i64> {
    report["rows"]
        .as_array()
        .unwrap_or_else(|| panic!("no rows: {report}"))
        .iter()
        .map(|r| {
            (
                r["key"].as_str().unwrap().to_owned(),
                r["count"].as_i64().unwrap(),
            )
        })
        .collect()
}

#[actix_web::test]
async fn a_report_as_of_a_day_before_a_merge_counts_the_tree_as_it_stood() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        ctx.load_people(11);
        let app = ctx.app().await;
        let admin = token_of(&app, "quantri").await;
        let find = |code: &str| {
            hoso_store::units::find_by_code(&mut ctx.db.connect(), code)
                .unwrap()
                .unwrap()
        };
        let (kept, merged) = (find("HY.SNV.P01"), find("HY.SNV.P02"));
        let (kept_people, merged_people) = (people_of(&ctx, &kept.id), people_of(&ctx, &merged.id));
        assert!(!kept_people.is_empty() && !merged_people.is_empty(), "{backend}");

        // Today the data was entered; ten days on the division is merged; we are twenty days on.
        let entered = hoso_app::clock::today();
        let day = |n: u64| (entered + Days::new(n)).to_string();
        set_day(&ctx, &day(20));
        let (status, done) = call(
            &app,
            "POST",
            "/api/v1/unit-merges",
            Some(&admin),
            Some(json!({
                "source_ids": [merged.id], "target_id": kept.id,
                "effective_date": day(10), "reason": "Hợp nhất phòng",
                "decision": {"number": "12/QĐ-SNV", "date": day(10), "signer": "Giám đốc Sở"},
            })),
        )
        .await;
        assert_eq!(status, 200, "{backend}: {done}");

        let contents = approved_by_person(&ctx);
        let grades_of = |people: &BTreeSet<String>| {
            by_grade(people.iter().filter_map(|p| contents.get(p).map(|(c, _)| c)))
        };
        let before = grades_of(&kept_people);
        let after = grades_of(&kept_people.union(&merged_people).cloned().collect());
        assert_ne!(before, after, "{backend}");

        let report = |unit: &str, as_of: Option<String>| {
            let date = as_of.map(|d| format!("&as_of={d}")).unwrap_or_default();
            format!("/api/v1/reports/grade?unit_id={unit}{date}")
        };
        // Before the merge: the division's own people; the merged one still stood apart.
        let (status, then) = call(&app, "GET", &report(&kept.id, Some(day(5))), Some(&admin), None).await;
        assert_eq!(status, 200, "{backend}: {then}");
        assert_eq!(figures(&then), before, "{backend}");
        assert_eq!(then["as_of"], day(5));
        let (_, apart) = call(&app, "GET", &report(&merged.id, Some(day(5))), Some(&admin), None).await;
        assert_eq!(figures(&apart), grades_of(&merged_people), "{backend}");
        // Today (counted by the database) and a day after the merge (counted from the history)
        // agree: everyone is in the kept division.
        let (_, now) = call(&app, "GET", &report(&kept.id, None), Some(&admin), None).await;
        assert_eq!(figures(&now), after, "{backend}");
        let (_, since) = call(&app, "GET", &report(&kept.id, Some(day(15))), Some(&admin), None).await;
        assert_eq!(figures(&since), after, "{backend}");
        // The merged division no longer exists after the merge; no report of tomorrow.
        let (status, body) = call(
            &app,
            "GET",
            &report(&merged.id, Some(day(15))),
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(status, 422, "{backend}: {body}");
        assert_error_body(&body, "validation_failed");
        assert_eq!(
            body["details"]["fields"][0]["code"], "unit_not_existing",
            "{body}"
        );
        let (status, body) = call(&app, "GET", &report(&kept.id, Some(day(21))), Some(&admin), None).await;
        assert_eq!(
            (status, body["details"]["fields"][0]["code"].clone()),
            (422, json!("as_of_in_future")),
            "{body}"
        );
        let (status, body) = call(
            &app,
            "GET",
            &format!("/api/v1/reports/update_status?as_of={}", day(5)),
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(
            (status, body["details"]["fields"][0]["code"].clone()),
            (422, json!("as_of_not_supported")),
            "{body}"
        );

        // The province as of before the merge counts everyone, and its age pyramid of that day
        // agrees with the one counted by the database for the same people.
        let (_, province_then) = call(
            &app,
            "GET",
            &format!("/api/v1/reports/gender?as_of={}", day(5)),
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(
            province_then["total"].as_i64(),
            Some(contents.len() as i64),
            "{backend}"
        );

        // The same report as a background job: progress counts the people placed, the report
        // and its Excel file hold the same figures; another account cannot see the job.
        let (status, job) = call(
            &app,
            "POST",
            "/api/v1/report-jobs",
            Some(&admin),
            Some(json!({"kind": "grade", "unit_id": kept.id, "as_of": day(5)})),
        )
        .await;
        assert_eq!(status, 202, "{backend}: {job}");
        let id = job["id"].as_str().unwrap().to_owned();
        let (status, job) = call(
            &app,
            "GET",
            &format!("/api/v1/report-jobs/{id}?wait=true"),
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(status, 200, "{job}");
        assert_eq!(job["status"], "done", "{backend}: {job}");
        assert_eq!(job["done"].as_i64(), Some(kept_people.len() as i64), "{job}");
        assert_eq!(job["total"], job["done"]);
        assert_eq!(figures(&job["report"]), before, "{backend}");
        let (_, mine) = call(&app, "GET", "/api/v1/report-jobs", Some(&admin), None).await;
        assert_eq!(mine[0]["id"], id.as_str());
        let other = token_of(&app, "sogddt").await;
        let (status, _) = call(
            &app,
            "GET",
            &format!("/api/v1/report-jobs/{id}"),
            Some(&other),
            None,
        )
        .await;
        assert_eq!(status, 404);
        let (status, bytes) =
            crate::dossiers::print(&app, &admin, &format!("/api/v1/report-jobs/{id}?format=xlsx")).await;
        assert_eq!(status, 200);
        use calamine::Reader;
        let mut workbook: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
        let sheet = workbook.worksheet_range_at(0).unwrap().unwrap();
        let rows: Vec<Vec<String>> = sheet
            .rows()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect();
        let expected_date = NaiveDate::parse_from_str(&day(5), "%Y-%m-%d")
            .unwrap()
            .format("%d/%m/%Y")
            .to_string();
        assert!(rows[1][0].ends_with(&expected_date), "{:?}", rows[1]);
        let from_file: BTreeMap<String, i64> = rows[4..rows.len() - 1]
            .iter()
            .map(|r| (r[0].clone(), r[2].parse::<f64>().unwrap() as i64))
            .collect();
        assert_eq!(from_file, before, "{backend}");

        // For printing: the PDF shows the title and the total row.
        let (status, pdf) =
            crate::dossiers::print(&app, &admin, &format!("/api/v1/report-jobs/{id}?format=pdf")).await;
        assert_eq!(status, 200);
        assert!(crate::dossiers::pdf_shows(
            &pdf,
            "Số lượng theo ngạch, chức danh nghề nghiệp"
        ));
        assert!(crate::dossiers::pdf_shows(&pdf, "Tổng cộng"));
    }
}

#[actix_web::test]
async fn quota_update_status_and_agency_reports_add_up_to_the_stored_figures() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        ctx.load_people(5);
        let app = ctx.app().await;
        let education = token_of(&app, "sogddt").await;

        #[derive(diesel::QueryableByName)]
        struct Count {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            n: i64,
        }
        let count = |sql: &str| -> i64 {
            diesel::sql_query(sql)
                .load::<Count>(&mut ctx.db.connect())
                .unwrap()[0]
                .n
        };
        let in_service =
            count("SELECT COUNT(*) AS n FROM people WHERE service_status IN ('active', 'seconded')");
        let dossiers = count("SELECT COUNT(*) AS n FROM dossiers d JOIN people p ON p.id = d.person_id WHERE p.service_status IN ('active', 'seconded')");
        let drafts = count("SELECT COUNT(*) AS n FROM dossiers d JOIN people p ON p.id = d.person_id WHERE p.service_status IN ('active', 'seconded') AND d.status = 'draft'");
        let versions = count("SELECT COUNT(*) AS n FROM dossier_versions");

        // Aggregates are shared: the education department reads the province's figures.
        let (status, quota) = call(&app, "GET", "/api/v1/reports/quota", Some(&education), None).await;
        assert_eq!(status, 200, "{backend}: {quota}");
        assert_eq!(quota["total"].as_i64(), Some(in_service), "{backend}: {quota}");
        assert_eq!(quota["columns"][0], "Biên chế được giao");
        assert_eq!(quota["columns"][1], "Còn trống");
        // One row per agency under the province (and the province's own people).
        assert!(quota["rows"].as_array().unwrap().len() > 10, "{quota}");
        for row in quota["rows"].as_array().unwrap() {
            assert_eq!(
                row["values"][1].as_i64().unwrap(),
                row["values"][0].as_i64().unwrap() - row["count"].as_i64().unwrap(),
                "{row}"
            );
        }

        let (_, update) = call(
            &app,
            "GET",
            "/api/v1/reports/update_status",
            Some(&education),
            None,
        )
        .await;
        assert_eq!(update["total"].as_i64(), Some(dossiers), "{backend}: {update}");
        assert_eq!(update["columns"][0], "Chưa nộp");
        assert_eq!(update["totals"][0].as_i64(), Some(drafts), "{backend}: {update}");

        let (_, activity) = call(
            &app,
            "GET",
            "/api/v1/reports/agency_activity",
            Some(&education),
            None,
        )
        .await;
        assert_eq!(
            activity["total"].as_i64(),
            Some(dossiers),
            "{backend}: {activity}"
        );
        assert_eq!(
            activity["totals"][0].as_i64(),
            Some(versions),
            "{backend}: every version was made this year"
        );

        let (status, _) = call(
            &app,
            "GET",
            "/api/v1/reports/update_status",
            Some(&token_of(&app, "nguyenvanan").await),
            None,
        )
        .await;
        assert_eq!(status, 403);
    }
}

#[actix_web::test]
async fn hr_lists_hold_whom_the_rules_name_within_the_period_and_the_scope() {
    use hoso_domain::career::{next_raise, PayPosition, Raise};
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        ctx.load_people(3);
        let app = ctx.app().await;
        let admin = token_of(&app, "quantri").await;
        let contents = approved_by_person(&ctx);
        let catalogs =
            hoso_domain::dossier::validation::CatalogIndex::from_files(hoso_domain::catalog::shipped());
        let date = |v: &Value| {
            v.as_str()
                .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
        };
        let today = hoso_app::clock::today();
        let (from, until) = (today, today + chrono::Months::new(12) - Days::new(1));
        let within = |d: NaiveDate| (from..=until).contains(&d);

        let list = |kind: &str| format!("/api/v1/lists/{kind}");
        let names = |view: &Value| -> BTreeSet<String> {
            view["items"]
                .as_array()
                .unwrap_or_else(|| panic!("{view}"))
                .iter()
                .map(|i| i["dossier"]["person_id"].as_str().unwrap().to_owned())
                .collect()
        };

        // Raises: the next step or beyond-frame seniority of each stored dossier, by the scale.
        let raise = |content: &Value| {
            let salary = &content["salary"];
            let grade = catalogs.find(hoso_domain::catalog::GRADE_KINDS, salary["grade"].as_str()?)?;
            let scale = catalogs.find(&["salary_scales"], grade.parent.as_deref()?)?;
            let coefficients = hoso_domain::catalog::salary_coefficients(scale)?;
            next_raise(PayPosition {
                scale: &scale.code,
                coefficients: &coefficients,
                step: salary["step"].as_u64()? as u32,
                step_since: date(&salary["effective_on"])?,
                beyond_frame_percent: salary["beyond_frame_percent"].as_u64().map(|p| p as u32),
                beyond_frame_since: date(&salary["beyond_frame_on"]),
            })
        };
        let step_due: BTreeSet<String> = contents
            .iter()
            .filter(|(_, (c, _))| {
                raise(c).is_some_and(|r| matches!(r.raise, Raise::Step { .. }) && within(r.due_on))
            })
            .map(|(p, _)| p.clone())
            .collect();
        let frame_due: BTreeSet<String> = contents
            .iter()
            .filter(|(_, (c, _))| {
                raise(c).is_some_and(|r| matches!(r.raise, Raise::BeyondFrame { .. }) && within(r.due_on))
            })
            .map(|(p, _)| p.clone())
            .collect();
        let (status, steps) = call(&app, "GET", &list("salary_step"), Some(&admin), None).await;
        assert_eq!(status, 200, "{backend}: {steps}");
        assert_eq!(names(&steps), step_due, "{backend}");
        assert!(
            !step_due.is_empty(),
            "{backend}: the generated data has raises due"
        );
        let dues: Vec<&str> = steps["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["due_on"].as_str().unwrap())
            .collect();
        assert!(dues.windows(2).all(|w| w[0] <= w[1]), "by due date: {dues:?}");
        assert_eq!(steps["total"], json!(step_due.len()), "{backend}");
        // The JSON shows the first by due date; the total still counts everyone.
        let (_, first_two) = call(
            &app,
            "GET",
            &format!("{}?limit=2", list("salary_step")),
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(first_two["total"], json!(step_due.len()), "{backend}");
        assert_eq!(
            first_two["items"].as_array().unwrap()[..],
            steps["items"].as_array().unwrap()[..2]
        );
        let (_, frame) = call(&app, "GET", &list("beyond_frame"), Some(&admin), None).await;
        assert_eq!(names(&frame), frame_due, "{backend}");

        // Retirement by the roadmap, in a ten-year period so that the list is not empty.
        let decade = (today, today + chrono::Months::new(120));
        let retiring: BTreeSet<String> = contents
            .iter()
            .filter(|(_, (c, _))| {
                let male = match c["identity"]["gender"].as_str() {
                    Some("1") => true,
                    Some("2") => false,
                    _ => return false,
                };
                date(&c["identity"]["birth_date"])
                    .map(|b| hoso_domain::retirement::retirement_starts(male, b))
                    .is_some_and(|d| (decade.0..=decade.1).contains(&d))
            })
            .map(|(p, _)| p.clone())
            .collect();
        let (_, retirement) = call(
            &app,
            "GET",
            &format!("{}?from={}&until={}", list("retirement"), decade.0, decade.1),
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(names(&retirement), retiring, "{backend}");
        assert!(!retiring.is_empty());

        // Fixed-term contracts ending within the year.
        let ending: BTreeSet<String> = contents
            .iter()
            .filter(|(_, (c, _))| date(&c["contract"]["ends_on"]).is_some_and(within))
            .map(|(p, _)| p.clone())
            .collect();
        let (_, contracts) = call(&app, "GET", &list("contract_expiring"), Some(&admin), None).await;
        assert_eq!(names(&contracts), ending, "{backend}");
        assert!(!ending.is_empty());

        // Scope: the education department sees only its own people on a list.
        let education = token_of(&app, "sogddt").await;
        let department = hoso_store::units::find_by_code(&mut ctx.db.connect(), "HY.SGDDT")
            .unwrap()
            .unwrap();
        let (_, theirs) = call(&app, "GET", &list("salary_step"), Some(&education), None).await;
        let expected: BTreeSet<String> = step_due
            .iter()
            .filter(|p| contents[*p].1.starts_with(&department.path))
            .cloned()
            .collect();
        assert_eq!(names(&theirs), expected, "{backend}");

        // The update-status list: dossiers waiting for someone, with what they wait for — a
        // newcomer's dossier just opened among them.
        {
            let conn = &mut ctx.db.connect();
            let newcomer =
                hoso_store::people::insert_in_category(conn, "Lê Thị Mới", &department.id, "civil_servant")
                    .unwrap();
            let number = hoso_store::dossiers::next_number(conn).unwrap();
            let opened = hoso_store::dossiers::StoredContent {
                content: "{}",
                sealed: None,
                search_name: "le thi moi",
                sort_name: &hoso_domain::text::sort_key("Lê Thị Mới"),
                citizen_id_hash: None,
            };
            let officer = hoso_store::accounts::find_by_username(conn, "quantri")
                .unwrap()
                .unwrap();
            hoso_store::dossiers::create(conn, &newcomer.id, &number, opened, &officer.id).unwrap();
        }
        let (_, waiting) = call(&app, "GET", &list("not_approved"), Some(&admin), None).await;
        for item in waiting["items"].as_array().unwrap() {
            assert_ne!(item["dossier"]["status"], "approved", "{item}");
            assert!(!item["next"].as_str().unwrap().is_empty());
        }
        let in_service_dossiers = hoso_store::dossiers::list(
            &mut ctx.db.connect(),
            &hoso_store::dossiers::DossierFilter {
                archived: Some(false),
                limit: 100_000,
                ..Default::default()
            },
        )
        .unwrap();
        let not_yet_approved = in_service_dossiers
            .iter()
            .filter(|d| d.dossier.status != "approved")
            .count();
        assert_eq!(waiting["total"], json!(not_yet_approved), "{backend}");
        assert!(not_yet_approved > 0, "{backend}: the demo has dossiers waiting");

        let (status, body) = call(
            &app,
            "GET",
            &format!("{}?from=2030-01-02&until=2030-01-01", list("retirement")),
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(
            (status, body["details"]["fields"][0]["code"].clone()),
            (422, json!("invalid_period")),
            "{body}"
        );
        let (status, _) = call(
            &app,
            "GET",
            &list("salary_step"),
            Some(&token_of(&app, "nguyenvanan").await),
            None,
        )
        .await;
        assert_eq!(status, 403);
        let (status, bytes) =
            crate::dossiers::print(&app, &admin, &format!("{}?format=xlsx", list("salary_step"))).await;
        assert_eq!(status, 200);
        use calamine::Reader;
        let mut workbook: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
        let sheet = workbook.worksheet_range_at(0).unwrap().unwrap();
        assert_eq!(sheet.rows().count(), 4 + step_due.len(), "{backend}");
    }
}

/// USE-3, USE-4: the yearly reports follow the regulation profile — Hưng Yên's headcount report
/// of the past year in January, Tiền Giang's agency report in December and Sở Nội vụ's headcount
/// report by 20 January — each with the date it counts as of.
#[actix_web::test]
async fn the_yearly_reports_follow_the_regulation_profile() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        set_day(&ctx, "2027-01-12");
        let app = ctx.app().await;
        let admin = token_of(&app, "quantri").await;
        let education = token_of(&app, "sogddt").await;

        let (status, hy) = call(&app, "GET", "/api/v1/report-schedule", Some(&education), None).await;
        assert_eq!(status, 200, "{backend}: {hy}");
        assert_eq!(hy.as_array().unwrap().len(), 1, "{hy}");
        assert_eq!(
            (
                &hy[0]["kinds"],
                &hy[0]["opens_on"],
                &hy[0]["due_on"],
                &hy[0]["as_of"],
                &hy[0]["open_now"]
            ),
            (
                &json!(["grade", "job_position"]),
                &json!("2027-01-10"),
                &json!("2027-01-20"),
                &json!("2026-12-31"),
                &json!(true)
            ),
            "{backend}"
        );
        // The report it asks for can be made as of that day.
        let (status, report) = call(
            &app,
            "GET",
            "/api/v1/reports/grade?as_of=2026-12-31",
            Some(&education),
            None,
        )
        .await;
        assert_eq!(status, 200, "{backend}: {report}");

        let choose =
            json!({"name": "tien-giang", "enforcement": "refuse", "reason": "Áp dụng Quyết định 03/2025"});
        let (status, _) = call(
            &app,
            "PUT",
            "/api/v1/settings/regulation-profile",
            Some(&admin),
            Some(choose),
        )
        .await;
        assert_eq!(status, 200);
        let (_, tg) = call(&app, "GET", "/api/v1/report-schedule", Some(&education), None).await;
        let due: Vec<(&str, &str, bool)> = tg
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["kinds"][0].as_str().unwrap(),
                    r["due_on"].as_str().unwrap(),
                    r["open_now"].as_bool().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            due,
            [
                ("grade", "2027-01-20", true),
                ("agency_activity", "2027-12-14", false)
            ],
            "{backend}"
        );

        let (status, _) = call(
            &app,
            "GET",
            "/api/v1/report-schedule",
            Some(&token_of(&app, "nguyenvanan").await),
            None,
        )
        .await;
        assert_eq!(
            status, 403,
            "{backend}: a personal account has no reports to make"
        );
    }
}

/// USE-6 (#19, defect 16): aggregates are shared, but in a unit outside the reader's scope the
/// counts from 1 to 4 of religion, ethnicity and Party membership show as "< 5", with the cell
/// that would give them away; inside the reader's scope, and for the province's administrators,
/// the figures are exact. The demo's Sở Y tế has 2 people with a religion among 44.
#[actix_web::test]
async fn small_counts_of_personal_characteristics_outside_the_readers_scope_show_as_fewer_than_five() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        ctx.load_people(hoso_app::seed::DEMO_SEED);
        let app = ctx.app().await;
        let admin = token_of(&app, "quantri").await;
        let agency = token_of(&app, "sogddt").await;
        let unit = |code: &str| {
            hoso_store::units::find_by_code(&mut ctx.db.connect(), code)
                .unwrap()
                .unwrap()
                .id
        };
        let (health, education) = (unit("HY.SYT"), unit("HY.SGDDT"));
        let path = format!("/api/v1/reports/religion?unit_id={health}");
        let (_, exact) = call(&app, "GET", &path, Some(&admin), None).await;
        let counts = |report: &Value| -> Vec<(String, i64, bool)> {
            report["rows"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| {
                    (
                        r["key"].as_str().unwrap().to_owned(),
                        r["count"].as_i64().unwrap(),
                        r["suppressed"].as_bool().unwrap(),
                    )
                })
                .collect()
        };
        let small: Vec<_> = counts(&exact)
            .into_iter()
            .filter(|(_, n, _)| (1..5).contains(n))
            .collect();
        assert!(
            !small.is_empty(),
            "{backend}: the demo has a small cell here: {exact}"
        );
        assert!(
            counts(&exact).iter().all(|(_, _, hidden)| !hidden),
            "the administrator sees all"
        );

        let (status, shared) = call(&app, "GET", &path, Some(&agency), None).await;
        assert_eq!(status, 200);
        assert_eq!(shared["total"], exact["total"]);
        let shown = counts(&shared);
        for (key, _, _) in &small {
            assert!(
                shown.iter().any(|(k, n, hidden)| k == key && *hidden && *n == 0),
                "{backend}: {key} hidden"
            );
        }
        assert!(
            shown.iter().filter(|(_, _, hidden)| *hidden).count() >= 2,
            "{backend}: with its complement"
        );
        assert!(
            shown.iter().all(|(_, n, hidden)| *hidden || !(1..5).contains(n)),
            "{shared}"
        );
        // In files too.
        let (status, csv) = crate::dossiers::print(&app, &agency, &format!("{path}&format=csv")).await;
        assert_eq!(status, 200);
        assert!(String::from_utf8(csv).unwrap().contains("< 5"), "{backend}");

        // Its own units: exact. A report that says nothing personal: exact.
        let (_, own) = call(
            &app,
            "GET",
            &format!("/api/v1/reports/religion?unit_id={education}"),
            Some(&agency),
            None,
        )
        .await;
        assert!(counts(&own).iter().all(|(_, _, hidden)| !hidden), "{own}");
        let (_, gender) = call(
            &app,
            "GET",
            &format!("/api/v1/reports/gender?unit_id={health}"),
            Some(&agency),
            None,
        )
        .await;
        assert!(counts(&gender).iter().all(|(_, _, hidden)| !hidden), "{gender}");
    }
}
