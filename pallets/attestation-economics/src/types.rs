//! Types of the attestation economics pallet.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use pallet_inference::JobId;
use scale_info::TypeInfo;
use sp_staking::{offence::OffenceError, SessionIndex};

/// What an attestor did wrong.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum OffenceKind {
	/// Revealed an outcome the quorum of this job round disagreed with, or one that did not
	/// match its commitment.
	Fault {
		/// The job.
		job_id: JobId,
		/// The round of the job.
		round: u32,
	},
	/// Reached the absence threshold of the session.
	Absence,
}

/// An offence waiting in the queue to be reported.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct PendingReport<AccountId> {
	/// The attestor.
	pub offender: AccountId,
	/// The session it happened in.
	pub session: SessionIndex,
	/// What happened.
	pub kind: OffenceKind,
	/// Who exposed it, when someone did: the challenger whose challenge overturned the
	/// offender's result. Staking pays reporters a share of the slash.
	pub reporter: Option<AccountId>,
}

/// The ends of the report queue: positions `head..tail` (wrapping) hold reports.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, Copy, Default, PartialEq, Eq, Debug)]
pub struct QueueEnds {
	/// The oldest report's position.
	pub head: u32,
	/// The position the next report takes.
	pub tail: u32,
}

impl QueueEnds {
	/// Reports in the queue.
	pub fn len(&self) -> u32 {
		self.tail.wrapping_sub(self.head)
	}

	/// Whether the queue is empty.
	pub fn is_empty(&self) -> bool {
		self.len() == 0
	}
}

/// Why an offence was not reported.
#[derive(
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Debug,
)]
pub enum NotReported {
	/// The attestor is not a validator any more, so staking cannot identify it.
	NotIdentified,
	/// The same offence was already reported.
	Duplicate,
	/// The offences pallet refused the report with this code.
	Refused(u8),
	/// [`crate::Config::MaxPendingReports`] offences were already waiting.
	QueueFull,
}

impl From<OffenceError> for NotReported {
	fn from(error: OffenceError) -> Self {
		match error {
			OffenceError::DuplicateReport => NotReported::Duplicate,
			OffenceError::Other(code) => NotReported::Refused(code),
		}
	}
}
