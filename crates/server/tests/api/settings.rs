//! The regulation profile (deadlines and approval windows), on every backend.

use hoso_store::testing::backends;
use serde_json::json;

use crate::support::{assert_error_body, call, token_of, TestContext};

#[actix_web::test]
async fn administrators_choose_the_profile_everyone_reads() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let employee = token_of(&app, "nguyenvanan").await;
        let (status, profile) = call(
            &app,
            "GET",
            "/api/v1/settings/regulation-profile",
            Some(&employee),
            None,
        )
        .await;
        assert_eq!(status, 200);
        assert_eq!(profile["name"], "hung-yen", "{backend}: Hưng Yên's until chosen");
        assert_eq!(profile["deadlines"]["transfer_between_agencies"], 10);

        let agency = token_of(&app, "sogddt").await;
        let choose =
            json!({"name": "tien-giang", "enforcement": "refuse", "reason": "Áp dụng Quyết định 03/2025"});
        let (status, refused) = call(
            &app,
            "PUT",
            "/api/v1/settings/regulation-profile",
            Some(&agency),
            Some(choose.clone()),
        )
        .await;
        assert_eq!(status, 403);
        assert_error_body(&refused, "forbidden");

        let admin = token_of(&app, "quantri").await;
        let (status, chosen) = call(
            &app,
            "PUT",
            "/api/v1/settings/regulation-profile",
            Some(&admin),
            Some(choose),
        )
        .await;
        assert_eq!(status, 200, "{chosen}");
        let (_, read) = call(
            &app,
            "GET",
            "/api/v1/settings/regulation-profile",
            Some(&employee),
            None,
        )
        .await;
        assert_eq!(read["name"], "tien-giang");
        assert_eq!(
            read["deadlines"]["transfer_between_agencies"], 5,
            "{backend}: TG 10.3"
        );
        assert_eq!(read["windows"][0]["rule"], "last_days_shifted");

        let mut custom = read.clone();
        custom["deadlines"]["focal_check"] = json!(0);
        let (status, invalid) = call(
            &app,
            "PUT",
            "/api/v1/settings/regulation-profile",
            Some(&admin),
            Some(json!({"name": "custom", "custom": custom, "enforcement": "warn", "reason": "Thử"})),
        )
        .await;
        assert_eq!(status, 422);
        assert_eq!(invalid["details"]["fields"][0]["field"], "deadlines.focal_check");
        custom["deadlines"]["focal_check"] = json!(7);
        let (status, saved) = call(
            &app,
            "PUT",
            "/api/v1/settings/regulation-profile",
            Some(&admin),
            Some(
                json!({"name": "custom", "custom": custom, "enforcement": "warn", "reason": "Quy chế riêng"}),
            ),
        )
        .await;
        assert_eq!(status, 200, "{saved}");
        assert_eq!(
            (saved["name"].as_str(), saved["enforcement"].as_str()),
            (Some("custom"), Some("warn"))
        );

        let (_, trail) = call(
            &app,
            "GET",
            "/api/v1/audit?action=settings.regulation_profile_changed",
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(trail["items"].as_array().unwrap().len(), 2, "{backend}");
    }
}

/// Issue #19 (12): a right that is granted is checked. Without `view_reports` no report; without
/// `export_data` no file of a report, a list or a search; without `manage_settings` (a
/// restricted administrator) neither the regulation profile nor the calendar changes.
#[actix_web::test]
async fn rights_that_are_granted_are_checked() {
    use crate::support::sign_in_changing_password;
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        // Sở Y tế's account holds no view_reports.
        let health = token_of(&app, "syte").await;
        assert_eq!(
            call(&app, "GET", "/api/v1/reports/gender", Some(&health), None)
                .await
                .0,
            403,
            "{backend}"
        );
        // The focal officer reads reports but may not take files out.
        let focal = token_of(&app, "chuyenvien.sogddt").await;
        assert_eq!(
            call(&app, "GET", "/api/v1/reports/gender", Some(&focal), None)
                .await
                .0,
            200
        );
        for uri in [
            "/api/v1/reports/gender?format=xlsx",
            "/api/v1/search?format=csv",
            "/api/v1/lists/retirement?format=pdf",
        ] {
            let (status, body) = call(&app, "GET", uri, Some(&focal), None).await;
            assert_eq!(status, 403, "{backend} {uri}: {body}");
        }
        // An administrator without manage_settings.
        let admin = token_of(&app, "quantri").await;
        let rights: Vec<&str> = hoso_domain::access::Right::ALL
            .iter()
            .map(|r| r.as_str())
            .filter(|r| *r != "manage_settings")
            .collect();
        let (status, issued) = call(
            &app,
            "POST",
            "/api/v1/accounts",
            Some(&admin),
            Some(json!({"username": "quantri2", "display_name": "Quản trị hạn chế", "kind": "admin", "rights": rights, "reason": "Quản trị viên phụ"})),
        )
        .await;
        assert_eq!(status, 201, "{backend}: {issued}");
        let restricted =
            sign_in_changing_password(&app, "quantri2", issued["temporary_password"].as_str().unwrap()).await;
        let warn_only = json!({"name": "tien-giang", "enforcement": "warn", "reason": "Thử"});
        let (status, _) = call(
            &app,
            "PUT",
            "/api/v1/settings/regulation-profile",
            Some(&restricted),
            Some(warn_only.clone()),
        )
        .await;
        assert_eq!(
            status, 403,
            "{backend}: a restricted administrator may not relax the windows"
        );
        let plan =
            json!({"days": [{"day": "2031-02-01", "kind": "working", "note": "Làm bù"}], "reason": "Thử"});
        assert_eq!(
            call(
                &app,
                "PUT",
                "/api/v1/calendar/2031",
                Some(&restricted),
                Some(plan)
            )
            .await
            .0,
            403
        );
        let (status, _) = call(
            &app,
            "PUT",
            "/api/v1/settings/regulation-profile",
            Some(&admin),
            Some(warn_only),
        )
        .await;
        assert_eq!(status, 200, "{backend}: the full administrator may");
    }
}
