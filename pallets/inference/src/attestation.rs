//! Step 3 of a job's life: attestation. Each assigned attestor commits to
//! `commitment(attestor, job, outcome, salt)`; once every commitment is in (or the commit window
//! closed with a quorum of them), reveals open; once every committed attestor revealed, the round
//! is resolved in the next block, else at the end of the reveal window.

use crate::{pallet::*, types::*};
use codec::Encode;
use frame_support::pallet_prelude::*;
use frame_system::pallet_prelude::BlockNumberFor;
use opg_inference_primitives::{commitment, error_code, InferenceOutcome};
use sp_runtime::traits::{One, Saturating};

impl<T: Config> Pallet<T> {
	/// Records one commitment of `who`.
	pub(crate) fn do_commit(
		who: &T::AccountId,
		job_id: JobId,
		commitment: Commitment,
		now: BlockNumberFor<T>,
	) -> DispatchResult {
		let mut job = Jobs::<T>::get(job_id).ok_or(Error::<T>::JobNotFound)?;
		let deadline = match job.phase {
			JobPhase::Committing { deadline } if now <= deadline => deadline,
			_ => return Err(Error::<T>::CommitWindowClosed.into()),
		};
		let index = job.position(who).ok_or(Error::<T>::NotAssigned)?;
		let assignment = job.assignments.get_mut(index).ok_or(Error::<T>::NotAssigned)?;
		ensure!(assignment.commitment.is_none(), Error::<T>::AlreadyCommitted);
		assignment.commitment = Some(commitment);
		Self::deposit_event(Event::Committed { job_id, attestor: who.clone() });
		if job.assignments.iter().all(|a| a.commitment.is_some()) {
			Self::unschedule(deadline, job_id);
			Self::open_reveals(job_id, &mut job, now);
		}
		Jobs::<T>::insert(job_id, job);
		Ok(())
	}

	/// Opens the reveal window of a job whose commit phase ended (its agenda entry is gone).
	pub(crate) fn open_reveals(job_id: JobId, job: &mut JobOf<T>, now: BlockNumberFor<T>) {
		let deadline = now.saturating_add(T::RevealWindow::get());
		job.phase = JobPhase::Revealing { deadline };
		Self::schedule(deadline, job_id);
		Self::deposit_event(Event::RevealsOpened { job_id, deadline });
	}

	/// Records one reveal of `who`.
	pub(crate) fn do_reveal(
		who: &T::AccountId,
		reveal: Reveal,
		now: BlockNumberFor<T>,
	) -> DispatchResult {
		let Reveal { job_id, outcome, salt } = reveal;
		let mut job = Jobs::<T>::get(job_id).ok_or(Error::<T>::JobNotFound)?;
		let deadline = match job.phase {
			JobPhase::Revealing { deadline } if now <= deadline => deadline,
			_ => return Err(Error::<T>::RevealsNotOpen.into()),
		};
		let index = job.position(who).ok_or(Error::<T>::NotAssigned)?;
		let assignment = job.assignments.get_mut(index).ok_or(Error::<T>::NotAssigned)?;
		let committed = assignment.commitment.ok_or(Error::<T>::NoCommitment)?;
		ensure!(assignment.reveal == RevealState::Pending, Error::<T>::AlreadyRevealed);
		Self::check_output(&job.model, &outcome)?;

		if commitment(&who.encode(), job_id, &outcome, &salt) == committed {
			assignment.reveal = RevealState::Valid;
			Reveals::<T>::insert(job_id, index as u32, outcome);
			Self::deposit_event(Event::Revealed { job_id, attestor: who.clone() });
		} else {
			assignment.reveal = RevealState::Mismatched;
			Self::deposit_event(Event::RevealMismatched { job_id, attestor: who.clone() });
		}

		let all_revealed = job
			.assignments
			.iter()
			.all(|a| a.commitment.is_none() || a.reveal != RevealState::Pending);
		if all_revealed {
			let at = now.saturating_add(One::one());
			Self::unschedule(deadline, job_id);
			Self::schedule(at, job_id);
			job.phase = JobPhase::Resolving { at };
		}
		Jobs::<T>::insert(job_id, job);
		Ok(())
	}

	/// An outcome can be revealed if it could be agreed on: outputs within `MaxOutputBytes` that
	/// match the model's output signature, or a known, deterministic model error code.
	pub fn check_output(model: &ModelHash, outcome: &InferenceOutcome) -> DispatchResult {
		match outcome {
			InferenceOutcome::Success(tensors) => {
				ensure!(
					Self::input_bytes(tensors) <= T::MaxOutputBytes::get(),
					Error::<T>::InvalidOutput
				);
				let info = Models::<T>::get(model).ok_or(Error::<T>::ModelNotFound)?;
				info.metadata
					.signature
					.check_outputs(tensors)
					.map_err(|_| Error::<T>::InvalidOutput)?;
			}
			InferenceOutcome::Failure(code) => ensure!(
				error_code::is_known(*code) && error_code::is_deterministic(*code),
				Error::<T>::InvalidOutput
			),
		}
		Ok(())
	}
}
