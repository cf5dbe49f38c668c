//! What the binary serves besides the API: the SPA and the API documentation page.

pub mod api_docs;
pub mod etag;
pub mod headers;
pub mod spa;
