use thiserror::Error;

/// What can go wrong below the API. The API maps these to its own error once; the causes are
/// logged there and never sent to clients.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("invalid database URL: {0}")]
    InvalidUrl(String),
    #[error("cannot connect to the database: {0}")]
    Connection(String),
    #[error("no database connection became free in time: {0}")]
    PoolTimeout(String),
    #[error("database migration failed: {0}")]
    Migration(String),
    #[error("the record was not found")]
    NotFound,
    /// Another writer changed the record since it was read.
    #[error("the record changed since it was read")]
    StaleVersion,
    /// A unique constraint refused the write; the text names the constraint or column.
    #[error("duplicate value: {0}")]
    Duplicate(String),
    #[error("database query failed: {0}")]
    Query(diesel::result::Error),
}

impl From<diesel::result::Error> for StoreError {
    fn from(error: diesel::result::Error) -> Self {
        match error {
            diesel::result::Error::NotFound => StoreError::NotFound,
            diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                info,
            ) => StoreError::Duplicate(info.constraint_name().unwrap_or(info.message()).to_owned()),
            other => StoreError::Query(other),
        }
    }
}

impl From<diesel::r2d2::PoolError> for StoreError {
    fn from(error: diesel::r2d2::PoolError) -> Self {
        StoreError::PoolTimeout(error.to_string())
    }
}

pub type StoreResult<T> = Result<T, StoreError>;
