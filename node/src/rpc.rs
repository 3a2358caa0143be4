//! The node's RPC extensions beyond the ones `sc-service` provides (system, chain, state,
//! author): account nonces, fee queries, BABE, GRANDPA and inference (`inference_rpc`).

use std::sync::Arc;

use jsonrpsee::RpcModule;
use opg_runtime::{opaque::Block, AccountId, Balance, BlockNumber, Nonce};
use sc_consensus_babe::BabeWorkerHandle;
use sc_consensus_grandpa::{
	FinalityProofProvider, GrandpaJustificationStream, SharedAuthoritySet, SharedVoterState,
};
use sc_rpc::SubscriptionTaskExecutor;
use sc_transaction_pool_api::TransactionPool;
use sp_api::ProvideRuntimeApi;
use sp_block_builder::BlockBuilder;
use sp_blockchain::{Error as BlockChainError, HeaderBackend, HeaderMetadata};
use sp_consensus::SelectChain;
use sp_keystore::KeystorePtr;

/// What the BABE RPC needs.
pub struct BabeDeps {
	/// A handle to the BABE worker, for epoch data.
	pub babe_worker_handle: BabeWorkerHandle<Block>,
	/// The keystore, to tell which slots this node may author.
	pub keystore: KeystorePtr,
}

/// What the GRANDPA RPC needs.
pub struct GrandpaDeps<B> {
	/// Voter state, for `grandpa_roundState`.
	pub shared_voter_state: SharedVoterState,
	/// The authority set, for `grandpa_roundState`.
	pub shared_authority_set: SharedAuthoritySet<opg_runtime::Hash, opg_runtime::BlockNumber>,
	/// Justifications, for `grandpa_subscribeJustifications`.
	pub justification_stream: GrandpaJustificationStream<Block>,
	/// The executor for subscriptions.
	pub subscription_executor: SubscriptionTaskExecutor,
	/// Finality proofs, for `grandpa_proveFinality`.
	pub finality_provider: Arc<FinalityProofProvider<B, Block>>,
}

/// Everything the full node's RPC needs.
pub struct FullDeps<C, P, SC, B> {
	/// The client.
	pub client: Arc<C>,
	/// The transaction pool.
	pub pool: Arc<P>,
	/// The chain selection rule.
	pub select_chain: SC,
	/// BABE dependencies.
	pub babe: BabeDeps,
	/// GRANDPA dependencies.
	pub grandpa: GrandpaDeps<B>,
}

/// Builds the RPC extensions of a full node.
pub fn create_full<C, P, SC, B>(
	deps: FullDeps<C, P, SC, B>,
) -> Result<RpcModule<()>, Box<dyn std::error::Error + Send + Sync>>
where
	C: ProvideRuntimeApi<Block>
		+ HeaderBackend<Block>
		+ HeaderMetadata<Block, Error = BlockChainError>
		+ Send
		+ Sync
		+ 'static,
	C::Api: substrate_frame_rpc_system::AccountNonceApi<Block, AccountId, Nonce>,
	C::Api: pallet_transaction_payment_rpc::TransactionPaymentRuntimeApi<Block, Balance>,
	C::Api: sp_consensus_babe::BabeApi<Block>,
	C::Api: BlockBuilder<Block>,
	C::Api: pallet_inference_runtime_api::InferenceApi<Block, AccountId, Balance, BlockNumber>,
	P: TransactionPool + 'static,
	SC: SelectChain<Block> + 'static,
	B: sc_client_api::Backend<Block> + Send + Sync + 'static,
	B::State: sc_client_api::StateBackend<sp_runtime::traits::HashingFor<Block>>,
{
	use crate::inference_rpc::{InferenceRpcHandler, InferenceRpcServer};
	use pallet_transaction_payment_rpc::{TransactionPayment, TransactionPaymentApiServer};
	use sc_consensus_babe_rpc::{Babe, BabeApiServer};
	use sc_consensus_grandpa_rpc::{Grandpa, GrandpaApiServer};
	use substrate_frame_rpc_system::{System, SystemApiServer};

	let FullDeps { client, pool, select_chain, babe, grandpa } = deps;
	let mut module = RpcModule::new(());

	module.merge(System::new(client.clone(), pool).into_rpc())?;
	module.merge(TransactionPayment::new(client.clone()).into_rpc())?;
	module.merge(InferenceRpcHandler::new(client.clone()).into_rpc())?;
	module.merge(
		Babe::new(client, babe.babe_worker_handle, babe.keystore, select_chain).into_rpc(),
	)?;
	module.merge(
		Grandpa::new(
			grandpa.subscription_executor,
			grandpa.shared_authority_set,
			grandpa.shared_voter_state,
			grandpa.justification_stream,
			grandpa.finality_provider,
		)
		.into_rpc(),
	)?;

	Ok(module)
}
