//! The sandbox emulator's own tests and the request/answer contract checks,
//! one binary: the emulator through its HTTP interface, `sandbox serve` as a
//! process, the bodies the client sends against the OpenAPI documents, and
//! the library's listings against the in-process sandbox.

mod common;
#[path = "common/openapi.rs"]
mod openapi;

mod library;
mod request_contract;
mod sandbox_contract;
mod sandbox_serve;
mod sandbox_sessions;
mod sandbox_webhooks;
