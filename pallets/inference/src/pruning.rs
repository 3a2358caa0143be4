//! Step 5 of a job's life: pruning. Ended jobs leave state [`Config::RetentionPeriod`] blocks
//! after they ended, in `on_idle`, so that housekeeping never takes weight from deadlines. Their
//! events and result hash stay queryable in the chain's history.

use crate::{pallet::*, types::*, WeightInfo};
use frame_support::pallet_prelude::*;
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::Saturating;

impl<T: Config> Pallet<T> {
	/// Prunes the jobs whose retention ended, within `remaining` weight. Returns the weight used.
	pub(crate) fn prune_expired(now: BlockNumberFor<T>, remaining: Weight) -> Weight {
		let step = T::WeightInfo::prune().saturating_add(T::DbWeight::get().reads_writes(2, 2));
		let read = T::DbWeight::get().reads(1);
		let mut used = Weight::zero();
		while used.saturating_add(step).saturating_add(read).all_lte(remaining) {
			let Some(job_id) = Self::dequeue_prunable(now) else {
				return used.saturating_add(read);
			};
			Self::prune(job_id, now);
			used.saturating_accrue(step);
		}
		used
	}

	/// Removes an ended job from state. A job whose result is still disputed (a challenge being
	/// re-executed, or a window open) waits another retention period.
	fn prune(job_id: JobId, now: BlockNumberFor<T>) {
		let Some(job) = Jobs::<T>::get(job_id) else { return };
		let disputed = Disputes::<T>::get(job_id)
			.is_some_and(|d| d.challenge.is_some() || d.closes_at.is_some());
		if !job.is_done() || disputed {
			Self::enqueue_prune(job_id, now.saturating_add(T::RetentionPeriod::get()));
			return;
		}
		Jobs::<T>::remove(job_id);
		Disputes::<T>::remove(job_id);
		Inputs::<T>::remove(job_id);
		Results::<T>::remove(job_id);
		Models::<T>::mutate_exists(job.model, |entry| {
			if let Some(info) = entry {
				info.jobs.saturating_dec();
				if info.jobs == 0 && info.status == ModelStatus::Retired {
					*entry = None;
				}
			}
		});
		Self::deposit_event(Event::JobPruned { job_id });
	}
}
