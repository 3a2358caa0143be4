//! The job life cycle: commitments, reveals, the agenda (assignment, deadlines, pruning) and
//! the resolution of a round.

use crate::{pallet::*, types::*, AttestorSet, OnJobOutcome, WeightInfo};
use alloc::vec::Vec;
use codec::Encode;
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::MutateHold,
		tokens::{Fortitude, Precision, Restriction},
		Randomness,
	},
};
use frame_system::pallet_prelude::BlockNumberFor;
use opg_inference_primitives::{commitment, error_code, outcomes_agree, InferenceOutcome};
use sp_core::H256;
use sp_runtime::traits::{Saturating, Zero};

/// How many consecutive blocks [`Pallet::schedule`] tries before giving up.
const SCHEDULE_SPREAD: u32 = 64;

impl<T: Config> Pallet<T> {
	/// Records one commitment of `who`.
	pub(crate) fn do_commit(
		who: &T::AccountId,
		job_id: JobId,
		commitment: Commitment,
		now: BlockNumberFor<T>,
	) -> DispatchResult {
		let mut job = Jobs::<T>::get(job_id).ok_or(Error::<T>::JobNotFound)?;
		match job.phase {
			JobPhase::Committing { deadline } if now <= deadline => {}
			_ => return Err(Error::<T>::CommitWindowClosed.into()),
		}
		let index = job.position(who).ok_or(Error::<T>::NotAssigned)?;
		let assignment = job.assignments.get_mut(index).ok_or(Error::<T>::NotAssigned)?;
		ensure!(assignment.commitment.is_none(), Error::<T>::AlreadyCommitted);
		assignment.commitment = Some(commitment);
		Self::deposit_event(Event::Committed { job_id, attestor: who.clone() });
		if job.assignments.iter().all(|a| a.commitment.is_some()) {
			Self::open_reveals(job_id, &mut job, now);
		}
		Jobs::<T>::insert(job_id, job);
		Ok(())
	}

	/// Records one reveal of `who`. Returns whether it resolved the job.
	pub(crate) fn do_reveal(
		who: &T::AccountId,
		reveal: Reveal,
		now: BlockNumberFor<T>,
	) -> Result<bool, DispatchError> {
		let Reveal { job_id, outcome, salt } = reveal;
		let mut job = Jobs::<T>::get(job_id).ok_or(Error::<T>::JobNotFound)?;
		match job.phase {
			JobPhase::Revealing { deadline } if now <= deadline => {}
			_ => return Err(Error::<T>::RevealsNotOpen.into()),
		}
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
			Self::resolve(job_id, job, now);
		} else {
			Jobs::<T>::insert(job_id, job);
		}
		Ok(all_revealed)
	}

	/// An outcome can be revealed if it could be agreed on: outputs within `MaxOutputBytes` that
	/// match the model's output signature, or a known, deterministic model error code.
	fn check_output(model: &ModelHash, outcome: &InferenceOutcome) -> DispatchResult {
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

	/// Puts `job_id` on the agenda of the first block from `at` with room. Returns the block.
	pub(crate) fn schedule(
		at: BlockNumberFor<T>,
		job_id: JobId,
		item: AgendaItem,
	) -> Option<BlockNumberFor<T>> {
		let mut block = at;
		for _ in 0..SCHEDULE_SPREAD {
			if Agenda::<T>::try_mutate(block, |agenda| agenda.try_push((job_id, item))).is_ok() {
				return Some(block);
			}
			block.saturating_inc();
		}
		None
	}

	/// Schedules a deadline of `job`; when the agenda is full for [`SCHEDULE_SPREAD`] blocks
	/// (which needs far more jobs than the chain can take), the job fails and is refunded
	/// rather than hang.
	fn schedule_deadline(job_id: JobId, job: &mut JobOf<T>, at: BlockNumberFor<T>) -> bool {
		if Self::schedule(at, job_id, AgendaItem::Advance).is_some() {
			return true;
		}
		log::error!(target: "runtime::inference", "agenda full: job {job_id} fails");
		let now = frame_system::Pallet::<T>::block_number();
		Self::fail(job_id, job, FailureReason::NoQuorum, now);
		false
	}

	fn open_reveals(job_id: JobId, job: &mut JobOf<T>, now: BlockNumberFor<T>) {
		let deadline = now.saturating_add(T::RevealWindow::get());
		job.phase = JobPhase::Revealing { deadline };
		if Self::schedule_deadline(job_id, job, deadline) {
			Self::deposit_event(Event::RevealsOpened { job_id, deadline });
		}
	}

	/// Handles this block's agenda. Returns the weight used.
	pub(crate) fn process_agenda(now: BlockNumberFor<T>) -> Weight {
		let agenda = Agenda::<T>::take(now);
		let mut weight = T::WeightInfo::on_initialize_base();
		for (job_id, item) in agenda {
			weight.saturating_accrue(match item {
				AgendaItem::Advance => Self::advance(job_id, now),
				AgendaItem::Prune => Self::prune(job_id),
			});
		}
		weight
	}

	/// Moves a job on if its current phase is due at `now`; entries left behind by a job that
	/// moved on early are ignored.
	pub(crate) fn advance(job_id: JobId, now: BlockNumberFor<T>) -> Weight {
		let Some(mut job) = Jobs::<T>::get(job_id) else { return T::DbWeight::get().reads(1) };
		let redundancy = job.redundancy;
		match job.phase {
			JobPhase::Assigning { at } if at == now => {
				Self::assign(job_id, &mut job, now);
				Jobs::<T>::insert(job_id, job);
				T::WeightInfo::assign(redundancy)
			}
			JobPhase::Committing { deadline } if deadline == now => {
				let committed = job.assignments.iter().filter(|a| a.commitment.is_some()).count();
				if (committed as u32) < Self::quorum_threshold(job.assignments.len() as u32) {
					Self::resolve(job_id, job, now);
					Self::resolve_weight(redundancy)
				} else {
					Self::open_reveals(job_id, &mut job, now);
					Jobs::<T>::insert(job_id, job);
					T::WeightInfo::close_commits()
				}
			}
			JobPhase::Revealing { deadline } if deadline == now => {
				Self::resolve(job_id, job, now);
				Self::resolve_weight(redundancy)
			}
			_ => T::DbWeight::get().reads(1),
		}
	}

	/// Least number of agreeing attestors for a quorum among `assigned`.
	pub fn quorum_threshold(assigned: u32) -> u32 {
		T::Quorum::get().mul_ceil(assigned).max(1)
	}

	/// Draws the attestors of the job's current round.
	fn assign(job_id: JobId, job: &mut JobOf<T>, now: BlockNumberFor<T>) {
		let mut candidates = T::Attestors::attestors();
		let subject = (b"opg/assign", job_id, job.round).encode();
		let seed = T::Randomness::random(&subject)
			.0
			.unwrap_or_else(frame_system::Pallet::<T>::parent_hash)
			.encode();
		let mut assignments = BoundedVec::new();
		let mut next = 0usize;
		while next < candidates.len() && (assignments.len() as u32) < job.redundancy {
			let remaining = candidates.len().saturating_sub(next);
			let draw = (next as u32, &seed).using_encoded(sp_io::hashing::blake2_256);
			let offset = u32::from_le_bytes([draw[0], draw[1], draw[2], draw[3]]) as usize;
			candidates.swap(next, next.saturating_add(offset % remaining));
			let Some(attestor) = candidates.get(next).cloned() else { break };
			next.saturating_inc();
			let added = AttestorJobs::<T>::try_mutate(&attestor, |jobs| jobs.try_push(job_id));
			if added.is_ok() {
				// `assignments` never exceeds `redundancy <= MaxRedundancy` here.
				let _ = assignments.try_push(Assignment {
					attestor,
					commitment: None,
					reveal: RevealState::Pending,
				});
			}
		}

		if assignments.is_empty() {
			Self::fail(job_id, job, FailureReason::NotEnoughAttestors, now);
			return;
		}
		let attestors = assignments.iter().map(|a| a.attestor.clone()).collect();
		job.assignments = assignments;
		let deadline = now.saturating_add(T::CommitWindow::get());
		job.phase = JobPhase::Committing { deadline };
		if Self::schedule_deadline(job_id, job, deadline) {
			Self::deposit_event(Event::AttestorsAssigned { job_id, round: job.round, attestors });
		}
	}

	/// Ends the current round: finalises the job if a quorum agrees, else escalates or fails.
	pub(crate) fn resolve(job_id: JobId, mut job: JobOf<T>, now: BlockNumberFor<T>) {
		let model = Models::<T>::get(job.model);
		let assigned = job.assignments.len() as u32;
		let reveals: Vec<(usize, InferenceOutcome)> = job
			.assignments
			.iter()
			.enumerate()
			.filter(|(_, a)| a.reveal == RevealState::Valid)
			.filter_map(|(i, _)| Reveals::<T>::take(job_id, i as u32).map(|o| (i, o)))
			.collect();

		// The representative outcome is the one most others agree with; ties go to the
		// earliest assigned attestor, so the choice is deterministic.
		let mut best: Option<(usize, u32)> = None;
		if let Some(model) = &model {
			let policy = &model.metadata.policy;
			for (position, (_, outcome)) in reveals.iter().enumerate() {
				let support = reveals
					.iter()
					.filter(|(_, other)| outcomes_agree(policy, outcome, other))
					.count() as u32;
				if best.is_none_or(|(_, s)| support > s) {
					best = Some((position, support));
				}
			}
		}
		let quorum = best.filter(|(_, support)| *support >= Self::quorum_threshold(assigned));

		let mut outcome = RoundOutcome {
			job_id,
			round: job.round,
			agreed: Vec::new(),
			disagreed: Vec::new(),
			mismatched: Vec::new(),
			absent: Vec::new(),
			fee_shares: Vec::new(),
			quorum: quorum.is_some(),
		};
		let agreed_result = quorum.and_then(|(position, _)| reveals.get(position)).cloned();
		for (index, assignment) in job.assignments.iter().enumerate() {
			let who = assignment.attestor.clone();
			match assignment.reveal {
				RevealState::Mismatched => outcome.mismatched.push(who),
				RevealState::Pending => outcome.absent.push(who),
				RevealState::Valid => {
					// Without a quorum, nobody can be said to be wrong.
					if let (Some((_, result)), Some(model)) = (&agreed_result, &model) {
						let revealed = reveals.iter().find(|(i, _)| *i == index).map(|(_, o)| o);
						if revealed
							.is_some_and(|o| outcomes_agree(&model.metadata.policy, result, o))
						{
							outcome.agreed.push(who);
						} else {
							outcome.disagreed.push(who);
						}
					}
				}
			}
			AttestorJobs::<T>::mutate(&assignment.attestor, |jobs| jobs.retain(|j| *j != job_id));
		}

		match agreed_result {
			Some((_, result)) => {
				let fee_paid = Self::pay_attestors(&job, &mut outcome);
				let refunded = Self::refund(&job, job.max_fee.saturating_sub(fee_paid));
				let result_hash = H256::from(sp_io::hashing::blake2_256(&result.encode()));
				job.result_hash = Some(result_hash);
				match result {
					InferenceOutcome::Failure(code) => {
						job.phase =
							JobPhase::Failed { at: now, reason: FailureReason::ModelError(code) };
						Self::deposit_event(Event::JobFailed {
							job_id,
							reason: FailureReason::ModelError(code),
							refunded,
						});
					}
					InferenceOutcome::Success(_) => {
						job.phase = JobPhase::Finalized { at: now };
						Self::deposit_event(Event::JobFinalized {
							job_id,
							result_hash,
							agreed: outcome.agreed.len() as u32,
							fee_paid,
						});
					}
				}
				Results::<T>::insert(job_id, result);
				Self::schedule_prune(job_id, now);
				T::OnOutcome::on_round_end(&outcome);
				Jobs::<T>::insert(job_id, job);
			}
			None => {
				T::OnOutcome::on_round_end(&outcome);
				Self::escalate_or_fail(job_id, job, now);
			}
		}
	}

	/// Pays `AttestationFee` from the held fee to each agreeing attestor. Returns the total.
	fn pay_attestors(
		job: &JobOf<T>,
		outcome: &mut RoundOutcome<T::AccountId, BalanceOf<T>>,
	) -> BalanceOf<T> {
		let share = T::AttestationFee::get();
		let mut paid: BalanceOf<T> = Zero::zero();
		for attestor in &outcome.agreed {
			if paid.saturating_add(share) > job.max_fee {
				break;
			}
			let moved = T::Currency::transfer_on_hold(
				&HoldReason::JobFee.into(),
				&job.submitter,
				attestor,
				share,
				Precision::Exact,
				Restriction::Free,
				Fortitude::Polite,
			);
			match moved {
				Ok(amount) => {
					paid.saturating_accrue(amount);
					outcome.fee_shares.push((attestor.clone(), amount));
				}
				Err(e) => log::warn!(
					target: "runtime::inference",
					"fee share of job {} not paid to {:?}: {:?}", outcome.job_id, attestor, e
				),
			}
		}
		paid
	}

	/// Releases `amount` of the job's held fee back to the submitter. Returns what was released.
	fn refund(job: &JobOf<T>, amount: BalanceOf<T>) -> BalanceOf<T> {
		if amount.is_zero() {
			return amount;
		}
		T::Currency::release(
			&HoldReason::JobFee.into(),
			&job.submitter,
			amount,
			Precision::BestEffort,
		)
		.unwrap_or_else(|e| {
			log::error!(target: "runtime::inference", "refund failed: {e:?}");
			Zero::zero()
		})
	}

	/// Starts a new round with more attestors, or fails the job if it cannot grow.
	fn escalate_or_fail(job_id: JobId, mut job: JobOf<T>, now: BlockNumberFor<T>) {
		let available = T::Attestors::attestors().len() as u32;
		let previous = job.assignments.len() as u32;
		let larger = previous
			.saturating_mul(2)
			.saturating_add(1)
			.min(T::MaxRedundancy::get())
			.min(available);
		let affordable = job.max_fee >= T::AttestationFee::get().saturating_mul(larger.into());
		if job.round < T::MaxEscalations::get() && larger > previous && affordable {
			let at = now.saturating_add(T::AssignmentDelay::get());
			if Self::schedule(at, job_id, AgendaItem::Advance).is_some() {
				job.round.saturating_inc();
				job.redundancy = larger;
				job.assignments = BoundedVec::new();
				job.phase = JobPhase::Assigning { at };
				Self::deposit_event(Event::JobEscalated {
					job_id,
					round: job.round,
					redundancy: larger,
				});
				Jobs::<T>::insert(job_id, job);
				return;
			}
		}
		Self::fail(job_id, &mut job, FailureReason::NoQuorum, now);
		Jobs::<T>::insert(job_id, job);
	}

	/// Ends a job without an output and refunds its whole fee.
	pub(crate) fn fail(
		job_id: JobId,
		job: &mut JobOf<T>,
		reason: FailureReason,
		now: BlockNumberFor<T>,
	) {
		for assignment in &job.assignments {
			AttestorJobs::<T>::mutate(&assignment.attestor, |jobs| jobs.retain(|j| *j != job_id));
		}
		let _ = Reveals::<T>::clear_prefix(job_id, T::MaxRedundancy::get(), None);
		let refunded = Self::refund(job, job.max_fee);
		job.phase = JobPhase::Failed { at: now, reason };
		Self::deposit_event(Event::JobFailed { job_id, reason, refunded });
		Self::schedule_prune(job_id, now);
	}

	fn schedule_prune(job_id: JobId, now: BlockNumberFor<T>) {
		let at = now.saturating_add(T::RetentionPeriod::get());
		if Self::schedule(at, job_id, AgendaItem::Prune).is_none() {
			// Pruning late is harmless: try again at the end of the spread.
			let later = at.saturating_add(SCHEDULE_SPREAD.into());
			if Self::schedule(later, job_id, AgendaItem::Prune).is_none() {
				log::error!(target: "runtime::inference", "job {job_id} could not be scheduled for pruning");
			}
		}
	}

	/// Removes an ended job from state.
	fn prune(job_id: JobId) -> Weight {
		let Some(job) = Jobs::<T>::get(job_id) else { return T::DbWeight::get().reads(1) };
		if !job.is_done() {
			return T::DbWeight::get().reads(1);
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
		T::WeightInfo::prune()
	}

	/// The job with its input and result, for the runtime API.
	pub fn job_details(
		job_id: JobId,
	) -> Option<JobDetails<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>> {
		let job = Jobs::<T>::get(job_id)?;
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
			uri: match info.source {
				ModelSource::Inline => None,
				ModelSource::Uri(uri) => Some(uri.into_inner()),
			},
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

	/// Checks the pallet's invariants.
	#[cfg(any(feature = "try-runtime", test))]
	pub fn do_try_state() -> Result<(), sp_runtime::TryRuntimeError> {
		use frame_support::traits::fungible::InspectHold;
		use sp_runtime::traits::CheckedAdd;

		let next = NextJobId::<T>::get();
		let mut model_jobs = alloc::collections::BTreeMap::<ModelHash, u32>::new();
		let mut held_fees = alloc::collections::BTreeMap::<T::AccountId, BalanceOf<T>>::new();
		for (job_id, job) in Jobs::<T>::iter() {
			ensure!(job_id < next, "a job id is not below NextJobId");
			ensure!(Inputs::<T>::contains_key(job_id), "a job has no input");
			ensure!(Models::<T>::contains_key(job.model), "a job refers to an unknown model");
			*model_jobs.entry(job.model).or_default() += 1;
			let has_result = Results::<T>::contains_key(job_id);
			match job.phase {
				JobPhase::Finalized { .. } => ensure!(has_result, "a finalized job has no result"),
				JobPhase::Failed { reason: FailureReason::ModelError(_), .. } => {
					ensure!(has_result, "an agreed failure has no result")
				}
				_ => ensure!(!has_result, "an unfinished or refunded job has a result"),
			}
			if !job.is_done() {
				let held = held_fees.entry(job.submitter.clone()).or_default();
				*held = held.checked_add(&job.max_fee).ok_or("held fees overflow")?;
				for a in &job.assignments {
					ensure!(
						AttestorJobs::<T>::get(&a.attestor).contains(&job_id),
						"an assigned attestor does not list its job"
					);
				}
			}
		}
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
		Ok(())
	}
}
