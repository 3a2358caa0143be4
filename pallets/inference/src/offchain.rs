//! The off-chain worker: computes the jobs assigned to this node's attestor key through the
//! node's inference service, commits, then reveals.
//!
//! Per block, for every local `infr` key whose validator is an attestor:
//! - jobs in the commit phase that it has not committed to: the outcome is asked of the
//!   inference service (`POST {endpoint}/v1/infer`, through the standard offchain HTTP API), a
//!   random salt is drawn, and both are kept in the node's persistent offchain storage before the
//!   commitment is sent, so a node restarted between commit and reveal still reveals;
//! - jobs in the reveal phase that it committed to and has not revealed: the stored outcome and
//!   salt are revealed.
//!
//! One signed transaction per key and block carries the whole batch (reveals first). A storage
//! lock keeps overlapping worker runs from submitting twice, and an item is not resubmitted
//! while its transaction may still be in the pool. A service outage or a local failure (timeout,
//! busy, model not yet fetched) means trying again next block; a deterministic model error is
//! committed and revealed as an error code.

use crate::{pallet::*, types::*, AttestorSet};
use alloc::vec::Vec;
use codec::{Decode, Encode};
use frame_support::{pallet_prelude::*, traits::Get};
use frame_system::{
	offchain::{SendSignedTransaction, Signer},
	pallet_prelude::BlockNumberFor,
};
use opg_inference_primitives::{
	commitment,
	service::{InferRequest, InferResponse, INFER_PATH},
	InferenceOutcome,
};
use sp_runtime::{
	offchain::{
		http,
		storage::StorageValueRef,
		storage_lock::{BlockAndTime, StorageLock},
		Duration,
	},
	traits::Saturating,
};

/// Offchain-storage key of the inference service's base URL, written by the node
/// (`--inference-endpoint`); SCALE-encoded bytes.
pub const ENDPOINT_KEY: &[u8] = b"opg/inference/endpoint";
/// The service URL when the node did not write one.
pub const DEFAULT_ENDPOINT: &[u8] = b"http://127.0.0.1:9955";
const LOCK_KEY: &[u8] = b"opg/inference/ocw-lock";
/// How long one worker run may hold the lock.
const LOCK_BLOCKS: u32 = 20;
const LOCK_MILLIS: u64 = 120_000;
/// How long one inference request may take, first model load included.
const REQUEST_MILLIS: u64 = 60_000;
/// Blocks to wait before resubmitting an item whose transaction has not landed.
const RESUBMIT_AFTER: u32 = 3;

/// What the worker keeps about one attestation: the outcome, the salt and when it last sent
/// the commitment or the reveal.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug)]
pub struct Attestation<BlockNumber> {
	/// The outcome committed to.
	pub outcome: InferenceOutcome,
	/// The commitment's salt.
	pub salt: [u8; 32],
	/// Block of the last commit submission.
	pub committed_at: Option<BlockNumber>,
	/// Block of the last reveal submission.
	pub revealed_at: Option<BlockNumber>,
}

/// Why the worker could not get an outcome this block; it tries again next block.
#[derive(Debug)]
pub enum ServiceError {
	/// The request could not be sent or timed out.
	Http(http::Error),
	/// The service answered with a non-200 status.
	Status(u16),
	/// The answer did not decode.
	Malformed,
	/// The service could not compute the outcome now (model unavailable, timeout, ...).
	Unavailable(u16),
}

impl<T: Config> Pallet<T> {
	/// The worker's entry point, run by `offchain_worker` on validators.
	pub(crate) fn run_offchain_worker(now: BlockNumberFor<T>) {
		if !sp_io::offchain::is_validator() {
			return;
		}
		let signer = Signer::<T, T::AuthorityId>::all_accounts();
		if !signer.can_sign() {
			return;
		}
		let mut lock =
			StorageLock::<BlockAndTime<frame_system::Pallet<T>>>::with_block_and_time_deadline(
				LOCK_KEY,
				LOCK_BLOCKS,
				Duration::from_millis(LOCK_MILLIS),
			);
		let Ok(_guard) = lock.try_lock() else {
			log::debug!(target: LOG_TARGET, "a previous worker run is still going");
			return;
		};
		let endpoint = StorageValueRef::persistent(ENDPOINT_KEY)
			.get::<Vec<u8>>()
			.ok()
			.flatten()
			.unwrap_or_else(|| DEFAULT_ENDPOINT.to_vec());

		for account in signer.accounts_from_keys() {
			let Some(attestor) = T::Attestors::attestor_of(&account.id) else { continue };
			let (commits, reveals) = Self::prepare(&attestor, &endpoint, now);
			let single = Signer::<T, T::AuthorityId>::all_accounts()
				.with_filter(alloc::vec![account.public.clone()]);
			// One transaction per key and block: with two, the second would reuse the nonce.
			let sent = if !reveals.is_empty() {
				let batch = Self::truncate(reveals);
				single.send_signed_transaction(|_| Call::reveal { reveals: batch.clone() })
			} else if !commits.is_empty() {
				let batch = Self::truncate(commits);
				single.send_signed_transaction(|_| Call::commit { commitments: batch.clone() })
			} else {
				continue;
			};
			for (_, result) in sent {
				if result.is_err() {
					log::warn!(target: LOG_TARGET, "attestation transaction not submitted");
				}
			}
		}
	}

	fn truncate<I: Clone>(mut items: Vec<I>) -> BoundedVec<I, T::MaxBatch> {
		items.truncate(T::MaxBatch::get() as usize);
		BoundedVec::truncate_from(items)
	}

	/// The commitments and reveals `attestor` owes now; marks them as sent.
	fn prepare(
		attestor: &T::AccountId,
		endpoint: &[u8],
		now: BlockNumberFor<T>,
	) -> (Vec<(JobId, Commitment)>, Vec<Reveal>) {
		let mut commits = Vec::new();
		let mut reveals = Vec::new();
		let due = |last: Option<BlockNumberFor<T>>| {
			last.is_none_or(|at| now.saturating_sub(at) >= RESUBMIT_AFTER.into())
		};
		for job_id in AttestorJobs::<T>::get(attestor) {
			let Some(job) = Jobs::<T>::get(job_id) else { continue };
			let Some(assignment) = job.position(attestor).and_then(|i| job.assignments.get(i))
			else {
				continue;
			};
			let key = (b"opg/inference/attestation", job_id, job.round, attestor).encode();
			let store = StorageValueRef::persistent(&key);
			let stored = store.get::<Attestation<BlockNumberFor<T>>>().ok().flatten();
			match job.phase {
				JobPhase::Committing { .. } if assignment.commitment.is_none() => {
					let mut attestation = match stored {
						Some(a) => a,
						None => match Self::compute(job_id, &job, endpoint) {
							Ok(outcome) => Attestation {
								outcome,
								salt: sp_io::offchain::random_seed(),
								committed_at: None,
								revealed_at: None,
							},
							Err(e) => {
								log::warn!(
									target: LOG_TARGET,
									"job {job_id}: no outcome yet ({e:?}); retrying next block"
								);
								continue;
							}
						},
					};
					if due(attestation.committed_at) {
						let hash = commitment(
							&attestor.encode(),
							job_id,
							&attestation.outcome,
							&attestation.salt,
						);
						attestation.committed_at = Some(now);
						// Stored before sending: the reveal must survive a restart.
						store.set(&attestation);
						commits.push((job_id, hash));
					}
				}
				JobPhase::Revealing { .. }
					if assignment.commitment.is_some()
						&& assignment.reveal == RevealState::Pending =>
				{
					let Some(mut attestation) = stored else {
						log::error!(
							target: LOG_TARGET,
							"job {job_id}: committed but the outcome and salt are lost"
						);
						continue;
					};
					if due(attestation.revealed_at) {
						attestation.revealed_at = Some(now);
						store.set(&attestation);
						reveals.push(Reveal {
							job_id,
							outcome: attestation.outcome,
							salt: attestation.salt,
						});
					}
				}
				_ => {}
			}
		}
		(commits, reveals)
	}

	/// Asks the inference service for the job's outcome.
	fn compute(
		job_id: JobId,
		job: &JobOf<T>,
		endpoint: &[u8],
	) -> Result<InferenceOutcome, ServiceError> {
		let model = Models::<T>::get(job.model).ok_or(ServiceError::Malformed)?;
		let inputs = Inputs::<T>::get(job_id).ok_or(ServiceError::Malformed)?;
		let request = InferRequest {
			model: job.model.into(),
			size: model.size,
			signature: model.metadata.signature,
			uri: match model.source {
				ModelSource::Inline => None,
				ModelSource::Uri(uri) => Some(uri.into_inner()),
			},
			inputs,
		};
		let mut url = endpoint.to_vec();
		url.extend_from_slice(INFER_PATH.as_bytes());
		let url = core::str::from_utf8(&url).map_err(|_| ServiceError::Malformed)?;
		let deadline = sp_io::offchain::timestamp().add(Duration::from_millis(REQUEST_MILLIS));
		let pending = http::Request::post(url, alloc::vec![request.encode()])
			.add_header("Content-Type", "application/octet-stream")
			.deadline(deadline)
			.send()
			.map_err(|_| ServiceError::Http(http::Error::IoError))?;
		let response = pending
			.try_wait(deadline)
			.map_err(|_| ServiceError::Http(http::Error::DeadlineReached))?
			.map_err(ServiceError::Http)?;
		if response.code != 200 {
			return Err(ServiceError::Status(response.code));
		}
		let body: Vec<u8> = response.body().collect();
		match InferResponse::decode(&mut &body[..]).map_err(|_| ServiceError::Malformed)? {
			InferResponse::Outcome(outcome) => Ok(outcome),
			InferResponse::Unavailable { code, .. } => Err(ServiceError::Unavailable(code)),
		}
	}
}

/// Log target of the worker.
pub const LOG_TARGET: &str = "runtime::inference::ocw";
