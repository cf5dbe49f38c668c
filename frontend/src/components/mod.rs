pub mod failure;
pub mod guard;
pub mod shell;
