//! Runtime API of the inference pallet: what nodes, off-chain workers and clients query.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
pub use pallet_inference::{FeeQuote, JobDetails, JobId, ModelDetails, ModelHash};
use sp_runtime::DispatchError;

sp_api::decl_runtime_apis! {
	/// Queries of jobs, models, fees and attestor assignments. Version 2 added `quote` and the
	/// `settlement` of a job.
	#[api_version(2)]
	pub trait InferenceApi<AccountId, Balance, BlockNumber>
	where
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
	{
		/// A job with its input and, once ended by agreement, its result.
		fn job(id: JobId) -> Option<JobDetails<AccountId, Balance, BlockNumber>>;
		/// A registered model.
		fn model(hash: ModelHash) -> Option<ModelDetails<AccountId, Balance, BlockNumber>>;
		/// Unfinished jobs in which `who` is an attestor of the current round.
		fn attestor_jobs(who: AccountId) -> Vec<JobId>;
		/// Unfinished jobs, oldest first, at most `max`.
		fn pending_jobs(max: u32) -> Vec<JobId>;
		/// The fee to hold for a job of `model` at `redundancy` attestors (the model's default
		/// when `None`) covering `escalations` escalation rounds; the errors `submit_job` would
		/// refuse the job with.
		fn quote(
			model: ModelHash,
			redundancy: Option<u32>,
			escalations: u32,
		) -> Result<FeeQuote<Balance>, DispatchError>;
	}
}
