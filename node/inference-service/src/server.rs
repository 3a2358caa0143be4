//! The HTTP/1.1 server: accepting connections, routing, reading bodies.

use crate::{
	metrics::{Failure, Metrics},
	service::State,
	LOG_TARGET,
};
use codec::{DecodeAll, Encode};
use http_body_util::{BodyExt, Full, LengthLimitError, Limited};
use hyper::{
	body::{Body as _, Bytes, Incoming},
	header::{self, HeaderValue},
	server::conn::http1,
	service::service_fn,
	Method, Request, Response, StatusCode,
};
use hyper_util::rt::{TokioIo, TokioTimer};
use opg_inference_primitives::{
	service::{HEALTH_PATH, INFER_PATH, MAX_REQUEST_BYTES},
	InferRequest,
};
use std::{convert::Infallible, net::SocketAddr, pin::pin, sync::Arc, time::Duration};
use tokio::{
	net::{TcpListener, TcpStream},
	sync::{OwnedSemaphorePermit, Semaphore},
};

/// Pause after a failed `accept` (e.g. out of file descriptors) before trying again.
const ACCEPT_BACKOFF: Duration = Duration::from_millis(100);

/// Limits of the server.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Limits {
	/// Connections served at once.
	pub(crate) max_connections: usize,
	/// Time to send the request headers, then the body.
	pub(crate) request_timeout: Duration,
	/// How long a connection takes new requests; the one in progress then has as long again.
	pub(crate) connection_timeout: Duration,
}

/// Accepts and serves connections on `listener` until dropped.
pub(crate) async fn serve(listener: std::net::TcpListener, state: Arc<State>, limits: Limits) {
	let listener = match TcpListener::from_std(listener) {
		Ok(listener) => listener,
		Err(error) => {
			log::error!(target: LOG_TARGET, "The inference service cannot listen: {error}");
			return;
		}
	};
	let permits = Arc::new(Semaphore::new(limits.max_connections.clamp(1, Semaphore::MAX_PERMITS)));
	loop {
		// The semaphore is never closed.
		let Ok(permit) = permits.clone().acquire_owned().await else { return };
		match listener.accept().await {
			Ok((stream, peer)) => {
				tokio::spawn(connection(stream, peer, state.clone(), limits, permit));
			}
			Err(error) => {
				log::warn!(target: LOG_TARGET, "Cannot accept a connection: {error}");
				tokio::time::sleep(ACCEPT_BACKOFF).await;
			}
		}
	}
}

/// Serves the requests of a connection, one after the other (HTTP keep-alive: the off-chain
/// worker's client reuses its connections, which saves a TCP handshake per inference).
///
/// The connection waits at most [`Limits::request_timeout`] for each request's headers, so an
/// idle one is closed after that. It takes new requests for [`Limits::connection_timeout`],
/// then finishes the one in progress, within as long again, and is closed.
async fn connection(
	stream: TcpStream,
	peer: SocketAddr,
	state: Arc<State>,
	limits: Limits,
	_permit: OwnedSemaphorePermit,
) {
	// Only a latency optimisation.
	let _ = stream.set_nodelay(true);
	let service = service_fn(move |request| {
		let state = state.clone();
		async move { Ok::<_, Infallible>(route(&state, request, limits.request_timeout).await) }
	});
	let connection = http1::Builder::new()
		.timer(TokioTimer::new())
		.header_read_timeout(limits.request_timeout)
		.keep_alive(true)
		.serve_connection(TokioIo::new(stream), service);
	let mut connection = pin!(connection);
	let served = match tokio::time::timeout(limits.connection_timeout, connection.as_mut()).await {
		Ok(served) => Ok(served),
		Err(_) => {
			connection.as_mut().graceful_shutdown();
			tokio::time::timeout(limits.connection_timeout, connection).await
		}
	};
	match served {
		Ok(Ok(())) => {}
		Ok(Err(error)) => log::debug!(target: LOG_TARGET, "Connection from {peer}: {error}"),
		Err(_) => log::debug!(
			target: LOG_TARGET,
			"Connection from {peer} closed after {:?}",
			limits.connection_timeout.saturating_mul(2)
		),
	}
}

async fn route(
	state: &Arc<State>,
	request: Request<Incoming>,
	request_timeout: Duration,
) -> Response<Full<Bytes>> {
	let path = request.uri().path().to_owned();
	let method = request.method().clone();
	match path.as_str() {
		INFER_PATH if method == Method::POST => infer(state, request, request_timeout).await,
		HEALTH_PATH if method == Method::GET => text(StatusCode::OK, "ok"),
		INFER_PATH => method_not_allowed("POST"),
		HEALTH_PATH => method_not_allowed("GET"),
		_ => text(StatusCode::NOT_FOUND, "not found"),
	}
}

/// `POST /v1/infer`.
async fn infer(
	state: &Arc<State>,
	request: Request<Incoming>,
	request_timeout: Duration,
) -> Response<Full<Bytes>> {
	state.with_metrics(Metrics::request);
	let rejected = |status: StatusCode, failure: Failure, reason: String| {
		state.with_metrics(|metrics| metrics.failed(failure));
		text(status, reason)
	};
	let body = match read_body(request.into_body(), request_timeout).await {
		Ok(body) => body,
		Err(BodyError::TooLarge) => {
			let reason = format!("the body exceeds {MAX_REQUEST_BYTES} bytes");
			return rejected(StatusCode::PAYLOAD_TOO_LARGE, Failure::RequestTooLarge, reason);
		}
		Err(BodyError::Timeout) => {
			let reason = format!("the body did not arrive within {request_timeout:?}");
			return rejected(StatusCode::REQUEST_TIMEOUT, Failure::RequestTimeout, reason);
		}
		Err(BodyError::Read(error)) => {
			let reason = format!("cannot read the body: {error}");
			return rejected(StatusCode::BAD_REQUEST, Failure::BadRequest, reason);
		}
	};
	let request = match InferRequest::decode_all(&mut &body[..]) {
		Ok(request) => request,
		Err(error) => {
			let reason = format!("the body is not a SCALE-encoded InferRequest: {error}");
			return rejected(StatusCode::BAD_REQUEST, Failure::BadRequest, reason);
		}
	};
	let answer = state.infer(request).await;
	let mut response = Response::new(Full::new(Bytes::from(answer.encode())));
	response
		.headers_mut()
		.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/octet-stream"));
	response
}

/// Why a request body was not read.
enum BodyError {
	/// Longer than [`MAX_REQUEST_BYTES`].
	TooLarge,
	/// Not received within the request timeout.
	Timeout,
	/// The connection failed or the body is malformed.
	Read(Box<dyn std::error::Error + Send + Sync>),
}

/// Reads a body of at most [`MAX_REQUEST_BYTES`] within `timeout`.
async fn read_body(body: Incoming, timeout: Duration) -> Result<Bytes, BodyError> {
	if body.size_hint().lower() > u64::from(MAX_REQUEST_BYTES) {
		return Err(BodyError::TooLarge);
	}
	let limit = usize::try_from(MAX_REQUEST_BYTES).unwrap_or(usize::MAX);
	match tokio::time::timeout(timeout, Limited::new(body, limit).collect()).await {
		Ok(Ok(collected)) => Ok(collected.to_bytes()),
		Ok(Err(error)) if error.is::<LengthLimitError>() => Err(BodyError::TooLarge),
		Ok(Err(error)) => Err(BodyError::Read(error)),
		Err(_) => Err(BodyError::Timeout),
	}
}

/// A `text/plain` response.
fn text(status: StatusCode, body: impl Into<String>) -> Response<Full<Bytes>> {
	let mut response = Response::new(Full::new(Bytes::from(body.into())));
	*response.status_mut() = status;
	response
		.headers_mut()
		.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/plain; charset=utf-8"));
	response
}

/// `405`, allowing `method`.
fn method_not_allowed(method: &'static str) -> Response<Full<Bytes>> {
	let mut response = text(StatusCode::METHOD_NOT_ALLOWED, "method not allowed");
	response.headers_mut().insert(header::ALLOW, HeaderValue::from_static(method));
	response
}
