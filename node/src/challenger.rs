//! Challenging a job's agreed result that a local re-execution disagrees with
//! (`opg-node verify-job --challenge`, `opg-node watch`).

use jsonrpsee::ws_client::WsClient;
use opg_inference_primitives::InferenceOutcome;
use opg_runtime::{Balance, RuntimeCall};
use pallet_inference::Settlement;
use sp_core::H256;

use crate::{
	extrinsic::{self, Included, Submitted},
	remote::{Job, ToolError},
	signer::Signer,
};

/// What became of a challenge that was submitted.
pub struct ChallengeReport {
	/// The bond the challenge holds (the settlement's, when submitted).
	pub bond: Balance,
	/// Where the challenge landed, and whether it was dispatched.
	pub included: Included,
}

impl std::fmt::Display for ChallengeReport {
	/// `challenged (bond 10 OPG) in block 42 (0x..), tx 0x..`, or `challenge failed:
	/// Inference(ChallengeWindowClosed) in block 42 (0x..), tx 0x..`.
	fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
		match &self.included.dispatch {
			Ok(()) => write!(f, "challenged (bond {}) {}", format_opg(self.bond), self.included),
			Err(error) => write!(f, "challenge failed: {error} {}", self.included),
		}
	}
}

/// The bond a challenge of `job` holds if its result may still be challenged, or why it may
/// not.
pub fn open_bond(job: &Job) -> Result<Balance, String> {
	match &job.settlement {
		Some(Settlement::Challengeable { bond, .. }) => Ok(*bond),
		Some(Settlement::Challenged { challenger }) => {
			Err(format!("a challenge by {challenger} is being re-executed"))
		}
		Some(Settlement::Irreversible) => {
			Err("the result is irreversible (its challenge window closed)".into())
		}
		None => Err("the job has no agreed result".into()),
	}
}

/// The settlement of `job`, in words.
pub fn describe_settlement(job: &Job) -> String {
	match &job.settlement {
		Some(Settlement::Challengeable { until, bond }) => {
			format!("challengeable before block {until}, for a bond of {}", format_opg(*bond))
		}
		Some(Settlement::Challenged { challenger }) => {
			format!("challenged by {challenger}, being re-executed; the result stands meanwhile")
		}
		Some(Settlement::Irreversible) => "irreversible".into(),
		None => "no agreed result".into(),
	}
}

/// A challenge the node's pool took.
pub struct SubmittedChallenge {
	bond: Balance,
	submitted: Submitted,
}

/// Challenges `job`'s result with the outcome computed locally, `local`, signed by `signer`,
/// which pays `bond`: submits the challenge.
pub async fn challenge(
	client: &WsClient,
	signer: &Signer,
	job: &Job,
	local: &InferenceOutcome,
	bond: Balance,
) -> Result<SubmittedChallenge, ToolError> {
	let claimed = H256(local.hash());
	let call =
		RuntimeCall::Inference(pallet_inference::Call::challenge { job_id: job.id, claimed });
	let submitted = extrinsic::submit(client, signer, call).await?;
	Ok(SubmittedChallenge { bond, submitted })
}

impl SubmittedChallenge {
	/// Waits until the challenge is in a finalised block.
	pub async fn landed(self, client: &WsClient) -> Result<ChallengeReport, ToolError> {
		let included = self.submitted.finalized(client).await?;
		Ok(ChallengeReport { bond: self.bond, included })
	}
}

/// An amount in OPG, with its decimals and without trailing zeros: `10 OPG`, `0.25 OPG`.
pub fn format_opg(amount: Balance) -> String {
	use opg_runtime::currency::{DECIMALS, OPG, SYMBOL};
	let (whole, fraction) = (amount / OPG, amount % OPG);
	if fraction == 0 {
		return format!("{whole} {SYMBOL}");
	}
	let digits = format!("{fraction:0width$}", width = usize::from(DECIMALS));
	format!("{whole}.{} {SYMBOL}", digits.trim_end_matches('0'))
}
