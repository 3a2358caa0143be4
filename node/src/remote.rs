//! A node reached over its WebSocket RPC, as the command-line tools (`verify-job`, `watch`) see
//! it: runtime API calls, blocks, the events of a block and the bytes of inline models.

use codec::{Decode, Encode};
use jsonrpsee::{
	core::client::ClientT,
	rpc_params,
	ws_client::{WsClient, WsClientBuilder},
};
use opg_runtime::{AccountId, Balance, BlockNumber, Hash, RuntimeEvent};
use pallet_inference::{JobDetails, JobId, ModelDetails, ModelHash};

/// The node the command-line tools reach unless told otherwise: a local node's default RPC
/// endpoint.
pub const DEFAULT_NODE_URL: &str = "ws://127.0.0.1:9944";

/// What the command-line tools fail with.
pub type ToolError = Box<dyn std::error::Error + Send + Sync>;

/// A job as the runtime API returns it.
pub type Job = JobDetails<AccountId, Balance, BlockNumber>;

/// A model as the runtime API returns it.
pub type Model = ModelDetails<AccountId, Balance, BlockNumber>;

/// An event of a block, with the phase it was emitted in.
pub type EventRecord = frame_system::EventRecord<RuntimeEvent, Hash>;

/// Opens a WebSocket connection to the node at `url`.
pub async fn connect(url: &str) -> Result<WsClient, ToolError> {
	// Inline models (up to 3 MiB, twice that in hex) come in one response.
	Ok(WsClientBuilder::default().max_response_size(64 * 1024 * 1024).build(url).await?)
}

/// `0x`-prefixed lower-case hex.
pub fn to_hex(bytes: &[u8]) -> String {
	format!("0x{}", hex::encode(bytes))
}

/// Bytes from hex, with or without `0x`.
pub fn from_hex(text: &str) -> Result<Vec<u8>, ToolError> {
	Ok(hex::decode(text.trim_start_matches("0x")).map_err(|e| format!("{text}: {e}"))?)
}

/// A 32-byte hash from hex, with or without `0x`.
pub fn parse_hash(text: &str) -> Result<Hash, ToolError> {
	let bytes: [u8; 32] = from_hex(text)?
		.try_into()
		.map_err(|bytes: Vec<u8>| format!("{text}: {} bytes, not 32", bytes.len()))?;
	Ok(Hash::from(bytes))
}

/// Calls a runtime API function through `state_call` (at the best block) and decodes its
/// result.
pub async fn runtime_call<R: Decode>(
	client: &WsClient,
	method: &str,
	args: impl Encode,
) -> Result<R, ToolError> {
	let result: String =
		client.request("state_call", rpc_params![method, to_hex(&args.encode())]).await?;
	let bytes = from_hex(&result)?;
	Ok(R::decode(&mut bytes.as_slice())
		.map_err(|e| format!("{method}: undecodable answer: {e}"))?)
}

/// The job `job_id`, if the node still holds it (within its retention period).
pub async fn job(client: &WsClient, job_id: JobId) -> Result<Option<Job>, ToolError> {
	runtime_call(client, "InferenceApi_job", job_id).await
}

/// The model `hash`, if registered.
pub async fn model(client: &WsClient, hash: ModelHash) -> Result<Option<Model>, ToolError> {
	runtime_call(client, "InferenceApi_model", hash).await
}

/// The bytes of an inline model, from the node's offchain storage (`offchain_localStorageGet`,
/// an unsafe RPC method: allowed on a local node, or with `--rpc-methods unsafe`).
pub async fn indexed_model_bytes(
	client: &WsClient,
	hash: &ModelHash,
) -> Result<Option<Vec<u8>>, ToolError> {
	let key = to_hex(&pallet_inference::model_index_key(hash));
	let stored: Option<String> = client
		.request("offchain_localStorageGet", rpc_params!["PERSISTENT", key])
		.await
		.map_err(|e| format!("reading the model from the node: {e}"))?;
	stored.map(|bytes| from_hex(&bytes)).transpose()
}

/// The hash of the canonical block `number`, if the node has it.
pub async fn block_hash(client: &WsClient, number: BlockNumber) -> Result<Option<Hash>, ToolError> {
	let hash: Option<String> = client.request("chain_getBlockHash", rpc_params![number]).await?;
	hash.map(|hash| parse_hash(&hash)).transpose()
}

/// The number of a block header as the node serves it (`{"number": "0x..", ...}`).
pub fn header_number(header: &serde_json::Value) -> Result<BlockNumber, ToolError> {
	let number = header
		.get("number")
		.and_then(serde_json::Value::as_str)
		.ok_or("a block header without a number")?;
	Ok(BlockNumber::from_str_radix(number.trim_start_matches("0x"), 16)
		.map_err(|e| format!("block number {number}: {e}"))?)
}

/// The number of block `hash`.
pub async fn block_number(client: &WsClient, hash: Hash) -> Result<BlockNumber, ToolError> {
	let header: serde_json::Value = client.request("chain_getHeader", rpc_params![hash]).await?;
	if header.is_null() {
		return Err(format!("block {hash:?} is unknown to the node").into());
	}
	header_number(&header)
}

/// The last finalised block: its number and hash.
pub async fn finalized_head(client: &WsClient) -> Result<(BlockNumber, Hash), ToolError> {
	let hash: Hash = client.request("chain_getFinalizedHead", rpc_params![]).await?;
	Ok((block_number(client, hash).await?, hash))
}

/// The encoded extrinsics of block `hash`, in order.
pub async fn block_extrinsics(client: &WsClient, hash: Hash) -> Result<Vec<Vec<u8>>, ToolError> {
	let block: serde_json::Value = client.request("chain_getBlock", rpc_params![hash]).await?;
	let extrinsics = block
		.get("block")
		.and_then(|block| block.get("extrinsics"))
		.and_then(serde_json::Value::as_array)
		.ok_or_else(|| format!("block {hash:?} is unknown to the node"))?;
	extrinsics
		.iter()
		.map(|extrinsic| from_hex(extrinsic.as_str().ok_or("an extrinsic that is not hex")?))
		.collect()
}

/// The events of block `hash` (`System::Events` in its state), decoded with this node's
/// runtime types.
pub async fn block_events(client: &WsClient, hash: Hash) -> Result<Vec<EventRecord>, ToolError> {
	let key = [sp_io::hashing::twox_128(b"System"), sp_io::hashing::twox_128(b"Events")].concat();
	let stored: Option<String> =
		client.request("state_getStorage", rpc_params![to_hex(&key), hash]).await?;
	let Some(stored) = stored else { return Ok(Vec::new()) };
	let bytes = from_hex(&stored)?;
	Ok(Vec::<EventRecord>::decode(&mut bytes.as_slice()).map_err(|e| {
		format!("the events of block {hash:?} do not decode with this binary's runtime types: {e}")
	})?)
}
