//! Account management on every backend: what each kind of account may do, and every request it
//! must be refused (ACC-1…7, SEC-3, SEC-4, SEC-7). Refusals are 403/404 with the error body,
//! never data, and they are audited.

use hoso_store::testing::backends;
use hoso_store::{people, units};
use serde_json::{json, Value};

use crate::auth::{account_id, version_of};
use crate::support::{assert_error_body, call, sign_in, token_of, TestContext};

/// Ids of demo units and people, straight from the database.
fn unit_id(ctx: &TestContext, code: &str) -> String {
    units::find_by_code(&mut ctx.db.connect(), code)
        .unwrap()
        .unwrap()
        .id
}

fn new_person(ctx: &TestContext, name: &str, unit_code: &str) -> String {
    let unit = unit_id(ctx, unit_code);
    people::insert(&mut ctx.db.connect(), name, &unit).unwrap().id
}

fn personal(person_id: &str, username: &str) -> Value {
    json!({"username": username, "display_name": "Nhân viên", "kind": "personal", "person_id": person_id, "reason": "Tuyển dụng mới (ACC-6)"})
}

#[actix_web::test]
async fn an_agency_issues_personal_accounts_in_its_subtree_only() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let agency = token_of(&app, "sogddt").await;
        let teacher = new_person(&ctx, "Đỗ Thị Giang", "HY.SGDDT.THPTTB");
        let nurse = new_person(&ctx, "Vũ Văn Hải", "HY.SYT.BVDK");

        let (status, issued) = call(
            &app,
            "POST",
            "/api/v1/accounts",
            Some(&agency),
            Some(personal(&teacher, "dothigiang")),
        )
        .await;
        assert_eq!(status, 201, "{backend}: {issued}");
        assert_eq!(issued["account"]["kind"], "personal");
        let temporary = issued["temporary_password"].as_str().unwrap();
        assert_eq!(
            sign_in(&app, "dothigiang", temporary).await["must_change_password"],
            true
        );

        // Another agency's employee: not visible, so not found.
        let (status, body) = call(
            &app,
            "POST",
            "/api/v1/accounts",
            Some(&agency),
            Some(personal(&nurse, "vuvanhai")),
        )
        .await;
        assert_eq!(status, 404, "{backend}");
        assert_error_body(&body, "not_found");

        // ACC-2: one personal account per person.
        let (status, body) = call(
            &app,
            "POST",
            "/api/v1/accounts",
            Some(&agency),
            Some(personal(&teacher, "dothigiang2")),
        )
        .await;
        assert_eq!(status, 409);
        assert_error_body(&body, "person_has_account");
    }
}

#[actix_web::test]
async fn the_database_itself_allows_one_personal_account_per_person() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let mut conn = ctx.db.connect();
        let existing = hoso_store::accounts::find_by_username(&mut conn, "nguyenvanan")
            .unwrap()
            .unwrap();
        let second = hoso_store::accounts::insert(
            &mut conn,
            hoso_store::accounts::NewAccount {
                username: "ban-sao".into(),
                display_name: "Bản sao".into(),
                kind: "personal".into(),
                unit_id: existing.unit_id.clone(),
                person_id: existing.person_id.clone(),
                rights: String::new(),
                holder_name: None,
                password_hash: "x".into(),
                must_change_password: true,
            },
        );
        assert!(
            matches!(second, Err(hoso_store::StoreError::Duplicate(_))),
            "{backend}: {second:?}"
        );
    }
}

#[actix_web::test]
async fn nobody_grants_more_than_they_hold_or_reaches_beyond_their_scope() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let agency = token_of(&app, "sogddt").await;
        let school = unit_id(&ctx, "HY.SGDDT.THPTHY");
        let hospital = unit_id(&ctx, "HY.SYT.BVDK");

        let cases = [
            (
                "specialist account (Sở Nội vụ's to issue)",
                json!({"username": "cv2", "display_name": "CV", "kind": "specialist", "unit_id": school, "rights": ["read_dossiers"], "reason": "x"}),
                404,
            ),
            (
                "agency account",
                json!({"username": "ag2", "display_name": "AG", "kind": "agency", "unit_id": school, "rights": [], "reason": "x"}),
                404,
            ),
            (
                "administrator",
                json!({"username": "ad2", "display_name": "AD", "kind": "admin", "rights": [], "reason": "x"}),
                404,
            ),
            (
                "specialist in another agency",
                json!({"username": "cv3", "display_name": "CV", "kind": "specialist", "unit_id": hospital, "rights": [], "reason": "x"}),
                404,
            ),
        ];
        for (case, body, expected) in cases {
            let (status, answer) = call(&app, "POST", "/api/v1/accounts", Some(&agency), Some(body)).await;
            assert_eq!(status, expected, "{backend}: {case}: {answer}");
            assert!(answer.get("temporary_password").is_none());
        }

        // A personal account never holds rights, whoever asks.
        let person = new_person(&ctx, "Ngô Văn Khoa", "HY.SGDDT.THPTHY");
        let mut with_rights = personal(&person, "ngovankhoa");
        with_rights["rights"] = json!(["read_dossiers"]);
        let (status, body) = call(&app, "POST", "/api/v1/accounts", Some(&agency), Some(with_rights)).await;
        assert_eq!(status, 403);
        assert_error_body(&body, "forbidden");

        // An administrator limited to some rights cannot hand out others.
        let admin = token_of(&app, "quantri").await;
        let (status, limited) = call(&app, "POST", "/api/v1/accounts", Some(&admin), Some(json!({"username": "quantri2", "display_name": "QT2", "kind": "admin", "rights": ["manage_accounts", "read_dossiers"], "reason": "Phân công"}))).await;
        assert_eq!(status, 201, "{limited}");
        let limited_token = crate::support::sign_in_changing_password(
            &app,
            "quantri2",
            limited["temporary_password"].as_str().unwrap(),
        )
        .await;
        let (status, _) = call(&app, "POST", "/api/v1/accounts", Some(&limited_token), Some(json!({"username": "cv4", "display_name": "CV", "kind": "specialist", "unit_id": school, "rights": ["export_data"], "reason": "x"}))).await;
        assert_eq!(status, 403, "{backend}");
    }
}

#[actix_web::test]
async fn lists_show_only_what_each_kind_manages_and_the_rest_is_refused() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let usernames = |page: &Value| -> Vec<String> {
            page["items"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a["username"].as_str().unwrap().to_owned())
                .collect()
        };
        let admin = token_of(&app, "quantri").await;
        let (_, all) = call(&app, "GET", "/api/v1/accounts", Some(&admin), None).await;
        assert_eq!(all["total"], 6, "{backend}: {all}");

        let agency = token_of(&app, "sogddt").await;
        let (status, mine) = call(&app, "GET", "/api/v1/accounts", Some(&agency), None).await;
        assert_eq!(status, 200);
        assert_eq!(
            usernames(&mine),
            ["nguyenvanan"],
            "{backend}: only personal accounts of its subtree"
        );

        let health_agency = token_of(&app, "syte").await;
        let (_, theirs) = call(&app, "GET", "/api/v1/accounts", Some(&health_agency), None).await;
        assert_eq!(usernames(&theirs), Vec::<String>::new());

        for username in ["chuyenvien.sogddt", "nguyenvanan"] {
            let token = token_of(&app, username).await;
            let (status, body) = call(&app, "GET", "/api/v1/accounts", Some(&token), None).await;
            assert_eq!(status, 403, "{backend}: {username}");
            assert_error_body(&body, "forbidden");
            assert!(body.get("items").is_none());
        }
    }
}

#[actix_web::test]
async fn guessed_ids_outside_the_scope_are_not_found_for_every_verb_and_audited() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let admin = token_of(&app, "quantri").await;
        let targets = [
            account_id(&app, &admin, "quantri").await,
            account_id(&app, &admin, "syte").await,
            account_id(&app, &admin, "chuyenvien.sogddt").await,
        ];
        let agency = token_of(&app, "sogddt").await;
        let action = json!({"version": 1, "reason": "thử"});
        for target in &targets {
            let attempts = [
                ("GET", format!("/api/v1/accounts/{target}"), None),
                (
                    "PATCH",
                    format!("/api/v1/accounts/{target}"),
                    Some(json!({"version": 1, "rights": [], "reason": "thử"})),
                ),
                (
                    "POST",
                    format!("/api/v1/accounts/{target}/lock"),
                    Some(action.clone()),
                ),
                (
                    "POST",
                    format!("/api/v1/accounts/{target}/revoke"),
                    Some(action.clone()),
                ),
                (
                    "POST",
                    format!("/api/v1/accounts/{target}/reset-password"),
                    Some(action.clone()),
                ),
            ];
            for (method, uri, body) in attempts {
                let (status, answer) = call(&app, method, &uri, Some(&agency), body).await;
                assert_eq!(status, 404, "{backend}: {method} {uri}: {answer}");
                assert_error_body(&answer, "not_found");
            }
        }
        let (status, answer) = call(
            &app,
            "GET",
            "/api/v1/accounts/00000000-0000-4000-8000-000000000000",
            Some(&agency),
            None,
        )
        .await;
        assert_eq!(status, 404, "{answer}");

        let (_, trail) = call(
            &app,
            "GET",
            "/api/v1/audit?action=account.locked",
            Some(&admin),
            None,
        )
        .await;
        let denied: Vec<&Value> = trail["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["outcome"] == "denied")
            .collect();
        assert_eq!(
            denied.len(),
            3,
            "{backend}: every refused lock is in the trail: {trail}"
        );
    }
}

#[actix_web::test]
async fn locking_restricting_and_revoking_take_effect_at_once() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let admin = token_of(&app, "quantri").await;
        let target = account_id(&app, &admin, "sogddt").await;
        let agency = token_of(&app, "sogddt").await;

        // Restrict: no more manage_accounts. The token issued before is dead at once.
        let version = version_of(&app, &admin, &target).await;
        let (status, changed) = call(&app, "PATCH", &format!("/api/v1/accounts/{target}"), Some(&admin), Some(json!({"version": version, "rights": ["read_dossiers"], "reason": "Thu hẹp quyền theo đề nghị", "decision": {"number": "12/QĐ-SNV", "date": "2026-11-20", "signer": "Giám đốc Sở Nội vụ"}}))).await;
        assert_eq!(status, 200, "{backend}: {changed}");
        assert_eq!(changed["rights"], json!(["read_dossiers"]));
        let (status, _) = call(&app, "GET", "/api/v1/me", Some(&agency), None).await;
        assert_eq!(
            status, 401,
            "{backend}: a restricted account's old token must stop working"
        );
        let agency = token_of(&app, "sogddt").await;
        let (status, _) = call(&app, "GET", "/api/v1/accounts", Some(&agency), None).await;
        assert_eq!(status, 403);

        // A stale version is refused, never applied.
        let (status, body) = call(
            &app,
            "PATCH",
            &format!("/api/v1/accounts/{target}"),
            Some(&admin),
            Some(json!({"version": version, "display_name": "Cũ", "reason": "x"})),
        )
        .await;
        assert_eq!(status, 409);
        assert_error_body(&body, "stale_version");

        // Lock: the session ends, sign-in says locked.
        let version = version_of(&app, &admin, &target).await;
        let (status, _) = call(
            &app,
            "POST",
            &format!("/api/v1/accounts/{target}/lock"),
            Some(&admin),
            Some(json!({"version": version, "reason": "Nghi lộ mật khẩu"})),
        )
        .await;
        assert_eq!(status, 200);
        let (status, _) = call(&app, "GET", "/api/v1/me", Some(&agency), None).await;
        assert_eq!(status, 401);
        let (status, body) = call(
            &app,
            "POST",
            "/api/v1/auth/login",
            None,
            Some(json!({"username": "sogddt", "password": crate::support::DEMO_PASSWORD})),
        )
        .await;
        assert_eq!(status, 403);
        assert_error_body(&body, "account_locked");

        // Revoke: for good.
        let version = version_of(&app, &admin, &target).await;
        let (status, revoked) = call(
            &app,
            "POST",
            &format!("/api/v1/accounts/{target}/revoke"),
            Some(&admin),
            Some(json!({"version": version, "reason": "Cơ quan giải thể"})),
        )
        .await;
        assert_eq!(status, 200);
        assert_eq!(revoked["status"], "revoked");
        // #19 (14): with the right password the holder is told the account is closed; with a
        // wrong one, nothing is said of the account.
        let (status, body) = call(
            &app,
            "POST",
            "/api/v1/auth/login",
            None,
            Some(json!({"username": "sogddt", "password": crate::support::DEMO_PASSWORD})),
        )
        .await;
        assert_eq!(status, 403);
        assert_error_body(&body, "account_closed");
        assert!(
            body["message"].as_str().unwrap().contains("đã bị thu hồi"),
            "{body}"
        );
        let (status, body) = call(
            &app,
            "POST",
            "/api/v1/auth/login",
            None,
            Some(json!({"username": "sogddt", "password": "Sai-mat-khau-2026"})),
        )
        .await;
        assert_eq!(status, 401);
        assert_error_body(&body, "invalid_credentials");
        let (status, body) = call(
            &app,
            "POST",
            &format!("/api/v1/accounts/{target}/unlock"),
            Some(&admin),
            Some(json!({"version": revoked["version"], "reason": "x"})),
        )
        .await;
        assert_eq!(status, 409);
        assert_error_body(&body, "invalid_state");

        // The trail holds each step with who, why and the decision.
        let (_, trail) = call(
            &app,
            "GET",
            &format!("/api/v1/audit?target_id={target}"),
            Some(&admin),
            None,
        )
        .await;
        let actions: Vec<&str> = trail["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["outcome"] == "success" && e["action"].as_str().unwrap().starts_with("account."))
            .map(|e| e["action"].as_str().unwrap())
            .collect();
        assert_eq!(
            &actions[..3],
            ["account.revoked", "account.locked", "account.restricted"],
            "{backend}: {trail}"
        );
        let restricted = trail["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["action"] == "account.restricted")
            .unwrap();
        assert_eq!(restricted["decision_number"], "12/QĐ-SNV");
        assert_eq!(restricted["actor_name"], "quantri");
        assert_eq!(restricted["reason"], "Thu hẹp quyền theo đề nghị");
    }
}

#[actix_web::test]
async fn an_agency_account_is_handed_over_under_a_written_decision() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let admin = token_of(&app, "quantri").await;
        let target = account_id(&app, &admin, "syte").await;
        let previous_holder = token_of(&app, "syte").await;
        let version = version_of(&app, &admin, &target).await;
        let without_scan = json!({"version": version, "holder_name": "Phan Thị Lan", "reason": "Cán bộ đầu mối cũ nghỉ hưu", "decision": {"number": "45/QĐ-SYT", "date": "2026-11-15", "signer": "Giám đốc Sở Y tế"}});
        let (status, body) = call(
            &app,
            "POST",
            &format!("/api/v1/accounts/{target}/hand-over"),
            Some(&admin),
            Some(without_scan),
        )
        .await;
        assert_eq!(
            status, 422,
            "ACC-4: a hand-over needs the scanned decision: {body}"
        );
        assert_eq!(body["details"]["fields"][0]["field"], "decision.document_id");
        let (status, scan) = crate::support::upload(
            &app,
            &admin,
            "QD-45-SYT.pdf",
            "application/pdf",
            crate::support::pdf("45/QĐ-SYT"),
        )
        .await;
        assert_eq!(status, 201, "{scan}");
        let request = json!({"version": version, "holder_name": "Phan Thị Lan", "reason": "Cán bộ đầu mối cũ nghỉ hưu", "decision": {"number": "45/QĐ-SYT", "date": "2026-11-15", "signer": "Giám đốc Sở Y tế", "document_id": scan["id"]}});
        let (status, issued) = call(
            &app,
            "POST",
            &format!("/api/v1/accounts/{target}/hand-over"),
            Some(&admin),
            Some(request),
        )
        .await;
        assert_eq!(status, 200, "{backend}: {issued}");
        assert_eq!(issued["account"]["holder_name"], "Phan Thị Lan");
        let (status, _) = call(&app, "GET", "/api/v1/me", Some(&previous_holder), None).await;
        assert_eq!(status, 401, "the previous holder is out at once");
        let session = sign_in(&app, "syte", issued["temporary_password"].as_str().unwrap()).await;
        assert_eq!(session["must_change_password"], true);
        let (_, trail) = call(
            &app,
            "GET",
            &format!("/api/v1/audit?target_id={target}&action=account.handed_over"),
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(
            trail["items"][0]["decision_document_id"], scan["id"],
            "{backend}: the scan is linked in the trail"
        );

        let (status, body) = call(
            &app,
            "POST",
            &format!("/api/v1/accounts/{target}/hand-over"),
            Some(&admin),
            Some(json!({"version": issued["account"]["version"], "holder_name": "X", "reason": "x"})),
        )
        .await;
        assert!(
            status == 400 || status == 422,
            "a hand-over needs its decision: {status} {body}"
        );

        let personal = account_id(&app, &admin, "nguyenvanan").await;
        let version = version_of(&app, &admin, &personal).await;
        let (status, body) = call(&app, "POST", &format!("/api/v1/accounts/{personal}/hand-over"), Some(&admin), Some(json!({"version": version, "holder_name": "X", "reason": "x", "decision": {"number": "1", "date": "2026-01-01", "signer": "A", "document_id": scan["id"]}}))).await;
        assert_eq!(status, 409);
        assert_error_body(&body, "invalid_state");
    }
}

#[actix_web::test]
async fn agencies_request_accounts_and_so_noi_vu_decides() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let agency = token_of(&app, "sogddt").await;
        let school = unit_id(&ctx, "HY.SGDDT.THPTHY");
        let hospital = unit_id(&ctx, "HY.SYT.BVDK");
        let ask = |unit: &str, username: &str| json!({"unit_id": unit, "kind": "specialist", "username": username, "display_name": "Tổ chức - Hành chính", "rights": ["read_dossiers", "update_dossiers"], "justification": "Trường cần cán bộ cập nhật hồ sơ"});

        let (status, filed) = call(
            &app,
            "POST",
            "/api/v1/account-requests",
            Some(&agency),
            Some(ask(&school, "tchc.thpthy")),
        )
        .await;
        assert_eq!(status, 201, "{backend}: {filed}");
        let (status, _) = call(
            &app,
            "POST",
            "/api/v1/account-requests",
            Some(&agency),
            Some(ask(&hospital, "tchc.bvdk")),
        )
        .await;
        assert_eq!(status, 404, "{backend}: not for another agency's units");

        let id = filed["id"].as_str().unwrap();
        let (status, _) = call(
            &app,
            "POST",
            &format!("/api/v1/account-requests/{id}/approve"),
            Some(&agency),
            Some(json!({"note": "tự duyệt"})),
        )
        .await;
        assert_eq!(status, 403, "an agency does not approve its own request");

        let admin = token_of(&app, "quantri").await;
        let (status, pending) = call(
            &app,
            "GET",
            "/api/v1/account-requests?status=pending",
            Some(&admin),
            None,
        )
        .await;
        assert_eq!((status, pending.as_array().unwrap().len()), (200, 1));
        let (status, approved) = call(
            &app,
            "POST",
            &format!("/api/v1/account-requests/{id}/approve"),
            Some(&admin),
            Some(json!({"note": "Đồng ý"})),
        )
        .await;
        assert_eq!(status, 200, "{approved}");
        assert_eq!(approved["request"]["status"], "approved");
        assert_eq!(approved["credentials"]["account"]["kind"], "specialist");
        let session = sign_in(
            &app,
            "tchc.thpthy",
            approved["credentials"]["temporary_password"].as_str().unwrap(),
        )
        .await;
        assert_eq!(session["account"]["unit"]["id"], school);

        let (status, body) = call(
            &app,
            "POST",
            &format!("/api/v1/account-requests/{id}/reject"),
            Some(&admin),
            Some(json!({"note": "muộn"})),
        )
        .await;
        assert_eq!(status, 409);
        assert_error_body(&body, "already_decided");
    }
}

#[actix_web::test]
async fn the_trail_is_scoped_and_each_employee_sees_who_handled_their_account() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let admin = token_of(&app, "quantri").await;
        let employee_account = account_id(&app, &admin, "nguyenvanan").await;
        let version = version_of(&app, &admin, &employee_account).await;
        let (status, _) = call(
            &app,
            "POST",
            &format!("/api/v1/accounts/{employee_account}/reset-password"),
            Some(&admin),
            Some(json!({"version": version, "reason": "Người dùng báo mất mật khẩu"})),
        )
        .await;
        assert_eq!(status, 200);
        let employee = crate::support::sign_in_changing_password(
            &app,
            "nguyenvanan",
            &reset_password(&app, &admin, &employee_account).await,
        )
        .await;

        let (status, mine) = call(&app, "GET", "/api/v1/me/audit", Some(&employee), None).await;
        assert_eq!(status, 200, "{backend}: {mine}");
        let actions: Vec<&str> = mine["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["action"].as_str().unwrap())
            .collect();
        assert!(
            actions.contains(&"account.password_reset"),
            "{backend}: {actions:?}"
        );
        let by_admin = mine["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["action"] == "account.password_reset")
            .unwrap();
        assert_eq!(by_admin["actor_name"], "quantri");

        // The employee may not read the province's trail; an agency reads only its subtree's.
        let (status, _) = call(&app, "GET", "/api/v1/audit", Some(&employee), None).await;
        assert_eq!(status, 403);
        let health = token_of(&app, "syte").await;
        let (_, theirs) = call(
            &app,
            "GET",
            &format!("/api/v1/audit?target_id={employee_account}"),
            Some(&health),
            None,
        )
        .await;
        assert_eq!(
            theirs["items"],
            json!([]),
            "{backend}: another agency sees none of it"
        );
        let education = token_of(&app, "sogddt").await;
        let (_, ours) = call(
            &app,
            "GET",
            &format!("/api/v1/audit?target_id={employee_account}"),
            Some(&education),
            None,
        )
        .await;
        assert!(
            !ours["items"].as_array().unwrap().is_empty(),
            "{backend}: the employee's own agency sees it"
        );
    }
}

#[actix_web::test]
async fn no_statement_can_change_or_remove_the_trail() {
    use diesel::RunQueryDsl;
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        token_of(&app, "quantri").await; // at least one event
        let mut conn = ctx.db.connect();
        for statement in [
            "UPDATE audit_events SET outcome = 'success'",
            "DELETE FROM audit_events",
        ] {
            let result = diesel::sql_query(statement).execute(&mut conn);
            assert!(result.is_err(), "{backend}: `{statement}` must be refused");
        }
        let remaining = hoso_store::audit::list(
            &mut conn,
            &hoso_store::audit::AuditFilter {
                limit: 10,
                ..Default::default()
            },
        )
        .unwrap();
        assert!(!remaining.is_empty());
    }
}

async fn reset_password<S, B>(app: &S, admin: &str, id: &str) -> String
where
    S: actix_web::dev::Service<
        actix_http::Request,
        Response = actix_web::dev::ServiceResponse<B>,
        Error = actix_web::Error,
    >,
    B: actix_web::body::MessageBody,
{
    let version = version_of(app, admin, id).await;
    let (status, issued) = call(
        app,
        "POST",
        &format!("/api/v1/accounts/{id}/reset-password"),
        Some(admin),
        Some(json!({"version": version, "reason": "Cấp lại"})),
    )
    .await;
    assert_eq!(status, 200, "{issued}");
    issued["temporary_password"].as_str().unwrap().to_owned()
}

#[actix_web::test]
async fn people_are_listed_within_the_scope_with_their_account_status() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let names = |list: &Value| -> Vec<String> {
            list.as_array()
                .unwrap()
                .iter()
                .map(|p| p["full_name"].as_str().unwrap().to_owned())
                .collect()
        };
        let agency = token_of(&app, "sogddt").await;
        let (status, list) = call(&app, "GET", "/api/v1/people", Some(&agency), None).await;
        assert_eq!(status, 200);
        assert_eq!(
            names(&list),
            [
                "Lê Thị Cúc",
                "Nguyễn Văn An",
                "Phạm Văn Dũng",
                "Vũ Thị Giang",
                "Đinh Văn Hùng"
            ],
            "{backend}"
        );
        let an = list
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["full_name"] == "Nguyễn Văn An")
            .unwrap();
        assert_eq!(an["has_account"], true);
        let health = token_of(&app, "syte").await;
        let (_, list) = call(&app, "GET", "/api/v1/people?q=Em", Some(&health), None).await;
        assert_eq!(names(&list), ["Hoàng Thị Em"]);
        let employee = token_of(&app, "nguyenvanan").await;
        let (status, _) = call(&app, "GET", "/api/v1/people", Some(&employee), None).await;
        assert_eq!(status, 403);
    }
}

#[actix_web::test]
async fn scanned_documents_are_checked_stored_once_and_read_only_within_scope() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let agency = token_of(&app, "sogddt").await;
        let (status, first) = crate::support::upload(
            &app,
            &agency,
            "QD-1.pdf",
            "application/pdf",
            crate::support::pdf("một"),
        )
        .await;
        assert_eq!(status, 201, "{backend}: {first}");
        assert_eq!(first["content_type"], "application/pdf");
        assert_eq!(first["sha256"].as_str().unwrap().len(), 64);

        // A script calling itself a PDF, and a file over the limit, are refused with the error body.
        let (status, body) = crate::support::upload(
            &app,
            &agency,
            "x.pdf",
            "application/pdf",
            b"<script>alert(1)</script>".to_vec(),
        )
        .await;
        assert_eq!(
            status, 422,
            "{backend}: the file is named as what is wrong (#19 (8))"
        );
        assert_eq!(body["details"]["fields"][0]["code"], "not_a_document");
        let mut big = crate::support::pdf("lớn");
        big.resize(crate::support::MAX_UPLOAD_BYTES + 1, b' ');
        let (status, body) = crate::support::upload(&app, &agency, "big.pdf", "application/pdf", big).await;
        assert_eq!(status, 413);
        assert_error_body(&body, "payload_too_large");

        let id = first["id"].as_str().unwrap();
        let fetch = |token: String| {
            actix_web::test::TestRequest::get()
                .uri(&format!("/api/v1/documents/{id}"))
                .insert_header(("Authorization", format!("Bearer {token}")))
                .to_request()
        };
        for (username, expected) in [
            ("sogddt", 200),
            ("quantri", 200),
            ("syte", 404),
            ("nguyenvanan", 404),
        ] {
            let token = token_of(&app, username).await;
            let response = actix_web::test::call_service(&app, fetch(token)).await;
            assert_eq!(response.status().as_u16(), expected, "{backend}: {username}");
            if expected == 200 {
                let bytes = actix_web::test::read_body(response).await;
                assert_eq!(bytes.as_ref(), crate::support::pdf("một").as_slice());
            }
        }
    }
}

/// Issue #19 (6): a misspelt field was dropped in silence (`"right"` for `"rights"` → 200 and
/// nothing changed, the administrator believing the rights had changed). Now 422
/// `unknown_field` naming it, and nothing changes; nested objects are held to the same rule.
#[actix_web::test]
async fn a_misspelt_field_is_refused_naming_it_and_changes_nothing() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let admin = token_of(&app, "quantri").await;
        let target = account_id(&app, &admin, "sogddt").await;
        let version = version_of(&app, &admin, &target).await;
        let uri = format!("/api/v1/accounts/{target}");
        let (_, before) = call(&app, "GET", &uri, Some(&admin), None).await;
        for (body, field) in [
            (
                json!({"version": version, "right": [], "reason": "Thu hẹp quyền"}),
                "right",
            ),
            (
                json!({"version": version, "rights": [], "reason": "Thu hẹp quyền",
                    "decision": {"number": "12/QĐ-SNV", "date": "2026-11-20", "signer": "Giám đốc", "signed_by": "x"}}),
                "decision.signed_by",
            ),
        ] {
            let (status, refused) = call(&app, "PATCH", &uri, Some(&admin), Some(body)).await;
            assert_eq!(status, 422, "{backend}: {refused}");
            assert_eq!(refused["details"]["fields"][0]["field"], field);
            assert_eq!(refused["details"]["fields"][0]["code"], "unknown_field");
        }
        let (_, after) = call(&app, "GET", &uri, Some(&admin), None).await;
        assert_eq!(before, after, "{backend}: nothing changed");
    }
}
