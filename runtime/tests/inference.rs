//! The inference pallet in the real runtime, on the `local_testnet` genesis (Alice, Bob and
//! Charlie validating): who can be drawn, and what griefing with an unavailable model costs.

use frame_support::traits::fungible::Inspect;
use opg_runtime::{
	configs::ActiveValidators, currency::OPG, AccountId, Balances, Inference, Runtime,
	RuntimeEvent, RuntimeOrigin, System,
};
use pallet_inference::{AttestorSet, FailureReason, JobPhase};
use sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET;
use sp_keyring::Sr25519Keyring;

mod common;
#[path = "common/inference_jobs.rs"]
mod inference_jobs;

use inference_jobs::{input, metadata, roll};

fn local_testnet() -> sp_io::TestExternalities {
	let mut ext = common::preset_storage(LOCAL_TESTNET_RUNTIME_PRESET);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

fn account(keyring: Sr25519Keyring) -> AccountId {
	keyring.to_account_id()
}

#[test]
fn disabled_and_chilled_validators_are_never_drawn_and_the_count_bounds_the_draw() {
	local_testnet().execute_with(|| {
		let (alice, bob, charlie) = (
			account(Sr25519Keyring::Alice),
			account(Sr25519Keyring::Bob),
			account(Sr25519Keyring::Charlie),
		);
		assert_eq!(ActiveValidators::attestors().len(), 3);
		// Charlie is disabled after an offence, Bob chills: both stay in the session's set.
		let index = pallet_session::Validators::<Runtime>::get()
			.iter()
			.position(|v| *v == charlie)
			.unwrap();
		pallet_session::Pallet::<Runtime>::disable_index(index as u32);
		let mut drawable = ActiveValidators::attestors();
		drawable.sort();
		let mut expected = vec![alice.clone(), bob.clone()];
		expected.sort();
		assert_eq!(drawable, expected, "Charlie is disabled");
		assert_eq!(ActiveValidators::attestor_count(), 2, "the count leaves out the disabled");
		frame_support::assert_ok!(pallet_staking::Pallet::<Runtime>::chill(RuntimeOrigin::signed(
			bob.clone()
		)));
		assert!(pallet_session::Validators::<Runtime>::get().contains(&bob));
		assert_eq!(ActiveValidators::attestors(), vec![alice]);
		// The cheap count does not read staking preferences: a chilled validator still counts
		// until the era ends, an upper bound as submissions need.
		assert_eq!(ActiveValidators::attestor_count(), 2);
	});
}

#[test]
fn griefing_with_an_unavailable_model_costs_the_attacker_and_no_validator() {
	local_testnet().execute_with(|| {
		let attacker = account(Sr25519Keyring::Dave);
		let validators: Vec<AccountId> = pallet_session::Validators::<Runtime>::get();
		let before: Vec<_> = validators.iter().map(Balances::total_balance).collect();
		let attacker_before = Balances::total_balance(&attacker);
		let model = sp_core::H256::repeat_byte(0xee);
		frame_support::assert_ok!(Inference::register_model_by_uri(
			RuntimeOrigin::signed(attacker.clone()),
			model,
			1024,
			b"https://unreachable.invalid/model.onnx".to_vec().try_into().unwrap(),
			metadata(b"unavailable"),
		));
		let jobs = 5u64;
		for _ in 0..jobs {
			frame_support::assert_ok!(Inference::submit_job(
				RuntimeOrigin::signed(attacker.clone()),
				model,
				input(),
				None,
				OPG,
			));
		}
		// No validator can fetch the model: nobody commits, in any round.
		roll(80);
		let mut burnt = 0;
		for job in 0..jobs {
			let job = pallet_inference::Jobs::<Runtime>::get(job).unwrap();
			assert!(matches!(
				job.phase,
				JobPhase::Failed { reason: FailureReason::Unavailable, .. }
			));
		}
		for record in System::events() {
			match record.event {
				RuntimeEvent::Inference(pallet_inference::Event::JobFailed {
					burnt: b, ..
				}) => burnt += b,
				RuntimeEvent::Staking(pallet_staking::Event::SlashReported { .. }) => {
					panic!("a validator was reported")
				}
				RuntimeEvent::AttestationEconomics(
					pallet_attestation_economics::Event::AbsenceRecorded { .. },
				) => panic!("an absence was counted"),
				_ => {}
			}
		}
		let after: Vec<_> = validators.iter().map(Balances::total_balance).collect();
		assert_eq!(after, before, "no validator lost anything");
		assert_eq!(
			burnt,
			jobs as u128 * 3 * 100 * opg_runtime::currency::MILLI_OPG,
			"three attestation fees a job"
		);
		let deposit = pallet_inference::Models::<Runtime>::get(model).unwrap().deposit;
		assert!(
			attacker_before - Balances::total_balance(&attacker) >= burnt,
			"the attacker paid at least the burnt fees (and keeps {deposit} on hold)"
		);
	});
}
