//! Signed transactions of the command-line tools: built for the node's runtime with its
//! transaction extensions, signed, submitted, followed to a finalised block, and their dispatch
//! result read from that block's events.

use std::time::Duration;

use codec::Encode;
use jsonrpsee::{
	core::client::{ClientT, Subscription, SubscriptionClientT},
	rpc_params,
	ws_client::WsClient,
};
use opg_runtime::{
	Address, BlockNumber, Hash, Nonce, Runtime, RuntimeCall, RuntimeError, RuntimeEvent, Signature,
	SignedPayload, TxExtension, UncheckedExtrinsic,
};
use sp_core::crypto::Ss58Codec;
use sp_runtime::{generic::Era, DispatchError};

use crate::{
	remote::{self, parse_hash, to_hex, ToolError},
	signer::Signer,
};

/// Blocks a transaction stays valid for after the finalised block it was signed at.
const MORTALITY: u64 = 64;

/// How long a transaction may take to be finalised before it is given up on.
const FINALITY_TIMEOUT: Duration = Duration::from_secs(600);

/// A transaction in a finalised block.
pub struct Included {
	/// The transaction's hash (blake2-256 of its encoding).
	pub tx_hash: Hash,
	/// The finalised block holding it.
	pub block_hash: Hash,
	/// That block's number.
	pub block_number: BlockNumber,
	/// Its dispatch result: the error's name on failure (`Inference(ChallengeWindowClosed)`).
	pub dispatch: Result<(), String>,
}

impl std::fmt::Display for Included {
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		write!(
			f,
			"in block {} ({}), tx {}",
			self.block_number,
			to_hex(self.block_hash.as_bytes()),
			to_hex(self.tx_hash.as_bytes())
		)
	}
}

/// A transaction the node's pool took, followed until it is finalised.
pub struct Submitted {
	tx_hash: Hash,
	encoded: Vec<u8>,
	statuses: Subscription<serde_json::Value>,
}

/// Signs `call` with `signer` and submits it to the node (`author_submitAndWatchExtrinsic`);
/// `Err` if the node refuses it (invalid, unpayable, ...).
pub async fn submit(
	client: &WsClient,
	signer: &Signer,
	call: RuntimeCall,
) -> Result<Submitted, ToolError> {
	let encoded = sign(client, signer, call).await?.encode();
	let statuses = client
		.subscribe::<serde_json::Value, _>(
			"author_submitAndWatchExtrinsic",
			rpc_params![to_hex(&encoded)],
			"author_unwatchExtrinsic",
		)
		.await
		.map_err(|e| format!("the node refused the transaction: {}", refusal(e)))?;
	let tx_hash = Hash::from(sp_io::hashing::blake2_256(&encoded));
	Ok(Submitted { tx_hash, encoded, statuses })
}

impl Submitted {
	/// Waits until the transaction is in a finalised block, and reads its dispatch result
	/// there; `Err` if it never gets there (dropped, invalid, timed out).
	pub async fn finalized(mut self, client: &WsClient) -> Result<Included, ToolError> {
		let tx = to_hex(self.tx_hash.as_bytes());
		let block_hash = tokio::time::timeout(FINALITY_TIMEOUT, self.finalized_block())
			.await
			.map_err(|_| {
				format!("transaction {tx} not finalised within {} s", FINALITY_TIMEOUT.as_secs())
			})??;
		let block_number = remote::block_number(client, block_hash).await?;
		let index = remote::block_extrinsics(client, block_hash)
			.await?
			.iter()
			.position(|extrinsic| *extrinsic == self.encoded)
			.ok_or_else(|| format!("the finalised block does not hold transaction {tx}"))?;
		let dispatch = dispatch_result(client, block_hash, u32::try_from(index)?).await?;
		Ok(Included { tx_hash: self.tx_hash, block_hash, block_number, dispatch })
	}

	/// The hash of the finalised block holding the transaction, from its statuses.
	async fn finalized_block(&mut self) -> Result<Hash, ToolError> {
		while let Some(status) = self.statuses.next().await {
			let status = status?;
			if let Some(block) = status.get("finalized").and_then(|block| block.as_str()) {
				return parse_hash(block);
			}
			// `future`, `ready`, `broadcast`, `inBlock` and `retracted` are on the way;
			// `dropped`, `invalid`, `usurped` and `finalityTimeout` end it.
			let pending = ["future", "ready"].iter().any(|state| status == *state)
				|| ["broadcast", "inBlock", "retracted"]
					.iter()
					.any(|state| status.get(state).is_some());
			if !pending {
				return Err(format!("the transaction was not finalised: {status}").into());
			}
		}
		Err("the node stopped reporting on the transaction".into())
	}
}

/// A signed transaction of `call` for the node's runtime: its genesis, runtime version and the
/// signer's next nonce, mortal from the last finalised block.
async fn sign(
	client: &WsClient,
	signer: &Signer,
	call: RuntimeCall,
) -> Result<UncheckedExtrinsic, ToolError> {
	let genesis = remote::block_hash(client, 0).await?.ok_or("the node has no genesis block")?;
	let version: serde_json::Value =
		client.request("state_getRuntimeVersion", rpc_params![]).await?;
	let version_field = |name: &str| -> Result<u32, ToolError> {
		let value = version
			.get(name)
			.and_then(serde_json::Value::as_u64)
			.ok_or_else(|| format!("runtime version: no {name}"))?;
		Ok(u32::try_from(value)?)
	};
	let (spec_version, transaction_version) =
		(version_field("specVersion")?, version_field("transactionVersion")?);
	let account = signer.account();
	let nonce: Nonce =
		client.request("system_accountNextIndex", rpc_params![account.to_ss58check()]).await?;
	let (era_start, era_start_hash) = remote::finalized_head(client).await?;
	let extension: TxExtension = (
		frame_system::CheckNonZeroSender::<Runtime>::new(),
		frame_system::CheckSpecVersion::<Runtime>::new(),
		frame_system::CheckTxVersion::<Runtime>::new(),
		frame_system::CheckGenesis::<Runtime>::new(),
		frame_system::CheckEra::<Runtime>::from(Era::mortal(MORTALITY, era_start.into())),
		frame_system::CheckNonce::<Runtime>::from(nonce),
		frame_system::CheckWeight::<Runtime>::new(),
		pallet_transaction_payment::ChargeTransactionPayment::<Runtime>::from(0),
	);
	// What each extension adds to the signed payload without carrying it in the transaction,
	// in the same order: the versions, the genesis hash and the era's first block's hash
	// (`MORTALITY` is below 4096, so the era starts exactly at `era_start`).
	let implicit = ((), spec_version, transaction_version, genesis, era_start_hash, (), (), ());
	let payload = SignedPayload::from_raw(call, extension, implicit);
	let signature = payload.using_encoded(|bytes| signer.sign(bytes))?;
	let (call, extension, _) = payload.deconstruct();
	Ok(UncheckedExtrinsic::new_signed(
		call,
		Address::Id(account),
		Signature::Sr25519(signature),
		extension,
	))
}

/// The dispatch result of extrinsic `index` of block `block`, from the block's events.
async fn dispatch_result(
	client: &WsClient,
	block: Hash,
	index: u32,
) -> Result<Result<(), String>, ToolError> {
	let events = remote::block_events(client, block).await?;
	for record in events {
		if record.phase != frame_system::Phase::ApplyExtrinsic(index) {
			continue;
		}
		match record.event {
			RuntimeEvent::System(frame_system::Event::ExtrinsicSuccess { .. }) => {
				return Ok(Ok(()))
			}
			RuntimeEvent::System(frame_system::Event::ExtrinsicFailed {
				dispatch_error, ..
			}) => return Ok(Err(error_name(dispatch_error))),
			_ => {}
		}
	}
	Err("the transaction's block has no ExtrinsicSuccess nor ExtrinsicFailed event for it".into())
}

/// Why the node refused a transaction: the RPC error's message and data (`Invalid
/// Transaction: Inability to pay some fees (e.g. account balance too low)`).
fn refusal(error: jsonrpsee::core::client::Error) -> String {
	let jsonrpsee::core::client::Error::Call(call) = error else { return error.to_string() };
	match call.data() {
		Some(data) => {
			let data = serde_json::from_str::<String>(data.get())
				.unwrap_or_else(|_| data.get().to_owned());
			format!("{}: {data}", call.message())
		}
		None => call.message().to_owned(),
	}
}

/// A dispatch error by name: `Inference(ChallengeWindowClosed)` for a pallet's error,
/// `BadOrigin`, `Token(FundsUnavailable)`, ... otherwise.
fn error_name(error: DispatchError) -> String {
	match RuntimeError::from_dispatch_error(error) {
		Some(pallet_error) => format!("{pallet_error:?}"),
		None => format!("{error:?}"),
	}
}
