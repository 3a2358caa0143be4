//! A blocking HTTP/1.1 client of the service, for the node's command line and tests.

use codec::{DecodeAll, Encode};
use opg_inference_primitives::{
	service::{HEALTH_PATH, INFER_PATH},
	InferRequest, InferResponse,
};
use std::{
	io::{self, Read, Write},
	net::{TcpStream, ToSocketAddrs},
	time::{Duration, Instant},
};

/// Largest response read: eight 1 MiB output tensors with their headers fit easily.
const MAX_RESPONSE_BYTES: usize = 16 << 20;

/// Bytes of an error response body kept in [`ClientError::Status`].
const MAX_ERROR_BODY: usize = 1024;

/// Why a call to the service failed.
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
	/// The endpoint is not `http://host[:port][/prefix]`.
	#[error("invalid endpoint {0:?}: expected http://host[:port][/prefix]")]
	Endpoint(String),
	/// The service could not be reached, or the connection failed.
	#[error("{endpoint}: {source}")]
	Io {
		/// The endpoint called.
		endpoint: String,
		/// What the system said.
		source: io::Error,
	},
	/// No complete answer arrived within the timeout.
	#[error("no answer within {0:?}")]
	Timeout(Duration),
	/// The answer is not a well-formed HTTP/1.x response (chunked responses are not
	/// supported: the service never sends them).
	#[error("malformed HTTP response: {0}")]
	Malformed(&'static str),
	/// The service answered with a status other than `200`.
	#[error("HTTP status {status}: {body}")]
	Status {
		/// The status code.
		status: u16,
		/// The start of the body, lossily decoded as UTF-8.
		body: String,
	},
	/// The body of a `200` answer is not a SCALE-encoded [`InferResponse`].
	#[error("the response is not a SCALE-encoded InferResponse: {0}")]
	Decode(codec::Error),
}

/// Sends `request` to the service at `endpoint` (e.g. `http://127.0.0.1:9955`) and returns its
/// answer, all within `timeout`. Blocks the calling thread.
///
/// # Errors
///
/// See [`ClientError`]; a `400` or `413` answer is a [`ClientError::Status`].
pub fn infer_http(
	endpoint: &str,
	request: &InferRequest,
	timeout: Duration,
) -> Result<InferResponse, ClientError> {
	let body = call(endpoint, "POST", INFER_PATH, Some(&request.encode()), timeout)?;
	InferResponse::decode_all(&mut &body[..]).map_err(ClientError::Decode)
}

/// Whether the service at `endpoint` answers `GET /health` with `200` within `timeout`.
/// Blocks the calling thread.
///
/// # Errors
///
/// See [`ClientError`].
pub fn check_health(endpoint: &str, timeout: Duration) -> Result<(), ClientError> {
	call(endpoint, "GET", HEALTH_PATH, None, timeout).map(drop)
}

/// Performs one request on a fresh connection; the body of a `200` answer.
fn call(
	endpoint: &str,
	method: &str,
	path: &str,
	body: Option<&[u8]>,
	timeout: Duration,
) -> Result<Vec<u8>, ClientError> {
	let invalid = || ClientError::Endpoint(endpoint.to_owned());
	let rest = endpoint.strip_prefix("http://").ok_or_else(invalid)?;
	let (authority, prefix) = rest.split_once('/').unwrap_or((rest, ""));
	if authority.is_empty() || authority.contains(['@', '?', '#', ' ']) {
		return Err(invalid());
	}
	let prefix = prefix.trim_end_matches('/');
	let io = |source| ClientError::Io { endpoint: endpoint.to_owned(), source };
	let deadline = Instant::now().checked_add(timeout).ok_or(ClientError::Timeout(timeout))?;
	let remaining = || {
		deadline
			.checked_duration_since(Instant::now())
			.filter(|left| !left.is_zero())
			.ok_or(ClientError::Timeout(timeout))
	};

	let after_bracket = authority.rsplit_once(']').map_or(authority, |(_, after)| after);
	let address =
		if after_bracket.contains(':') { authority.to_owned() } else { format!("{authority}:80") };
	let mut stream = None;
	let mut failure = io::Error::new(io::ErrorKind::NotFound, "the host has no address");
	for addr in address.to_socket_addrs().map_err(io)? {
		match TcpStream::connect_timeout(&addr, remaining()?) {
			Ok(connected) => {
				stream = Some(connected);
				break;
			}
			Err(error) => failure = error,
		}
	}
	let mut stream = stream.ok_or_else(|| io(failure))?;

	let slash = if prefix.is_empty() { "" } else { "/" };
	let mut head = format!(
		"{method} {slash}{prefix}{path} HTTP/1.1\r\nHost: {authority}\r\nConnection: close\r\n"
	);
	if let Some(body) = body {
		head.push_str("Content-Type: application/octet-stream\r\n");
		head.push_str(&format!("Content-Length: {}\r\n", body.len()));
	}
	head.push_str("\r\n");
	stream.set_write_timeout(Some(remaining()?)).map_err(io)?;
	let sent =
		stream.write_all(head.as_bytes()).and_then(|()| stream.write_all(body.unwrap_or(&[])));
	// The service may answer (e.g. `413`) and close before reading the whole body: read the
	// answer anyway, and report the write error only if there is none.
	let received = receive(&mut stream, endpoint, timeout, remaining);
	let response = match (sent, received) {
		(_, Ok(response)) if !response.is_empty() => response,
		(Err(error), _) => return Err(timed_out(error, timeout).unwrap_or_else(io)),
		(Ok(()), received) => received?,
	};
	let (status, body) = parse_response(&response)?;
	if status != 200 {
		let start = body.get(..MAX_ERROR_BODY).unwrap_or(body);
		return Err(ClientError::Status {
			status,
			body: String::from_utf8_lossy(start).into_owned(),
		});
	}
	Ok(body.to_vec())
}

/// A timeout error as [`ClientError::Timeout`]; other errors back.
fn timed_out(error: io::Error, timeout: Duration) -> Result<ClientError, io::Error> {
	match error.kind() {
		io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut => Ok(ClientError::Timeout(timeout)),
		_ => Err(error),
	}
}

/// Reads until the service closes the connection.
fn receive(
	stream: &mut TcpStream,
	endpoint: &str,
	timeout: Duration,
	remaining: impl Fn() -> Result<Duration, ClientError>,
) -> Result<Vec<u8>, ClientError> {
	let mut response = Vec::new();
	let mut chunk = vec![0u8; 64 * 1024];
	loop {
		let io = |source| ClientError::Io { endpoint: endpoint.to_owned(), source };
		stream.set_read_timeout(Some(remaining()?)).map_err(io)?;
		match stream.read(&mut chunk) {
			Ok(0) => return Ok(response),
			Ok(read) => {
				response.extend_from_slice(chunk.get(..read).unwrap_or_default());
				if response.len() > MAX_RESPONSE_BYTES {
					return Err(ClientError::Malformed("the response is too large"));
				}
			}
			Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
			Err(error) => return Err(timed_out(error, timeout).unwrap_or_else(io)),
		}
	}
}

/// The status and body of a complete response (delimited by `Content-Length` or the end of
/// the connection).
fn parse_response(response: &[u8]) -> Result<(u16, &[u8]), ClientError> {
	let end = response
		.windows(4)
		.position(|window| window == b"\r\n\r\n")
		.ok_or(ClientError::Malformed("incomplete head"))?;
	let (head, rest) = response.split_at(end);
	let body = rest.get(4..).unwrap_or_default();
	let head = std::str::from_utf8(head).map_err(|_| ClientError::Malformed("non-UTF-8 head"))?;
	let mut lines = head.split("\r\n");
	let mut status_line = lines.next().unwrap_or_default().splitn(3, ' ');
	if !status_line.next().is_some_and(|version| version.starts_with("HTTP/1.")) {
		return Err(ClientError::Malformed("not an HTTP/1.x response"));
	}
	let status = status_line
		.next()
		.and_then(|code| code.parse::<u16>().ok())
		.ok_or(ClientError::Malformed("invalid status code"))?;
	let mut length = None;
	for line in lines {
		let (name, value) = line.split_once(':').ok_or(ClientError::Malformed("invalid header"))?;
		let value = value.trim();
		if name.eq_ignore_ascii_case("content-length") {
			let parsed = value.parse::<usize>();
			length = Some(parsed.map_err(|_| ClientError::Malformed("invalid Content-Length"))?);
		} else if name.eq_ignore_ascii_case("transfer-encoding")
			&& !value.eq_ignore_ascii_case("identity")
		{
			return Err(ClientError::Malformed("unsupported Transfer-Encoding"));
		}
	}
	match length {
		Some(length) => {
			let body = body.get(..length).ok_or(ClientError::Malformed("truncated body"))?;
			Ok((status, body))
		}
		None => Ok((status, body)),
	}
}
