//! A province put into service from an empty database, with no seeder (issue #14): the first
//! run, units, an agency account, recruitments with the account deadline (ACC-6, DOS-1), coded
//! places (CTX-1, CTX-2), categories counted in the quota report (ORG-2), national identifiers.

use hoso_store::testing::backends;
use serde_json::{json, Value};

use crate::support::{assert_error_body, call, pdf, sign_in, upload, TestContext};

const ADMIN_PASSWORD: &str = "Quản trị tỉnh 2026!";

fn change(date: &str) -> Value {
    json!({"effective_date": date, "reason": "Thành lập", "decision": {"number": "1/QĐ-UBND", "date": date, "signer": "Chủ tịch UBND tỉnh"}})
}

fn count(ctx: &TestContext, table: &str) -> i64 {
    use diesel::RunQueryDsl;
    #[derive(diesel::QueryableByName)]
    struct N {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    diesel::sql_query(format!("SELECT COUNT(*) AS n FROM {table}"))
        .get_result::<N>(&mut ctx.db.connect())
        .unwrap()
        .n
}

fn recruit_body(name: &str, citizen_id: &str, category: &str, unit: &str, scan: &str) -> Value {
    json!({
        "full_name": name, "birth_date": "1998-03-15", "gender": "2", "citizen_id": citizen_id,
        "category": category, "unit_id": unit,
        "decision": {"number": "12/QĐ-SGDĐT", "date": "2026-11-16", "signer": "Giám đốc Sở", "document_id": scan}
    })
}

macro_rules! request {
    ($app:expr, $method:expr, $path:expr, $token:expr, $body:expr) => {
        call($app, $method, &$path, Some($token), Some($body)).await
    };
}

#[actix_web::test]
async fn an_empty_database_becomes_a_working_province_without_the_seeder() {
    for backend in backends() {
        let ctx = TestContext::new(backend);
        crate::support::set_day(&ctx, "2026-11-20");
        let app = ctx.app().await;

        // First run through the SPA's page: needed, a wrong token refused, the printed one works.
        let (status, setup) = call(&app, "GET", "/api/v1/setup", None, None).await;
        assert_eq!((status, setup["needed"].clone()), (200, json!(true)), "{backend}");
        let token = hoso_app::golive::issue_setup_token(&mut ctx.db.connect())
            .unwrap()
            .expect("a token while nothing is set up");
        let mut body = json!({"setup_token": "sai", "province_code": "33", "admin_username": "quantri",
            "admin_display_name": "Quản trị Sở Nội vụ", "admin_password": ADMIN_PASSWORD});
        let (status, refused) = call(&app, "POST", "/api/v1/setup", None, Some(body.clone())).await;
        assert_eq!(status, 422, "{refused}");
        assert_eq!(refused["details"]["fields"][0]["field"], "setup_token");
        body["setup_token"] = json!(token);
        let (status, done) = call(&app, "POST", "/api/v1/setup", None, Some(body.clone())).await;
        assert_eq!(status, 201, "{backend}: {done}");
        assert_eq!(done["province"]["name"], "Tỉnh Hưng Yên");
        let province = done["province"]["id"].as_str().unwrap().to_owned();
        let (status, again) = call(&app, "POST", "/api/v1/setup", None, Some(body)).await;
        assert_eq!(status, 409);
        assert_error_body(&again, "already_initialised");
        // `hoso init` again with the same province and administrator changes nothing; another
        // province is refused.
        let init = |code: &str| hoso_app::golive::InitRequest {
            province_code: code.into(),
            admin_username: "quantri".into(),
            admin_display_name: "x".into(),
            admin_password: None,
        };
        let same = hoso_app::golive::init_province(&mut ctx.db.connect(), &init("33")).unwrap();
        assert!(!same.created && same.temporary_password.is_none());
        assert!(hoso_app::golive::init_province(&mut ctx.db.connect(), &init("01")).is_err());
        assert_eq!(count(&ctx, "units"), 2, "{backend}: the province and Sở Nội vụ");

        // The administrator builds the tree: a department, a school under it, a commune.
        let admin = sign_in(&app, "quantri", ADMIN_PASSWORD).await["access_token"]
            .as_str()
            .unwrap()
            .to_owned();
        let unit = |code: &str, name: &str, kind: &str, parent: &str| {
            let mut body = change("2026-11-02");
            body["code"] = json!(code);
            body["name"] = json!(name);
            body["kind"] = json!(kind);
            body["parent_id"] = json!(parent);
            body
        };
        let (status, education) = request!(
            &app,
            "POST",
            "/api/v1/units",
            &admin,
            unit("33.SGDDT", "Sở Giáo dục và Đào tạo", "department", &province)
        );
        assert_eq!(status, 201, "{education}");
        let education = education["id"].as_str().unwrap().to_owned();
        let (_, school) = request!(
            &app,
            "POST",
            "/api/v1/units",
            &admin,
            unit(
                "33.THPT-PH",
                "Trường THPT Phố Hiến",
                "public_service_unit",
                &education
            )
        );
        let school = school["id"].as_str().unwrap().to_owned();
        let (_, commune) = request!(
            &app,
            "POST",
            "/api/v1/units",
            &admin,
            unit("33.UBND-TH", "UBND xã Tân Hưng", "committee", &province)
        );
        let commune = commune["id"].as_str().unwrap().to_owned();
        let (status, bad_kind) = request!(
            &app,
            "POST",
            "/api/v1/units",
            &admin,
            unit("33.X", "Huyện X", "district", &province)
        );
        assert_eq!(status, 422, "CTX-2: no district level: {bad_kind}");

        // An agency account for the department.
        let (status, issued) = request!(
            &app,
            "POST",
            "/api/v1/accounts",
            &admin,
            json!({
            "username": "sogddt", "display_name": "Sở GD&ĐT", "kind": "agency", "unit_id": education,
            "rights": ["read_dossiers", "create_dossiers", "update_dossiers", "manage_accounts"], "reason": "Đầu mối"})
        );
        assert_eq!(status, 201, "{issued}");
        let agency = crate::support::sign_in_changing_password(
            &app,
            "sogddt",
            issued["temporary_password"].as_str().unwrap(),
        )
        .await;

        // The agency recruits a teacher with the scanned decision.
        let (status, scan) = upload(&app, &agency, "qd.pdf", "application/pdf", pdf("QĐ tuyển dụng")).await;
        assert_eq!(status, 201, "{scan}");
        let scan = scan["id"].as_str().unwrap().to_owned();
        let (status, teacher) = request!(
            &app,
            "POST",
            "/api/v1/recruitments",
            &agency,
            recruit_body("Trần Thị Mai", "033198001234", "public_employee", &school, &scan)
        );
        assert_eq!(status, 201, "{backend}: {teacher}");
        // Decision on Monday 16 November 2026: 5 working days → Monday 23 November.
        assert_eq!(teacher["account_due_on"], "2026-11-23");
        assert_eq!(teacher["has_account"], false);
        let person = teacher["person_id"].as_str().unwrap().to_owned();
        let dossier = teacher["dossier_id"].as_str().unwrap().to_owned();

        // The dashboard shows the account due, with the officer who may issue it.
        let (_, board) = call(&app, "GET", "/api/v1/deadlines", Some(&agency), None).await;
        let due: Vec<&Value> = board["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|i| i["task"] == "account_creation")
            .collect();
        assert_eq!(due.len(), 1, "{board}");
        assert_eq!(due[0]["full_name"], "Trần Thị Mai");
        assert!(
            due[0]["officers"]
                .as_array()
                .unwrap()
                .contains(&json!("Sở GD&ĐT")),
            "{board}"
        );
        let (_, waiting) = call(
            &app,
            "GET",
            "/api/v1/recruitments?without_account=true",
            Some(&agency),
            None,
        )
        .await;
        assert_eq!(waiting.as_array().unwrap().len(), 1, "{waiting}");

        // The agency issues the account; the teacher signs in and fills the form with coded places.
        let (status, personal) = request!(
            &app,
            "POST",
            "/api/v1/accounts",
            &agency,
            json!({
            "username": "tranthimai", "display_name": "Trần Thị Mai", "kind": "personal", "person_id": person, "reason": "Tuyển dụng"})
        );
        assert_eq!(status, 201, "{personal}");
        let (_, waiting) = call(
            &app,
            "GET",
            "/api/v1/recruitments?without_account=true",
            Some(&agency),
            None,
        )
        .await;
        assert!(waiting.as_array().unwrap().is_empty(), "{waiting}");
        let (_, board) = call(&app, "GET", "/api/v1/deadlines", Some(&agency), None).await;
        assert!(!board["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["task"] == "account_creation"));
        let own = crate::support::sign_in_changing_password(
            &app,
            "tranthimai",
            personal["temporary_password"].as_str().unwrap(),
        )
        .await;
        let (status, draft) = call(
            &app,
            "GET",
            &format!("/api/v1/dossiers/{dossier}/draft"),
            Some(&own),
            None,
        )
        .await;
        assert_eq!(status, 200, "{draft}");
        assert_eq!(
            draft["content"]["identity"]["citizen_id"], "033198001234",
            "prefilled from the decision"
        );
        assert_eq!(
            draft["content"]["career"]["recruiting_body"],
            "Trường THPT Phố Hiến"
        );
        let places = |birth_commune: &'static str| {
            move |content: &mut Value| {
                content["identity"]["birth_place"] = json!({"province": "33", "commune_code": birth_commune});
                // A hometown named before the reform: Thái Bình, now part of Hưng Yên.
                content["identity"]["hometown"] =
                    json!({"province": "34", "commune": "Xã Đông Hợp", "commune_code": "11977"});
                content["identity"]["residence_place"] = json!({"province": "33", "commune_code": "11953"});
            }
        };
        let (status, unknown) = crate::support::edit_draft(&app, &own, &dossier, places("99999")).await;
        assert_eq!(status, 422, "{unknown}");
        assert_eq!(
            unknown["details"]["fields"][0]["field"],
            "identity.birth_place.commune_code"
        );
        let (status, elsewhere) = crate::support::edit_draft(&app, &own, &dossier, places("00004")).await;
        assert_eq!(status, 422, "{elsewhere}");
        assert_eq!(
            elsewhere["details"]["fields"][0]["code"],
            "commune_not_in_province"
        );
        let (_, unchanged) = call(
            &app,
            "GET",
            &format!("/api/v1/dossiers/{dossier}/draft"),
            Some(&own),
            None,
        )
        .await;
        assert_eq!(
            unchanged["revision"], draft["revision"],
            "refused saves store nothing"
        );
        let (status, saved) = crate::support::edit_draft(&app, &own, &dossier, places("11980")).await;
        assert_eq!(status, 200, "{backend}: {saved}");
        let (_, draft) = call(
            &app,
            "GET",
            &format!("/api/v1/dossiers/{dossier}/draft"),
            Some(&own),
            None,
        )
        .await;
        assert_eq!(
            draft["content"]["identity"]["residence_place"]["commune_code"], "11953",
            "the sealed residence reads back"
        );

        // A civil servant and a contract worker: each category in its column of the quota report.
        let (_, clerk) = request!(
            &app,
            "POST",
            "/api/v1/recruitments",
            &agency,
            recruit_body("Lê Văn Bình", "033198004321", "civil_servant", &education, &scan)
        );
        assert_eq!(clerk["category"], "civil_servant", "{clerk}");
        let mut contract = recruit_body(
            "Phạm Văn Cường",
            "033198005555",
            "contract_worker",
            &school,
            &scan,
        );
        contract["contract_type"] = json!("XDTH");
        contract["contract_ends_on"] = json!("2027-11-15");
        let (status, worker) = request!(&app, "POST", "/api/v1/recruitments", &agency, contract);
        assert_eq!(status, 201, "{worker}");
        assert_eq!(worker["basis"], "contract");
        let (_, quota) = call(&app, "GET", "/api/v1/reports/quota", Some(&admin), None).await;
        let columns: Vec<&str> = quota["columns"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap())
            .collect();
        let total = |name: &str| quota["totals"][columns.iter().position(|c| *c == name).unwrap()].clone();
        assert_eq!(quota["total"], 3, "{quota}");
        assert_eq!(total("Công chức có mặt"), 1, "{quota}");
        assert_eq!(total("Viên chức có mặt"), 1);
        assert_eq!(total("Hợp đồng lao động có mặt"), 1);

        // The contract worker becomes a public employee on a decision: two periods, and the
        // report of a day before still counts a contract worker.
        let worker_id = worker["person_id"].as_str().unwrap();
        crate::support::set_day(&ctx, "2026-12-01");
        let (status, periods) = request!(
            &app,
            "POST",
            format!("/api/v1/people/{worker_id}/categories"),
            &agency,
            json!({
            "category": "public_employee", "starts_on": "2026-11-30",
            "decision": {"number": "30/QĐ-SGDĐT", "date": "2026-11-27", "signer": "Giám đốc Sở", "document_id": scan}})
        );
        assert_eq!(status, 201, "{periods}");
        assert_eq!(periods.as_array().unwrap().len(), 2);
        assert_eq!(periods[0]["valid_to"], "2026-11-30");
        let (_, before) = call(
            &app,
            "GET",
            "/api/v1/reports/quota?as_of=2026-11-29",
            Some(&admin),
            None,
        )
        .await;
        let (_, after) = call(
            &app,
            "GET",
            "/api/v1/reports/quota?as_of=2026-11-30",
            Some(&admin),
            None,
        )
        .await;
        let contract_col = columns
            .iter()
            .position(|c| *c == "Hợp đồng lao động có mặt")
            .unwrap();
        assert_eq!(before["totals"][contract_col], 1, "{before}");
        assert_eq!(after["totals"][contract_col], 0, "{after}");

        // National identifiers: Sở Nội vụ only; printed and searchable.
        let ids = json!({"national_identifier": "033198001234", "national_dossier_code": "33.HS-000001"});
        let (status, _) = request!(
            &app,
            "PUT",
            format!("/api/v1/dossiers/{dossier}/national-ids"),
            &agency,
            ids.clone()
        );
        assert_eq!(status, 403);
        let (status, summary) = request!(
            &app,
            "PUT",
            format!("/api/v1/dossiers/{dossier}/national-ids"),
            &admin,
            ids
        );
        assert_eq!(status, 200, "{summary}");
        assert_eq!(summary["national_dossier_code"], "33.HS-000001");
        let (_, found) = call(
            &app,
            "GET",
            "/api/v1/dossiers?national_id=33.hs-000001",
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(found.as_array().unwrap().len(), 1, "{found}");
        assert_eq!(found[0]["id"], dossier.as_str());
        let _ = commune;
    }
}

#[actix_web::test]
async fn a_bad_recruitment_is_refused_naming_the_field_and_stores_nothing() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        crate::support::set_day(&ctx, "2026-11-20");
        let app = ctx.app().await;
        let agency = crate::support::token_of(&app, "sogddt").await;
        let school = hoso_store::units::find_by_code(&mut ctx.db.connect(), "HY.SGDDT.THPTHY")
            .unwrap()
            .unwrap()
            .id;
        let health = hoso_store::units::find_by_code(&mut ctx.db.connect(), "HY.SYT")
            .unwrap()
            .unwrap()
            .id;
        let (_, scan) = upload(&app, &agency, "qd.pdf", "application/pdf", pdf("QĐ")).await;
        let scan = scan["id"].as_str().unwrap().to_owned();
        let good = recruit_body("Đỗ Thị Hoa", "033198007777", "public_employee", &school, &scan);
        let (status, first) = request!(&app, "POST", "/api/v1/recruitments", &agency, good.clone());
        assert_eq!(status, 201, "{backend}: {first}");
        let people = count(&ctx, "people");
        let dossiers = count(&ctx, "dossiers");

        let cases: Vec<(Value, u16, &str, Option<&str>)> = vec![
            // The same citizen ID: 409 naming the existing dossier.
            (good.clone(), 409, "person_exists", Some("citizen_id")),
            (
                {
                    let mut b = good.clone();
                    b["citizen_id"] = json!("033198008888");
                    b["decision"]["document_id"] = Value::Null;
                    b
                },
                422,
                "validation_failed",
                Some("decision.document_id"),
            ),
            (
                {
                    let mut b = good.clone();
                    b["citizen_id"] = json!("033198008888");
                    b["decision"]["date"] = json!("2026-11-21");
                    b
                },
                422,
                "validation_failed",
                Some("decision.date"),
            ),
            (
                {
                    let mut b = good.clone();
                    b["citizen_id"] = json!("033198008888");
                    b["unit_id"] = json!(health);
                    b
                },
                422,
                "validation_failed",
                Some("unit_id"),
            ),
            (
                {
                    let mut b = good.clone();
                    b["citizen_id"] = json!("033198008888");
                    b["category"] = json!("contract_worker");
                    b
                },
                422,
                "validation_failed",
                Some("contract_type"),
            ),
            (
                {
                    let mut b = good.clone();
                    b["citizen_id"] = json!("033198008888");
                    b["birth_date"] = json!("2010-01-01");
                    b
                },
                422,
                "validation_failed",
                Some("birth_date"),
            ),
            (
                {
                    let mut b = good.clone();
                    b["citizen_id"] = json!("12345");
                    b
                },
                422,
                "validation_failed",
                Some("citizen_id"),
            ),
        ];
        for (body, expected, code, field) in cases {
            let (status, error) = request!(&app, "POST", "/api/v1/recruitments", &agency, body);
            assert_eq!(status, expected, "{backend}: {error}");
            assert_error_body(&error, code);
            if let Some(field) = field {
                let fields: Vec<&str> = error["details"]["fields"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|f| f["field"].as_str().unwrap())
                    .collect();
                assert!(fields.contains(&field), "{field}: {error}");
            }
            if code == "person_exists" {
                assert_eq!(error["details"]["dossier_id"], first["dossier_id"]);
            }
        }
        assert_eq!(count(&ctx, "people"), people, "{backend}: nothing stored");
        assert_eq!(count(&ctx, "dossiers"), dossiers);

        // Denials: a personal account, an agency without create_dossiers is 403.
        let personal = crate::support::token_of(&app, "nguyenvanan").await;
        let (status, _) = request!(&app, "POST", "/api/v1/recruitments", &personal, good.clone());
        assert_eq!(status, 422, "a personal account sees no unit to recruit into");
        let (status, _) = call(&app, "GET", "/api/v1/recruitments", Some(&personal), None).await;
        assert_eq!(status, 403);

        // An agency proposes a unit; Sở Nội vụ approves it and the unit exists.
        let education = hoso_store::units::find_by_code(&mut ctx.db.connect(), "HY.SGDDT")
            .unwrap()
            .unwrap()
            .id;
        let (status, proposal) = request!(
            &app,
            "POST",
            "/api/v1/unit-requests",
            &agency,
            json!({
            "parent_id": education, "code": "HY.SGDDT.MN-MOI", "name": "Trường Mầm non Hoa Sen", "kind": "public_service_unit",
            "effective_date": "2026-11-18", "reason": "Thành lập theo quyết định của UBND tỉnh"})
        );
        assert_eq!(status, 201, "{proposal}");
        let (status, _) = request!(
            &app,
            "POST",
            "/api/v1/unit-requests",
            &agency,
            json!({
            "parent_id": health, "code": "HY.SYT.X", "name": "X", "kind": "public_service_unit",
            "effective_date": "2026-11-18", "reason": "x"})
        );
        assert_eq!(
            status, 422,
            "another agency's unit is not the agency's to propose under"
        );
        let id = proposal["id"].as_str().unwrap();
        let (status, _) = request!(
            &app,
            "POST",
            format!("/api/v1/unit-requests/{id}/approve"),
            &agency,
            json!({})
        );
        assert_eq!(status, 403, "agencies do not decide");
        let admin = crate::support::token_of(&app, "quantri").await;
        let (status, approved) = request!(
            &app,
            "POST",
            format!("/api/v1/unit-requests/{id}/approve"),
            &admin,
            json!({"note": "Đồng ý"})
        );
        assert_eq!(status, 200, "{backend}: {approved}");
        let created = approved["created_unit_id"].as_str().unwrap();
        let (status, unit) = call(
            &app,
            "GET",
            &format!("/api/v1/units/{created}"),
            Some(&agency),
            None,
        )
        .await;
        assert_eq!(
            (status, unit["name"].clone()),
            (200, json!("Trường Mầm non Hoa Sen"))
        );
        let (status, again) = request!(
            &app,
            "POST",
            format!("/api/v1/unit-requests/{id}/reject"),
            &admin,
            json!({"note": "x"})
        );
        assert_eq!(status, 409);
        assert_error_body(&again, "already_decided");
    }
}
