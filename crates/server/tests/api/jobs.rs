//! The job queue through the API (issue #16): administrators see every job with its progress,
//! attempts, last error and who queued it, retry dead jobs and cancel queued ones; nobody else
//! may, and each refusal is recorded.

use hoso_app::jobs::{enqueue, JobRequest, QueuedBy};
use hoso_store::jobs as store;
use hoso_store::testing::backends;
use serde_json::json;

use crate::support::{assert_error_body, call, token_of, TestContext};

#[actix_web::test]
async fn administrators_follow_retry_and_cancel_jobs_and_nobody_else_may() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let admin = token_of(&app, "quantri").await;
        // A report job queued by the administrator runs on the queue.
        let (status, report) = call(
            &app,
            "POST",
            "/api/v1/report-jobs",
            Some(&admin),
            Some(json!({"kind": "gender"})),
        )
        .await;
        assert_eq!(status, 202, "{backend}: {report}");
        let report_id = report["id"].as_str().unwrap().to_owned();
        let (_, report) = call(
            &app,
            "GET",
            &format!("/api/v1/report-jobs/{report_id}?wait=true"),
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(report["status"], "done", "{backend}: {report}");
        let (status, page) = call(&app, "GET", "/api/v1/jobs?kind=report", Some(&admin), None).await;
        assert_eq!(status, 200, "{backend}: {page}");
        assert_eq!(page["items"][0]["state"], "succeeded", "{page}");
        assert_eq!(page["items"][0]["queued_by_type"], "account");
        assert_eq!(page["items"][0]["queued_by_name"], "quantri");
        assert_eq!(page["items"][0]["attempts"], 1);

        // A job that died, and one waiting (no worker here runs its kind).
        let now = ctx.clock.now_naive();
        let mut conn = ctx.db.connect();
        let dead = enqueue(
            &mut conn,
            JobRequest::new("test.always_fail", json!({})).attempts(1),
            &QueuedBy::system(),
            now,
        )
        .unwrap();
        store::claim(&mut conn, "gone", &["test.always_fail"], now, now)
            .unwrap()
            .unwrap();
        store::fail(
            &mut conn,
            &dead.id,
            "gone",
            "this job always fails",
            None,
            store::DEAD,
            now,
        )
        .unwrap();
        let waiting = enqueue(
            &mut conn,
            JobRequest::new("test.always_fail", json!({})),
            &QueuedBy::system(),
            now,
        )
        .unwrap();

        let (_, page) = call(&app, "GET", "/api/v1/jobs?state=dead", Some(&admin), None).await;
        assert_eq!(page["items"].as_array().unwrap().len(), 1, "{page}");
        assert_eq!(page["items"][0]["last_error"], "this job always fails");
        assert!(
            page["counts"]
                .as_array()
                .unwrap()
                .iter()
                .any(|c| c["state"] == "dead" && c["count"] == 1),
            "{page}"
        );
        let (status, body) = call(&app, "GET", "/api/v1/jobs?state=broken", Some(&admin), None).await;
        assert_eq!(status, 422);
        assert_eq!(body["details"]["fields"][0]["field"], "state");

        // Nobody but the province's administrators, and each refusal is recorded.
        for username in ["sogddt", "nguyenvanan"] {
            let token = token_of(&app, username).await;
            let (status, body) = call(&app, "GET", "/api/v1/jobs", Some(&token), None).await;
            assert_eq!(status, 403, "{username}");
            assert_error_body(&body, "forbidden");
            let (status, _) = call(
                &app,
                "POST",
                &format!("/api/v1/jobs/{}/retry", dead.id),
                Some(&token),
                None,
            )
            .await;
            assert_eq!(status, 403, "{username}");
            let (status, _) = call(
                &app,
                "POST",
                &format!("/api/v1/jobs/{}/cancel", waiting.id),
                Some(&token),
                None,
            )
            .await;
            assert_eq!(status, 403, "{username}");
        }
        let (status, _) = call(&app, "GET", "/api/v1/jobs", None, None).await;
        assert_eq!(status, 401);
        let (_, trail) = call(
            &app,
            "GET",
            "/api/v1/audit?action=job.retried",
            Some(&admin),
            None,
        )
        .await;
        let refused = trail["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["outcome"] == "denied")
            .count();
        assert_eq!(refused, 2, "{backend}: {trail}");
        assert_eq!(
            store::find(&mut conn, &dead.id).unwrap().unwrap().state,
            store::DEAD,
            "refusals change nothing"
        );

        // Retry the dead job; cancel the waiting one; neither twice.
        let (status, job) = call(
            &app,
            "POST",
            &format!("/api/v1/jobs/{}/retry", dead.id),
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(status, 200, "{job}");
        assert_eq!(
            (job["state"].as_str(), job["attempts"].as_i64()),
            (Some("queued"), Some(0))
        );
        let (status, body) = call(
            &app,
            "POST",
            &format!("/api/v1/jobs/{}/retry", dead.id),
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(status, 409);
        assert_error_body(&body, "invalid_state");
        let (status, job) = call(
            &app,
            "POST",
            &format!("/api/v1/jobs/{}/cancel", waiting.id),
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(status, 200);
        assert_eq!(job["state"], "cancelled");
        let (status, _) = call(
            &app,
            "POST",
            &format!("/api/v1/jobs/{}/cancel", waiting.id),
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(status, 409);
        let (status, job) = call(
            &app,
            "GET",
            &format!("/api/v1/jobs/{}", waiting.id),
            Some(&admin),
            None,
        )
        .await;
        assert_eq!((status, job["state"].as_str()), (200, Some("cancelled")));
        let (status, _) = call(&app, "GET", "/api/v1/jobs/no-such-job", Some(&admin), None).await;
        assert_eq!(status, 404);
        let (_, trail) = call(
            &app,
            "GET",
            "/api/v1/audit?action=job.cancelled",
            Some(&admin),
            None,
        )
        .await;
        assert!(
            trail["items"]
                .as_array()
                .unwrap()
                .iter()
                .any(|e| e["outcome"] == "success" && e["target_id"] == waiting.id.as_str()),
            "{trail}"
        );
    }
}
