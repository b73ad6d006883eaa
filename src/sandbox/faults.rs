//! Fault injection: queued [`Fault`](super::Fault)s and the `flaky` knob,
//! applied before auth and routing.

use axum::body::Body;
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::response::Response;

use super::FaultAction;
use super::routes::{Req, error, raw_json, route};
use super::state::Shared;

/// Answers one request: a queued fault, the flaky knob, or the real route.
pub(crate) async fn respond(shared: &Shared, req: &Req<'_>) -> Response {
    if let Some(fault) = shared.take_fault(req.method.as_str(), req.path) {
        match fault.action {
            FaultAction::Respond {
                status,
                headers,
                body,
            } => return scripted(status, &headers, body),
            FaultAction::RespondAfterHandling { status, body } => {
                let _ = route(shared, req);
                return raw_json(status, body.into_bytes());
            }
            FaultAction::Drop => return dropped(),
            FaultAction::Stall(delay) => tokio::time::sleep(delay).await,
        }
    }
    if shared.chance(shared.config.flaky) {
        return error(
            503,
            "SERVICE_UNAVAILABLE",
            "The service is temporarily unavailable (sandbox --flaky). Retry shortly.",
        );
    }
    route(shared, req)
}

/// A scripted answer; the content type comes from `headers`, else JSON.
fn scripted(status: u16, headers: &[(String, String)], body: String) -> Response {
    let mut response = raw_json(status, body.into_bytes());
    for (name, value) in headers {
        if let (Ok(name), Ok(value)) = (
            HeaderName::try_from(name.as_str()),
            HeaderValue::try_from(value.as_str()),
        ) {
            response.headers_mut().insert(name, value);
        }
    }
    response
}

/// A 200 that promises more body than it sends: the connection is cut mid-body.
fn dropped() -> Response {
    // A stream body has no known length, so the promised Content-Length
    // stands and the server aborts the connection when the stream ends short.
    let partial = Body::from("{\"success\":true,\"data\":{\"agent_id\":\"").into_data_stream();
    let mut response = Response::new(Body::from_stream(partial));
    *response.status_mut() = StatusCode::OK;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    headers.insert(header::CONTENT_LENGTH, HeaderValue::from_static("65536"));
    response
}
