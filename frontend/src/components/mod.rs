pub mod failure;
pub mod shell;
