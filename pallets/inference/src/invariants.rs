//! The pallet's invariants, checked by `try_state` after every block in tests and by
//! try-runtime.

use crate::{pallet::*, types::*};
use alloc::collections::{BTreeMap, BTreeSet};
use frame_support::{
	ensure,
	traits::{fungible::InspectHold, Get},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::traits::CheckedAdd;

impl<T: Config> Pallet<T> {
	/// Checks the pallet's invariants.
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		let next = NextJobId::<T>::get();
		let mut model_jobs = BTreeMap::<ModelHash, u32>::new();
		let mut held_fees = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		let mut held_bonds = BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		let mut on_agenda = BTreeMap::<JobId, BlockNumberFor<T>>::new();
		for (block, job_id, ()) in Agenda::<T>::iter() {
			ensure!(on_agenda.insert(job_id, block).is_none(), "a job is twice on the agenda");
			ensure!(block >= AgendaCursor::<T>::get(), "an agenda entry is behind the cursor");
		}
		let (start, end) = PruneQueueRange::<T>::get();
		let mut queued = BTreeSet::<JobId>::new();
		for position in start..end {
			let (job_id, _) =
				PruneQueue::<T>::get(position).ok_or("a prune queue slot is empty")?;
			queued.insert(job_id);
		}
		ensure!(
			PruneQueue::<T>::iter_keys().count() as u64 == end.saturating_sub(start),
			"the prune queue has entries outside its range"
		);
		for (job_id, job) in Jobs::<T>::iter() {
			ensure!(job_id < next, "a job id is not below NextJobId");
			ensure!(Inputs::<T>::contains_key(job_id), "a job has no input");
			ensure!(Models::<T>::contains_key(job.model), "a job refers to an unknown model");
			*model_jobs.entry(job.model).or_default() += 1;
			let has_result = Results::<T>::contains_key(job_id);
			let dispute = Disputes::<T>::get(job_id);
			let challenged = dispute.as_ref().is_some_and(|d| d.challenge.is_some());
			match job.phase {
				JobPhase::Finalized { .. } => ensure!(has_result, "a finalized job has no result"),
				JobPhase::Failed { reason: FailureReason::ModelError(_), .. } => {
					ensure!(has_result, "an agreed failure has no result")
				}
				_ if challenged => ensure!(has_result, "a challenged job has no result"),
				_ => ensure!(!has_result, "an unfinished or refunded job has a result"),
			}
			let window = dispute.as_ref().and_then(|d| d.closes_at);
			Self::check_agenda_entry(&job.phase, window, on_agenda.remove(&job_id))?;
			if let Some(dispute) = &dispute {
				Self::check_dispute(&job, dispute)?;
				if let Some(challenge) = &dispute.challenge {
					let held = held_bonds.entry(challenge.challenger.clone()).or_default();
					*held = held.checked_add(&challenge.bond).ok_or("held bonds overflow")?;
				}
			}
			if job.is_done() || challenged {
				ensure!(queued.contains(&job_id), "an ended job is not queued for pruning");
			}
			if job.is_done() {
				continue;
			}
			if !challenged {
				let held = held_fees.entry(job.submitter.clone()).or_default();
				*held = held.checked_add(&job.max_fee).ok_or("held fees overflow")?;
			}
			for a in &job.assignments {
				ensure!(
					AttestorJobs::<T>::get(&a.attestor).contains(&job_id),
					"an assigned attestor does not list its job"
				);
			}
		}
		ensure!(on_agenda.is_empty(), "the agenda holds a job that is not stored");
		for (hash, info) in Models::<T>::iter() {
			ensure!(
				model_jobs.get(&hash).copied().unwrap_or(0) == info.jobs,
				"a model's job count is wrong"
			);
			ensure!(
				info.status == ModelStatus::Active || info.jobs > 0,
				"a retired model without jobs is still stored"
			);
		}
		for (attestor, jobs) in AttestorJobs::<T>::iter() {
			for job_id in jobs {
				let job = Jobs::<T>::get(job_id).ok_or("an attestor lists a missing job")?;
				ensure!(!job.is_done(), "an attestor lists an ended job");
				ensure!(job.position(&attestor).is_some(), "an attestor lists a job it is not in");
			}
		}
		for (who, held) in held_fees {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::JobFee.into(), &who) == held,
				"held job fees differ from the unfinished jobs' fees"
			);
		}
		for (who, held) in held_bonds {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::ChallengeBond.into(), &who) == held,
				"held challenge bonds differ from the open challenges' bonds"
			);
		}
		for job_id in Disputes::<T>::iter_keys() {
			ensure!(Jobs::<T>::contains_key(job_id), "a dispute of a job that is not stored");
		}
		Ok(())
	}

	/// A dispute belongs to a job with an agreed result: re-executed while challenged, ended
	/// otherwise, with dissenters to report while its window is open.
	fn check_dispute(
		job: &JobOf<T>,
		dispute: &DisputeOf<T>,
	) -> Result<(), sp_runtime::TryRuntimeError> {
		ensure!(job.result_hash.is_some(), "a disputed job has no result hash");
		ensure!(
			dispute.challenges <= T::MaxChallenges::get(),
			"more challenges than MaxChallenges"
		);
		match (&dispute.challenge, dispute.closes_at) {
			(Some(_), None) => ensure!(!job.is_done(), "a challenged job is not re-executed"),
			(Some(_), Some(_)) => Err("a challenged job has an open window")?,
			(None, Some(_)) => {
				ensure!(job.is_done(), "an unfinished job has an open window");
				ensure!(!dispute.dissent.is_empty(), "a window is open without dissenters");
			}
			(None, None) => ensure!(job.is_done(), "an irreversible result's job is unfinished"),
		}
		Ok(())
	}

	/// An unfinished job is on the agenda exactly once: at the block its phase is due, or, while
	/// it waits for attestors, at a later block; an ended job is on it only where its challenge
	/// `window` closes.
	fn check_agenda_entry(
		phase: &JobPhase<BlockNumberFor<T>>,
		window: Option<BlockNumberFor<T>>,
		entry: Option<BlockNumberFor<T>>,
	) -> Result<(), sp_runtime::TryRuntimeError> {
		match (phase, entry) {
			(JobPhase::Finalized { .. } | JobPhase::Failed { .. }, entry) if entry == window => {
				Ok(())
			}
			(JobPhase::Finalized { .. } | JobPhase::Failed { .. }, _) => {
				Err("an ended job is on the agenda other than where its window closes".into())
			}
			(JobPhase::Assigning { at }, Some(block)) if block >= *at => Ok(()),
			(phase, Some(block)) if phase.due() == Some(block) => Ok(()),
			_ => Err("an unfinished job is not on the agenda at its due block".into()),
		}
	}
}
