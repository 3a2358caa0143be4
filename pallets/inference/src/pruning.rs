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
			Self::prune(job_id);
			used.saturating_accrue(step);
		}
		used
	}

	/// Removes an ended job from state.
	fn prune(job_id: JobId) {
		let Some(job) = Jobs::<T>::get(job_id) else { return };
		if !job.is_done() {
			return;
		}
		Jobs::<T>::remove(job_id);
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
