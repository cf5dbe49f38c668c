//! Search by any criteria on every backend (USE-1): results of five criteria at once match a
//! count made independently from the stored versions' JSON, pages are stable and complete, the
//! scope holds, a search is saved and re-run, and the Excel export reads back (with calamine)
//! to the same rows as the screen.

use std::collections::BTreeSet;

use diesel::RunQueryDsl;
use hoso_store::testing::backends;
use serde_json::{json, Value};

use crate::support::{call, edit_draft, token_of, TestContext};

/// Every approved dossier's latest content (clear part), straight from the database.
fn approved_contents(ctx: &TestContext) -> Vec<(String, Value, String)> {
    #[derive(diesel::QueryableByName)]
    struct Row {
        #[diesel(sql_type = diesel::sql_types::Text)]
        id: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        content: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        path: String,
    }
    let rows: Vec<Row> = diesel::sql_query(
        "SELECT d.id, v.content, u.path FROM dossiers d \
         JOIN dossier_versions v ON v.dossier_id = d.id AND v.number = d.current_version \
         JOIN people p ON p.id = d.person_id JOIN units u ON u.id = p.unit_id",
    )
    .load(&mut ctx.db.connect())
    .unwrap();
    rows.into_iter()
        .map(|r| (r.id, serde_json::from_str(&r.content).unwrap(), r.path))
        .collect()
}

async fn all_pages<S, B>(app: &S, token: &str, query: &str) -> Vec<Value>
where
    S: actix_web::dev::Service<
        actix_http::Request,
        Response = actix_web::dev::ServiceResponse<B>,
        Error = actix_web::Error,
    >,
    B: actix_web::body::MessageBody,
{
    let mut items = Vec::new();
    let mut after: Option<String> = None;
    let mut total = None;
    loop {
        let cursor = after
            .as_deref()
            .map(|a| format!("&after={a}"))
            .unwrap_or_default();
        let (status, page) = call(
            app,
            "GET",
            &format!("/api/v1/search?limit=37{query}{cursor}"),
            Some(token),
            None,
        )
        .await;
        assert_eq!(status, 200, "{page}");
        // Issue #23 point 7: the first page counts every match; later pages do not count again.
        match after {
            None => total = page["total"].as_u64(),
            Some(_) => assert_eq!(page.get("total"), Some(&serde_json::Value::Null), "{page}"),
        }
        items.extend(page["items"].as_array().unwrap().iter().cloned());
        match page["next"].as_str() {
            Some(next) => after = Some(next.to_owned()),
            None => {
                assert_eq!(total, Some(items.len() as u64), "{query}");
                return items;
            }
        }
    }
}

#[actix_web::test]
async fn five_criteria_match_an_independent_count_and_the_export_reads_back() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let loaded = ctx.load_people(7);
        let app = ctx.app().await;
        let admin = token_of(&app, "quantri").await;
        let contents = approved_contents(&ctx);
        assert_eq!(contents.len(), loaded, "{backend}");

        // Every page, no duplicates, nothing missing.
        let everyone = all_pages(&app, &admin, "").await;
        let ids: BTreeSet<&str> = everyone
            .iter()
            .map(|h| h["dossier"]["id"].as_str().unwrap())
            .collect();
        assert_eq!((everyone.len(), ids.len()), (loaded, loaded), "{backend}");

        // Five criteria at once: women, born from 1975, until 1990, party members, with a degree.
        let expected: BTreeSet<&str> = contents
            .iter()
            .filter(|(_, c, _)| {
                let born = c["identity"]["birth_date"].as_str().unwrap_or("");
                c["identity"]["gender"] == "2"
                    && ("1975-01-01"..="1990-12-31").contains(&born)
                    && c["career"]["party_joined_on"].is_string()
                    && c["career"]["qualification"] == "DH"
            })
            .map(|(id, _, _)| id.as_str())
            .collect();
        let found = all_pages(
            &app,
            &admin,
            "&gender=2&born_from=1975-01-01&born_until=1990-12-31&party_member=true&qualification=DH",
        )
        .await;
        let got: BTreeSet<&str> = found
            .iter()
            .map(|h| h["dossier"]["id"].as_str().unwrap())
            .collect();
        assert_eq!(got, expected, "{backend}");
        assert!(
            !expected.is_empty(),
            "{backend}: the generated data has such people"
        );

        // Scope: the education department sees only its subtree.
        let education = token_of(&app, "sogddt").await;
        let theirs = all_pages(&app, &education, "").await;
        let department = hoso_store::units::find_by_code(&mut ctx.db.connect(), "HY.SGDDT")
            .unwrap()
            .unwrap()
            .path;
        let in_scope = contents
            .iter()
            .filter(|(_, _, path)| path.starts_with(&department))
            .count();
        assert_eq!(theirs.len(), in_scope, "{backend}");
        assert!(in_scope < loaded);
        let (status, _) = call(
            &app,
            "GET",
            "/api/v1/search",
            Some(&token_of(&app, "nguyenvanan").await),
            None,
        )
        .await;
        assert_eq!(status, 403, "{backend}: not for personal accounts");

        // Saved and re-run.
        let criteria = json!({"gender": "2", "party_member": true});
        let (status, saved) = call(
            &app,
            "POST",
            "/api/v1/searches",
            Some(&admin),
            Some(json!({"name": "Nữ đảng viên", "criteria": criteria})),
        )
        .await;
        assert_eq!(status, 201, "{backend}: {saved}");
        let (_, list) = call(&app, "GET", "/api/v1/searches", Some(&admin), None).await;
        assert_eq!(
            (
                &list[0]["criteria"]["gender"],
                &list[0]["criteria"]["party_member"]
            ),
            (&json!("2"), &json!(true))
        );

        // The Excel export has the same people, in the same order, under Vietnamese headers.
        let on_screen = all_pages(&app, &admin, "&gender=2&party_member=true").await;
        let (status, bytes) = crate::dossiers::print(
            &app,
            &admin,
            "/api/v1/search?gender=2&party_member=true&format=xlsx",
        )
        .await;
        assert_eq!(status, 200, "{backend}");
        use calamine::Reader;
        let mut workbook: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
        let sheet = workbook.worksheet_range_at(0).unwrap().unwrap();
        let rows: Vec<Vec<String>> = sheet
            .rows()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect();
        assert_eq!(rows[0][0], "Danh sách cán bộ, công chức, viên chức");
        assert_eq!(
            rows[3][0..2],
            ["Số hiệu hồ sơ".to_owned(), "Họ và tên".to_owned()]
        );
        let exported: Vec<&str> = rows[4..].iter().map(|r| r[0].as_str()).collect();
        let shown: Vec<&str> = on_screen
            .iter()
            .map(|h| h["dossier"]["dossier_number"].as_str().unwrap())
            .collect();
        assert_eq!(exported, shown, "{backend}");
        let (status, csv) = crate::dossiers::print(
            &app,
            &admin,
            "/api/v1/search?gender=2&party_member=true&format=csv",
        )
        .await;
        assert_eq!(status, 200);
        assert!(
            String::from_utf8(csv).unwrap().lines().count() == shown.len() + 1,
            "{backend}: header + rows"
        );

        // The chosen columns, in the chosen order, and nothing else; an unknown one is refused.
        let (status, csv) = crate::dossiers::print(
            &app,
            &admin,
            "/api/v1/search?gender=2&party_member=true&columns=coefficient,birth_date&format=csv",
        )
        .await;
        assert_eq!(status, 200);
        let csv = String::from_utf8(csv).unwrap();
        let mut lines = csv.lines();
        assert_eq!(
            lines.next().unwrap().trim_start_matches('\u{feff}'),
            "Số hiệu hồ sơ,Họ và tên,Đơn vị,Hệ số,Ngày sinh"
        );
        let first = &on_screen[0];
        let coefficient = first["coefficient"].as_i64().unwrap();
        assert!(
            lines
                .next()
                .unwrap()
                .contains(&(coefficient as f64 / 100.0).to_string()),
            "{backend}: the coefficient of the first person"
        );
        let (status, body) = call(
            &app,
            "GET",
            "/api/v1/search?gender=2&columns=gender,salary&format=csv",
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(status, 422, "{body}");
        assert_eq!(body["details"]["fields"][0]["field"], "columns");
    }
}

#[actix_web::test]
async fn report_figures_match_independent_counts_and_the_excel_file() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        ctx.load_people(11);
        crate::support::set_day(&ctx, "2031-06-01");
        let app = ctx.app().await;
        let contents = approved_contents(&ctx);
        // USE-6: the education department sees the health department's aggregate figures.
        let education = token_of(&app, "sogddt").await;
        let health = hoso_store::units::find_by_code(&mut ctx.db.connect(), "HY.SYT")
            .unwrap()
            .unwrap();

        let by_grade = |path: Option<&str>| {
            let mut counts = std::collections::BTreeMap::<String, i64>::new();
            for (_, c, p) in &contents {
                if path.is_none_or(|prefix| p.starts_with(prefix)) {
                    *counts
                        .entry(c["salary"]["grade"].as_str().unwrap_or("").to_owned())
                        .or_default() += 1;
                }
            }
            counts
        };
        let (status, report) = call(
            &app,
            "GET",
            &format!("/api/v1/reports/grade?unit_id={}", health.id),
            Some(&education),
            None,
        )
        .await;
        assert_eq!(status, 200, "{backend}: {report}");
        let got: std::collections::BTreeMap<String, i64> = report["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["key"].as_str().unwrap().to_owned(),
                    r["count"].as_i64().unwrap(),
                )
            })
            .collect();
        assert_eq!(got, by_grade(Some(&health.path)), "{backend}");
        assert!(report["total"].as_i64().unwrap() > 0);

        // The age pyramid on 1/6/2031, counted here from birth dates and genders.
        let (_, pyramid) = call(&app, "GET", "/api/v1/reports/age", Some(&education), None).await;
        let age = |birth: &str| {
            let b = chrono::NaiveDate::parse_from_str(birth, "%Y-%m-%d").unwrap();
            let on = chrono::NaiveDate::from_ymd_opt(2031, 6, 1).unwrap();
            use chrono::Datelike;
            on.year() - b.year() - i32::from((on.month(), on.day()) < (b.month(), b.day()))
        };
        let women_40s = contents
            .iter()
            .filter(|(_, c, _)| {
                c["identity"]["gender"] == "2"
                    && c["identity"]["birth_date"]
                        .as_str()
                        .is_some_and(|b| (40..=49).contains(&age(b)))
            })
            .count() as i64;
        let band = pyramid["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["key"] == "40-49")
            .unwrap()
            .clone();
        assert_eq!(pyramid["columns"], json!(["Nam", "Nữ"]), "{backend}");
        assert_eq!(band["values"][1].as_i64(), Some(women_40s), "{backend}: {band}");

        // The Excel file holds the figures shown.
        let (status, bytes) = crate::dossiers::print(
            &app,
            &education,
            &format!("/api/v1/reports/grade?unit_id={}&format=xlsx", health.id),
        )
        .await;
        assert_eq!(status, 200);
        use calamine::Reader;
        let mut workbook: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
        let sheet = workbook.worksheet_range_at(0).unwrap().unwrap();
        let rows: Vec<Vec<String>> = sheet
            .rows()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect();
        assert_eq!(rows[0][0], "Số lượng theo ngạch, chức danh nghề nghiệp");
        assert!(rows[1][0].starts_with("Sở Y tế"), "{:?}", rows[1]);
        let from_file: std::collections::BTreeMap<String, i64> = rows[4..rows.len() - 1]
            .iter()
            .map(|r| (r[0].clone(), r[2].parse::<f64>().unwrap() as i64))
            .collect();
        assert_eq!(from_file, got, "{backend}");
        assert_eq!(rows.last().unwrap()[1], "Tổng cộng");

        let (status, _) = call(
            &app,
            "GET",
            "/api/v1/reports/grade",
            Some(&token_of(&app, "nguyenvanan").await),
            None,
        )
        .await;
        assert_eq!(status, 403);
        let (status, _) = call(&app, "GET", "/api/v1/reports/unknown", Some(&education), None).await;
        assert_eq!(status, 404);
    }
}

/// Those who edit dossiers may search the working drafts (latest edits, not yet approved); the
/// approved data does not show the edit until it is approved; a reader without
/// `update_dossiers` is refused.
#[actix_web::test]
async fn drafts_are_searched_by_those_who_edit_them() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        ctx.load_people(7);
        let app = ctx.app().await;
        let admin = token_of(&app, "quantri").await;
        let (_, page) = call(
            &app,
            "GET",
            "/api/v1/search?qualification=DH&limit=1",
            Some(&admin),
            None,
        )
        .await;
        let hit = page["items"][0]["dossier"].clone();
        let id = hit["id"].as_str().unwrap();
        let (status, saved) = edit_draft(&app, &admin, id, |content| {
            content["career"]["qualification"] = json!("TSKH");
        })
        .await;
        assert_eq!(status, 200, "{backend}: {saved}");

        let found = |page: &Value| -> Vec<String> {
            page["items"]
                .as_array()
                .unwrap_or_else(|| panic!("{page}"))
                .iter()
                .map(|h| h["dossier"]["id"].as_str().unwrap().to_owned())
                .collect()
        };
        let (_, approved) = call(
            &app,
            "GET",
            "/api/v1/search?qualification=TSKH",
            Some(&admin),
            None,
        )
        .await;
        assert!(
            !found(&approved).contains(&id.to_owned()),
            "{backend}: not approved yet"
        );
        let (_, drafts) = call(
            &app,
            "GET",
            "/api/v1/search?qualification=TSKH&drafts=true",
            Some(&admin),
            None,
        )
        .await;
        assert!(found(&drafts).contains(&id.to_owned()), "{backend}: {drafts}");

        let reader: String = [hoso_domain::access::Right::ReadDossiers]
            .into_iter()
            .collect::<hoso_domain::access::RightSet>()
            .to_storage();
        diesel::sql_query(format!(
            "UPDATE accounts SET rights = '{reader}' WHERE username = 'syte'"
        ))
        .execute(&mut ctx.db.connect())
        .unwrap();
        let syte = token_of(&app, "syte").await;
        let (status, _) = call(&app, "GET", "/api/v1/search?drafts=true", Some(&syte), None).await;
        assert_eq!(status, 403, "{backend}");
        let (status, _) = call(&app, "GET", "/api/v1/search", Some(&syte), None).await;
        assert_eq!(status, 200, "{backend}");
    }
}

/// Other orders page through everyone exactly once, in order: by birth date (oldest first) and
/// by salary coefficient (highest first); ties and unknowns do not break the pages.
#[actix_web::test]
async fn sorted_pages_are_complete_and_in_order() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let loaded = ctx.load_people(9);
        let app = ctx.app().await;
        let admin = token_of(&app, "quantri").await;

        let by_birth = all_pages(&app, &admin, "&sort=birth_date").await;
        let ids: BTreeSet<&str> = by_birth
            .iter()
            .map(|h| h["dossier"]["id"].as_str().unwrap())
            .collect();
        assert_eq!((by_birth.len(), ids.len()), (loaded, loaded), "{backend}");
        let births: Vec<&str> = by_birth
            .iter()
            .map(|h| h["birth_date"].as_str().unwrap_or("9999"))
            .collect();
        assert!(births.windows(2).all(|w| w[0] <= w[1]), "{backend}: {births:?}");

        // Contract workers have no coefficient: they come last.
        let by_pay = all_pages(&app, &admin, "&sort=coefficient_desc").await;
        assert_eq!(by_pay.len(), loaded, "{backend}");
        let pay: Vec<i64> = by_pay
            .iter()
            .map(|h| h["coefficient"].as_i64().unwrap_or(-1))
            .collect();
        assert!(pay.windows(2).all(|w| w[0] >= w[1]), "{backend}: {pay:?}");
        assert_eq!(*pay.last().unwrap(), -1, "{backend}");

        let (status, body) = call(&app, "GET", "/api/v1/search?sort=salary", Some(&admin), None).await;
        assert_eq!(
            (status, body["details"]["fields"][0]["field"].clone()),
            (422, json!("sort")),
            "{body}"
        );
    }
}

/// Issue #19 (17): an age beyond any real one (the document allowed any `u32`) panicked in the
/// date arithmetic and answered 500; now it is 422 naming the field, and the limit is documented.
#[actix_web::test]
async fn an_impossible_age_is_refused_naming_the_field() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let token = token_of(&app, "sogddt").await;
        for (query, field) in [("age_from=300000", "age_from"), ("age_to=151", "age_to")] {
            let (status, body) = call(
                &app,
                "GET",
                &format!("/api/v1/search?{query}"),
                Some(&token),
                None,
            )
            .await;
            assert_eq!(status, 422, "{backend} {query}: {body}");
            assert_eq!(body["details"]["fields"][0]["field"], field);
            assert_eq!(body["details"]["fields"][0]["code"], "out_of_range");
        }
        let (status, _) = call(&app, "GET", "/api/v1/search?age_from=150", Some(&token), None).await;
        assert_eq!(status, 200, "{backend}: the oldest allowed age is searched");
    }
}
