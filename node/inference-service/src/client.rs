//! A blocking HTTP/1.1 client of the service, for the node's command line, tests and
//! benchmarks.

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

/// Sends `request` to the service at `endpoint` (e.g. `http://127.0.0.1:9955`) on a fresh
/// connection and returns its answer, all within `timeout`. Blocks the calling thread.
///
/// # Errors
///
/// See [`ClientError`]; a `400` or `413` answer is a [`ClientError::Status`].
pub fn infer_http(
	endpoint: &str,
	request: &InferRequest,
	timeout: Duration,
) -> Result<InferResponse, ClientError> {
	ServiceConnection::new(endpoint)?.infer(request, timeout)
}

/// Whether the service at `endpoint` answers `GET /health` with `200` within `timeout`.
/// Blocks the calling thread.
///
/// # Errors
///
/// See [`ClientError`].
pub fn check_health(endpoint: &str, timeout: Duration) -> Result<(), ClientError> {
	ServiceConnection::new(endpoint)?.call("GET", HEALTH_PATH, None, timeout).map(drop)
}

/// A connection to the service kept open between requests (HTTP keep-alive), as the off-chain
/// worker's HTTP client keeps its connections: it saves a TCP handshake per request. It
/// connects on its first request, and again whenever the service closed it (the service
/// closes idle connections and ends each one after a while). Blocks the calling thread.
pub struct ServiceConnection {
	endpoint: Endpoint,
	stream: Option<TcpStream>,
}

/// An `http://host[:port][/prefix]` endpoint, parsed.
struct Endpoint {
	/// As given, for error messages.
	text: String,
	/// `host:port`, to connect to.
	address: String,
	/// `host[:port]`, for the `Host` header.
	authority: String,
	/// `/prefix` or nothing, prepended to the paths.
	prefix: String,
}

impl ServiceConnection {
	/// A connection to the service at `endpoint` (e.g. `http://127.0.0.1:9955`), not opened
	/// yet.
	///
	/// # Errors
	///
	/// [`ClientError::Endpoint`] if `endpoint` is not `http://host[:port][/prefix]`.
	pub fn new(endpoint: &str) -> Result<Self, ClientError> {
		Ok(ServiceConnection { endpoint: Endpoint::parse(endpoint)?, stream: None })
	}

	/// Sends `request` and returns the service's answer, all within `timeout`.
	///
	/// # Errors
	///
	/// See [`ClientError`]; a `400` or `413` answer is a [`ClientError::Status`].
	pub fn infer(
		&mut self,
		request: &InferRequest,
		timeout: Duration,
	) -> Result<InferResponse, ClientError> {
		let body = self.call("POST", INFER_PATH, Some(&request.encode()), timeout)?;
		InferResponse::decode_all(&mut &body[..]).map_err(ClientError::Decode)
	}

	/// Performs one request; the body of a `200` answer. A request on a kept connection that
	/// the service closed meanwhile, before answering anything, is sent again on a new one
	/// (the requests of the service have no side effect but caching).
	fn call(
		&mut self,
		method: &str,
		path: &str,
		body: Option<&[u8]>,
		timeout: Duration,
	) -> Result<Vec<u8>, ClientError> {
		let deadline = Instant::now().checked_add(timeout).ok_or(ClientError::Timeout(timeout))?;
		let remaining = || {
			deadline
				.checked_duration_since(Instant::now())
				.filter(|left| !left.is_zero())
				.ok_or(ClientError::Timeout(timeout))
		};
		let (kept, mut stream) = match self.stream.take() {
			Some(stream) => (true, stream),
			None => (false, self.endpoint.connect(remaining()?)?),
		};
		let head = self.endpoint.head(method, path, body);
		let text = &self.endpoint.text;
		let mut response = send_and_receive(&mut stream, &head, body, text, timeout, remaining);
		if kept && closed_unanswered(&response) {
			stream = self.endpoint.connect(remaining()?)?;
			response = send_and_receive(&mut stream, &head, body, text, timeout, remaining);
		}
		let response = response?;
		let (status, body, close) = parse_response(&response)?;
		if !close {
			self.stream = Some(stream);
		}
		if status != 200 {
			let start = body.get(..MAX_ERROR_BODY).unwrap_or(body);
			return Err(ClientError::Status {
				status,
				body: String::from_utf8_lossy(start).into_owned(),
			});
		}
		Ok(body.to_vec())
	}
}

impl Endpoint {
	fn parse(endpoint: &str) -> Result<Self, ClientError> {
		let invalid = || ClientError::Endpoint(endpoint.to_owned());
		let rest = endpoint.strip_prefix("http://").ok_or_else(invalid)?;
		let (authority, prefix) = rest.split_once('/').unwrap_or((rest, ""));
		if authority.is_empty() || authority.contains(['@', '?', '#', ' ']) {
			return Err(invalid());
		}
		let prefix = prefix.trim_end_matches('/');
		let after_bracket = authority.rsplit_once(']').map_or(authority, |(_, after)| after);
		let address = if after_bracket.contains(':') {
			authority.to_owned()
		} else {
			format!("{authority}:80")
		};
		Ok(Endpoint {
			text: endpoint.to_owned(),
			address,
			authority: authority.to_owned(),
			prefix: if prefix.is_empty() { String::new() } else { format!("/{prefix}") },
		})
	}

	/// Opens a connection within `timeout`, trying each address of the host in turn.
	fn connect(&self, timeout: Duration) -> Result<TcpStream, ClientError> {
		let io = |source| ClientError::Io { endpoint: self.text.clone(), source };
		let mut failure = io::Error::new(io::ErrorKind::NotFound, "the host has no address");
		for addr in self.address.to_socket_addrs().map_err(io)? {
			match TcpStream::connect_timeout(&addr, timeout) {
				Ok(stream) => {
					// Only a latency optimisation: requests are written in two parts.
					let _ = stream.set_nodelay(true);
					return Ok(stream);
				}
				Err(error) => failure = error,
			}
		}
		Err(io(failure))
	}

	/// The head of a request.
	fn head(&self, method: &str, path: &str, body: Option<&[u8]>) -> String {
		let Endpoint { authority, prefix, .. } = self;
		let mut head = format!("{method} {prefix}{path} HTTP/1.1\r\nHost: {authority}\r\n");
		if let Some(body) = body {
			head.push_str("Content-Type: application/octet-stream\r\n");
			head.push_str(&format!("Content-Length: {}\r\n", body.len()));
		}
		head.push_str("\r\n");
		head
	}
}

/// Sends a request on `stream` and reads the response; empty if the connection closed before
/// any of it arrived.
fn send_and_receive(
	stream: &mut TcpStream,
	head: &str,
	body: Option<&[u8]>,
	endpoint: &str,
	timeout: Duration,
	remaining: impl Fn() -> Result<Duration, ClientError>,
) -> Result<Vec<u8>, ClientError> {
	let io = |source| ClientError::Io { endpoint: endpoint.to_owned(), source };
	stream.set_write_timeout(Some(remaining()?)).map_err(io)?;
	let sent =
		stream.write_all(head.as_bytes()).and_then(|()| stream.write_all(body.unwrap_or(&[])));
	// The service may answer (e.g. `413`) and close before reading the whole body: read the
	// answer anyway, and report the write error only if there is none.
	let received = receive(stream, endpoint, timeout, remaining);
	match (sent, received) {
		(_, Ok(response)) if !response.is_empty() => Ok(response),
		(Err(error), _) => Err(timed_out(error, timeout).unwrap_or_else(io)),
		(Ok(()), received) => received,
	}
}

/// Whether the service closed the connection without answering: nothing arrived, or the
/// connection was reset or broken.
fn closed_unanswered(response: &Result<Vec<u8>, ClientError>) -> bool {
	match response {
		Ok(response) => response.is_empty(),
		Err(ClientError::Io { source, .. }) => matches!(
			source.kind(),
			io::ErrorKind::BrokenPipe
				| io::ErrorKind::ConnectionReset
				| io::ErrorKind::ConnectionAborted
		),
		Err(_) => false,
	}
}

/// A timeout error as [`ClientError::Timeout`]; other errors back.
fn timed_out(error: io::Error, timeout: Duration) -> Result<ClientError, io::Error> {
	match error.kind() {
		io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut => Ok(ClientError::Timeout(timeout)),
		_ => Err(error),
	}
}

/// Reads a response: up to the end of the body its `Content-Length` announces, or until the
/// service closes the connection.
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
				if complete_length(&response).is_some_and(|length| response.len() >= length) {
					return Ok(response);
				}
			}
			Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
			Err(error) => return Err(timed_out(error, timeout).unwrap_or_else(io)),
		}
	}
}

/// The length of a complete response whose head has arrived and announces its body's length.
fn complete_length(response: &[u8]) -> Option<usize> {
	let end = head_end(response)?;
	let head = std::str::from_utf8(response.get(..end)?).ok()?;
	let length = head.split("\r\n").skip(1).find_map(|line| {
		let (name, value) = line.split_once(':')?;
		name.eq_ignore_ascii_case("content-length").then(|| value.trim().parse::<usize>().ok())?
	})?;
	end.checked_add(4)?.checked_add(length)
}

/// Where the head of a response ends (before its blank line), if it has arrived.
fn head_end(response: &[u8]) -> Option<usize> {
	response.windows(4).position(|window| window == b"\r\n\r\n")
}

/// The status and body of a complete response (delimited by `Content-Length` or the end of
/// the connection), and whether the service closes the connection after it.
fn parse_response(response: &[u8]) -> Result<(u16, &[u8], bool), ClientError> {
	let end = head_end(response).ok_or(ClientError::Malformed("incomplete head"))?;
	let (head, rest) = response.split_at(end);
	let body = rest.get(4..).unwrap_or_default();
	let head = std::str::from_utf8(head).map_err(|_| ClientError::Malformed("non-UTF-8 head"))?;
	let mut lines = head.split("\r\n");
	let mut status_line = lines.next().unwrap_or_default().splitn(3, ' ');
	let version = status_line.next().unwrap_or_default();
	if !version.starts_with("HTTP/1.") {
		return Err(ClientError::Malformed("not an HTTP/1.x response"));
	}
	let status = status_line
		.next()
		.and_then(|code| code.parse::<u16>().ok())
		.ok_or(ClientError::Malformed("invalid status code"))?;
	// HTTP/1.0 closes by default, HTTP/1.1 keeps the connection open.
	let mut close = version == "HTTP/1.0";
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
		} else if name.eq_ignore_ascii_case("connection") {
			close = value.eq_ignore_ascii_case("close");
		}
	}
	match length {
		Some(length) => {
			let body = body.get(..length).ok_or(ClientError::Malformed("truncated body"))?;
			Ok((status, body, close))
		}
		// The body ends with the connection.
		None => Ok((status, body, true)),
	}
}
