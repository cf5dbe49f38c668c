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
