//! The national sync (issue #17; INT-1…4, WF-6/7, CTX-1): Sở Nội vụ's approval reaches the
//! national database — played by `hoso-national-sim`, a real HTTP server following
//! docs/integration.md — signed and verifiable; the national identifier comes back to the
//! dossier; under injected faults every message arrives once and in order per person; a
//! refusal ends dead with its reason and is re-sent after the fix; the message log verifies
//! and a changed byte is named.

use std::collections::{BTreeMap, HashSet};
use std::time::Duration;

use hoso_app::jobs::QueuedBy;
use hoso_app::national::client::{Auth, Connection};
use hoso_national_sim::{Config, Faults, Profile, Running, Simulator};
use hoso_store::testing::backends;
use serde_json::{json, Value};

use crate::support::{call, set_day, token_of, TestContext, DEMO_PASSWORD};

const SECRET: &str = "bi-mat-ket-noi";

/// A simulator in `profile` and a context whose national connection points at it.
pub(crate) fn connected(backend: hoso_store::Backend, profile: Profile) -> (TestContext, Simulator, Running) {
    let simulator = Simulator::new(Config {
        hold: Duration::from_millis(1500),
        ..Config::new(profile)
    });
    let running = simulator.start(0).unwrap();
    let mut ctx = TestContext::new(backend).with_demo();
    let auth = Auth::from_parts(profile_name(profile), "hoso", SECRET, "hoso").unwrap();
    ctx.national.connection = Some(Connection::new(&running.url, auth, Duration::from_millis(700)).unwrap());
    (ctx, simulator, running)
}

fn profile_name(profile: Profile) -> &'static str {
    match profile {
        Profile::Token => "token",
        Profile::SystemKey => "system_key",
        Profile::Oauth2 => "oauth2",
        Profile::AccessKey => "access_key",
        Profile::Xroad => "xroad",
    }
}

/// The simulator trusts hoso's built-in CA, which issued the connection's certificate.
pub(crate) fn trust_built_in_ca(ctx: &TestContext, simulator: &Simulator) {
    let state = ctx.state();
    let signer = hoso_app::national::packet::signer(&mut ctx.db.connect(), &state.app).unwrap();
    simulator.trust(vec![signer.1[1].clone()]);
}

/// Nguyễn Văn An's dossier (Sở GD-ĐT) through every step: opened and submitted by the agency,
/// locked by its focal officer, signed by its head and approved by Sở Nội vụ in the window.
pub(crate) async fn approved_nationally<S, B>(app: &S, ctx: &TestContext) -> String
where
    S: actix_web::dev::Service<
        actix_http::Request,
        Response = actix_web::dev::ServiceResponse<B>,
        Error = actix_web::Error,
    >,
    B: actix_web::body::MessageBody,
{
    approved_nationally_with(app, ctx, |_| {}).await
}

/// [`approved_nationally`] with the content changed by `change` before it is submitted.
async fn approved_nationally_with<S, B>(app: &S, ctx: &TestContext, change: impl FnOnce(&mut Value)) -> String
where
    S: actix_web::dev::Service<
        actix_http::Request,
        Response = actix_web::dev::ServiceResponse<B>,
        Error = actix_web::Error,
    >,
    B: actix_web::body::MessageBody,
{
    let head = token_of(app, "sogddt").await;
    let employee = token_of(app, "nguyenvanan").await;
    let focal = token_of(app, "chuyenvien.sogddt").await;
    let home_affairs = token_of(app, "quantri").await;
    set_day(ctx, "2031-04-21");
    let an = crate::dossiers::person_id(ctx, "Nguyễn Văn An");
    let (status, opened) = call(
        app,
        "POST",
        "/api/v1/dossiers",
        Some(&head),
        Some(json!({"person_id": an})),
    )
    .await;
    assert_eq!(status, 201, "{opened}");
    let id = opened["id"].as_str().unwrap().to_owned();
    let picture = crate::dossiers::photo(app, &employee).await;
    let mut content = crate::workflow::an_content(&picture);
    change(&mut content);
    let (status, saved) = call(
        app,
        "PUT",
        &format!("/api/v1/dossiers/{id}/draft"),
        Some(&employee),
        Some(json!({"revision": 1, "content": content})),
    )
    .await;
    assert_eq!(status, 200, "{saved}");
    let (status, review) = call(
        app,
        "POST",
        &format!("/api/v1/dossiers/{id}/submit"),
        Some(&employee),
        Some(json!({"revision": 2})),
    )
    .await;
    assert_eq!(status, 201, "{review}");
    let review = review["id"].as_str().unwrap().to_owned();
    let (status, body) = call(
        app,
        "POST",
        &format!("/api/v1/approvals/{review}/lock"),
        Some(&focal),
        Some(json!({"checklist": [{"item": "Sơ yếu lý lịch", "checked": true}]})),
    )
    .await;
    assert_eq!(status, 200, "lock: {body}");
    set_day(ctx, "2031-04-24");
    for signer in [&head, &home_affairs] {
        let (status, body) = call(
            app,
            "POST",
            "/api/v1/me/certificates",
            Some(signer),
            Some(json!({"password": DEMO_PASSWORD})),
        )
        .await;
        assert_eq!(status, 201, "enrol: {body}");
        let (status, body) = call(
            app,
            "POST",
            &format!("/api/v1/approvals/{review}/sign"),
            Some(signer),
            Some(json!({"password": DEMO_PASSWORD})),
        )
        .await;
        assert_eq!(status, 201, "sign: {body}");
    }
    id
}

/// Runs jobs until none is due, moving the clock on past each back-off, until `done` holds.
pub(crate) async fn deliver_until(ctx: &TestContext, mut done: impl FnMut() -> bool) {
    let worker = ctx.worker();
    for _ in 0..60 {
        worker.run_until_idle().await.unwrap();
        if done() {
            return;
        }
        ctx.clock.set(ctx.clock.now() + chrono::Duration::hours(2));
    }
    let mut conn = ctx.db.connect();
    let left = hoso_store::national::list(&mut conn, None, None, 3).unwrap();
    panic!("the messages were not all delivered: {left:?}");
}

/// Dossiers of the generated people that have an approved version.
fn approved_dossiers(conn: &mut hoso_store::DbConnection, limit: i64) -> Vec<String> {
    use diesel::prelude::*;
    use hoso_store::schema::dossiers;
    dossiers::table
        .filter(dossiers::current_version.gt(0))
        .order(dossiers::id)
        .limit(limit)
        .select(dossiers::id)
        .load(conn)
        .unwrap()
}

/// Writes `times` approval messages for each dossier, each in its own transaction as an
/// approval does.
fn queue_approvals(ctx: &TestContext, dossiers: &[String], times: usize) {
    let state = ctx.state();
    let mut conn = ctx.db.connect();
    for _ in 0..times {
        for id in dossiers {
            conn.write_transaction(|conn| {
                hoso_app::national::queue_message(
                    conn,
                    &state.app,
                    id,
                    hoso_app::national::MessageKind::VersionApproved,
                    None,
                    &QueuedBy::system(),
                )
                .map(|_| ())
            })
            .unwrap();
        }
    }
}

pub(crate) fn messages_in(ctx: &TestContext, state: &str) -> usize {
    let mut conn = ctx.db.connect();
    hoso_store::national::counts_by_state(&mut conn)
        .unwrap()
        .into_iter()
        .find(|(s, _)| s == state)
        .map_or(0, |(_, n)| n as usize)
}

#[actix_web::test]
async fn an_approval_reaches_the_national_database_signed_and_its_identifier_comes_back() {
    for backend in backends() {
        let (ctx, simulator, _running) = connected(backend, Profile::Token);
        let app = ctx.app_without_jobs().await;
        let id = approved_nationally(&app, &ctx).await;
        let admin = token_of(&app, "quantri").await;

        // WF-6/7: the approval wrote its message in the same transaction.
        let (status, list) = call(&app, "GET", "/api/v1/national-sync/messages", Some(&admin), None).await;
        assert_eq!(status, 200, "{backend}: {list}");
        assert_eq!(list["configured"], true);
        assert_eq!(list["profile"], "token");
        let message = &list["items"][0];
        assert_eq!(
            (
                message["state"].as_str(),
                message["kind"].as_str(),
                message["sequence"].as_i64()
            ),
            (Some("queued"), Some("version_approved"), Some(1)),
            "{backend}: {list}"
        );
        assert_eq!(message["dossier_id"], id.as_str());
        let message_id = message["id"].as_str().unwrap().to_owned();

        trust_built_in_ca(&ctx, &simulator);
        deliver_until(&ctx, || messages_in(&ctx, "acknowledged") == 1).await;

        // INT-1: received once, its hash and signature checked by the other side.
        let accepted = simulator.with_state(|s| s.accepted.clone());
        assert_eq!(accepted.len(), 1, "{backend}");
        assert_eq!(accepted[0].message_id, message_id);
        let record = simulator.with_state(|s| s.people.values().next().cloned().unwrap());
        assert_eq!(record.groups["1_identity"]["full_name"], "Nguyễn Văn An");
        assert!(
            record.groups.get("10_other").is_none(),
            "{backend}: sensitive group not sent without consent"
        );

        // CTX-1: the national identifier and dossier code are written to the dossier and shown.
        let (_, dossier) = call(&app, "GET", &format!("/api/v1/dossiers/{id}"), Some(&admin), None).await;
        assert_eq!(
            dossier["national_identifier"],
            accepted[0].national_identifier.as_str()
        );
        assert_eq!(
            dossier["national_dossier_code"],
            accepted[0].national_dossier_code.as_str()
        );
        let (_, detail) = call(
            &app,
            "GET",
            &format!("/api/v1/national-sync/messages/{message_id}"),
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(detail["message"]["state"], "acknowledged", "{backend}: {detail}");
        let paths: Vec<(&str, &str)> = detail["log"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| (e["direction"].as_str().unwrap(), e["path"].as_str().unwrap()))
            .collect();
        assert_eq!(
            paths,
            [
                ("out", "/api/v1/Authentication/Token"),
                ("in", "/api/v1/Authentication/Token"),
                ("out", "/cbccvc/v1/packets"),
                ("in", "/cbccvc/v1/packets"),
            ],
            "{backend}"
        );
        assert!(
            !detail["log"].to_string().contains(SECRET),
            "{backend}: no credential in the message log"
        );

        // The agency report's "Đã đồng bộ" counts the acknowledgement.
        let (status, report) = call(
            &app,
            "GET",
            "/api/v1/reports/agency_activity?as_of=2031-04-24",
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(status, 200, "{backend}: {report}");
        let column = report["columns"]
            .as_array()
            .unwrap()
            .iter()
            .position(|c| c == "Đã đồng bộ");
        let synced = report["totals"][column.expect("the column")].as_i64().unwrap();
        assert_eq!(synced, 1, "{backend}: {report}");

        // The message log verifies; one changed byte is named, by the API and by `hoso verify-log`.
        let (_, verified) = call(
            &app,
            "GET",
            "/api/v1/national-sync/log/verification",
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(
            (verified["ok"].as_bool(), verified["entries"].as_i64()),
            (Some(true), Some(4)),
            "{backend}"
        );
        {
            use diesel::connection::SimpleConnection;
            let mut conn = ctx.db.connect();
            conn.batch_execute("UPDATE national_log SET body = body || ' ' WHERE seq = 3")
                .unwrap();
        }
        let (_, verified) = call(
            &app,
            "GET",
            "/api/v1/national-sync/log/verification",
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(
            (verified["ok"].as_bool(), verified["first_bad_entry"].as_i64()),
            (Some(false), Some(3)),
            "{backend}: {verified}"
        );
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_hoso"))
            .arg("verify-log")
            .env("HOSO_DATABASE_URL", ctx.db.url_string())
            .env("HOSO_DATA_DIR", ctx.static_dir.parent().unwrap())
            .output()
            .unwrap();
        let printed = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(1), "{backend}: {printed}");
        assert!(printed.contains("entry 3"), "{backend}: {printed}");

        // Denials: agencies and anonymous callers see nothing of the sync.
        let agency = token_of(&app, "sogddt").await;
        let (status, _) = call(&app, "GET", "/api/v1/national-sync/messages", Some(&agency), None).await;
        assert_eq!(status, 403, "{backend}");
        let (status, _) = call(&app, "GET", "/api/v1/national-sync/log/verification", None, None).await;
        assert_eq!(status, 401, "{backend}");
        let (status, _) = call(
            &app,
            "POST",
            &format!("/api/v1/national-sync/messages/{message_id}/retry"),
            Some(&agency),
            None,
        )
        .await;
        assert_eq!(status, 403, "{backend}");
    }
}

#[actix_web::test]
async fn under_faults_a_thousand_messages_arrive_each_once_and_in_order_per_person() {
    for backend in backends() {
        let (ctx, simulator, running) = connected(backend, Profile::SystemKey);
        ctx.load_people(hoso_app::seed::DEMO_SEED);
        let dossiers = {
            let mut conn = ctx.db.connect();
            approved_dossiers(&mut conn, 250)
        };
        assert_eq!(dossiers.len(), 250, "{backend}: enough approved dossiers");
        queue_approvals(&ctx, &dossiers, 4);
        trust_built_in_ca(&ctx, &simulator);
        simulator.set_faults(Faults {
            timeout: 2,
            status_500: 30,
            status_429: 10,
            retry_after: 3600,
            expire_tokens: true,
            lose_ack: 20,
            ..Faults::default()
        });
        // A restart of the other side mid-way: down for one round of the worker.
        let worker = ctx.worker();
        for _ in 0..3 {
            worker.run_once().await.unwrap();
        }
        let port = running.port;
        running.stop();
        worker.run_until_idle().await.unwrap();
        let _running = simulator.start(port).unwrap();
        deliver_until(&ctx, || messages_in(&ctx, "acknowledged") == 1000).await;

        let (accepted, duplicates) = simulator.with_state(|s| (s.accepted.clone(), s.duplicates));
        assert_eq!(accepted.len(), 1000, "{backend}: each message once");
        let ids: HashSet<&str> = accepted.iter().map(|a| a.message_id.as_str()).collect();
        assert_eq!(ids.len(), 1000, "{backend}");
        assert!(
            duplicates >= 20,
            "{backend}: lost acknowledgements were re-sent and recognised"
        );
        let mut per_person = BTreeMap::<&str, Vec<i64>>::new();
        for a in &accepted {
            per_person
                .entry(a.citizen_id.as_str())
                .or_default()
                .push(a.sequence);
        }
        assert!(
            per_person.values().all(|s| s == &[1, 2, 3, 4]),
            "{backend}: in order per person"
        );
        assert_eq!(messages_in(&ctx, "dead"), 0, "{backend}");
    }
}

#[actix_web::test]
async fn a_refusal_ends_dead_with_its_reason_holds_the_next_and_both_go_after_the_fix() {
    for backend in backends() {
        let (ctx, simulator, _running) = connected(backend, Profile::AccessKey);
        ctx.load_people(hoso_app::seed::DEMO_SEED);
        let dossier = {
            let mut conn = ctx.db.connect();
            approved_dossiers(&mut conn, 1)
        };
        queue_approvals(&ctx, &dossier, 2);
        trust_built_in_ca(&ctx, &simulator);
        simulator.set_faults(Faults {
            reject: 1,
            reject_status: 403,
            reject_code: "IP_DISALLOWED".into(),
            ..Faults::default()
        });
        ctx.worker().run_until_idle().await.unwrap();
        let app = ctx.app_without_jobs().await;
        let admin = token_of(&app, "quantri").await;
        let (_, dead) = call(
            &app,
            "GET",
            "/api/v1/national-sync/messages?state=dead",
            Some(&admin),
            None,
        )
        .await;
        let items = dead["items"].as_array().unwrap();
        assert_eq!(
            items.len(),
            2,
            "{backend}: the refused one and the one held behind it: {dead}"
        );
        let first = items.iter().find(|m| m["sequence"] == 1).unwrap();
        let second = items.iter().find(|m| m["sequence"] == 2).unwrap();
        assert_eq!(first["last_error_code"], "IP_DISALLOWED");
        assert!(
            first["last_error"].as_str().unwrap().contains("địa chỉ IP"),
            "{first}"
        );
        assert_eq!(second["last_error_code"], "held_behind");
        assert!(simulator.with_state(|s| s.accepted.is_empty()));

        // The platform allows our address; the administrator re-sends: both arrive, in order.
        let retry = format!(
            "/api/v1/national-sync/messages/{}/retry",
            first["id"].as_str().unwrap()
        );
        let (status, body) = call(&app, "POST", &retry, Some(&admin), None).await;
        assert_eq!(
            (status, body["state"].as_str()),
            (200, Some("queued")),
            "{backend}: {body}"
        );
        ctx.worker().run_until_idle().await.unwrap();
        let sequences: Vec<i64> = simulator.with_state(|s| s.accepted.iter().map(|a| a.sequence).collect());
        assert_eq!(sequences, [1, 2], "{backend}");
        assert_eq!(messages_in(&ctx, "acknowledged"), 2, "{backend}");
        let (status, body) = call(&app, "POST", &retry, Some(&admin), None).await;
        assert_eq!(
            (status, body["code"].as_str()),
            (409, Some("not_dead")),
            "{backend}"
        );
        let (status, body) = call(
            &app,
            "GET",
            "/api/v1/national-sync/messages?state=lost",
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(
            (status, body["code"].as_str()),
            (422, Some("validation_failed")),
            "{backend}: {body}"
        );
    }
}

#[actix_web::test]
async fn a_value_typed_where_the_national_database_needs_a_code_stops_the_message_before_it_is_sent() {
    for backend in backends() {
        let (ctx, simulator, _running) = connected(backend, Profile::Oauth2);
        let app = ctx.app_without_jobs().await;
        // Item 19: the concurrent Party position is free text in the form; the national
        // database takes only a code of the Party positions' catalogue.
        let id = approved_nationally_with(&app, &ctx, |content| {
            content["career"]["concurrent_party_position"] = json!("Bí thư chi bộ kiêm nhiệm");
        })
        .await;
        trust_built_in_ca(&ctx, &simulator);
        ctx.worker().run_until_idle().await.unwrap();
        let admin = token_of(&app, "quantri").await;
        let (_, list) = call(&app, "GET", "/api/v1/national-sync/messages", Some(&admin), None).await;
        let message = &list["items"][0];
        assert_eq!(message["dossier_id"], id.as_str());
        assert_eq!(
            (message["state"].as_str(), message["last_error_code"].as_str()),
            (Some("dead"), Some("uncoded_value")),
            "{backend}: {list}"
        );
        assert!(
            message["last_error"]
                .as_str()
                .unwrap()
                .contains("career.concurrent_party_position"),
            "{backend}: the reason names the form's field: {message}"
        );
        assert_eq!(
            simulator.with_state(|s| s.deliveries),
            0,
            "{backend}: nothing was sent"
        );
    }
}

/// The national database's record of a teacher arriving from Hà Nội, with the packet groups
/// hoso's own mapping makes (what another province running hoso would have sent).
fn record_from_another_province() -> (String, hoso_national_sim::Record) {
    let citizen_id = "001185000111".to_owned();
    let source = json!({
        "content": {
            "identity": {"full_name": "Trần Thị Bình", "birth_date": "1985-03-04", "gender": "2",
                "citizen_id": citizen_id, "ethnicity": "01", "birth_place": {"province": "01"}},
            "career": {"recruited_on": "2008-09-01", "recruiting_body": "Sở Giáo dục và Đào tạo Hà Nội"},
            "work_history": [{"from": "2008-09-01", "unit": "Trường THPT Chu Văn An, Hà Nội"}],
        },
        "person": {"category": "public_employee", "unit_code": "HN.SGDDT"}
    });
    let catalogs =
        hoso_domain::dossier::validation::CatalogIndex::from_files(hoso_domain::catalog::shipped());
    let groups = hoso_domain::national::build_groups(
        &hoso_domain::national::Mapping::shipped(),
        &source,
        &catalogs,
        false,
    )
    .unwrap();
    let record = hoso_national_sim::Record {
        national_identifier: "CB0000000777".into(),
        national_dossier_code: "01.HS-000777".into(),
        province: "01".into(),
        groups,
        packet_sha256: "a".repeat(64),
        updated_at: chrono::Utc::now(),
    };
    (citizen_id, record)
}

#[actix_web::test]
async fn an_arrival_pulls_the_national_record_and_its_draft_shows_the_national_items() {
    for backend in backends() {
        let (ctx, simulator, _running) = connected(backend, Profile::Oauth2);
        let (citizen_id, record) = record_from_another_province();
        simulator.put_person(&citizen_id, record);
        let app = ctx.app_without_jobs().await;
        let education = token_of(&app, "sogddt").await;
        let admin = token_of(&app, "quantri").await;
        let (_, scan) = crate::support::upload(
            &app,
            &education,
            "qd-tiep-nhan.pdf",
            "application/pdf",
            crate::support::pdf("QĐ tiếp nhận"),
        )
        .await;
        let school = hoso_store::units::find_by_code(&mut ctx.db.connect(), "HY.SGDDT.THPTHY")
            .unwrap()
            .unwrap()
            .id;
        let (status, arrival) = call(&app, "POST", "/api/v1/transfers", Some(&education), Some(json!({
            "kind": "arrival", "person_name": "Trần Thị Bình", "to_unit_id": school,
            "outside_body": "Sở GD&ĐT thành phố Hà Nội", "effective_on": "2031-03-03",
            "decision": {"number": "12/QĐ-UBND", "date": "2031-03-03", "signer": "Giám đốc Sở", "document_id": scan["id"]},
        }))).await;
        assert_eq!(status, 201, "{backend}: {arrival}");
        let pull = format!(
            "/api/v1/transfers/{}/national-record",
            arrival["id"].as_str().unwrap()
        );

        // Only Sở Nội vụ reads the national database; a number it does not know is named.
        let (status, _) = call(
            &app,
            "POST",
            &pull,
            Some(&education),
            Some(json!({"citizen_id": citizen_id})),
        )
        .await;
        assert_eq!(status, 403, "{backend}: the agency does not fulfil an arrival");
        let (status, body) = call(
            &app,
            "POST",
            &pull,
            Some(&admin),
            Some(json!({"citizen_id": "001185999999"})),
        )
        .await;
        assert_eq!(status, 422, "{backend}: {body}");
        assert_eq!(
            body["details"]["fields"][0]["code"], "not_in_national_database",
            "{backend}"
        );
        let (status, body) = call(
            &app,
            "POST",
            &pull,
            Some(&admin),
            Some(json!({"citizen_id": "12345"})),
        )
        .await;
        assert_eq!(status, 422, "{backend}: {body}");

        let (status, pulled) = call(
            &app,
            "POST",
            &pull,
            Some(&admin),
            Some(json!({"citizen_id": citizen_id})),
        )
        .await;
        assert_eq!(status, 201, "{backend}: {pulled}");
        assert_eq!(pulled["national_identifier"], "CB0000000777", "{backend}");
        let items: Vec<&str> = pulled["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i.as_str().unwrap())
            .collect();
        for item in [
            "identity.birth_date",
            "career.recruiting_body",
            "work_history[0].unit",
        ] {
            assert!(items.contains(&item), "{backend}: {item} in {items:?}");
        }
        {
            let mut conn = ctx.db.connect();
            let log =
                hoso_store::national::log_of_message(&mut conn, pulled["id"].as_str().unwrap()).unwrap();
            assert!(
                log.iter()
                    .any(|e| e.method == "GET" && e.path.ends_with(&citizen_id) && e.status == Some(200)),
                "{backend}: the read is in the message log: {log:?}"
            );
        }

        // Fulfilling the arrival opens the dossier from the record, with the national codes.
        let (status, done) = call(
            &app,
            "POST",
            &format!("/api/v1/transfers/{}/accept", arrival["id"].as_str().unwrap()),
            Some(&admin),
            Some(json!({})),
        )
        .await;
        assert_eq!(status, 200, "{backend}: {done}");
        let person = done["person_id"].as_str().unwrap();
        let dossier = hoso_store::dossiers::find_by_person(&mut ctx.db.connect(), person)
            .unwrap()
            .expect("the arrival's dossier is open")
            .id;
        let (status, draft) = call(
            &app,
            "GET",
            &format!("/api/v1/dossiers/{dossier}/draft"),
            Some(&education),
            None,
        )
        .await;
        assert_eq!(status, 200, "{backend}: {draft}");
        assert_eq!(
            draft["content"]["identity"]["birth_date"], "1985-03-04",
            "{backend}"
        );
        assert_eq!(
            draft["content"]["work_history"][0]["unit"], "Trường THPT Chu Văn An, Hà Nội",
            "{backend}"
        );
        let (status, standing) = call(
            &app,
            "GET",
            &format!("/api/v1/dossiers/{dossier}/national-state"),
            Some(&education),
            None,
        )
        .await;
        assert_eq!(status, 200, "{backend}: {standing}");
        assert_eq!(standing["national_identifier"], "CB0000000777", "{backend}");
        assert_eq!(standing["state"], "never_sent", "{backend}");
        assert_eq!(
            standing["from_national_record"]["items"], pulled["items"],
            "{backend}"
        );
        let health = token_of(&app, "syte").await;
        let (status, _) = call(
            &app,
            "GET",
            &format!("/api/v1/dossiers/{dossier}/national-state"),
            Some(&health),
            None,
        )
        .await;
        assert_eq!(status, 404, "{backend}: outside the reader's scope");
    }
}

#[actix_web::test]
async fn a_reconciliation_lists_a_changed_a_lost_and_an_unknown_record_and_a_resend_mends_one() {
    for backend in backends() {
        let (ctx, simulator, _running) = connected(backend, Profile::AccessKey);
        ctx.load_people(hoso_app::seed::DEMO_SEED);
        let dossiers = {
            let mut conn = ctx.db.connect();
            approved_dossiers(&mut conn, 3)
        };
        queue_approvals(&ctx, &dossiers, 1);
        deliver_until(&ctx, || messages_in(&ctx, "acknowledged") == 3).await;
        let held: Vec<String> = simulator.with_state(|s| s.people.keys().cloned().collect());
        assert_eq!(held.len(), 3, "{backend}");
        // At the Ministry: one record corrected, one lost, one of the province unknown here.
        assert!(simulator.change_person(&held[0], |r| r.packet_sha256 = "b".repeat(64)));
        simulator.remove_person(&held[1]).unwrap();
        let province = hoso_store::units::root(&mut ctx.db.connect())
            .unwrap()
            .unwrap()
            .code;
        let (_, mut stranger) = record_from_another_province();
        stranger.province = province;
        simulator.put_person("033190000222", stranger);

        let app = ctx.app_without_jobs().await;
        let admin = token_of(&app, "quantri").await;
        let agency = token_of(&app, "sogddt").await;
        let (status, _) = call(
            &app,
            "POST",
            "/api/v1/national-sync/reconciliations",
            Some(&agency),
            Some(json!({})),
        )
        .await;
        assert_eq!(
            status, 403,
            "{backend}: only Sở Nội vụ's administrators reconcile"
        );
        let (status, started) = call(
            &app,
            "POST",
            "/api/v1/national-sync/reconciliations",
            Some(&admin),
            Some(json!({})),
        )
        .await;
        assert_eq!(status, 202, "{backend}: {started}");
        ctx.worker().run_until_idle().await.unwrap();
        let path = format!(
            "/api/v1/national-sync/reconciliations/{}",
            started["id"].as_str().unwrap()
        );
        let (status, report) = call(&app, "GET", &path, Some(&admin), None).await;
        assert_eq!(status, 200, "{backend}: {report}");
        assert_eq!(report["state"], "done", "{backend}: {report}");
        assert_eq!(
            (report["theirs"].as_i64(), report["ours"].as_i64()),
            (Some(3), Some(3)),
            "{backend}"
        );
        let kinds: BTreeMap<&str, &Value> = report["differences"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| (d["kind"].as_str().unwrap(), d))
            .collect();
        assert_eq!(kinds.len(), 3, "{backend}: {report}");
        assert_eq!(
            kinds["missing_here"]["national_identifier"], "CB0000000777",
            "{backend}"
        );
        assert!(kinds["missing_here"]["dossier_id"].is_null(), "{backend}");
        for kind in ["different", "missing_there"] {
            assert!(
                dossiers.iter().any(|d| kinds[kind]["dossier_id"] == *d),
                "{backend}: {kind}"
            );
        }

        // Resending the lost one delivers its approved version again; it is held there again.
        let lost = kinds["missing_there"]["id"].as_str().unwrap().to_owned();
        let unknown = kinds["missing_here"]["id"].as_str().unwrap().to_owned();
        let resend = |id: &str| format!("/api/v1/national-sync/differences/{id}/resend");
        let (status, body) = call(&app, "POST", &resend(&unknown), Some(&admin), None).await;
        assert_eq!(
            (status, body["code"].as_str()),
            (409, Some("nothing_to_resend")),
            "{backend}"
        );
        let (status, body) = call(&app, "POST", &resend(&lost), Some(&admin), None).await;
        assert_eq!(status, 200, "{backend}: {body}");
        assert_eq!(body["resolution"], "resent", "{backend}");
        let (status, body) = call(&app, "POST", &resend(&lost), Some(&admin), None).await;
        assert_eq!(
            (status, body["code"].as_str()),
            (409, Some("already_resolved")),
            "{backend}"
        );
        deliver_until(&ctx, || messages_in(&ctx, "acknowledged") == 4).await;
        assert!(
            simulator.with_state(|s| s.people.contains_key(&held[1])),
            "{backend}"
        );
        let (_, list) = call(
            &app,
            "GET",
            "/api/v1/national-sync/reconciliations",
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(list["items"][0]["open_differences"], 2, "{backend}: {list}");
    }
}

/// A `hoso worker` process, killed when dropped: a failed assertion leaves none running.
struct Worker(std::process::Child);

impl Drop for Worker {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A `hoso worker` process killed (SIGKILL) in the middle of delivering: the messages it had
/// sent but not yet marked are sent again by the next worker, and the other side, which
/// deduplicates by message id, counts each once, in order per person.
#[test]
fn a_worker_killed_mid_delivery_leaves_every_message_delivered_once_and_in_order() {
    for backend in backends() {
        let (ctx, simulator, running) = connected(backend, Profile::Token);
        ctx.load_people(hoso_app::seed::DEMO_SEED);
        let dossiers = {
            let mut conn = ctx.db.connect();
            approved_dossiers(&mut conn, 100)
        };
        queue_approvals(&ctx, &dossiers, 3);
        let data_dir = ctx.static_dir.parent().unwrap().to_owned();
        let env = [
            ("HOSO_DATA_KEYS", crate::support::TEST_DATA_KEYS),
            ("HOSO_NATIONAL_URL", running.url.as_str()),
            ("HOSO_NATIONAL_AUTH", "token"),
            ("HOSO_NATIONAL_USER", "hoso"),
            ("HOSO_NATIONAL_SECRET", SECRET),
        ];
        let accepted = || simulator.with_state(|s| s.accepted.len());
        let mut first = Worker(crate::binary::start_worker_with(&data_dir, &ctx.db, &env));
        let deadline = std::time::Instant::now() + Duration::from_secs(120);
        while accepted() < 60 {
            assert!(
                std::time::Instant::now() < deadline,
                "{backend}: nothing was delivered"
            );
            std::thread::sleep(Duration::from_millis(5));
        }
        first.0.kill().unwrap(); // SIGKILL mid-delivery
        first.0.wait().unwrap();
        assert!(accepted() < 300, "{backend}: killed before the end");

        let second = Worker(crate::binary::start_worker_with(&data_dir, &ctx.db, &env));
        while messages_in(&ctx, "acknowledged") < 300 {
            assert!(
                std::time::Instant::now() < deadline,
                "{backend}: not all delivered after the restart"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        drop(second);
        let taken = simulator.with_state(|s| s.accepted.clone());
        assert_eq!(taken.len(), 300, "{backend}: each message once");
        let mut per_person = BTreeMap::<&str, Vec<i64>>::new();
        for a in &taken {
            per_person
                .entry(a.citizen_id.as_str())
                .or_default()
                .push(a.sequence);
        }
        assert!(
            per_person.values().all(|s| s == &[1, 2, 3]),
            "{backend}: in order per person"
        );
    }
}

/// INT-1: with the key pair the Ministry issued for the connection (a PEM file), packets are
/// signed with it; the other side, trusting only the Ministry's root, accepts them. A file
/// whose certificate is not the key's is refused.
#[actix_web::test]
async fn packets_are_signed_with_the_key_pair_the_ministry_issued_when_one_is_configured() {
    use hoso_signatures::ca::{Authority, Key, Subject};
    let now = chrono::Utc::now();
    let subject = |name| Subject {
        common_name: name,
        uid: None,
        organisation: "Bộ Nội vụ",
    };
    let ministry = Authority::create(&subject("CA Bộ Nội vụ"), now);
    let key = Key::generate();
    let certificate = ministry.issue(&subject("Kết nối CSDL quốc gia — tỉnh Hưng Yên"), &key, now, 2);
    let pem = |cert: &hoso_signatures::certificates::Certificate| hoso_signatures::certificates::to_pem(cert);
    let file = format!(
        "{}{}{}",
        key.to_pkcs8_pem(),
        pem(&certificate),
        pem(&ministry.certificate)
    );
    let wrong = format!("{}{}", Key::generate().to_pkcs8_pem(), pem(&certificate));
    assert!(hoso_app::national::SigningKeyPair::from_pem(&wrong)
        .unwrap_err()
        .contains("not the key's"));
    for backend in backends() {
        let (mut ctx, simulator, _running) = connected(backend, Profile::Xroad);
        ctx.national.signing = Some(hoso_app::national::SigningKeyPair::from_pem(&file).unwrap());
        simulator.trust(vec![ministry.certificate.clone()]);
        ctx.load_people(hoso_app::seed::DEMO_SEED);
        let dossiers = approved_dossiers(&mut ctx.db.connect(), 2);
        queue_approvals(&ctx, &dossiers, 1);
        deliver_until(&ctx, || messages_in(&ctx, "acknowledged") == 2).await;
        assert_eq!(simulator.with_state(|s| s.accepted.len()), 2, "{backend}");
    }
}

/// INT-3: nothing goes to or comes from the national database before the written consent is
/// recorded; messages stop with the reason, and recording the consent (decision with its scan,
/// by Sở Nội vụ's administrator only) sends them in their order.
#[actix_web::test]
async fn without_the_recorded_consent_nothing_is_sent_and_recording_it_sends_what_waited() {
    use diesel::prelude::*;
    for backend in backends() {
        let (ctx, simulator, _running) = connected(backend, Profile::Token);
        ctx.load_people(hoso_app::seed::DEMO_SEED);
        let mut conn = ctx.db.connect();
        diesel::delete(
            hoso_store::schema::system_meta::table
                .filter(hoso_store::schema::system_meta::key.eq(hoso_app::national::consent::KEY)),
        )
        .execute(&mut conn)
        .unwrap();
        let dossiers = approved_dossiers(&mut conn, 1);
        queue_approvals(&ctx, &dossiers, 2);
        ctx.worker().run_until_idle().await.unwrap();
        assert_eq!(messages_in(&ctx, "dead"), 2, "{backend}: both stopped");
        assert_eq!(
            simulator.with_state(|s| s.deliveries),
            0,
            "{backend}: nothing left hoso"
        );
        let stopped = hoso_store::national::dead_with_code(&mut conn, "consent_missing").unwrap();
        assert_eq!(stopped.len(), 2, "{backend}: each says why");
        assert!(
            stopped[0]
                .last_error
                .as_deref()
                .unwrap()
                .contains("văn bản đồng ý"),
            "{backend}"
        );

        let app = ctx.app_without_jobs().await;
        let admin = token_of(&app, "quantri").await;
        let agency = token_of(&app, "sogddt").await;
        let (status, consent) = call(&app, "GET", "/api/v1/national-sync/consent", Some(&admin), None).await;
        assert_eq!(
            (status, consent["recorded"].as_bool()),
            (200, Some(false)),
            "{backend}"
        );
        let (status, body) = call(
            &app,
            "POST",
            "/api/v1/national-sync/reconciliations",
            Some(&admin),
            Some(json!({})),
        )
        .await;
        assert_eq!(
            (status, body["code"].as_str()),
            (409, Some("national_consent_missing")),
            "{backend}"
        );
        let decision = |document: Value| {
            json!({"decision": {"number": "45/QĐ-UBND", "date": "2026-10-15", "signer": "Chủ tịch UBND tỉnh",
                "document_id": document}, "covers_sensitive": false})
        };
        let (status, _) = call(
            &app,
            "PUT",
            "/api/v1/national-sync/consent",
            Some(&agency),
            Some(decision(Value::Null)),
        )
        .await;
        assert_eq!(status, 403, "{backend}: only Sở Nội vụ's administrators");
        let (status, body) = call(
            &app,
            "PUT",
            "/api/v1/national-sync/consent",
            Some(&admin),
            Some(decision(Value::Null)),
        )
        .await;
        assert_eq!(status, 422, "{backend}: {body}");
        assert_eq!(
            body["details"]["fields"][0]["field"], "decision.document_id",
            "{backend}"
        );
        let (_, scan) = crate::support::upload(
            &app,
            &admin,
            "dong-y.pdf",
            "application/pdf",
            crate::support::pdf("Văn bản đồng ý"),
        )
        .await;
        let (status, consent) = call(
            &app,
            "PUT",
            "/api/v1/national-sync/consent",
            Some(&admin),
            Some(decision(scan["id"].clone())),
        )
        .await;
        assert_eq!(status, 200, "{backend}: {consent}");
        assert_eq!(consent["decision_number"], "45/QĐ-UBND", "{backend}");
        assert_eq!(messages_in(&ctx, "queued"), 2, "{backend}: both queued again");
        deliver_until(&ctx, || messages_in(&ctx, "acknowledged") == 2).await;
        let sequences: Vec<i64> = simulator.with_state(|s| s.accepted.iter().map(|a| a.sequence).collect());
        assert_eq!(sequences, vec![1, 2], "{backend}: in their order");
    }
}

/// Reverse sync: the Ministry corrected a record (a birth date); reconciliation finds it
/// different, Sở Nội vụ takes the correction, the managing agency sees both values on the dossier
/// and carries it into the draft — never written over the approved version — or an agency
/// outside the dossier's scope sees nothing.
#[actix_web::test]
async fn a_ministry_correction_becomes_a_proposal_the_agency_carries_into_the_draft() {
    for backend in backends() {
        let (ctx, simulator, _running) = connected(backend, Profile::Token);
        let app = ctx.app_without_jobs().await;
        let dossier = approved_nationally(&app, &ctx).await;
        deliver_until(&ctx, || messages_in(&ctx, "acknowledged") == 1).await;
        let citizen = simulator.with_state(|s| s.people.keys().next().cloned().unwrap());
        assert!(simulator.change_person(&citizen, |record| {
            record.groups["1_identity"]["birth_date"] = json!("1990-03-16");
            record.packet_sha256 = "c".repeat(64);
        }));
        let admin = token_of(&app, "quantri").await;
        // The simulator dates its records by the real clock, the test's clock is in 2031.
        let since = json!({"since": "2020-01-01"});
        let (_, started) = call(
            &app,
            "POST",
            "/api/v1/national-sync/reconciliations",
            Some(&admin),
            Some(since),
        )
        .await;
        ctx.worker().run_until_idle().await.unwrap();
        let path = format!(
            "/api/v1/national-sync/reconciliations/{}",
            started["id"].as_str().unwrap()
        );
        let (_, report) = call(&app, "GET", &path, Some(&admin), None).await;
        let different = report["differences"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["kind"] == "different")
            .unwrap_or_else(|| panic!("{backend}: {report}"))
            .clone();
        let (status, correction) = call(
            &app,
            "POST",
            &format!(
                "/api/v1/national-sync/differences/{}/correction",
                different["id"].as_str().unwrap()
            ),
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(status, 201, "{backend}: {correction}");
        assert_eq!(
            correction["changes"],
            json!([{"item": "identity.birth_date", "national": "1990-03-16", "ours": "1990-03-15"}]),
            "{backend}: only what differs"
        );

        let head = token_of(&app, "sogddt").await;
        let standing = format!("/api/v1/dossiers/{dossier}/national-state");
        let (status, state) = call(&app, "GET", &standing, Some(&head), None).await;
        assert_eq!(status, 200, "{backend}: {state}");
        assert_eq!(state["open_correction"]["id"], correction["id"], "{backend}");
        let health = token_of(&app, "syte").await;
        let correction_path = format!(
            "/api/v1/dossiers/{dossier}/national-corrections/{}",
            correction["id"].as_str().unwrap()
        );
        let (status, _) = call(
            &app,
            "POST",
            &format!("{correction_path}/apply"),
            Some(&health),
            Some(json!({"revision": 1})),
        )
        .await;
        assert_eq!(status, 404, "{backend}: outside its scope");
        let (status, _) = call(
            &app,
            "POST",
            &format!("{correction_path}/dismiss"),
            Some(&head),
            Some(json!({"note": "x"})),
        )
        .await;
        assert_eq!(status, 422, "{backend}: a reason is needed");

        let (_, draft) = call(
            &app,
            "GET",
            &format!("/api/v1/dossiers/{dossier}/draft"),
            Some(&head),
            None,
        )
        .await;
        let (status, applied) = call(
            &app,
            "POST",
            &format!("{correction_path}/apply"),
            Some(&head),
            Some(json!({"revision": draft["revision"]})),
        )
        .await;
        assert_eq!(status, 200, "{backend}: {applied}");
        assert_eq!(
            applied["content"]["identity"]["birth_date"], "1990-03-16",
            "{backend}"
        );
        let (_, version) = call(
            &app,
            "GET",
            &format!("/api/v1/dossiers/{dossier}"),
            Some(&head),
            None,
        )
        .await;
        assert_eq!(
            version["content"]["identity"]["birth_date"], "1990-03-15",
            "{backend}: the approved version is untouched until the change is approved"
        );
        let (status, body) = call(
            &app,
            "POST",
            &format!("{correction_path}/apply"),
            Some(&head),
            Some(json!({"revision": applied["revision"]})),
        )
        .await;
        assert_eq!(
            (status, body["code"].as_str()),
            (409, Some("already_resolved")),
            "{backend}"
        );
        let (_, state) = call(&app, "GET", &standing, Some(&head), None).await;
        assert!(state["open_correction"].is_null(), "{backend}: {state}");
    }
}

/// The monthly reconciliation queues itself on the first working day after Sở Nội vụ's window
/// (the scheduler's occurrence), looks back 40 days from it, and ends `done`, asked by nobody.
#[actix_web::test]
async fn the_monthly_reconciliation_runs_by_itself_after_home_affairs_window() {
    for backend in backends() {
        let (ctx, _simulator, _running) = connected(backend, Profile::Token);
        let schedules = [hoso_app::national::reconcile::schedule()];
        let start = chrono::NaiveDate::from_ymd_opt(2031, 3, 10)
            .unwrap()
            .and_hms_opt(3, 0, 0)
            .unwrap();
        let mut conn = ctx.db.connect();
        hoso_app::scheduler::tick(&mut conn, &schedules, start).unwrap();
        let later = start + chrono::Duration::days(35);
        let recorded = hoso_app::scheduler::tick(&mut conn, &schedules, later).unwrap();
        let run = recorded
            .iter()
            .find(|r| r.job_id.is_some())
            .unwrap_or_else(|| panic!("{backend}: nothing queued: {recorded:?}"));
        let local = hoso_domain::schedule::local_of_utc(run.occurrence);
        assert!(
            local.date() > chrono::NaiveDate::from_ymd_opt(2031, 3, 31).unwrap(),
            "{backend}: after March's window: {local}"
        );
        assert_eq!(
            local.time(),
            chrono::NaiveTime::from_hms_opt(2, 0, 0).unwrap(),
            "{backend}"
        );
        ctx.clock.set(later.and_utc());
        ctx.worker().run_until_idle().await.unwrap();
        let rows = hoso_store::national::reconciliations(&mut conn, 5).unwrap();
        assert_eq!(rows.len(), 1, "{backend}: {rows:?}");
        assert_eq!(rows[0].state, "done", "{backend}: {rows:?}");
        assert_eq!(rows[0].requested_by, None, "{backend}: the schedule's");
        assert_eq!(
            rows[0].since,
            local.date() - chrono::Duration::days(40),
            "{backend}"
        );
        assert_eq!(rows[0].job_id, run.job_id, "{backend}");
    }
}

/// Mutual TLS (issue #17, INT-1): a platform that lets in only the client certificate it
/// issued. Without it, with another CA's, or not trusting the platform's CA, nothing gets
/// through; with it a delivery is acknowledged. The person's message log then holds every
/// exchange, for Sở Nội vụ's administrators only.
#[actix_web::test]
async fn with_mutual_tls_only_the_issued_client_certificate_gets_through() {
    use hoso_app::national::client::Tls as ClientTls;
    for backend in backends() {
        let simulator = Simulator::new(Config::new(Profile::Token));
        let tls = hoso_national_sim::Tls::generate();
        let running = simulator.start_tls(0, &tls).unwrap();
        assert!(running.url.starts_with("https://"), "{}", running.url);
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, text: &str| {
            let path = dir.path().join(name);
            std::fs::write(&path, text).unwrap();
            path
        };
        let ca = write("ca.pem", &tls.ca_pem);
        let client = write("client.pem", &tls.client_pem);
        let stranger = write("stranger.pem", &hoso_national_sim::Tls::generate().client_pem);
        let certificate_only = write(
            "certificate-only.pem",
            tls.client_pem
                .split("-----BEGIN PRIVATE KEY-----")
                .next()
                .unwrap(),
        );
        let error = ClientTls::from_files(None, Some(&certificate_only), "")
            .err()
            .unwrap();
        assert!(error.contains("PKCS#8"), "{error}");
        let auth = Auth::from_parts("token", "hoso", SECRET, "hoso").unwrap();
        let timeout = Duration::from_secs(5);
        let connect = |roots: Option<&std::path::Path>, identity: Option<&std::path::Path>| {
            let tls = ClientTls::from_files(roots, identity, "").unwrap();
            Connection::with_tls(&running.url, auth.clone(), timeout, tls).unwrap()
        };
        for (why, connection) in [
            ("no client certificate", connect(Some(&ca), None)),
            (
                "another CA's client certificate",
                connect(Some(&ca), Some(&stranger)),
            ),
            ("the platform's CA not trusted", connect(None, Some(&client))),
        ] {
            let answer = connection.send("GET", "/cbccvc/v1/catalogs", None, None, &mut |_| {});
            assert!(answer.is_err(), "{backend}: {why} got an answer");
        }
        assert_eq!(simulator.with_state(|s| s.tokens_issued), 0, "{backend}");
        // An http:// address cannot carry a client certificate.
        let plain = running.url.replace("https://", "http://");
        let tls_files = ClientTls::from_files(Some(&ca), Some(&client), "").unwrap();
        assert!(Connection::with_tls(&plain, auth.clone(), timeout, tls_files).is_err());

        let mut ctx = TestContext::new(backend).with_demo();
        ctx.national.connection = Some(connect(Some(&ca), Some(&client)));
        let app = ctx.app_without_jobs().await;
        let dossier = approved_nationally(&app, &ctx).await;
        deliver_until(&ctx, || messages_in(&ctx, "acknowledged") == 1).await;
        assert_eq!(simulator.with_state(|s| s.accepted.len()), 1, "{backend}");

        let admin = token_of(&app, "quantri").await;
        let agency = token_of(&app, "sogddt").await;
        let path = format!("/api/v1/dossiers/{dossier}/national-log");
        let (status, _) = call(&app, "GET", &path, Some(&agency), None).await;
        assert_eq!(status, 403, "{backend}");
        let (status, log) = call(&app, "GET", &path, Some(&admin), None).await;
        assert_eq!(status, 200, "{backend}: {log}");
        assert_eq!(log["messages"].as_array().unwrap().len(), 1, "{backend}");
        assert_eq!(log["messages"][0]["state"], "acknowledged", "{backend}");
        let exchanges: Vec<(String, String, Option<i64>)> = log["log"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    e["direction"].as_str().unwrap().to_owned(),
                    e["path"].as_str().unwrap().to_owned(),
                    e["status"].as_i64(),
                )
            })
            .collect();
        assert!(
            exchanges.contains(&("in".into(), "/cbccvc/v1/packets".into(), Some(200))),
            "{backend}: {exchanges:?}"
        );
        let seqs: Vec<i64> = log["log"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["seq"].as_i64().unwrap())
            .collect();
        assert!(
            seqs.windows(2).all(|w| w[0] < w[1]),
            "{backend}: in the log's order"
        );
        let (status, _) = call(
            &app,
            "GET",
            "/api/v1/dossiers/no-such-dossier/national-log",
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(status, 404, "{backend}");
    }
}
