//! What the runtime API returns: jobs, models and the unfinished jobs.

use crate::{pallet::*, types::*};
use alloc::vec::Vec;
use frame_system::pallet_prelude::BlockNumberFor;

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

	/// Unfinished jobs, oldest first, at most `max`.
	pub fn pending_jobs(max: u32) -> Vec<JobId> {
		let mut pending: Vec<JobId> =
			Jobs::<T>::iter().filter(|(_, job)| !job.is_done()).map(|(id, _)| id).collect();
		pending.sort_unstable();
		pending.truncate(max as usize);
		pending
	}
}
