//! What the runtime API returns: jobs, models, fee quotes and the unfinished jobs.

use crate::{pallet::*, types::*, AttestorSet};
use alloc::{vec, vec::Vec};
use frame_support::pallet_prelude::*;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::Saturating;

impl<T: Config> Pallet<T> {
	/// The job with its input and result, for the runtime API.
	pub fn job_details(
		job_id: JobId,
	) -> Option<JobDetails<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>> {
		let job = Jobs::<T>::get(job_id)?;
		let settlement = Self::settlement(job_id, &job, frame_system::Pallet::<T>::block_number());
		Some(JobDetails {
			id: job_id,
			model: job.model,
			submitter: job.submitter,
			redundancy: job.redundancy,
			max_fee: job.max_fee,
			submitted_at: job.submitted_at,
			round: job.round,
			phase: job.phase,
			attestors: job
				.assignments
				.into_iter()
				.map(|a| (a.attestor, a.commitment.is_some(), a.reveal))
				.collect(),
			input: Inputs::<T>::get(job_id).unwrap_or_default(),
			result: Results::<T>::get(job_id),
			result_hash: job.result_hash,
			settlement,
		})
	}

	/// The model's metadata, for the runtime API.
	pub fn model_details(
		hash: ModelHash,
	) -> Option<ModelDetails<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>> {
		let info = Models::<T>::get(hash)?;
		Some(ModelDetails {
			hash,
			owner: info.owner,
			name: info.metadata.name.into_inner(),
			version: info.metadata.version,
			signature: info.metadata.signature,
			policy: info.metadata.policy,
			default_redundancy: info.metadata.default_redundancy,
			size: info.size,
			uri: info.source.uri().map(|uri| uri.clone().into_inner()),
			deposit: info.deposit,
			status: info.status,
			registered_at: info.registered_at,
			jobs: info.jobs,
		})
	}

	/// The fee to hold for a job of `model` at `redundancy` attestors (the model's default when
	/// `None`) that may escalate `escalations` times (each round `2r + 1` attestors, at most
	/// `MaxRedundancy`; a job escalates only if its fee covers the next round). Refused as
	/// `submit_job` would refuse the job: `ModelNotFound`, `ModelRetired`, `InvalidRedundancy`.
	pub fn quote(
		model: ModelHash,
		redundancy: Option<u32>,
		escalations: u32,
	) -> Result<FeeQuote<BalanceOf<T>>, DispatchError> {
		let info = Models::<T>::get(model).ok_or(Error::<T>::ModelNotFound)?;
		ensure!(info.status == ModelStatus::Active, Error::<T>::ModelRetired);
		let first = redundancy.unwrap_or(info.metadata.default_redundancy);
		let available = T::Attestors::attestor_count();
		ensure!(
			first >= 1 && first <= T::MaxRedundancy::get() && first <= available,
			Error::<T>::InvalidRedundancy
		);
		let mut rounds = vec![first];
		let mut last = first;
		for _ in 0..escalations.min(T::MaxEscalations::get()) {
			last = last.saturating_mul(2).saturating_add(1).min(T::MaxRedundancy::get());
			rounds.push(last);
		}
		let attestation_fee = T::AttestationFee::get();
		Ok(FeeQuote {
			max_fee: attestation_fee.saturating_mul(last.into()),
			attestation_fee,
			rounds,
		})
	}

	/// Unfinished jobs, oldest first, at most `max`.
	pub fn pending_jobs(max: u32) -> Vec<JobId> {
		let mut pending: Vec<JobId> =
			Jobs::<T>::iter().filter(|(_, job)| !job.is_done()).map(|(id, _)| id).collect();
		pending.sort_unstable();
		pending.truncate(max as usize);
		pending
	}
}
