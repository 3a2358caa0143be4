//! The offences an attestor can commit, as pallet-offences and pallet-staking see them.

use alloc::{vec, vec::Vec};
use codec::Encode;
use pallet_inference::JobId;
use sp_runtime::Perbill;
use sp_staking::{
	offence::{Kind, Offence},
	SessionIndex,
};

/// Revealed an outcome the finalised quorum disagreed with, or one that did not match the
/// attestor's own commitment, in one round of one job.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct AttestationFault<Offender> {
	/// The session the round ended in.
	pub session_index: SessionIndex,
	/// Validators when it was reported.
	pub validator_set_count: u32,
	/// The job.
	pub job_id: JobId,
	/// The round of the job.
	pub round: u32,
	/// The attestor at fault.
	pub offender: Offender,
	/// Share of the offender's exposure to slash.
	pub slash: Perbill,
}

impl<Offender: Clone + Encode> Offence<Offender> for AttestationFault<Offender> {
	const ID: Kind = *b"opg:attest-fault";
	/// One attestor's reveal in one round of one job: each is its own offence, so reports of
	/// several attestors of a round never re-process each other.
	type Slot = (JobId, u32, Vec<u8>);

	fn offenders(&self) -> Vec<Offender> {
		vec![self.offender.clone()]
	}

	fn session_index(&self) -> SessionIndex {
		self.session_index
	}

	fn validator_set_count(&self) -> u32 {
		self.validator_set_count
	}

	fn slot(&self) -> Self::Slot {
		(self.job_id, self.round, self.offender.encode())
	}

	/// A fixed share: a wrong answer costs the same however many others were wrong with it.
	fn slash_fraction(&self, _offenders_count: u32) -> Perbill {
		self.slash
	}
}

/// Stayed absent (no commitment) from as many rounds as the absence threshold
/// within one session.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct AttestationAbsence<Offender> {
	/// The session.
	pub session_index: SessionIndex,
	/// Validators when it was reported.
	pub validator_set_count: u32,
	/// The absent attestor.
	pub offender: Offender,
	/// Share of the offender's exposure to slash.
	pub slash: Perbill,
}

impl<Offender: Clone> Offence<Offender> for AttestationAbsence<Offender> {
	const ID: Kind = *b"opg:attest-absnt";
	/// The session: one absence offence per attestor and session.
	type Slot = SessionIndex;

	fn offenders(&self) -> Vec<Offender> {
		vec![self.offender.clone()]
	}

	fn session_index(&self) -> SessionIndex {
		self.session_index
	}

	fn validator_set_count(&self) -> u32 {
		self.validator_set_count
	}

	fn slot(&self) -> Self::Slot {
		self.session_index
	}

	fn slash_fraction(&self, _offenders_count: u32) -> Perbill {
		self.slash
	}
}
