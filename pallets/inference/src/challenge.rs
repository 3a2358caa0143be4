//! Step 5 of a job's life: public challenges. An agreed result (an output, or a model error a
//! quorum agreed on) is final at once for those who accept the quorum, and irreversible
//! [`Config::ChallengeWindow`] blocks later. Until then anyone who re-executed the job and got
//! another outcome can challenge it:
//!
//! 1. `do_challenge` holds the challenger's bond and puts the job through one more round, drawn
//!    from the active validators outside the standing result's quorum (all of them, up to
//!    `MaxRedundancy`), with the same commit, reveal and comparison policy;
//! 2. `settle_challenge`, called by the resolution of that round:
//!    - the round's quorum agrees with the standing result: **confirmed**, irreversible; the
//!      bond pays the round's agreeing attestors their fee and the rest is burnt, so challenging
//!      a correct result never pays;
//!    - it disagrees: **overturned**; its result replaces the standing one, the overturned
//!      quorum is reported with the challenger as the reporter (staking pays reporters a share
//!      of the slash), the bond is returned, the first round's dissenters are cleared, and the
//!      new result has a window of its own while fewer than `MaxChallenges` were made;
//!    - no quorum, or no attestors could be drawn: **unresolved**; the result stands,
//!      irreversible, nobody is reported for disagreeing, and the bond is returned.
//!
//! Attestors who disagreed with a quorum are reported only when its result becomes
//! irreversible (`close_window`, from the agenda), so an honest minority is never charged for a
//! result a challenge overturns. Only results with dissenters or challenges keep a
//! [`Dispute`]: a unanimous, unchallenged result needs no state and no agenda entry.

use crate::{pallet::*, types::*, AttestorSet, OnJobOutcome, WeightInfo};
use alloc::vec::Vec;
use frame_support::{
	pallet_prelude::*,
	traits::{
		fungible::MutateHold,
		tokens::{Fortitude, Precision, Restriction},
	},
};
use frame_system::pallet_prelude::BlockNumberFor;
use opg_inference_primitives::InferenceOutcome;
use sp_core::H256;
use sp_runtime::traits::{Saturating, Zero};

impl<T: Config> Pallet<T> {
	/// The bond a challenge of `job` holds: `ChallengeBondBase` plus `ChallengeBondShare` of
	/// the job's fee.
	pub fn challenge_bond(job: &JobOf<T>) -> BalanceOf<T> {
		T::ChallengeBondBase::get().saturating_add(T::ChallengeBondShare::get() * job.max_fee)
	}

	/// Whether the agreed result of `job` can still change at `now`; `None` without one.
	pub fn settlement(
		job_id: JobId,
		job: &JobOf<T>,
		now: BlockNumberFor<T>,
	) -> Option<SettlementOf<T>> {
		job.result_hash?;
		let dispute = Disputes::<T>::get(job_id);
		if let Some(challenge) = dispute.as_ref().and_then(|d| d.challenge.as_ref()) {
			return Some(Settlement::Challenged { challenger: challenge.challenger.clone() });
		}
		let until = match (&dispute, job.phase) {
			(Some(dispute), _) => dispute.closes_at,
			(None, JobPhase::Finalized { at } | JobPhase::Failed { at, .. }) => {
				Some(at.saturating_add(T::ChallengeWindow::get()))
			}
			(None, _) => None,
		};
		Some(match until {
			Some(until) if now < until => {
				Settlement::Challengeable { until, bond: Self::challenge_bond(job) }
			}
			_ => Settlement::Irreversible,
		})
	}

	/// Challenges the agreed result of `job_id`, claiming the outcome hashed `claimed`.
	pub(crate) fn do_challenge(
		challenger: T::AccountId,
		job_id: JobId,
		claimed: H256,
		now: BlockNumberFor<T>,
	) -> DispatchResult {
		let mut job = Jobs::<T>::get(job_id).ok_or(Error::<T>::JobNotFound)?;
		let result_hash = job.result_hash.ok_or(Error::<T>::NotChallengeable)?;
		match Self::settlement(job_id, &job, now) {
			Some(Settlement::Challengeable { .. }) => {}
			Some(Settlement::Challenged { .. }) => Err(Error::<T>::ChallengeInProgress)?,
			Some(Settlement::Irreversible) => Err(Error::<T>::ChallengeWindowClosed)?,
			None => Err(Error::<T>::NotChallengeable)?,
		}
		ensure!(claimed != result_hash, Error::<T>::ClaimMatchesResult);
		let stored = Disputes::<T>::get(job_id);
		let mut dispute = stored.clone().unwrap_or_else(|| Self::unanimous(&job));
		let redundancy = Self::fresh_attestors(&dispute.quorum)
			.len()
			.min(T::MaxRedundancy::get() as usize) as u32;
		ensure!(redundancy > 0, Error::<T>::NoFreshAttestors);
		let bond = Self::challenge_bond(&job);
		T::Currency::hold(&HoldReason::ChallengeBond.into(), &challenger, bond)
			.map_err(|_| Error::<T>::InsufficientBalance)?;

		// The re-execution supersedes the window's close.
		if let Some(closes_at) = stored.and_then(|d| d.closes_at) {
			Self::unschedule(closes_at, job_id);
		}
		dispute.closes_at = None;
		dispute.challenges.saturating_inc();
		dispute.challenge = Some(Challenge { challenger: challenger.clone(), bond, claimed });
		let at = now.saturating_add(T::AssignmentDelay::get());
		job.round.saturating_inc();
		job.redundancy = redundancy;
		job.assignments = BoundedVec::new();
		job.phase = JobPhase::Assigning { at };
		Self::schedule(at, job_id);
		Disputes::<T>::insert(job_id, dispute);
		Jobs::<T>::insert(job_id, job);
		Self::deposit_event(Event::JobChallenged { job_id, challenger, claimed, bond, redundancy });
		Ok(())
	}

	/// The dispute of a result nobody disagreed with: its quorum is every valid reveal.
	fn unanimous(job: &JobOf<T>) -> DisputeOf<T> {
		let quorum = job
			.assignments
			.iter()
			.filter(|a| a.reveal == RevealState::Valid)
			.map(|a| a.attestor.clone())
			.collect::<Vec<_>>();
		Dispute {
			round: job.round,
			quorum: BoundedVec::truncate_from(quorum),
			dissent: BoundedVec::new(),
			reporter: None,
			closes_at: None,
			challenges: 0,
			challenge: None,
		}
	}

	/// The active attestors outside `quorum`: who may re-execute a challenged result.
	fn fresh_attestors(quorum: &[T::AccountId]) -> Vec<T::AccountId> {
		let mut attestors = T::Attestors::attestors();
		attestors.retain(|a| !quorum.contains(a));
		attestors
	}

	/// The attestors a draw for `job_id` must leave out: the standing quorum, while a
	/// challenge of it is re-executed.
	pub(crate) fn excluded_from_draw(job_id: JobId) -> Vec<T::AccountId> {
		Disputes::<T>::get(job_id)
			.filter(|d| d.challenge.is_some())
			.map(|d| d.quorum.into_inner())
			.unwrap_or_default()
	}

	/// Whether `job_id` is in a challenge's re-execution round.
	pub(crate) fn is_challenged(job_id: JobId) -> bool {
		Disputes::<T>::get(job_id).is_some_and(|d| d.challenge.is_some())
	}

	/// Keeps the dissenters of a freshly agreed result until its window closes, instead of
	/// reporting them now: `outcome.disagreed` is emptied into the job's dispute. Returns the
	/// block the window closes at.
	pub(crate) fn open_window(
		job_id: JobId,
		round: u32,
		outcome: &mut RoundOutcome<T::AccountId, BalanceOf<T>>,
		now: BlockNumberFor<T>,
	) -> BlockNumberFor<T> {
		let closes_at = now.saturating_add(T::ChallengeWindow::get());
		if !outcome.disagreed.is_empty() {
			let dissent = core::mem::take(&mut outcome.disagreed);
			let dispute = Dispute {
				round,
				quorum: BoundedVec::truncate_from(outcome.agreed.clone()),
				dissent: BoundedVec::truncate_from(dissent),
				reporter: outcome.reporter.take(),
				closes_at: Some(closes_at),
				challenges: 0,
				challenge: None,
			};
			Disputes::<T>::insert(job_id, dispute);
			Self::schedule(closes_at, job_id);
		}
		closes_at
	}

	/// Ends the window of a disputed result: reports its dissenters and forgets the dispute.
	/// Returns the weight used.
	pub(crate) fn close_window(job_id: JobId) -> Weight {
		let Some(dispute) =
			Disputes::<T>::get(job_id).filter(|d| d.closes_at.is_some() && d.challenge.is_none())
		else {
			return T::DbWeight::get().reads(1);
		};
		Disputes::<T>::remove(job_id);
		let dissenters = dispute.dissent.len() as u32;
		let outcome = RoundOutcome {
			job_id,
			round: dispute.round,
			agreed: Vec::new(),
			disagreed: dispute.dissent.into_inner(),
			mismatched: Vec::new(),
			withheld: Vec::new(),
			absent: Vec::new(),
			valid_reveals: dispute.quorum.len() as u32,
			fee_shares: Vec::new(),
			quorum: true,
			reporter: dispute.reporter,
		};
		let used = T::OnOutcome::on_round_end(&outcome);
		Self::deposit_event(Event::ResultIrreversible { job_id, dissenters });
		T::WeightInfo::close_window(dissenters).saturating_add(used)
	}

	/// The heaviest `close_window`.
	pub fn close_window_weight() -> Weight {
		let most = DissentBound::<T>::get();
		T::WeightInfo::close_window(most).saturating_add(T::OnOutcome::max_weight(most))
	}

	/// Settles a challenge with its re-execution round's agreed outcome (`None` without a
	/// quorum). `outcome` is the round's, handed to the outcome handler afterwards: the
	/// overturned quorum joins its `disagreed`.
	pub(crate) fn settle_challenge(
		job_id: JobId,
		job: &mut JobOf<T>,
		agreed: Option<InferenceOutcome>,
		outcome: &mut RoundOutcome<T::AccountId, BalanceOf<T>>,
		now: BlockNumberFor<T>,
	) {
		let Some(mut dispute) = Disputes::<T>::get(job_id) else { return };
		let Some(challenge) = dispute.challenge.take() else { return };
		let standing = Results::<T>::get(job_id);
		let policy = Models::<T>::get(job.model).map(|m| m.metadata.policy);
		let agrees = |new: &InferenceOutcome| match (&standing, &policy) {
			(Some(old), Some(policy)) => opg_inference_primitives::outcomes_agree(policy, old, new),
			_ => false,
		};
		match agreed {
			Some(new) if agrees(&new) => {
				// Who disagreed with the first quorum was wrong: report them with this round's.
				outcome.disagreed.extend(core::mem::take(&mut dispute.dissent));
				let (paid, burnt) = Self::spend_bond(&challenge, outcome);
				Self::deposit_event(Event::ResultConfirmed {
					job_id,
					challenger: challenge.challenger,
					paid,
					burnt,
				});
				Self::make_irreversible(job_id, job, dispute, now);
			}
			Some(new) => Self::overturn(job_id, job, dispute, challenge, new, outcome, now),
			None => Self::settle_unresolved(job_id, job, dispute, challenge, now),
		}
	}

	/// A challenge whose re-execution could not be drawn ends unresolved.
	pub(crate) fn abandon_challenge(job_id: JobId, job: &mut JobOf<T>, now: BlockNumberFor<T>) {
		let Some(mut dispute) = Disputes::<T>::get(job_id) else { return };
		let Some(challenge) = dispute.challenge.take() else { return };
		Self::settle_unresolved(job_id, job, dispute, challenge, now);
	}

	/// The standing result stays, irreversible; its dissenters are not reported (nobody can
	/// say who was wrong) and the bond is returned.
	fn settle_unresolved(
		job_id: JobId,
		job: &mut JobOf<T>,
		mut dispute: DisputeOf<T>,
		challenge: Challenge<T::AccountId, BalanceOf<T>>,
		now: BlockNumberFor<T>,
	) {
		dispute.dissent = BoundedVec::new();
		Self::release_bond(&challenge, challenge.bond);
		Self::deposit_event(Event::ChallengeUnresolved {
			job_id,
			challenger: challenge.challenger,
		});
		Self::make_irreversible(job_id, job, dispute, now);
	}

	/// Replaces the standing result with the re-execution's: the overturned quorum is at
	/// fault, the first round's dissenters are cleared, the bond is returned. While challenges
	/// remain, the new result gets a window of its own and its dissenters (the overturned
	/// quorum among them) wait for it; otherwise they are reported now.
	fn overturn(
		job_id: JobId,
		job: &mut JobOf<T>,
		dispute: DisputeOf<T>,
		challenge: Challenge<T::AccountId, BalanceOf<T>>,
		new: InferenceOutcome,
		outcome: &mut RoundOutcome<T::AccountId, BalanceOf<T>>,
		now: BlockNumberFor<T>,
	) {
		Self::release_bond(&challenge, challenge.bond);
		let previous_hash = job.result_hash.unwrap_or_default();
		let result_hash = H256::from(new.hash());
		outcome.disagreed.extend(dispute.quorum.into_inner());
		outcome.reporter = Some(challenge.challenger.clone());
		Self::end_with(job, &new, now);
		Results::<T>::insert(job_id, new);
		job.result_hash = Some(result_hash);
		let challengeable_until = if dispute.challenges < T::MaxChallenges::get() {
			let closes_at = now.saturating_add(T::ChallengeWindow::get());
			let reopened = Dispute {
				round: job.round,
				quorum: BoundedVec::truncate_from(outcome.agreed.clone()),
				dissent: BoundedVec::truncate_from(core::mem::take(&mut outcome.disagreed)),
				reporter: outcome.reporter.take(),
				closes_at: Some(closes_at),
				challenges: dispute.challenges,
				challenge: None,
			};
			Disputes::<T>::insert(job_id, reopened);
			Self::schedule(closes_at, job_id);
			Some(closes_at)
		} else {
			let settled = Dispute {
				round: job.round,
				quorum: BoundedVec::new(),
				dissent: BoundedVec::new(),
				reporter: None,
				closes_at: None,
				challenges: dispute.challenges,
				challenge: None,
			};
			Self::make_irreversible(job_id, job, settled, now);
			None
		};
		Self::deposit_event(Event::ResultOverturned {
			job_id,
			challenger: challenge.challenger,
			previous_hash,
			result_hash,
			challengeable_until,
		});
	}

	/// Ends the job with its standing result, irreversible: the dispute stays, without a
	/// window, until the job is pruned, so no further challenge is taken.
	fn make_irreversible(
		job_id: JobId,
		job: &mut JobOf<T>,
		mut dispute: DisputeOf<T>,
		now: BlockNumberFor<T>,
	) {
		if let Some(result) = Results::<T>::get(job_id) {
			Self::end_with(job, &result, now);
		}
		dispute.quorum = BoundedVec::new();
		dispute.dissent = BoundedVec::new();
		dispute.reporter = None;
		dispute.closes_at = None;
		Disputes::<T>::insert(job_id, dispute);
	}

	/// Puts the job in the ended phase its agreed outcome calls for.
	fn end_with(job: &mut JobOf<T>, result: &InferenceOutcome, now: BlockNumberFor<T>) {
		job.phase = match result {
			InferenceOutcome::Success(_) => JobPhase::Finalized { at: now },
			InferenceOutcome::Failure(code) => {
				JobPhase::Failed { at: now, reason: FailureReason::ModelError(*code) }
			}
		};
	}

	/// Pays each agreeing attestor of a confirming re-execution its fee from the bond, and
	/// burns the rest. Returns what was paid and what was burnt.
	fn spend_bond(
		challenge: &Challenge<T::AccountId, BalanceOf<T>>,
		outcome: &mut RoundOutcome<T::AccountId, BalanceOf<T>>,
	) -> (BalanceOf<T>, BalanceOf<T>) {
		let reason = HoldReason::ChallengeBond.into();
		let mut paid: BalanceOf<T> = Zero::zero();
		for attestor in &outcome.agreed {
			let share = T::AttestationFee::get().min(challenge.bond.saturating_sub(paid));
			if share.is_zero() {
				break;
			}
			match T::Currency::transfer_on_hold(
				&reason,
				&challenge.challenger,
				attestor,
				share,
				Precision::BestEffort,
				Restriction::Free,
				Fortitude::Polite,
			) {
				Ok(amount) => {
					paid.saturating_accrue(amount);
					outcome.fee_shares.push((attestor.clone(), amount));
				}
				Err(e) => log::warn!(
					target: "runtime::inference",
					"fee share of challenge of job {} not paid to {:?}: {:?}",
					outcome.job_id, attestor, e
				),
			}
		}
		let rest = challenge.bond.saturating_sub(paid);
		let burnt = T::Currency::burn_held(
			&reason,
			&challenge.challenger,
			rest,
			Precision::BestEffort,
			Fortitude::Force,
		)
		.unwrap_or_else(|e| {
			log::error!(target: "runtime::inference", "burning a challenge bond failed: {e:?}");
			Zero::zero()
		});
		(paid, burnt)
	}

	/// Releases `amount` of a challenge's bond to the challenger.
	fn release_bond(challenge: &Challenge<T::AccountId, BalanceOf<T>>, amount: BalanceOf<T>) {
		if let Err(e) = T::Currency::release(
			&HoldReason::ChallengeBond.into(),
			&challenge.challenger,
			amount,
			Precision::BestEffort,
		) {
			log::error!(target: "runtime::inference", "releasing a challenge bond failed: {e:?}");
		}
	}
}
