//! The shared national catalogues (issue #17, CTX-2): versions the national side publishes are
//! read by a durable job, kept with the changes they would make, and change nothing until an
//! administrator accepts them (perhaps leaving changes out); a rejected or stale version
//! changes nothing either. The other side is `hoso-national-sim`.

use hoso_domain::catalog::CatalogEntry;
use hoso_national_sim::Profile;
use hoso_store::testing::backends;
use serde_json::{json, Value};

use crate::national::connected;
use crate::support::{call, token_of};

fn entry(code: &str, label: &str) -> CatalogEntry {
    CatalogEntry {
        code: code.into(),
        label: label.into(),
        ..CatalogEntry::default()
    }
}

/// The updates in `state`, by catalogue kind.
fn of_kind<'a>(list: &'a Value, kind: &str, state: &str) -> Vec<&'a Value> {
    list["updates"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|u| u["kind"] == kind && u["state"] == state)
        .collect()
}

fn entry_of<'a>(catalog: &'a Value, code: &str) -> Option<&'a Value> {
    catalog["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["code"] == code)
}

#[actix_web::test]
async fn a_national_catalogue_version_changes_ours_only_as_far_as_an_administrator_accepts_it() {
    for backend in backends() {
        let (ctx, simulator, _running) = connected(backend, Profile::SystemKey);
        let app = ctx.app_without_jobs().await;
        let admin = token_of(&app, "quantri").await;
        let agency = token_of(&app, "sogddt").await;
        let check = |token: String| {
            let app = &app;
            async move {
                call(
                    app,
                    "POST",
                    "/api/v1/national-sync/catalog-checks",
                    Some(&token),
                    None,
                )
                .await
            }
        };

        let (status, _) = check(agency.clone()).await;
        assert_eq!(status, 403, "{backend}: only catalogue administrators ask");
        let (status, _) = call(
            &app,
            "GET",
            "/api/v1/national-sync/catalog-updates",
            Some(&agency),
            None,
        )
        .await;
        assert_eq!(status, 403, "{backend}");

        // The first check finds the national catalogues as hoso ships them: nothing to review.
        let (status, job) = check(admin.clone()).await;
        assert_eq!(status, 202, "{backend}: {job}");
        ctx.worker().run_until_idle().await.unwrap();
        let (_, list) = call(
            &app,
            "GET",
            "/api/v1/national-sync/catalog-updates",
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(list["pending"], 0, "{backend}: {list}");
        assert_eq!(
            of_kind(&list, "ethnicities", "unchanged").len(),
            1,
            "{backend}: {list}"
        );
        assert_eq!(of_kind(&list, "grades", "unchanged").len(), 1, "{backend}");

        // The national side publishes: a relabelled, a retired and a new ethnic group; new
        // coefficients of a salary scale; a grade on a scale nobody has.
        simulator.publish_catalog("ethnicities", |entries| {
            entries[1].label = "Tày (Thổ)".into();
            entries[2].valid_to = chrono::NaiveDate::from_ymd_opt(2026, 6, 30);
            entries[2].replaced_by = Some("01".into());
            entries.push(entry("60", "Dân tộc mới"));
        });
        simulator.publish_catalog("salary_scales", |entries| {
            entries[0].data = Some(json!({"coefficients": [630, 666, 702, 738, 774, 810]}));
        });
        simulator.publish_catalog("grades", |entries| {
            entries[0].label = "Chuyên viên cao cấp (mới)".into();
            let mut odd = entry("09.999", "Ngạch trên thang chưa có");
            odd.parent = Some("Z9".into());
            entries.push(odd);
        });
        let (status, _) = check(admin.clone()).await;
        assert_eq!(status, 202, "{backend}");
        ctx.worker().run_until_idle().await.unwrap();
        let (_, list) = call(
            &app,
            "GET",
            "/api/v1/national-sync/catalog-updates?state=pending",
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(list["pending"], 3, "{backend}: {list}");
        let ethnic = of_kind(&list, "ethnicities", "pending")[0].clone();
        let kinds: Vec<(&str, &str)> = ethnic["changes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| (c["code"].as_str().unwrap(), c["kind"].as_str().unwrap()))
            .collect();
        let ethnic_codes: Vec<String> = {
            let file = hoso_domain::catalog::shipped()
                .iter()
                .find(|f| f.meta.kind == "ethnicities")
                .unwrap();
            file.entries.iter().map(|e| e.code.clone()).collect()
        };
        assert_eq!(
            kinds,
            vec![
                (ethnic_codes[1].as_str(), "changed"),
                (ethnic_codes[2].as_str(), "retired"),
                ("60", "added")
            ],
            "{backend}"
        );
        assert_eq!(ethnic["national_version"], 2, "{backend}");

        // Nothing changed before the review.
        let (_, ours) = call(&app, "GET", "/api/v1/catalogs/ethnicities", Some(&admin), None).await;
        assert!(entry_of(&ours, "60").is_none(), "{backend}");

        // An unknown filter, an unknown code to leave out, a missing reason: each refused.
        let (status, body) = call(
            &app,
            "GET",
            "/api/v1/national-sync/catalog-updates?state=maybe",
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(
            (status, body["details"]["fields"][0]["code"].as_str()),
            (422, Some("invalid_choice")),
            "{backend}: {body}"
        );
        let accept = format!(
            "/api/v1/national-sync/catalog-updates/{}/accept",
            ethnic["id"].as_str().unwrap()
        );
        let (status, body) = call(
            &app,
            "POST",
            &accept,
            Some(&admin),
            Some(json!({"reason": "x", "skip": ["77"]})),
        )
        .await;
        assert_eq!(
            (status, body["details"]["fields"][0]["field"].as_str()),
            (422, Some("skip")),
            "{backend}: {body}"
        );
        let (status, _) = call(&app, "POST", &accept, Some(&admin), Some(json!({"reason": ""}))).await;
        assert_eq!(status, 422, "{backend}");
        let (status, _) = call(&app, "POST", &accept, Some(&agency), Some(json!({"reason": "x"}))).await;
        assert_eq!(status, 403, "{backend}");

        // Accepted: every change takes effect, as `national` entries.
        let (status, accepted) = call(
            &app,
            "POST",
            &accept,
            Some(&admin),
            Some(json!({"reason": "Đã đối chiếu với văn bản của Tổng cục Thống kê."})),
        )
        .await;
        assert_eq!(status, 200, "{backend}: {accepted}");
        assert_eq!(accepted["state"], "accepted", "{backend}");
        let (_, ours) = call(&app, "GET", "/api/v1/catalogs/ethnicities", Some(&admin), None).await;
        assert_eq!(entry_of(&ours, "60").unwrap()["origin"], "national", "{backend}");
        assert_eq!(
            entry_of(&ours, &ethnic_codes[1]).unwrap()["label"],
            "Tày (Thổ)",
            "{backend}"
        );
        assert_eq!(
            entry_of(&ours, &ethnic_codes[2]).unwrap()["valid_to"],
            "2026-06-30",
            "{backend}"
        );
        assert_eq!(
            ours["catalog"]["national_version"], 2,
            "{backend}: {}",
            ours["catalog"]
        );
        let (status, body) = call(
            &app,
            "POST",
            &accept,
            Some(&admin),
            Some(json!({"reason": "lại"})),
        )
        .await;
        assert_eq!(
            (status, body["code"].as_str()),
            (409, Some("already_resolved")),
            "{backend}"
        );

        // The grade naming a scale nobody holds cannot apply; left out, the rest does.
        let grades = of_kind(&list, "grades", "pending")[0].clone();
        let accept = format!(
            "/api/v1/national-sync/catalog-updates/{}/accept",
            grades["id"].as_str().unwrap()
        );
        let (status, body) = call(&app, "POST", &accept, Some(&admin), Some(json!({"reason": "x"}))).await;
        assert_eq!(
            (status, body["details"]["fields"][0]["code"].as_str()),
            (422, Some("reference_missing")),
            "{backend}: {body}"
        );
        let (status, body) = call(
            &app,
            "POST",
            &accept,
            Some(&admin),
            Some(json!({"reason": "Ngạch 09.999 chờ thang lương.", "skip": ["09.999"]})),
        )
        .await;
        assert_eq!(status, 200, "{backend}: {body}");
        assert_eq!(body["skipped"], json!(["09.999"]), "{backend}");
        let (_, ours) = call(&app, "GET", "/api/v1/catalogs/grades", Some(&admin), None).await;
        assert!(entry_of(&ours, "09.999").is_none(), "{backend}");
        assert_eq!(
            entry_of(&ours, "01.001").unwrap()["label"],
            "Chuyên viên cao cấp (mới)",
            "{backend}"
        );

        // Rejected: the coefficients stay ours.
        let scales = of_kind(&list, "salary_scales", "pending")[0].clone();
        let reject = format!(
            "/api/v1/national-sync/catalog-updates/{}/reject",
            scales["id"].as_str().unwrap()
        );
        let (status, body) = call(
            &app,
            "POST",
            &reject,
            Some(&admin),
            Some(json!({"reason": "Chờ nghị định về lương."})),
        )
        .await;
        assert_eq!(
            (status, body["state"].as_str()),
            (200, Some("rejected")),
            "{backend}: {body}"
        );
        let (_, ours) = call(&app, "GET", "/api/v1/catalogs/salary_scales", Some(&admin), None).await;
        assert_eq!(
            entry_of(&ours, "A3.1").unwrap()["data"]["coefficients"][0],
            620,
            "{backend}"
        );

        // A version read, then ours changed (an administrator's own entry): accepting is stale.
        simulator.publish_catalog("religions", |entries| entries.push(entry("40", "Tôn giáo mới")));
        check(admin.clone()).await;
        ctx.worker().run_until_idle().await.unwrap();
        let (status, body) = call(
            &app,
            "POST",
            "/api/v1/catalogs/religions/entries",
            Some(&admin),
            Some(json!({"code": "40", "label": "Tôn giáo của tỉnh", "reason": "Quyết định của UBND tỉnh"})),
        )
        .await;
        assert_eq!(status, 201, "{backend}: {body}");
        let (_, list) = call(
            &app,
            "GET",
            "/api/v1/national-sync/catalog-updates?state=pending",
            Some(&admin),
            None,
        )
        .await;
        let religions = of_kind(&list, "religions", "pending")[0].clone();
        let accept = format!(
            "/api/v1/national-sync/catalog-updates/{}/accept",
            religions["id"].as_str().unwrap()
        );
        let (status, body) = call(&app, "POST", &accept, Some(&admin), Some(json!({"reason": "x"}))).await;
        assert_eq!(
            (status, body["code"].as_str()),
            (409, Some("catalog_changed_since")),
            "{backend}: {body}"
        );

        // A newer version read before a decision supersedes the pending one, compared anew:
        // it would replace the administrator's entry, and says so.
        simulator.publish_catalog("religions", |entries| {
            entries.push(entry("42", "Một tôn giáo nữa"))
        });
        check(admin.clone()).await;
        ctx.worker().run_until_idle().await.unwrap();
        let (_, list) = call(
            &app,
            "GET",
            "/api/v1/national-sync/catalog-updates",
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(of_kind(&list, "religions", "superseded").len(), 1, "{backend}");
        let religions = of_kind(&list, "religions", "pending")[0].clone();
        assert_eq!(religions["national_version"], 3, "{backend}");
        assert_eq!(religions["changes"][0]["code"], "40", "{backend}: {religions}");
        assert_eq!(religions["changes"][0]["replaces_local"], true, "{backend}");

        // The shipped files no longer change an entry accepted from the national side.
        {
            let mut conn = ctx.db.connect();
            let mut file = hoso_domain::catalog::shipped()
                .iter()
                .find(|f| f.meta.kind == "ethnicities")
                .unwrap()
                .clone();
            file.meta.version += 1;
            hoso_store::catalogs::sync_shipped(&mut conn, &[file]).unwrap();
            let row = hoso_store::catalogs::find_entry(&mut conn, "ethnicities", &ethnic_codes[1])
                .unwrap()
                .unwrap();
            assert_eq!(row.label, "Tày (Thổ)", "{backend}");
        }

        // Every read went through the message log, which still verifies.
        let (_, verification) = call(
            &app,
            "GET",
            "/api/v1/national-sync/log/verification",
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(verification["ok"], true, "{backend}: {verification}");
        let mut conn = ctx.db.connect();
        let log = hoso_store::national::log_after(&mut conn, 0, 10_000).unwrap();
        assert!(
            log.iter()
                .any(|e| e.path == "/cbccvc/v1/catalogs/ethnicities" && e.status == Some(200)),
            "{backend}"
        );
    }
}

#[actix_web::test]
async fn without_a_connection_the_check_is_refused_and_the_nightly_run_skips() {
    for backend in backends() {
        let ctx = crate::support::TestContext::new(backend).with_demo();
        let app = ctx.app_without_jobs().await;
        let admin = token_of(&app, "quantri").await;
        let (status, body) = call(
            &app,
            "POST",
            "/api/v1/national-sync/catalog-checks",
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(
            (status, body["code"].as_str()),
            (409, Some("national_not_configured")),
            "{backend}: {body}"
        );
        let mut conn = ctx.db.connect();
        let job = hoso_app::jobs::enqueue(
            &mut conn,
            hoso_app::jobs::JobRequest::new("national.catalogs", json!({})),
            &hoso_app::jobs::QueuedBy::system(),
            ctx.clock.now_naive(),
        )
        .unwrap();
        drop(conn);
        ctx.worker().run_until_idle().await.unwrap();
        let row = hoso_store::jobs::find(&mut ctx.db.connect(), &job.id)
            .unwrap()
            .unwrap();
        assert_eq!(row.state, "succeeded", "{backend}: {row:?}");
        assert!(
            row.result.unwrap_or_default().contains("national_not_configured"),
            "{backend}"
        );
    }
}
