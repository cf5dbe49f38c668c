//! The organisation tree through time, on every backend (ORG-1, ORG-4, CTX-2).

use hoso_store::testing::backends;
use hoso_store::{people, units};
use serde_json::{json, Value};

use crate::support::{assert_error_body, call, token_of, TestContext};

fn unit_id(ctx: &TestContext, code: &str) -> String {
    units::find_by_code(&mut ctx.db.connect(), code)
        .unwrap()
        .unwrap()
        .id
}

fn names(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|u| u["name"].as_str().unwrap().to_owned())
        .collect()
}

fn names_of_people(list: &Value) -> Vec<String> {
    list.as_array()
        .unwrap()
        .iter()
        .map(|p| p["full_name"].as_str().unwrap().to_owned())
        .collect()
}

fn change(date: &str, reason: &str) -> Value {
    json!({"effective_date": date, "reason": reason, "decision": {"number": "99/QĐ-UBND", "date": date, "signer": "Chủ tịch UBND tỉnh"}})
}

async fn create_unit<S, B>(app: &S, admin: &str, code: &str, name: &str, parent: &str, date: &str) -> String
where
    S: actix_web::dev::Service<
        actix_http::Request,
        Response = actix_web::dev::ServiceResponse<B>,
        Error = actix_web::Error,
    >,
    B: actix_web::body::MessageBody,
{
    let mut body = change(date, "Thành lập");
    body["code"] = json!(code);
    body["name"] = json!(name);
    body["kind"] = json!("department");
    body["parent_id"] = json!(parent);
    let (status, created) = call(app, "POST", "/api/v1/units", Some(admin), Some(body)).await;
    assert_eq!(status, 201, "{created}");
    created["id"].as_str().unwrap().to_owned()
}

#[actix_web::test]
async fn a_merge_of_three_units_moves_everyone_and_the_past_stays_readable() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let admin = token_of(&app, "quantri").await;
        let province = unit_id(&ctx, "HY");
        let a = create_unit(
            &app,
            &admin,
            "HY.SNN",
            "Sở Nông nghiệp và Phát triển nông thôn",
            &province,
            "2025-09-01",
        )
        .await;
        let b = create_unit(
            &app,
            &admin,
            "HY.STNMT",
            "Sở Tài nguyên và Môi trường",
            &province,
            "2025-09-01",
        )
        .await;
        let c = create_unit(
            &app,
            &admin,
            "HY.CCTL",
            "Chi cục Thủy lợi",
            &province,
            "2025-09-01",
        )
        .await;
        let division = create_unit(
            &app,
            &admin,
            "HY.SNN.VP",
            "Văn phòng Sở Nông nghiệp",
            &a,
            "2025-09-01",
        )
        .await;
        let staff: Vec<String> = [
            ("Nguyễn Thị Hoa", &a),
            ("Trần Văn Khánh", &b),
            ("Lê Văn Long", &c),
        ]
        .iter()
        .map(|(name, unit)| people::insert(&mut ctx.db.connect(), name, unit).unwrap().id)
        .collect();
        let (status, issued) = call(&app, "POST", "/api/v1/accounts", Some(&admin), Some(json!({"username": "nguyenthihoa", "display_name": "Nguyễn Thị Hoa", "kind": "personal", "person_id": staff[0], "reason": "Cấp tài khoản"}))).await;
        assert_eq!(status, 201, "{issued}");
        let account = issued["account"]["id"].as_str().unwrap().to_owned();

        let mut merge = change("2026-03-01", "Hợp nhất theo Nghị quyết của HĐND tỉnh");
        merge["source_ids"] = json!([a, b, c]);
        merge["new_target"] = json!({"code": "HY.SNNTLMT", "name": "Sở Nông nghiệp, Thủy lợi và Môi trường", "kind": "department", "parent_id": province});
        let (status, plan) = call(
            &app,
            "POST",
            "/api/v1/unit-merges/preview",
            Some(&admin),
            Some(merge.clone()),
        )
        .await;
        assert_eq!(status, 200, "{backend}: {plan}");
        assert_eq!(plan["moves"].as_array().unwrap().len(), 3);
        assert_eq!(plan["moved_sub_units"][0]["id"], division);
        assert_eq!(plan["ended_units"].as_array().unwrap().len(), 3);
        assert!(
            units::find_by_code(&mut ctx.db.connect(), "HY.SNNTLMT")
                .unwrap()
                .is_none(),
            "a preview changes nothing"
        );

        let (status, done) = call(&app, "POST", "/api/v1/unit-merges", Some(&admin), Some(merge)).await;
        assert_eq!(status, 200, "{backend}: {done}");
        let target = done["target"]["id"].as_str().unwrap().to_owned();
        for person in &staff {
            let (moved, _) = people::find_with_unit_path(&mut ctx.db.connect(), person)
                .unwrap()
                .unwrap();
            assert_eq!(moved.unit_id, target, "{backend}: every person moved");
        }
        let (_, moved_account) = call(
            &app,
            "GET",
            &format!("/api/v1/accounts/{account}"),
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(
            moved_account["unit"]["id"], target,
            "{backend}: the personal account followed"
        );

        let (_, before) = call(&app, "GET", "/api/v1/units?as_of=2026-02-28", Some(&admin), None).await;
        let before = names(&before);
        for name in [
            "Sở Nông nghiệp và Phát triển nông thôn",
            "Sở Tài nguyên và Môi trường",
            "Chi cục Thủy lợi",
        ] {
            assert!(
                before.contains(&name.to_owned()),
                "{backend}: {name} on the day before: {before:?}"
            );
        }
        assert!(!before.contains(&"Sở Nông nghiệp, Thủy lợi và Môi trường".to_owned()));
        let (_, after) = call(&app, "GET", "/api/v1/units?as_of=2026-03-01", Some(&admin), None).await;
        let after_names = names(&after);
        assert!(after_names.contains(&"Sở Nông nghiệp, Thủy lợi và Môi trường".to_owned()));
        assert!(!after_names.contains(&"Chi cục Thủy lợi".to_owned()));
        let office = after
            .as_array()
            .unwrap()
            .iter()
            .find(|u| u["id"] == division)
            .unwrap();
        assert_eq!(
            office["parent_id"], target,
            "{backend}: the sub-unit moved under the target"
        );

        let (_, history) = call(&app, "GET", &format!("/api/v1/units/{a}"), Some(&admin), None).await;
        assert_eq!(history["ended_on"], "2026-03-01");
        assert_eq!(history["became"][0]["id"], target);
        let (_, merged) = call(
            &app,
            "GET",
            &format!("/api/v1/units/{target}"),
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(merged["came_from"].as_array().unwrap().len(), 3);
        assert_eq!(merged["staff"], 3);

        let (_, trail) = call(
            &app,
            "GET",
            "/api/v1/audit?action=person.transferred",
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(
            trail["items"].as_array().unwrap().len(),
            3,
            "{backend}: each move is a recorded transfer"
        );
    }
}

#[actix_web::test]
async fn a_renamed_unit_keeps_its_old_name_in_the_past() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let admin = token_of(&app, "quantri").await;
        let commune = unit_id(&ctx, "HY.XPC");
        let mut body = change("2026-01-01", "Đổi tên theo Nghị quyết");
        body["name"] = json!("UBND xã Phụng Công mới");
        let (status, _) = call(
            &app,
            "POST",
            &format!("/api/v1/units/{commune}/rename"),
            Some(&admin),
            Some(body.clone()),
        )
        .await;
        assert_eq!(status, 200, "{backend}");
        let (_, old) = call(&app, "GET", "/api/v1/units?as_of=2025-12-31", Some(&admin), None).await;
        assert!(names(&old).contains(&"UBND xã Phụng Công".to_owned()));
        let (_, new) = call(&app, "GET", "/api/v1/units", Some(&admin), None).await;
        assert!(names(&new).contains(&"UBND xã Phụng Công mới".to_owned()));
        // History is appended, never rewritten: a change dated before the last one is refused.
        body["effective_date"] = json!("2025-12-01");
        let (status, refused) = call(
            &app,
            "POST",
            &format!("/api/v1/units/{commune}/rename"),
            Some(&admin),
            Some(body),
        )
        .await;
        assert_eq!(status, 422, "{refused}");
        assert_eq!(refused["details"]["fields"][0]["code"], "before_current_version");
    }
}

#[actix_web::test]
async fn moving_a_unit_moves_who_may_reach_its_people() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let admin = token_of(&app, "quantri").await;
        let school = unit_id(&ctx, "HY.SGDDT.THPTTB");
        let health = unit_id(&ctx, "HY.SYT");
        let mut body = change("2026-02-01", "Chuyển đơn vị chủ quản");
        body["parent_id"] = json!(health);
        let (status, moved) = call(
            &app,
            "POST",
            &format!("/api/v1/units/{school}/move"),
            Some(&admin),
            Some(body),
        )
        .await;
        assert_eq!(status, 200, "{backend}: {moved}");
        let health_agency = token_of(&app, "syte").await;
        let (_, reached) = call(&app, "GET", "/api/v1/people", Some(&health_agency), None).await;
        assert!(
            reached.to_string().contains("Phạm Văn Dũng"),
            "{backend}: the new parent reaches them: {reached}"
        );
        let education = token_of(&app, "sogddt").await;
        let (_, lost) = call(&app, "GET", "/api/v1/people", Some(&education), None).await;
        assert!(
            !lost.to_string().contains("Phạm Văn Dũng"),
            "{backend}: the old parent no longer does"
        );

        let mut cycle = change("2026-03-01", "Sai");
        cycle["parent_id"] = json!(school);
        let (status, refused) = call(
            &app,
            "POST",
            &format!("/api/v1/units/{health}/move"),
            Some(&admin),
            Some(cycle),
        )
        .await;
        assert_eq!(status, 422, "{refused}");
        assert_eq!(refused["details"]["fields"][0]["code"], "cycle");
    }
}

#[actix_web::test]
async fn only_so_noi_vu_changes_the_tree_and_never_loses_a_dossier() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let agency = token_of(&app, "sogddt").await;
        let school = unit_id(&ctx, "HY.SGDDT.THPTHY");
        let mut body = change("2026-01-01", "Thử");
        body["name"] = json!("Tên khác");
        let (status, refused) = call(
            &app,
            "POST",
            &format!("/api/v1/units/{school}/rename"),
            Some(&agency),
            Some(body),
        )
        .await;
        assert_eq!(status, 403, "{backend}");
        assert_error_body(&refused, "forbidden");

        let admin = token_of(&app, "quantri").await;
        let (status, refused) = call(
            &app,
            "POST",
            &format!("/api/v1/units/{school}/dissolve"),
            Some(&admin),
            Some(change("2026-01-01", "Giải thể")),
        )
        .await;
        assert_eq!(status, 422, "{backend}: people remain");
        assert_eq!(refused["details"]["fields"][0]["code"], "has_staff");
        let (status, refused) = call(
            &app,
            "POST",
            &format!("/api/v1/units/{school}/dissolve"),
            Some(&admin),
            Some(change("2099-01-01", "Giải thể")),
        )
        .await;
        assert_eq!(status, 422);
        assert!(refused.to_string().contains("future_date"));

        // Agencies read their own subtree only, as of any day.
        let (_, seen) = call(&app, "GET", "/api/v1/units?as_of=2025-07-01", Some(&agency), None).await;
        let mut seen = names(&seen);
        assert_eq!(
            seen.remove(0),
            "Sở Giáo dục và Đào tạo",
            "parents come before their children"
        );
        seen.sort();
        assert_eq!(
            seen,
            [
                "Phòng Tổ chức cán bộ",
                "Trường THPT Phù Cừ",
                "Trường THPT Thái Bình",
                "Trường THPT chuyên Hưng Yên",
                "Văn phòng Sở"
            ]
        );
        let health = unit_id(&ctx, "HY.SYT");
        let (status, _) = call(
            &app,
            "GET",
            &format!("/api/v1/units/{health}"),
            Some(&agency),
            None,
        )
        .await;
        assert_eq!(status, 404);
    }
}

#[actix_web::test]
async fn a_split_sends_each_person_to_their_new_unit_and_keeps_the_old_one_in_history() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let admin = token_of(&app, "quantri").await;
        let school = unit_id(&ctx, "HY.SGDDT.THPTHY");
        let education = unit_id(&ctx, "HY.SGDDT");
        let staff = people::in_units(&mut ctx.db.connect(), std::slice::from_ref(&school)).unwrap();
        assert_eq!(staff.len(), 3, "Lê Thị Cúc, Nguyễn Văn An and Đinh Văn Hùng");
        let hung = staff
            .iter()
            .find(|p| p.full_name == "Đinh Văn Hùng")
            .unwrap()
            .id
            .clone();
        let an = staff
            .iter()
            .find(|p| p.full_name == "Nguyễn Văn An")
            .unwrap()
            .id
            .clone();
        let cuc = staff
            .iter()
            .find(|p| p.full_name == "Lê Thị Cúc")
            .unwrap()
            .id
            .clone();

        let mut split = change("2026-04-01", "Tách trường theo đề án");
        split["source_id"] = json!(school);
        split["targets"] = json!([
            {"code": "HY.SGDDT.THPTHY1", "name": "Trường THPT chuyên Hưng Yên", "kind": "public_service_unit", "parent_id": education},
            {"code": "HY.SGDDT.THCSHY", "name": "Trường THCS chuyên Hưng Yên", "kind": "public_service_unit", "parent_id": education}
        ]);
        split["person_assignments"] = json!([{"id": an, "target": 0}]);
        let (status, refused) = call(
            &app,
            "POST",
            "/api/v1/unit-splits/preview",
            Some(&admin),
            Some(split.clone()),
        )
        .await;
        assert_eq!(
            status, 422,
            "{backend}: nobody may be left without a unit: {refused}"
        );
        assert_eq!(refused["details"]["fields"][0]["code"], "unassigned");

        split["person_assignments"] =
            json!([{"id": an, "target": 0}, {"id": cuc, "target": 1}, {"id": hung, "target": 1}]);
        let (status, plan) = call(
            &app,
            "POST",
            "/api/v1/unit-splits/preview",
            Some(&admin),
            Some(split.clone()),
        )
        .await;
        assert_eq!(status, 200, "{plan}");
        let to_of = |plan: &Value, id: &str| {
            plan["moves"]
                .as_array()
                .unwrap()
                .iter()
                .find(|m| m["person_id"] == id)
                .unwrap()["to_unit"]["name"]
                .clone()
        };
        assert_eq!(to_of(&plan, &cuc), "Trường THCS chuyên Hưng Yên");

        let (status, done) = call(&app, "POST", "/api/v1/unit-splits", Some(&admin), Some(split)).await;
        assert_eq!(status, 200, "{backend}: {done}");
        let (first, second) = (
            done["targets"][0]["id"].as_str().unwrap().to_owned(),
            done["targets"][1]["id"].as_str().unwrap().to_owned(),
        );
        let unit_of = |person: &str| {
            people::find_with_unit_path(&mut ctx.db.connect(), person)
                .unwrap()
                .unwrap()
                .0
                .unit_id
        };
        assert_eq!(unit_of(&an), first);
        assert_eq!(unit_of(&cuc), second);
        let account = hoso_store::accounts::find_by_person(&mut ctx.db.connect(), &an)
            .unwrap()
            .unwrap();
        assert_eq!(
            account.unit_id.as_deref(),
            Some(first.as_str()),
            "{backend}: the personal account followed"
        );

        let (_, before) = call(&app, "GET", "/api/v1/units?as_of=2026-03-31", Some(&admin), None).await;
        assert!(before.as_array().unwrap().iter().any(|u| u["id"] == school));
        let (_, after) = call(&app, "GET", "/api/v1/units?as_of=2026-04-01", Some(&admin), None).await;
        assert!(!after.as_array().unwrap().iter().any(|u| u["id"] == school));
        let (_, history) = call(
            &app,
            "GET",
            &format!("/api/v1/units/{school}"),
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(history["became"].as_array().unwrap().len(), 2);
    }
}

#[actix_web::test]
async fn quotas_are_compared_with_headcount_and_follow_a_merge() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let admin = token_of(&app, "quantri").await;
        let (education, a, b) = (
            unit_id(&ctx, "HY.SGDDT"),
            unit_id(&ctx, "HY.SGDDT.THPTHY"),
            unit_id(&ctx, "HY.SGDDT.THPTTB"),
        );
        let set = |civil: i64, public: i64, contract: i64| json!({"civil_servants": civil, "public_employees": public, "contract_workers": contract, "decision_number": "5/QĐ-UBND", "reason": "Giao biên chế năm 2026"});
        for (unit, body) in [(&education, set(5, 0, 0)), (&a, set(0, 2, 1)), (&b, set(0, 2, 0))] {
            let (status, answer) = call(
                &app,
                "PUT",
                &format!("/api/v1/units/{unit}/quotas/2026"),
                Some(&admin),
                Some(body),
            )
            .await;
            assert_eq!(status, 204, "{backend}: {answer}");
        }
        let (status, before) = call(
            &app,
            "GET",
            &format!("/api/v1/units/{education}/quotas?year=2026"),
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(status, 200, "{before}");
        // Demo staff: Vũ Thị Giang (civil servant) in the department; Lê Thị Cúc, Nguyễn Văn An
        // (public employees) and Đinh Văn Hùng (contract) in one school; Phạm Văn Dũng in the other.
        assert_eq!(
            before["unit"]["headcount"],
            json!({"civil_servants": 1, "public_employees": 0, "contract_workers": 0}),
            "{backend}"
        );
        assert_eq!(before["unit"]["vacancies"]["civil_servants"], 4);
        assert_eq!(
            before["subtree"]["quota"],
            json!({"civil_servants": 5, "public_employees": 4, "contract_workers": 1})
        );
        assert_eq!(
            before["subtree"]["headcount"],
            json!({"civil_servants": 1, "public_employees": 3, "contract_workers": 1})
        );
        assert_eq!(before["subtree"]["vacancies"]["public_employees"], 1);

        let mut merge = change("2026-05-01", "Sáp nhập hai trường");
        merge["source_ids"] = json!([a, b]);
        merge["new_target"] = json!({"code": "HY.SGDDT.THPT", "name": "Trường THPT Hưng Yên", "kind": "public_service_unit", "parent_id": education});
        let (status, done) = call(&app, "POST", "/api/v1/unit-merges", Some(&admin), Some(merge)).await;
        assert_eq!(status, 200, "{done}");
        let target = done["target"]["id"].as_str().unwrap();
        let (_, merged) = call(
            &app,
            "GET",
            &format!("/api/v1/units/{target}/quotas?year=2026"),
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(
            merged["unit"]["quota"],
            json!({"civil_servants": 0, "public_employees": 4, "contract_workers": 1}),
            "{backend}: the quotas were added up"
        );
        assert_eq!(
            merged["unit"]["headcount"],
            json!({"civil_servants": 0, "public_employees": 3, "contract_workers": 1})
        );
        let (_, after) = call(
            &app,
            "GET",
            &format!("/api/v1/units/{education}/quotas?year=2026"),
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(
            after["subtree"], before["subtree"],
            "{backend}: the department's totals are unchanged by the merge"
        );

        let agency = token_of(&app, "sogddt").await;
        let (status, _) = call(
            &app,
            "PUT",
            &format!("/api/v1/units/{education}/quotas/2026"),
            Some(&agency),
            Some(set(1, 1, 1)),
        )
        .await;
        assert_eq!(status, 403);
        let health = token_of(&app, "syte").await;
        let (status, _) = call(
            &app,
            "GET",
            &format!("/api/v1/units/{education}/quotas"),
            Some(&health),
            None,
        )
        .await;
        assert_eq!(status, 404);
    }
}

#[actix_web::test]
async fn agencies_manage_the_job_positions_of_their_own_subtree() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let school = unit_id(&ctx, "HY.SGDDT.THPTHY");
        let agency = token_of(&app, "sogddt").await;
        let (status, list) = call(
            &app,
            "GET",
            &format!("/api/v1/units/{school}/positions"),
            Some(&agency),
            None,
        )
        .await;
        assert_eq!(status, 200);
        let teachers = list
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["code"] == "GV-THPT-II")
            .unwrap()
            .clone();
        assert_eq!(
            (teachers["posts"].as_i64(), teachers["vacancies"].as_i64()),
            (Some(60), Some(58)),
            "{backend}"
        );

        let new = json!({"code": "GV-THPT-III", "name": "Giáo viên trung học phổ thông hạng III", "group": "professional", "required_grade": "V.07.05.15", "posts": 10, "reason": "Đề án vị trí việc làm"});
        let (status, created) = call(
            &app,
            "POST",
            &format!("/api/v1/units/{school}/positions"),
            Some(&agency),
            Some(new.clone()),
        )
        .await;
        assert_eq!(status, 201, "{backend}: {created}");
        let (status, body) = call(
            &app,
            "POST",
            &format!("/api/v1/units/{school}/positions"),
            Some(&agency),
            Some(new.clone()),
        )
        .await;
        assert_eq!(status, 409);
        assert_error_body(&body, "code_taken");
        for (username, expected) in [("syte", 404), ("chuyenvien.sogddt", 403), ("nguyenvanan", 404)] {
            let token = token_of(&app, username).await;
            let (status, _) = call(
                &app,
                "POST",
                &format!("/api/v1/units/{school}/positions"),
                Some(&token),
                Some(new.clone()),
            )
            .await;
            assert_eq!(status, expected, "{backend}: {username}");
        }

        // Candidates for a post: the people of one unit, never beyond the caller's scope.
        let (_, staff) = call(
            &app,
            "GET",
            &format!("/api/v1/people?unit_id={school}"),
            Some(&agency),
            None,
        )
        .await;
        let mut staff = names_of_people(&staff);
        staff.sort();
        assert_eq!(
            staff,
            ["Lê Thị Cúc", "Nguyễn Văn An", "Đinh Văn Hùng"],
            "{backend}"
        );
        let hospital = unit_id(&ctx, "HY.SYT.BVDK");
        let (_, other) = call(
            &app,
            "GET",
            &format!("/api/v1/people?unit_id={hospital}"),
            Some(&agency),
            None,
        )
        .await;
        assert_eq!(other, json!([]), "{backend}: another agency's unit");

        let cuc = people::in_units(&mut ctx.db.connect(), std::slice::from_ref(&school))
            .unwrap()
            .into_iter()
            .find(|p| p.full_name == "Lê Thị Cúc")
            .unwrap()
            .id;
        let position = created["id"].as_str().unwrap();
        let (status, assigned) = call(
            &app,
            "POST",
            &format!("/api/v1/positions/{position}/holders"),
            Some(&agency),
            Some(json!({"person_id": cuc, "reason": "Bổ nhiệm chức danh"})),
        )
        .await;
        assert_eq!(status, 200, "{assigned}");
        assert_eq!(assigned["holders"][0]["full_name"], "Lê Thị Cúc");
        assert_eq!(assigned["vacancies"], 9);
        let elsewhere = people::in_units(&mut ctx.db.connect(), &[unit_id(&ctx, "HY.SGDDT.THPTTB")]).unwrap()
            [0]
        .id
        .clone();
        let (status, refused) = call(
            &app,
            "POST",
            &format!("/api/v1/positions/{position}/holders"),
            Some(&agency),
            Some(json!({"person_id": elsewhere, "reason": "Sai"})),
        )
        .await;
        assert_eq!(status, 422);
        assert_eq!(refused["details"]["fields"][0]["code"], "other_unit");
        let (_, list) = call(
            &app,
            "GET",
            &format!("/api/v1/units/{school}/positions"),
            Some(&agency),
            None,
        )
        .await;
        let teachers = list
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["code"] == "GV-THPT-II")
            .unwrap()
            .clone();
        assert_eq!(
            teachers["vacancies"], 59,
            "{backend}: her previous position was freed"
        );
    }
}

/// Issue #19 (6), the bodies that carry a tree change beside their own fields (create, rename,
/// move, merge, split): a misspelt or unknown field is refused naming it — serde's own check does
/// not work beside a flattened struct — and nothing changes.
#[actix_web::test]
async fn an_unknown_field_beside_a_tree_change_is_refused_naming_it() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let admin = token_of(&app, "quantri").await;
        let department = unit_id(&ctx, "HY.SGDDT");
        let school = unit_id(&ctx, "HY.SGDDT.THPTHY");
        let (_, before) = call(&app, "GET", "/api/v1/units", Some(&admin), None).await;
        let with = |extra: Value, field: &str| {
            let mut body = change("2026-06-01", "Kiểm tra trường lạ");
            for (k, v) in extra.as_object().unwrap() {
                body[k] = v.clone();
            }
            body[field] = json!("x");
            body
        };
        let cases = [
            (
                "/api/v1/units".to_owned(),
                json!({"code": "HY.TEST", "name": "Đơn vị thử", "kind": "department", "parent_id": department}),
                "parent",
            ),
            (
                format!("/api/v1/units/{school}/rename"),
                json!({"name": "Trường mới"}),
                "decisions",
            ),
            (
                format!("/api/v1/units/{school}/move"),
                json!({"parent_id": department}),
                "parent_code",
            ),
            (
                "/api/v1/unit-merges".to_owned(),
                json!({"source_ids": [school], "target_id": department}),
                "targets",
            ),
            (
                "/api/v1/unit-splits".to_owned(),
                json!({"source_id": school, "targets": []}),
                "person_assignment",
            ),
            (
                "/api/v1/unit-splits/preview".to_owned(),
                json!({"source_id": school, "targets": []}),
                "sub_units",
            ),
            (format!("/api/v1/units/{school}/dissolve"), json!({}), "successor"),
        ];
        for (path, fields, unknown) in cases {
            let (status, refused) =
                call(&app, "POST", &path, Some(&admin), Some(with(fields, unknown))).await;
            assert_eq!(status, 422, "{backend} {path}: {refused}");
            assert_error_body(&refused, "validation_failed");
            assert_eq!(refused["details"]["fields"][0]["code"], "unknown_field", "{path}");
            assert_eq!(refused["details"]["fields"][0]["field"], unknown, "{path}");
        }
        let (_, after) = call(&app, "GET", "/api/v1/units", Some(&admin), None).await;
        assert_eq!(before, after, "{backend}: nothing changed");
    }
}

/// #19 (5): one strict date everywhere — ISO `YYYY-MM-DD`, a real day, years 1900–2100 — and
/// the tree's order: each refusal names the field, and nothing is created.
#[actix_web::test]
async fn impossible_and_loose_dates_are_refused_naming_the_field() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let admin = token_of(&app, "quantri").await;
        let root = units::root(&mut ctx.db.connect()).unwrap().unwrap().id;
        let (_, before) = call(&app, "GET", "/api/v1/units", Some(&admin), None).await;
        let unit = |date: &str| {
            let mut body = change(date, "Thành lập");
            body["decision"]["date"] = json!("2025-07-01");
            body["code"] = json!("HY.MOI");
            body["name"] = json!("Sở Mới");
            body["kind"] = json!("department");
            body["parent_id"] = json!(root);
            body
        };
        let first = |body: &Value| {
            let field = &body["details"]["fields"][0];
            (
                field["field"].as_str().map(str::to_owned),
                field["code"].as_str().map(str::to_owned),
            )
        };
        let expect = |body: &Value, field: &str, code: &str| {
            assert_eq!(
                first(body),
                (Some(field.to_owned()), Some(code.to_owned())),
                "{backend}: {body}"
            );
        };
        for date in ["0000-01-01", "2026-1-1", "9999-12-31", "2026-02-30"] {
            let (status, body) = call(&app, "POST", "/api/v1/units", Some(&admin), Some(unit(date))).await;
            assert_eq!(status, 422, "{backend} {date}: {body}");
            expect(&body, "effective_date", "invalid_date");
        }
        // A real date, but before the province itself exists (1 July 2025 in the demo).
        let (status, body) = call(
            &app,
            "POST",
            "/api/v1/units",
            Some(&admin),
            Some(unit("2024-01-01")),
        )
        .await;
        assert_eq!(status, 422, "{backend}: {body}");
        expect(&body, "effective_date", "before_parent");
        // A wrong type is named too, not a bare 400.
        let mut typed = unit("2025-07-01");
        typed["name"] = json!(5);
        let (status, body) = call(&app, "POST", "/api/v1/units", Some(&admin), Some(typed)).await;
        assert_eq!(status, 422, "{backend}: {body}");
        expect(&body, "name", "invalid_value");
        let (_, after) = call(&app, "GET", "/api/v1/units", Some(&admin), None).await;
        assert_eq!(before, after, "{backend}: nothing was created");

        // Query parameters: a report as of year 0, a deadline from a loose date.
        let (status, body) = call(
            &app,
            "GET",
            "/api/v1/reports/gender?as_of=0000-01-01",
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(status, 422, "{backend}: {body}");
        expect(&body, "as_of", "invalid_date");
        let (status, body) = call(
            &app,
            "GET",
            "/api/v1/calendar/deadline?from=2026-1-1&working_days=5",
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(status, 422, "{backend}: {body}");
        expect(&body, "from", "invalid_date");
        // A campaign closing in 9999.
        let department = units::find_by_code(&mut ctx.db.connect(), "HY.SGDDT")
            .unwrap()
            .unwrap()
            .id;
        // `1.0` is an integer in JSON Schema and in the document: the server reads it as one.
        let quota = json!({"civil_servants": 5.0, "public_employees": 0, "contract_workers": 1.0, "reason": "Giao biên chế"});
        let (status, body) = call(
            &app,
            "PUT",
            &format!("/api/v1/units/{department}/quotas/2026"),
            Some(&admin),
            Some(quota),
        )
        .await;
        assert_eq!(status, 204, "{backend}: {body}");
        let mut fraction =
            json!({"civil_servants": 5.5, "public_employees": 0, "contract_workers": 0, "reason": "x"});
        let (status, body) = call(
            &app,
            "PUT",
            &format!("/api/v1/units/{department}/quotas/2026"),
            Some(&admin),
            Some(fraction.take()),
        )
        .await;
        assert_eq!(status, 422, "{backend}: {body}");
        expect(&body, "civil_servants", "invalid_value");
        let campaign = json!({"unit_id": department, "title": "Cập nhật", "sections": ["rewards"], "closes_on": "9999-12-31"});
        let (status, body) = call(&app, "POST", "/api/v1/campaigns", Some(&admin), Some(campaign)).await;
        assert_eq!(status, 422, "{backend}: {body}");
        expect(&body, "closes_on", "invalid_date");
    }
}
