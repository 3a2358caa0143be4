//! The off-chain worker: computes the jobs assigned to this node's attestor key through the
//! node's inference service, commits, then reveals.
//!
//! Per block, for every local `infr` key whose validator is an attestor:
//! - jobs in the commit phase that it has not committed to: their outcomes are asked of the
//!   inference service (`POST {endpoint}/v1/infer`, through the standard offchain HTTP API), up
//!   to `MaxBatch` a run (as many as one commit batch carries), in waves of
//!   [`MAX_REQUESTS_IN_FLIGHT`] requests at once (the connections the service serves at once;
//!   it queues their inferences on its engine's slots), all within [`REQUEST_MILLIS`]. An output the chain
//!   would refuse (above `MaxOutputBytes` or off the signature) becomes the deterministic
//!   [`error_code::OUTPUT_SIGNATURE`], which every honest node reaches alike. Outcomes are kept
//!   in the node's persistent offchain storage before the commitment is sent, so a node
//!   restarted between commit and reveal still reveals;
//! - jobs in the reveal phase that it committed to and has not revealed: the stored outcome and
//!   salt are revealed.
//!
//! Salts are derived from a secret kept in the node's persistent storage, the job, the round and
//! the attestor, so a rerun (after a crash, or two overlapping runs) reproduces the commitment
//! it already sent instead of drawing a salt that no longer opens it.
//!
//! Reveals and commits go out in the same block: two signed transactions with consecutive
//! nonces, each a batch cut to `MaxBatch` items and to a quarter of the block's length. Only the
//! items actually sent are marked; a marked item is not resent while its transaction may still
//! be in the pool ([`RESUBMIT_AFTER`] blocks). A service outage or a local failure (timeout,
//! busy, model not yet fetched) means trying again next block. A storage lock keeps overlapping
//! worker runs apart.

use crate::{pallet::*, types::*, AttestorSet};
use alloc::vec::Vec;
use codec::{Decode, Encode};
use frame_support::{dispatch::DispatchClass, pallet_prelude::*, traits::Get};
use frame_system::{
	offchain::{Account, CreateSignedTransaction, Signer, SubmitTransaction},
	pallet_prelude::BlockNumberFor,
};
use opg_inference_primitives::{
	commitment, error_code,
	service::{InferRequest, InferResponse, INFER_PATH, MAX_REQUESTS_IN_FLIGHT},
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
/// Offchain-storage key of the lock that keeps worker runs apart. It is persistent, so a node
/// killed during a run leaves it taken, for longer than a commit window: the node removes it
/// when it starts, before any worker runs.
pub const LOCK_KEY: &[u8] = b"opg/inference/ocw-lock";
/// Offchain-storage key of the node's salt secret (32 random bytes, drawn once).
const SALT_SECRET_KEY: &[u8] = b"opg/inference/salt-secret";
/// Offchain-storage key prefix of each key's [`NonceRecord`].
pub const NONCE_KEY: &[u8] = b"opg/inference/next-nonce";
/// How long one worker run may hold the lock.
const LOCK_BLOCKS: u32 = 20;
const LOCK_MILLIS: u64 = 120_000;
/// How long the inference requests of one run may take together, first model loads included.
pub const REQUEST_MILLIS: u64 = 60_000;
/// Blocks to wait before resubmitting an item whose transaction has not landed.
pub const RESUBMIT_AFTER: u32 = 3;

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

/// What the worker remembers of a key's nonces, so that its transactions of consecutive blocks
/// do not reuse a nonce still in the pool, and a dropped transaction does not leave a gap that
/// blocks every later one.
#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug)]
pub struct NonceRecord<Nonce, BlockNumber> {
	/// The nonce after the last transaction sent.
	pub next: Nonce,
	/// The account's nonce on chain when last seen.
	pub on_chain: Nonce,
	/// The block since which the chain's nonce has not moved.
	pub since: BlockNumber,
}

/// Why the worker could not get an outcome this block; it tries again next block.
#[derive(Debug)]
pub enum ServiceCallError {
	/// The request could not be sent or timed out.
	Http(http::Error),
	/// The service answered with a non-200 status.
	Status(u16),
	/// The answer did not decode, or the job or model is gone.
	Malformed,
	/// The service could not compute the outcome now (model unavailable, timeout, ...).
	Unavailable(u16),
}

/// The attestations one key owes in a block, each with the storage key of its record.
#[derive(Default)]
struct Owed {
	commits: Vec<(JobId, Commitment, Vec<u8>)>,
	reveals: Vec<(Reveal, Vec<u8>)>,
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
		let secret = Self::salt_secret();

		for account in signer.accounts_from_keys() {
			let Some(attestor) = T::Attestors::attestor_of(&account.id) else { continue };
			let owed = Self::owed(&attestor, &endpoint, &secret, now);
			Self::send(&account, owed, now);
		}
	}

	/// The node's salt secret, drawn once and kept in persistent storage.
	fn salt_secret() -> [u8; 32] {
		let store = StorageValueRef::persistent(SALT_SECRET_KEY);
		if let Ok(Some(secret)) = store.get::<[u8; 32]>() {
			return secret;
		}
		let secret = sp_io::offchain::random_seed();
		store.set(&secret);
		secret
	}

	/// The salt of `attestor`'s commitment to a round of a job: the same on every run.
	pub fn salt(secret: &[u8; 32], job_id: JobId, round: u32, attestor: &T::AccountId) -> [u8; 32] {
		(b"opg/salt", secret, job_id, round, attestor).using_encoded(sp_io::hashing::blake2_256)
	}

	/// The commitments and reveals `attestor` owes now, computing the outcomes it lacks.
	fn owed(
		attestor: &T::AccountId,
		endpoint: &[u8],
		secret: &[u8; 32],
		now: BlockNumberFor<T>,
	) -> Owed {
		let due = |last: Option<BlockNumberFor<T>>| {
			last.is_none_or(|at| now.saturating_sub(at) >= RESUBMIT_AFTER.into())
		};
		let mut owed = Owed::default();
		let mut to_compute = Vec::new();
		for job_id in AttestorJobs::<T>::get(attestor) {
			let Some(job) = Jobs::<T>::get(job_id) else { continue };
			let Some(assignment) = job.position(attestor).and_then(|i| job.assignments.get(i))
			else {
				continue;
			};
			let key = (b"opg/inference/attestation", job_id, job.round, attestor).encode();
			let stored = StorageValueRef::persistent(&key)
				.get::<Attestation<BlockNumberFor<T>>>()
				.ok()
				.flatten();
			match (job.phase, stored) {
				(JobPhase::Committing { .. }, stored) if assignment.commitment.is_none() => {
					match stored {
						Some(a) if due(a.committed_at) => {
							let hash = commitment(&attestor.encode(), job_id, &a.outcome, &a.salt);
							owed.commits.push((job_id, hash, key));
						}
						Some(_) => {}
						None => to_compute.push((job_id, job, key)),
					}
				}
				(JobPhase::Revealing { .. }, Some(a))
					if assignment.commitment.is_some()
						&& assignment.reveal == RevealState::Pending
						&& due(a.revealed_at) =>
				{
					owed.reveals.push((Reveal { job_id, outcome: a.outcome, salt: a.salt }, key))
				}
				(JobPhase::Revealing { .. }, None)
					if assignment.commitment.is_some()
						&& assignment.reveal == RevealState::Pending =>
				{
					log::error!(
						target: LOG_TARGET,
						"job {job_id}: committed but the outcome and salt are lost"
					);
				}
				_ => {}
			}
		}
		to_compute.truncate(T::MaxBatch::get() as usize);
		for ((job_id, job, key), result) in
			to_compute.iter().zip(Self::compute_all(&to_compute, endpoint))
		{
			match result {
				Ok(outcome) => {
					let salt = Self::salt(secret, *job_id, job.round, attestor);
					let hash = commitment(&attestor.encode(), *job_id, &outcome, &salt);
					// Stored before sending: the reveal must survive a restart.
					StorageValueRef::persistent(key).set(&Attestation::<BlockNumberFor<T>> {
						outcome,
						salt,
						committed_at: None,
						revealed_at: None,
					});
					owed.commits.push((*job_id, hash, key.clone()));
				}
				Err(e) => log::warn!(
					target: LOG_TARGET,
					"job {job_id}: no outcome yet ({e:?}); retrying next block"
				),
			}
		}
		owed
	}

	/// Sends what `account` owes: a reveal batch and a commit batch, with consecutive nonces, in
	/// the same block; marks the items sent.
	fn send(account: &Account<T>, owed: Owed, now: BlockNumberFor<T>) {
		let byte_budget = Self::batch_byte_budget();
		let reveals = Self::cut(owed.reveals, byte_budget);
		let commits = Self::cut(owed.commits, byte_budget);
		let record = Self::next_nonce(&account.id, now);
		let mut nonce = record.next;
		if !reveals.is_empty() {
			let batch = reveals.iter().map(|(r, _)| r.clone()).collect::<Vec<_>>();
			if Self::submit(
				account,
				Call::reveal { reveals: BoundedVec::truncate_from(batch) },
				nonce,
			) {
				nonce.saturating_inc();
				for (_, key) in &reveals {
					Self::mark(key, |a| a.revealed_at = Some(now));
				}
			}
		}
		if !commits.is_empty() {
			let batch = commits.iter().map(|(j, c, _)| (*j, *c)).collect::<Vec<_>>();
			let call = Call::commit { commitments: BoundedVec::truncate_from(batch) };
			if Self::submit(account, call, nonce) {
				nonce.saturating_inc();
				for (_, _, key) in &commits {
					Self::mark(key, |a| a.committed_at = Some(now));
				}
			}
		}
		if nonce != record.next {
			let sent = NonceRecord { next: nonce, ..record };
			StorageValueRef::persistent(&(NONCE_KEY, &account.id).encode()).set(&sent);
		}
	}

	/// The first items that fit `MaxBatch` and `budget` bytes.
	fn cut<I: Encode>(items: Vec<I>, budget: usize) -> Vec<I> {
		let mut bytes = 0usize;
		items
			.into_iter()
			.take(T::MaxBatch::get() as usize)
			.take_while(|item| {
				bytes = bytes.saturating_add(item.encoded_size());
				bytes <= budget
			})
			.collect()
	}

	/// A quarter of a block's length for normal transactions, so several attestors' batches fit
	/// a block.
	fn batch_byte_budget() -> usize {
		let length =
			*<T as frame_system::Config>::BlockLength::get().max.get(DispatchClass::Normal);
		(length / 4) as usize
	}

	/// Where this key's next transaction starts: after the ones still pending in the pool, or,
	/// when the chain's nonce has not moved for `RESUBMIT_AFTER` blocks while some were pending
	/// (they were dropped), at the chain's nonce again.
	fn next_nonce(
		who: &T::AccountId,
		now: BlockNumberFor<T>,
	) -> NonceRecord<T::Nonce, BlockNumberFor<T>> {
		let on_chain = frame_system::Pallet::<T>::account_nonce(who);
		let key = (NONCE_KEY, who).encode();
		let record = StorageValueRef::persistent(&key)
			.get::<NonceRecord<T::Nonce, BlockNumberFor<T>>>()
			.ok()
			.flatten();
		match record {
			Some(r) if r.next > on_chain => {
				let since = if r.on_chain == on_chain { r.since } else { now };
				if now.saturating_sub(since) < RESUBMIT_AFTER.into() {
					NonceRecord { next: r.next, on_chain, since }
				} else {
					NonceRecord { next: on_chain, on_chain, since: now }
				}
			}
			_ => NonceRecord { next: on_chain, on_chain, since: now },
		}
	}

	/// Signs `call` with `account`'s key at `nonce` and submits it to the pool.
	fn submit(account: &Account<T>, call: Call<T>, nonce: T::Nonce) -> bool {
		let xt = <T as CreateSignedTransaction<Call<T>>>::create_signed_transaction::<T::AuthorityId>(
			call.into(),
			account.public.clone(),
			account.id.clone(),
			nonce,
		);
		let sent =
			xt.is_some_and(|xt| SubmitTransaction::<T, Call<T>>::submit_transaction(xt).is_ok());
		if !sent {
			log::warn!(target: LOG_TARGET, "attestation transaction not submitted");
		}
		sent
	}

	fn mark(key: &[u8], update: impl FnOnce(&mut Attestation<BlockNumberFor<T>>)) {
		let store = StorageValueRef::persistent(key);
		if let Ok(Some(mut attestation)) = store.get::<Attestation<BlockNumberFor<T>>>() {
			update(&mut attestation);
			store.set(&attestation);
		}
	}

	/// Asks the inference service for the outcomes of `jobs`, all requests in flight at once.
	fn compute_all(
		jobs: &[(JobId, JobOf<T>, Vec<u8>)],
		endpoint: &[u8],
	) -> Vec<Result<InferenceOutcome, ServiceCallError>> {
		let deadline = sp_io::offchain::timestamp().add(Duration::from_millis(REQUEST_MILLIS));
		jobs.chunks(MAX_REQUESTS_IN_FLIGHT as usize)
			.flat_map(|wave| Self::compute_wave(wave, endpoint, deadline))
			.collect()
	}

	/// Asks the service for the outcomes of `jobs` at once, each request on a connection of its
	/// own, and waits for every answer until `deadline`.
	fn compute_wave(
		jobs: &[(JobId, JobOf<T>, Vec<u8>)],
		endpoint: &[u8],
		deadline: sp_runtime::offchain::Timestamp,
	) -> Vec<Result<InferenceOutcome, ServiceCallError>> {
		let mut pending = Vec::new();
		let sent: Vec<Result<(), ServiceCallError>> = jobs
			.iter()
			.map(|(job_id, job, _)| {
				Self::request(*job_id, job, endpoint, deadline).map(|p| pending.push(p))
			})
			.collect();
		// Answers come in the order the requests were sent.
		let mut responses = http::PendingRequest::try_wait_all(pending, deadline).into_iter();
		sent.into_iter()
			.zip(jobs)
			.map(|(request, (_, job, _))| {
				request?;
				let response = responses
					.next()
					.ok_or(ServiceCallError::Http(http::Error::Unknown))?
					.map_err(|_| ServiceCallError::Http(http::Error::DeadlineReached))?
					.map_err(ServiceCallError::Http)?;
				Self::outcome_of(&job.model, response)
			})
			.collect()
	}

	/// Sends the inference request of one job.
	fn request(
		job_id: JobId,
		job: &JobOf<T>,
		endpoint: &[u8],
		deadline: sp_runtime::offchain::Timestamp,
	) -> Result<http::PendingRequest, ServiceCallError> {
		let model = Models::<T>::get(job.model).ok_or(ServiceCallError::Malformed)?;
		let inputs = Inputs::<T>::get(job_id).ok_or(ServiceCallError::Malformed)?;
		let request = InferRequest {
			model: job.model.into(),
			size: model.size,
			signature: model.metadata.signature,
			bounds: T::InferenceBounds::get(),
			execution: model.metadata.policy.execution_mode(),
			uri: model.source.uri().map(|uri| uri.clone().into_inner()),
			inputs,
		};
		let mut url = endpoint.to_vec();
		url.extend_from_slice(INFER_PATH.as_bytes());
		let url = core::str::from_utf8(&url).map_err(|_| ServiceCallError::Malformed)?;
		http::Request::post(url, alloc::vec![request.encode()])
			.add_header("Content-Type", "application/octet-stream")
			.deadline(deadline)
			.send()
			.map_err(|_| ServiceCallError::Http(http::Error::IoError))
	}

	/// The outcome in a service response, made revealable: an output the chain would refuse is
	/// the deterministic [`error_code::OUTPUT_SIGNATURE`].
	fn outcome_of(
		model: &ModelHash,
		response: http::Response,
	) -> Result<InferenceOutcome, ServiceCallError> {
		if response.code != 200 {
			return Err(ServiceCallError::Status(response.code));
		}
		let body: Vec<u8> = response.body().collect();
		match InferResponse::decode(&mut &body[..]).map_err(|_| ServiceCallError::Malformed)? {
			InferResponse::Outcome(outcome) => Ok(match Self::check_output(model, &outcome) {
				Ok(()) => outcome,
				Err(_) => InferenceOutcome::Failure(error_code::OUTPUT_SIGNATURE),
			}),
			InferResponse::Unavailable { code, .. } => Err(ServiceCallError::Unavailable(code)),
		}
	}
}

/// Log target of the worker.
pub const LOG_TARGET: &str = "runtime::inference::ocw";
