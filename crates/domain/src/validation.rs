//! Field-level validation failures, carried from the rules that find them to the API that
//! reports them, so that a form can show each message beside the field it concerns.

use serde::{Deserialize, Serialize};

/// One field that failed a rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldError {
    /// Path of the offending field in the request, e.g. `birth_date` or `work_history[2].start`.
    pub field: String,
    /// Stable, machine-readable reason (snake_case), e.g. `required` or `invalid_format`.
    pub code: String,
    /// Human-readable explanation in Vietnamese.
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, code: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: field.into(),
            code: code.into(),
            message: message.into(),
        }
    }
}

/// Every field error found in one request. Rules collect them all rather than stopping at the
/// first, so a person corrects a form in one pass.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FieldErrors(Vec<FieldError>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, error: FieldError) {
        self.0.push(error);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `Ok(())` when no rule failed, otherwise every failure.
    pub fn into_result(self) -> Result<(), FieldErrors> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(self)
        }
    }

    pub fn into_vec(self) -> Vec<FieldError> {
        self.0
    }

    pub fn as_slice(&self) -> &[FieldError] {
        &self.0
    }
}

impl From<FieldError> for FieldErrors {
    fn from(error: FieldError) -> Self {
        Self(vec![error])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_errors_is_ok() {
        assert_eq!(FieldErrors::new().into_result(), Ok(()));
    }

    #[test]
    fn errors_are_kept_in_order() {
        let mut errors = FieldErrors::new();
        errors.push(FieldError::new("a", "required", "Bắt buộc"));
        errors.push(FieldError::new("b", "too_long", "Quá dài"));
        let fields: Vec<_> = errors
            .into_result()
            .unwrap_err()
            .into_vec()
            .into_iter()
            .map(|e| e.field)
            .collect();
        assert_eq!(fields, ["a", "b"]);
    }
}
