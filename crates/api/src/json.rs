//! The JSON body extractor of every endpoint. actix's `web::Json` reads the body (size limit,
//! content type, syntax: `JsonConfig` in `app.rs`); the value is then fitted to the operation's
//! type with the path of each value tracked, so that whatever does not fit — an unknown field,
//! a missing one, a wrong type, a value outside an enumeration, a date that is not ISO
//! `YYYY-MM-DD` in a sane year — is answered 422 naming the field (`evidence[0].kind`), with a
//! stable code and a Vietnamese message (issue #19, defects 5, 6, 17).

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::{web, FromRequest, HttpRequest};
use hoso_app::AppError;
use hoso_domain::FieldError;
use serde::de::DeserializeOwned;

use crate::error::HttpError;

/// A JSON body fitted to `T`.
#[derive(Debug)]
pub struct Json<T>(pub T);

impl<T> Json<T> {
    pub fn into_inner(self) -> T {
        self.0
    }
}

impl<T> std::ops::Deref for Json<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: DeserializeOwned + 'static> FromRequest for Json<T> {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let read = web::Json::<serde_json::Value>::from_request(req, payload);
        Box::pin(async move {
            let web::Json(value) = read.await?;
            fit(value).map(Json).map_err(|e| HttpError(e).into())
        })
    }
}

/// Fits a JSON value to `T`, or the field error that says where and why it does not fit.
pub fn fit<T: DeserializeOwned>(mut value: serde_json::Value) -> Result<T, AppError> {
    whole_numbers_as_integers(&mut value);
    serde_path_to_error::deserialize(&value).map_err(|error| {
        let message = error.inner().to_string();
        let mut path = error.path().to_string();
        if path == "." {
            path.clear();
        }
        // Inside a flattened part serde loses the path; a refused date is found by its value.
        if let (true, Some(refused)) = (path.is_empty(), hoso_domain::dates::refused_value(&message)) {
            path = hoso_domain::text::find_in_json(&value, "", &mut |at, text, key| {
                (!key && text == refused).then(|| at.to_owned())
            })
            .unwrap_or_default();
        }
        refusal(&path, &message).into()
    })
}

/// `1.0` is the integer 1 in JSON Schema (and in the document): a number without a fraction is
/// read as an integer wherever the operation wants one.
fn whole_numbers_as_integers(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Number(number) if number.is_f64() => {
            if let Some(whole) = number
                .as_f64()
                .filter(|f| f.fract() == 0.0 && f.abs() < 9.0e15)
                .map(|f| f as i64)
            {
                *value = serde_json::Value::from(whole);
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(whole_numbers_as_integers),
        serde_json::Value::Object(fields) => fields.values_mut().for_each(whole_numbers_as_integers),
        _ => {}
    }
}

/// The field error for serde's `message` about the value at `path`.
fn refusal(path: &str, message: &str) -> FieldError {
    // An unknown field's path already ends with it; a missing one's is its parent.
    let child = |name: &str| {
        if path.is_empty() || path == name {
            name.to_owned()
        } else if path.ends_with(&format!(".{name}")) {
            path.to_owned()
        } else {
            format!("{path}.{name}")
        }
    };
    if let Some(name) = quoted_after(message, "unknown field `") {
        // A misspelt field would otherwise be dropped in silence, and the caller believe it
        // changed something.
        let field = child(&name);
        return FieldError::new(
            field.clone(),
            "unknown_field",
            format!("Trường «{field}» không có trong yêu cầu này; kiểm tra lại tên trường."),
        );
    }
    if let Some(name) = quoted_after(message, "missing field `") {
        let field = child(&name);
        return FieldError::new(
            field.clone(),
            "required",
            format!("Thiếu trường bắt buộc «{field}»."),
        );
    }
    let field = if path.is_empty() { "body" } else { path };
    if hoso_domain::dates::refused_value(message).is_some() {
        return FieldError::new(field, "invalid_date", hoso_domain::dates::message());
    }
    if let Some(value) = quoted_after(message, "unknown variant `") {
        let allowed = message
            .split_once("expected ")
            .map(|(_, rest)| rest.replace('`', ""))
            .unwrap_or_default();
        return FieldError::new(
            field,
            "invalid_value",
            format!("Giá trị «{value}» không thuộc các giá trị cho phép ({allowed})."),
        );
    }
    FieldError::new(
        field,
        "invalid_value",
        format!("Giá trị không đúng kiểu hoặc ngoài giới hạn ({message})."),
    )
}

/// The text between `prefix` and the next backquote.
fn quoted_after(message: &str, prefix: &str) -> Option<String> {
    let start = message.find(prefix)? + prefix.len();
    Some(message[start..].split('`').next()?.to_owned())
}
