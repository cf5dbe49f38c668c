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
    #[error("database query failed: {0}")]
    Query(diesel::result::Error),
}

impl From<diesel::result::Error> for StoreError {
    fn from(error: diesel::result::Error) -> Self {
        match error {
            diesel::result::Error::NotFound => StoreError::NotFound,
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
