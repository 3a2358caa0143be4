//! Fetching models from the URI they were registered with.

use crate::{store::hex, ServiceError, LOG_TARGET};
use http_body_util::{BodyExt, Empty, LengthLimitError, Limited};
use hyper::{
	body::Bytes,
	header,
	http::uri::{InvalidUri, PathAndQuery},
	Request, StatusCode, Uri,
};
use hyper_rustls::{HttpsConnector, HttpsConnectorBuilder};
use hyper_util::{
	client::legacy::{connect::HttpConnector, Client},
	rt::TokioExecutor,
};
use std::{error::Error as StdError, sync::Arc, time::Duration};

/// Redirects followed by one fetch.
const MAX_REDIRECTS: usize = 5;

/// `User-Agent` of the requests.
const USER_AGENT: &str = concat!("opg-inference-service/", env!("CARGO_PKG_VERSION"));

/// Why a model could not be fetched.
#[derive(Debug, thiserror::Error)]
pub(crate) enum FetchError {
	/// The URI is not UTF-8.
	#[error("the model URI is not UTF-8")]
	NotUtf8,
	/// The URI (or a redirect target) is not one the service can fetch.
	#[error("cannot fetch {uri:?}: {detail}")]
	InvalidUri { uri: String, detail: String },
	/// The registered size exceeds the engine's model limit.
	#[error("the model is {size} bytes, this node fetches at most {limit}")]
	TooLarge { size: u32, limit: u64 },
	/// The server answered neither `200` nor a usable redirect.
	#[error("{uri}: HTTP status {status}")]
	Status { uri: String, status: u16 },
	/// The connection or the transfer failed.
	#[error("{uri}: {detail}")]
	Transport { uri: String, detail: String },
	/// The body is longer than the registered size.
	#[error("{uri}: the body exceeds the registered size of {size} bytes")]
	TooLong { uri: String, size: u32 },
	/// More than [`MAX_REDIRECTS`] redirects.
	#[error("{uri}: more than {MAX_REDIRECTS} redirects")]
	TooManyRedirects { uri: String },
	/// The fetch did not complete within [`crate::ServiceConfig::fetch_timeout`].
	#[error("the fetch did not complete within {0:?}")]
	Timeout(Duration),
	/// The bytes are not the model.
	#[error("{uri}: the bytes hash to {actual}, not to the model hash")]
	HashMismatch { uri: String, actual: String },
}

/// An HTTP(S) client fetching models, with the service's limits.
pub(crate) struct Fetcher {
	client: Client<HttpsConnector<HttpConnector>, Empty<Bytes>>,
	ipfs_gateway: String,
	max_bytes: u64,
	timeout: Duration,
}

impl Fetcher {
	/// A client trusting the platform's root certificates (with none, `https://` fails).
	pub(crate) fn new(
		ipfs_gateway: String,
		max_bytes: u64,
		timeout: Duration,
	) -> Result<Self, ServiceError> {
		let provider = Arc::new(rustls::crypto::ring::default_provider());
		let builder =
			match HttpsConnectorBuilder::new().with_provider_and_native_roots(provider.clone()) {
				Ok(builder) => builder,
				Err(error) => {
					log::warn!(
						target: LOG_TARGET,
						"No usable root certificate ({error}): https:// models cannot be fetched"
					);
					let config = rustls::ClientConfig::builder_with_provider(provider)
						.with_safe_default_protocol_versions()?
						.with_root_certificates(rustls::RootCertStore::empty())
						.with_no_client_auth();
					HttpsConnectorBuilder::new().with_tls_config(config)
				}
			};
		let connector = builder.https_or_http().enable_http1().build();
		Ok(Fetcher {
			client: Client::builder(TokioExecutor::new()).build(connector),
			ipfs_gateway,
			max_bytes,
			timeout,
		})
	}

	/// Fetches model `hash` of registered `size` bytes from `uri` (`http://`, `https://` or
	/// `ipfs://`), and checks its hash.
	pub(crate) async fn fetch(
		&self,
		uri: &[u8],
		hash: &[u8; 32],
		size: u32,
	) -> Result<Vec<u8>, FetchError> {
		let uri = self.resolve(uri)?;
		if u64::from(size) > self.max_bytes {
			return Err(FetchError::TooLarge { size, limit: self.max_bytes });
		}
		let shown = uri.to_string();
		let bytes = tokio::time::timeout(self.timeout, self.get(uri, size))
			.await
			.map_err(|_| FetchError::Timeout(self.timeout))??;
		let actual = sp_crypto_hashing::blake2_256(&bytes);
		if actual != *hash {
			return Err(FetchError::HashMismatch { uri: shown, actual: hex(&actual) });
		}
		Ok(bytes)
	}

	/// The HTTP(S) URL of a model URI.
	fn resolve(&self, uri: &[u8]) -> Result<Uri, FetchError> {
		let uri = std::str::from_utf8(uri).map_err(|_| FetchError::NotUtf8)?;
		match uri.strip_prefix("ipfs://") {
			Some(path) => {
				parse_http(&format!("{}/ipfs/{path}", self.ipfs_gateway.trim_end_matches('/')))
			}
			None => parse_http(uri),
		}
	}

	/// `GET`s `uri`, following redirects, and returns a body of at most `size` bytes.
	async fn get(&self, mut uri: Uri, size: u32) -> Result<Vec<u8>, FetchError> {
		for _ in 0..=MAX_REDIRECTS {
			let transport = |uri: &Uri, error: &dyn StdError| FetchError::Transport {
				uri: uri.to_string(),
				detail: error_chain(error),
			};
			let request = Request::get(uri.clone())
				.header(header::USER_AGENT, USER_AGENT)
				.body(Empty::new())
				.map_err(|error| transport(&uri, &error))?;
			let response =
				self.client.request(request).await.map_err(|error| transport(&uri, &error))?;
			let status = response.status();
			let location = response.headers().get(header::LOCATION);
			if let Some(location) = location.filter(|_| status.is_redirection()) {
				let location = location.to_str().map_err(|error| transport(&uri, &error))?;
				uri = redirect(&uri, location)?;
				continue;
			}
			if status != StatusCode::OK {
				return Err(FetchError::Status { uri: uri.to_string(), status: status.as_u16() });
			}
			let limit = usize::try_from(size).unwrap_or(usize::MAX);
			let body =
				Limited::new(response.into_body(), limit).collect().await.map_err(|error| {
					if error.is::<LengthLimitError>() {
						FetchError::TooLong { uri: uri.to_string(), size }
					} else {
						transport(&uri, &*error)
					}
				})?;
			return Ok(body.to_bytes().to_vec());
		}
		Err(FetchError::TooManyRedirects { uri: uri.to_string() })
	}
}

/// Parses an absolute `http://` or `https://` URI.
fn parse_http(uri: &str) -> Result<Uri, FetchError> {
	let invalid = |detail: String| FetchError::InvalidUri { uri: uri.to_owned(), detail };
	let parsed: Uri = uri.parse().map_err(|error: InvalidUri| invalid(error.to_string()))?;
	match parsed.scheme_str() {
		Some("http" | "https") if parsed.host().is_some() => Ok(parsed),
		_ => Err(invalid("expected an http://, https:// or ipfs:// URI".to_owned())),
	}
}

/// The target of a redirect from `base` to `location`: an absolute URI or an absolute path.
fn redirect(base: &Uri, location: &str) -> Result<Uri, FetchError> {
	if !location.starts_with('/') || location.starts_with("//") {
		return parse_http(location);
	}
	let invalid = |detail: String| FetchError::InvalidUri { uri: location.to_owned(), detail };
	let mut parts = base.clone().into_parts();
	parts.path_and_query = Some(
		location.parse::<PathAndQuery>().map_err(|error: InvalidUri| invalid(error.to_string()))?,
	);
	Uri::from_parts(parts).map_err(|error| invalid(error.to_string()))
}

/// An error and its sources, `: `-separated (hyper's own messages are terse).
fn error_chain(error: &dyn StdError) -> String {
	let mut text = error.to_string();
	let mut source = error.source();
	while let Some(cause) = source {
		text.push_str(": ");
		text.push_str(&cause.to_string());
		source = cause.source();
	}
	text
}
