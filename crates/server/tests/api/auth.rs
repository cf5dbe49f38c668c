//! Sign-in, sessions, tokens and client credentials, on every backend (ACC-5, SEC-4).

use hoso_store::testing::backends;
use serde_json::json;

use crate::support::{
    assert_error_body, call, call_from, sign_in, token_of, TestContext, DEMO_PASSWORD, TEST_JWT_SECRET,
};

#[actix_web::test]
async fn every_kind_of_account_signs_in_and_sees_itself() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        for (username, kind) in [
            ("quantri", "admin"),
            ("sogddt", "agency"),
            ("chuyenvien.sogddt", "specialist"),
            ("nguyenvanan", "personal"),
        ] {
            let session = sign_in(&app, username, DEMO_PASSWORD).await;
            assert_eq!(session["token_type"], "Bearer");
            assert_eq!(session["account"]["kind"], kind, "{backend}");
            let token = session["access_token"].as_str().unwrap();
            let (status, me) = call(&app, "GET", "/api/v1/me", Some(token), None).await;
            assert_eq!(status, 200, "{backend} {username}: {me}");
            assert_eq!(me["account"]["username"], username);
            assert!(
                me["account"].get("password_hash").is_none(),
                "the hash must never leave the server"
            );
        }
    }
}

#[actix_web::test]
async fn wrong_passwords_and_unknown_users_get_the_same_answer_and_are_audited() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let (status, wrong) = call(
            &app,
            "POST",
            "/api/v1/auth/login",
            None,
            Some(json!({"username": "sogddt", "password": "sai mật khẩu 1"})),
        )
        .await;
        assert_eq!(status, 401);
        assert_error_body(&wrong, "invalid_credentials");
        let (status, unknown) = call(
            &app,
            "POST",
            "/api/v1/auth/login",
            None,
            Some(json!({"username": "khongco", "password": "sai mật khẩu 1"})),
        )
        .await;
        assert_eq!(status, 401);
        assert_eq!(unknown["message"], wrong["message"]);

        let admin = token_of(&app, "quantri").await;
        let (_, trail) = call(
            &app,
            "GET",
            "/api/v1/audit?action=auth.sign_in",
            Some(&admin),
            None,
        )
        .await;
        let outcomes: Vec<&str> = trail["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["outcome"].as_str().unwrap())
            .collect();
        assert_eq!(
            outcomes,
            ["success", "failure", "failure"],
            "{backend}: newest first: {trail}"
        );
        let failure = &trail["items"][1];
        assert_eq!(failure["ip"], "203.0.113.7");
        assert!(failure["request_id"].as_str().is_some());
    }
}

/// #19 (3): five wrong passwords for an account from one address refuse that address for the
/// account, not the account: its holder with the right password from elsewhere signs in (and
/// the trail says others were refused); administrators see the account under attack and may
/// unlock it for every address.
#[actix_web::test]
async fn failures_refuse_the_guessing_address_not_the_account_holder() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let login = |from: &'static str, password: &str| {
            let body = json!({"username": "chuyenvien.sogddt", "password": password});
            let app = &app;
            async move { call_from(app, from, &[], "POST", "/api/v1/auth/login", None, Some(body)).await }
        };
        const GUESSER: &str = "198.51.100.66:40000";
        const HOLDER: &str = "203.0.113.20:50000";
        for _ in 0..4 {
            assert_eq!(login(GUESSER, "không đúng 123").await.0, 401, "{backend}");
        }
        let (status, body) = login(GUESSER, "không đúng 123").await;
        assert_eq!(status, 429, "{backend}");
        assert_error_body(&body, "too_many_attempts");
        // From the guessing address even the right password waits; the holder elsewhere does not.
        assert_eq!(login(GUESSER, DEMO_PASSWORD).await.0, 429, "{backend}");
        let (status, session) = login(HOLDER, DEMO_PASSWORD).await;
        assert_eq!(
            status, 200,
            "{backend}: the holder signs in from their own address: {session}"
        );
        // A username nobody has is refused at the same count: the answers do not tell which
        // usernames exist.
        let unknown = json!({"username": "khong.ton.tai", "password": "không đúng 123"});
        for n in 1..=5 {
            let (status, _) = call_from(
                &app,
                "198.51.100.67:40000",
                &[],
                "POST",
                "/api/v1/auth/login",
                None,
                Some(unknown.clone()),
            )
            .await;
            assert_eq!(
                status,
                if n < 5 { 401 } else { 429 },
                "{backend}: unknown name, failure {n}"
            );
        }
        // A forged X-Forwarded-For from an untrusted peer changes nothing.
        let forged = [("X-Forwarded-For", "203.0.113.20")];
        let right = json!({"username": "chuyenvien.sogddt", "password": DEMO_PASSWORD});
        let (status, _) = call_from(
            &app,
            GUESSER,
            &forged,
            "POST",
            "/api/v1/auth/login",
            None,
            Some(right),
        )
        .await;
        assert_eq!(
            status, 429,
            "{backend}: the header of an untrusted peer is ignored"
        );

        let admin = token_of(&app, "quantri").await;
        let (_, trail) = call(
            &app,
            "GET",
            "/api/v1/audit?action=auth.sign_in",
            Some(&admin),
            None,
        )
        .await;
        let through = trail["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["outcome"] == "success" && e["ip"] == "203.0.113.20")
            .unwrap_or_else(|| panic!("{backend}: {trail}"));
        assert_eq!(
            through["reason"], "signed in while other addresses failed or were refused",
            "{backend}"
        );
        let (status, failures) = call(
            &app,
            "GET",
            "/api/v1/accounts/sign-in-failures",
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(status, 200, "{backend}: {failures}");
        let attacked = &failures["accounts"][0];
        assert_eq!(attacked["username"], "chuyenvien.sogddt", "{backend}: {failures}");
        assert_eq!(
            (
                attacked["failures"].as_i64(),
                attacked["refused_addresses"].as_i64()
            ),
            (Some(5), Some(1))
        );
        assert_eq!(attacked["from"][0]["address"], "198.51.100.66");
        // Only account managers read it; an agency sees its own people's accounts only.
        let specialist = session["access_token"].as_str().unwrap().to_owned();
        let (status, _) = call(
            &app,
            "GET",
            "/api/v1/accounts/sign-in-failures",
            Some(&specialist),
            None,
        )
        .await;
        assert_eq!(status, 403, "{backend}");
        let other_agency = token_of(&app, "syte").await;
        let (_, theirs) = call(
            &app,
            "GET",
            "/api/v1/accounts/sign-in-failures",
            Some(&other_agency),
            None,
        )
        .await;
        assert_eq!(
            theirs["accounts"],
            json!([]),
            "{backend}: another agency's account is not listed"
        );

        let account = account_id(&app, &admin, "chuyenvien.sogddt").await;
        let version = version_of(&app, &admin, &account).await;
        let (status, body) = call(
            &app,
            "POST",
            &format!("/api/v1/accounts/{account}/unlock"),
            Some(&admin),
            Some(json!({"version": version, "reason": "Cán bộ báo quên mật khẩu"})),
        )
        .await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(
            login(GUESSER, DEMO_PASSWORD).await.0,
            200,
            "{backend}: unlocked for every address"
        );
    }
}

/// #19 (3): an address guessing many usernames (known or not) is refused whatever it sends
/// next; everyone else signs in. Behind a trusted proxy, the forwarded address is the one counted.
#[actix_web::test]
async fn an_address_guessing_many_usernames_is_refused_and_a_trusted_proxy_forwards_the_client() {
    for backend in backends() {
        let mut ctx = TestContext::new(backend).with_demo();
        ctx.trusted_proxies = vec!["10.0.0.0/8".parse().unwrap()];
        let app = ctx.app().await;
        const PROXY: &str = "10.1.2.3:443";
        let login = |client: &'static str, username: String, password: &str| {
            let body = json!({"username": username, "password": password});
            let app = &app;
            async move {
                let forwarded = [("X-Forwarded-For", client)];
                call_from(
                    app,
                    PROXY,
                    &forwarded,
                    "POST",
                    "/api/v1/auth/login",
                    None,
                    Some(body),
                )
                .await
            }
        };
        for n in 0..19 {
            // Four of them for a real account: under its own limit of five.
            let username = if n % 5 == 0 {
                "sogddt".into()
            } else {
                format!("truong{n}")
            };
            let (status, body) = login("198.51.100.77", username, "đoán bừa 123").await;
            assert_eq!(status, 401, "{backend}: failure {n}: {body}");
        }
        assert_eq!(
            login("198.51.100.77", "syte".into(), "đoán bừa 123").await.0,
            429,
            "{backend}"
        );
        assert_eq!(
            login("198.51.100.77", "syte".into(), DEMO_PASSWORD).await.0,
            429,
            "{backend}: the address is refused whatever it sends"
        );
        assert_eq!(
            login("192.0.2.10", "syte".into(), DEMO_PASSWORD).await.0,
            200,
            "{backend}: another client behind the same proxy signs in"
        );
        let admin = token_of(&app, "quantri").await;
        let (_, failures) = call(
            &app,
            "GET",
            "/api/v1/accounts/sign-in-failures",
            Some(&admin),
            None,
        )
        .await;
        let address = failures["addresses"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["address"] == "198.51.100.77")
            .unwrap_or_else(|| panic!("{backend}: {failures}"));
        assert_eq!(address["failures"], 20);
        assert!(address["refused_until"].is_string());
        let agency = token_of(&app, "sogddt").await;
        let (_, theirs) = call(
            &app,
            "GET",
            "/api/v1/accounts/sign-in-failures",
            Some(&agency),
            None,
        )
        .await;
        assert_eq!(
            theirs["addresses"],
            json!([]),
            "{backend}: addresses are for Sở Nội vụ"
        );
        assert_eq!(
            theirs["accounts"],
            json!([]),
            "{backend}: an agency account is managed by Sở Nội vụ, not by itself"
        );
        let guessed = failures["accounts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["username"] == "sogddt")
            .unwrap_or_else(|| panic!("{backend}: {failures}"));
        assert_eq!(
            (guessed["username"].as_str(), guessed["failures"].as_i64()),
            (Some("sogddt"), Some(4)),
            "{backend}: Sở Nội vụ sees the agency account guessed four times"
        );
    }
}

#[actix_web::test]
async fn forged_expired_and_unsigned_tokens_are_refused() {
    let ctx = TestContext::new(hoso_store::Backend::Sqlite).with_demo();
    let app = ctx.app().await;
    let real = token_of(&app, "quantri").await;
    let keys = hoso_api::auth::JwtKeys::new(TEST_JWT_SECRET);
    let claims = keys.verify(&real).unwrap();

    let other_key = hoso_api::auth::JwtKeys::new(b"a different secret of enough length!!").issue(
        &claims.sub,
        "account",
        claims.ver,
        None,
        claims.sid.as_deref(),
        std::time::Duration::from_secs(600),
    );
    let payload = real.split('.').nth(1).unwrap();
    let unsigned = format!("eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.{payload}.");
    let mut tampered: Vec<String> = real.split('.').map(str::to_owned).collect();
    tampered[2] = tampered[2].chars().rev().collect();
    let expired = {
        use jsonwebtoken::{encode, EncodingKey, Header};
        let mut old = claims.clone();
        old.exp = chrono::Utc::now().timestamp() - 300;
        old.nbf = old.exp - 900;
        encode(
            &Header::default(),
            &old,
            &EncodingKey::from_secret(TEST_JWT_SECRET),
        )
        .unwrap()
    };
    for (case, token) in [
        ("other key", other_key),
        ("alg none", unsigned),
        ("tampered", tampered.join(".")),
        ("expired", expired),
        ("garbage", "abc".into()),
    ] {
        let (status, body) = call(&app, "GET", "/api/v1/me", Some(&token), None).await;
        assert_eq!(status, 401, "{case}");
        assert_error_body(&body, "unauthenticated");
        assert!(body.get("account").is_none(), "{case}: data leaked");
    }
    let (status, _) = call(&app, "GET", "/api/v1/me", None, None).await;
    assert_eq!(status, 401);
}

#[actix_web::test]
async fn refresh_tokens_rotate_and_a_reused_one_ends_the_whole_sign_in() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let first = sign_in(&app, "sogddt", DEMO_PASSWORD).await;
        let refresh = first["refresh_token"].as_str().unwrap().to_owned();
        let (status, second) = call(
            &app,
            "POST",
            "/api/v1/auth/refresh",
            None,
            Some(json!({"refresh_token": refresh})),
        )
        .await;
        assert_eq!(status, 200, "{backend}: {second}");
        let rotated = second["refresh_token"].as_str().unwrap().to_owned();
        assert_ne!(rotated, refresh);

        // The first token again: someone copied it. Both it and its successor stop working.
        let (status, _) = call(
            &app,
            "POST",
            "/api/v1/auth/refresh",
            None,
            Some(json!({"refresh_token": refresh})),
        )
        .await;
        assert_eq!(status, 401);
        let (status, _) = call(
            &app,
            "POST",
            "/api/v1/auth/refresh",
            None,
            Some(json!({"refresh_token": rotated})),
        )
        .await;
        assert_eq!(status, 401, "{backend}: the family must be revoked");
    }
}

#[actix_web::test]
async fn signing_out_ends_the_refresh_token() {
    let ctx = TestContext::new(hoso_store::Backend::Sqlite).with_demo();
    let app = ctx.app().await;
    let session = sign_in(&app, "nguyenvanan", DEMO_PASSWORD).await;
    let (token, refresh) = (
        session["access_token"].as_str().unwrap(),
        session["refresh_token"].as_str().unwrap(),
    );
    let (status, _) = call(
        &app,
        "POST",
        "/api/v1/auth/logout",
        Some(token),
        Some(json!({"refresh_token": refresh})),
    )
    .await;
    assert_eq!(status, 204);
    let (status, _) = call(
        &app,
        "POST",
        "/api/v1/auth/refresh",
        None,
        Some(json!({"refresh_token": refresh})),
    )
    .await;
    assert_eq!(status, 401);
}

#[actix_web::test]
async fn a_temporary_password_must_be_changed_before_anything_else() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let admin = token_of(&app, "quantri").await;
        let account = account_id(&app, &admin, "chuyenvien.sogddt").await;
        let version = version_of(&app, &admin, &account).await;
        let (status, issued) = call(
            &app,
            "POST",
            &format!("/api/v1/accounts/{account}/reset-password"),
            Some(&admin),
            Some(json!({"version": version, "reason": "Quên mật khẩu (ACC-5)"})),
        )
        .await;
        assert_eq!(status, 200, "{issued}");
        let temporary = issued["temporary_password"].as_str().unwrap();
        assert!(issued["account"]["must_change_password"].as_bool().unwrap());

        let session = sign_in(&app, "chuyenvien.sogddt", temporary).await;
        assert_eq!(session["must_change_password"], true);
        let token = session["access_token"].as_str().unwrap();
        let (status, body) = call(&app, "GET", "/api/v1/units", Some(token), None).await;
        assert_eq!(status, 403, "{backend}");
        assert_error_body(&body, "password_change_required");
        let (status, _) = call(&app, "GET", "/api/v1/me", Some(token), None).await;
        assert_eq!(status, 200);

        let (status, body) = call(
            &app,
            "POST",
            "/api/v1/auth/password",
            Some(token),
            Some(json!({"current_password": temporary, "new_password": "ngan"})),
        )
        .await;
        assert_eq!(status, 422);
        let fields: Vec<&str> = body["details"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["code"].as_str().unwrap())
            .collect();
        assert!(fields.contains(&"too_short"), "{body}");

        let (status, changed) = call(
            &app,
            "POST",
            "/api/v1/auth/password",
            Some(token),
            Some(json!({"current_password": temporary, "new_password": "Mật khẩu mới 2026"})),
        )
        .await;
        assert_eq!(status, 200, "{changed}");
        assert_eq!(changed["must_change_password"], false);
        let (status, _) = call(
            &app,
            "GET",
            "/api/v1/units",
            Some(changed["access_token"].as_str().unwrap()),
            None,
        )
        .await;
        assert_eq!(status, 200);
        // The token from before the change is over.
        let (status, _) = call(&app, "GET", "/api/v1/me", Some(token), None).await;
        assert_eq!(status, 401);
    }
}

#[actix_web::test]
async fn other_systems_use_client_credentials_limited_to_their_scopes() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let admin = token_of(&app, "quantri").await;
        let (status, issued) = call(&app, "POST", "/api/v1/api-clients", Some(&admin), Some(json!({"name": "Cổng dịch vụ công tỉnh", "scopes": ["units.read"], "consent_reference": "Công văn 123/UBND-KSTT"}))).await;
        assert_eq!(status, 201, "{issued}");
        let (client_id, secret) = (
            issued["client"]["client_id"].as_str().unwrap().to_owned(),
            issued["client_secret"].as_str().unwrap().to_owned(),
        );
        let (status, list) = call(&app, "GET", "/api/v1/api-clients", Some(&admin), None).await;
        assert_eq!(status, 200);
        assert!(
            !list.to_string().contains(&secret),
            "the secret is shown once only"
        );

        let token_request = |secret: &str, scope: Option<&str>| {
            let mut form =
                format!("grant_type=client_credentials&client_id={client_id}&client_secret={secret}");
            if let Some(scope) = scope {
                form.push_str(&format!("&scope={scope}"));
            }
            actix_web::test::TestRequest::post()
                .uri("/api/v1/auth/token")
                .insert_header(("Content-Type", "application/x-www-form-urlencoded"))
                .set_payload(form)
                .to_request()
        };
        let response = actix_web::test::call_service(&app, token_request(&secret, None)).await;
        assert_eq!(response.status(), 200, "{backend}");
        let granted: serde_json::Value = actix_web::test::read_body_json(response).await;
        let client_token = granted["access_token"].as_str().unwrap().to_owned();
        assert_eq!(granted["scope"], "units.read");

        let (status, units) = call(&app, "GET", "/api/v1/units", Some(&client_token), None).await;
        assert_eq!(status, 200);
        assert!(units.as_array().unwrap().len() >= 8);
        // A client is not a person: account endpoints refuse it.
        let (status, _) = call(&app, "GET", "/api/v1/accounts", Some(&client_token), None).await;
        assert_eq!(status, 403);

        let response = actix_web::test::call_service(&app, token_request("wrong", None)).await;
        assert_eq!(response.status(), 401);
        let response =
            actix_web::test::call_service(&app, token_request(&secret, Some("dossiers.write"))).await;
        assert_eq!(response.status(), 422);

        // Rotating the secret ends the old secret and its tokens at once.
        let id = issued["client"]["id"].as_str().unwrap();
        let (status, _) = call(
            &app,
            "POST",
            &format!("/api/v1/api-clients/{id}/rotate-secret"),
            Some(&admin),
            None,
        )
        .await;
        assert_eq!(status, 200);
        let (status, _) = call(&app, "GET", "/api/v1/units", Some(&client_token), None).await;
        assert_eq!(status, 401, "{backend}");
        let response = actix_web::test::call_service(&app, token_request(&secret, None)).await;
        assert_eq!(response.status(), 401);
    }
}

pub async fn account_id<S, B>(app: &S, token: &str, username: &str) -> String
where
    S: actix_web::dev::Service<
        actix_http::Request,
        Response = actix_web::dev::ServiceResponse<B>,
        Error = actix_web::Error,
    >,
    B: actix_web::body::MessageBody,
{
    let (status, page) = call(
        app,
        "GET",
        &format!("/api/v1/accounts?q={username}"),
        Some(token),
        None,
    )
    .await;
    assert_eq!(status, 200, "{page}");
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["username"] == username)
        .unwrap_or_else(|| panic!("{username} not listed: {page}"))["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

pub async fn version_of<S, B>(app: &S, token: &str, id: &str) -> i64
where
    S: actix_web::dev::Service<
        actix_http::Request,
        Response = actix_web::dev::ServiceResponse<B>,
        Error = actix_web::Error,
    >,
    B: actix_web::body::MessageBody,
{
    let (status, account) = call(app, "GET", &format!("/api/v1/accounts/{id}"), Some(token), None).await;
    assert_eq!(status, 200, "{account}");
    account["version"].as_i64().unwrap()
}

/// Issue #19 (2), SEC-3: an access token belongs to its sign-in. Signing out, or presenting a
/// reused refresh token, ends it at once rather than after its 15 minutes; another sign-in of
/// the same account (another browser) goes on.
#[actix_web::test]
async fn an_access_token_ends_with_its_sign_in() {
    for backend in backends() {
        let ctx = TestContext::new(backend).with_demo();
        let app = ctx.app().await;
        let this = sign_in(&app, "nguyenvanan", DEMO_PASSWORD).await;
        let other = sign_in(&app, "nguyenvanan", DEMO_PASSWORD).await;
        let token = this["access_token"].as_str().unwrap();
        let other_token = other["access_token"].as_str().unwrap();
        assert_eq!(call(&app, "GET", "/api/v1/me", Some(token), None).await.0, 200);
        let body = json!({"refresh_token": this["refresh_token"]});
        assert_eq!(
            call(&app, "POST", "/api/v1/auth/logout", Some(token), Some(body))
                .await
                .0,
            204
        );
        let (status, body) = call(&app, "GET", "/api/v1/me", Some(token), None).await;
        assert_eq!(status, 401, "{backend}: the signed-out token still works: {body}");
        assert_eq!(
            call(&app, "GET", "/api/v1/me", Some(other_token), None).await.0,
            200,
            "{backend}"
        );

        // A refresh token used twice: the pair rotated from it stops at once too.
        let first = sign_in(&app, "sogddt", DEMO_PASSWORD).await;
        let refresh = json!({"refresh_token": first["refresh_token"]});
        let (_, second) = call(&app, "POST", "/api/v1/auth/refresh", None, Some(refresh.clone())).await;
        let rotated = second["access_token"].as_str().unwrap();
        assert_eq!(call(&app, "GET", "/api/v1/me", Some(rotated), None).await.0, 200);
        assert_eq!(
            call(&app, "POST", "/api/v1/auth/refresh", None, Some(refresh))
                .await
                .0,
            401
        );
        for stale in [rotated, first["access_token"].as_str().unwrap()] {
            assert_eq!(
                call(&app, "GET", "/api/v1/me", Some(stale), None).await.0,
                401,
                "{backend}"
            );
        }
    }
}

/// Issue #19 (7): `/auth/token` answered plain English text (`415 "Content type error."`, `400
/// "Parse error: missing field client_id"`). Every refusal now carries the OAuth2 error body
/// (RFC 6749 §5.2) beside hoso's own.
#[actix_web::test]
async fn the_token_endpoint_refuses_with_the_oauth2_error_body() {
    let ctx = TestContext::new(hoso_store::Backend::Sqlite).with_demo();
    let app = ctx.app().await;
    let send = |content_type: &'static str, body: &'static str| {
        actix_web::test::TestRequest::post()
            .uri("/api/v1/auth/token")
            .insert_header(("Content-Type", content_type))
            .set_payload(body)
            .to_request()
    };
    let form = "application/x-www-form-urlencoded";
    for (request, status, oauth, code) in [
        (
            send("application/json", r#"{"grant_type":"client_credentials"}"#),
            415,
            "invalid_request",
            "unsupported_media_type",
        ),
        (
            send(form, "grant_type=client_credentials&client_secret=x"),
            422,
            "invalid_request",
            "validation_failed",
        ),
        (
            send(form, "grant_type=password&client_id=a&client_secret=b"),
            422,
            "unsupported_grant_type",
            "validation_failed",
        ),
        (
            send(
                form,
                "grant_type=client_credentials&client_id=nobody&client_secret=b",
            ),
            401,
            "invalid_client",
            "invalid_client",
        ),
    ] {
        let response = actix_web::test::call_service(&app, request).await;
        assert_eq!(response.status(), status, "{oauth}");
        assert_eq!(
            crate::support::header(&response, "cache-control").as_deref(),
            Some("no-store")
        );
        let body: serde_json::Value = actix_web::test::read_body_json(response).await;
        assert_eq!(body["error"], oauth, "{body}");
        assert_eq!(body["code"], code, "{body}");
        assert!(
            body["error_description"].as_str().is_some_and(|d| !d.is_empty()),
            "{body}"
        );
        assert!(body["message"].as_str().is_some(), "{body}");
    }
}
