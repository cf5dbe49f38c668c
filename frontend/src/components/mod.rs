pub mod catalog;
pub mod failure;
pub mod guard;
pub mod rights;
pub mod shell;
