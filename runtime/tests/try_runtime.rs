//! The runtime upgrade under try-runtime, on the `local_testnet` genesis (Alice, Bob and Charlie
//! validating): `Executive::try_runtime_upgrade` with every check, which runs each migration's
//! and each pallet's pre- and post-upgrade hooks (the latter compare every pallet's on-chain
//! storage version with its in-code one), decodes the whole state and runs every pallet's
//! `try_state`. Once on the state genesis leaves, where every migration is a no-op; once on a
//! state put back to the inference pallet's version 0 with jobs in flight, which
//! `MigrateV0ToV1` migrates, after which the jobs finish.
//!
//! Built only with the `try-runtime` feature (`[[test]]` in Cargo.toml); the native test needs
//! no Wasm: `SKIP_WASM_BUILD=1 cargo test -p opg-runtime --features try-runtime --test
//! try_runtime`.

use codec::Encode;
use frame_support::{
	assert_ok,
	storage::{KeyPrefixIterator, StoragePrefixedMap},
	traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
};
use frame_try_runtime::UpgradeCheckSelect;
use opg_runtime::{
	currency::OPG, AccountId, AllPalletsWithSystem, AttestationEconomics, Executive, Inference,
	Runtime, RuntimeEvent, RuntimeOrigin, System,
};
use pallet_inference::{
	migrations::v1::v0,
	primitives::{commitment, InferenceOutcome, Tensor},
	Agenda, AgendaCursor, AttestorJobs, JobId, JobPhase, Jobs, ModelHash, PruneQueue,
	PruneQueueRange, Reveal, RevealState,
};
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

fn validators() -> Vec<AccountId> {
	[Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie]
		.into_iter()
		.map(|k| k.to_account_id())
		.collect()
}

/// Both pallets of this repository are at their in-code storage version.
fn assert_in_code_storage_versions() {
	assert_eq!(Inference::on_chain_storage_version(), Inference::in_code_storage_version());
	assert_eq!(
		AttestationEconomics::on_chain_storage_version(),
		AttestationEconomics::in_code_storage_version()
	);
	assert_eq!(Inference::in_code_storage_version(), 1);
	assert_eq!(AttestationEconomics::in_code_storage_version(), 1);
}

fn output() -> InferenceOutcome {
	InferenceOutcome::Success(
		vec![Tensor::from_values::<f32>(vec![1, 2], &[0.25, 0.75]).unwrap()].try_into().unwrap(),
	)
}

/// Registers a model with its bytes (the chain does not parse them), as a version-0 chain could.
fn register() -> ModelHash {
	let onnx = b"a model the chain never runs".to_vec();
	let model = ModelHash::from(sp_io::hashing::blake2_256(&onnx));
	assert_ok!(Inference::register_model(
		RuntimeOrigin::signed(Sr25519Keyring::Dave.to_account_id()),
		onnx,
		metadata(b"upgrade"),
	));
	model
}

fn submit(model: ModelHash) -> JobId {
	let id = pallet_inference::NextJobId::<Runtime>::get();
	assert_ok!(Inference::submit_job(
		RuntimeOrigin::signed(Sr25519Keyring::Dave.to_account_id()),
		model,
		input(),
		Some(3),
		OPG,
	));
	id
}

fn salt(attestor: &AccountId) -> [u8; 32] {
	sp_io::hashing::blake2_256(&attestor.encode())
}

/// What `attestor`'s worker does for `job_id`: commits in the commit phase, reveals in the
/// reveal phase, the output every attestor computes.
fn attest(attestor: &AccountId, job_id: JobId) {
	let origin = RuntimeOrigin::signed(attestor.clone());
	let job = Jobs::<Runtime>::get(job_id).unwrap();
	let me = &job.assignments[job.position(attestor).expect("assigned")];
	match job.phase {
		JobPhase::Committing { .. } if me.commitment.is_none() => {
			let c = commitment(&attestor.encode(), job_id, &output(), &salt(attestor));
			assert_ok!(Inference::commit(origin, vec![(job_id, c)].try_into().unwrap()));
		}
		JobPhase::Revealing { .. } if me.reveal == RevealState::Pending => {
			let reveal = Reveal { job_id, outcome: output(), salt: salt(attestor) };
			assert_ok!(Inference::reveal(origin, vec![reveal].try_into().unwrap()));
		}
		phase => panic!("{attestor} has nothing to do for job {job_id} in {phase:?}"),
	}
}

/// Every attestor acts on every job it has, as honest workers do in a block.
fn attest_all() {
	for attestor in validators() {
		for job_id in AttestorJobs::<Runtime>::get(&attestor) {
			let job = Jobs::<Runtime>::get(job_id).unwrap();
			let me = &job.assignments[job.position(&attestor).unwrap()];
			let pending = match job.phase {
				JobPhase::Committing { .. } => me.commitment.is_none(),
				JobPhase::Revealing { .. } => me.reveal == RevealState::Pending,
				_ => false,
			};
			if pending {
				attest(&attestor, job_id);
			}
		}
	}
}

fn phase(job_id: JobId) -> JobPhase<u32> {
	Jobs::<Runtime>::get(job_id).unwrap().phase
}

/// Rewrites the inference pallet's state into what version 0 held for the same jobs: version
/// 0's agenda (a list per block, with the ended jobs' prune entries in it), no prune queue, no
/// cursor, and storage version 0. `spilled` is moved three blocks past its due block, as a full
/// block of version 0's agenda did (and then lost it).
fn put_back_to_version_0(spilled: JobId) {
	let entries: Vec<(u32, JobId)> = Agenda::<Runtime>::iter_keys().collect();
	let _ = Agenda::<Runtime>::clear(u32::MAX, None);
	for (block, job_id) in entries {
		let block = if job_id == spilled { block + 3 } else { block };
		v0::Agenda::<Runtime>::append(block, (job_id, v0::AgendaItem::Advance));
	}
	let (start, end) = PruneQueueRange::<Runtime>::get();
	for position in start..end {
		let (job_id, at) = PruneQueue::<Runtime>::take(position).unwrap();
		v0::Agenda::<Runtime>::append(at, (job_id, v0::AgendaItem::Prune));
	}
	PruneQueueRange::<Runtime>::kill();
	AgendaCursor::<Runtime>::kill();
	StorageVersion::new(0).put::<Inference>();
}

/// The number of keys under the agenda's prefix, whatever their format.
fn raw_agenda_keys() -> usize {
	let prefix = <Agenda<Runtime> as StoragePrefixedMap<()>>::final_prefix().to_vec();
	KeyPrefixIterator::new(prefix.clone(), prefix, |_| Ok(())).count()
}

/// No validator was charged: no absence, no offence, no slash.
fn assert_nobody_charged() {
	for record in System::events() {
		match record.event {
			RuntimeEvent::AttestationEconomics(
				pallet_attestation_economics::Event::AbsenceRecorded { .. }
				| pallet_attestation_economics::Event::OffenceQueued { .. }
				| pallet_attestation_economics::Event::OffenceReported { .. },
			)
			| RuntimeEvent::Staking(pallet_staking::Event::SlashReported { .. }) => {
				panic!("a validator was charged: {:?}", record.event)
			}
			_ => {}
		}
	}
}

#[test]
fn the_upgrade_passes_every_check_at_the_in_code_storage_versions() {
	local_testnet().execute_with(|| {
		assert_in_code_storage_versions();
		Executive::try_runtime_upgrade(UpgradeCheckSelect::All).expect("every check passes");
		assert_in_code_storage_versions();
		let last = frame_system::LastRuntimeUpgrade::<Runtime>::get().unwrap();
		assert_eq!(last.spec_version, opg_runtime::VERSION.spec_version.into());
	});
}

#[test]
fn a_pallet_left_behind_its_in_code_storage_version_fails_the_checks() {
	local_testnet().execute_with(|| {
		StorageVersion::new(0).put::<Inference>();
		// The pallets' own post-upgrade checks, without the runtime's migrations: nothing brings
		// the inference pallet to version 1.
		let result = <AllPalletsWithSystem as OnRuntimeUpgrade>::try_on_runtime_upgrade(true);
		assert!(result.is_err(), "a missing migration is caught");
		// With them, it is brought up to date.
		StorageVersion::new(0).put::<Inference>();
		Executive::try_runtime_upgrade(UpgradeCheckSelect::All).expect("every check passes");
		assert_in_code_storage_versions();
	});
}

#[test]
fn jobs_in_flight_on_version_0_are_migrated_and_finish() {
	local_testnet().execute_with(|| {
		let model = register();
		// Block 1: one job that will have ended and one that will be revealing.
		let ended = submit(model);
		let revealing = submit(model);
		roll(2);
		attest_all();
		let [alice, bob, charlie] = <[AccountId; 3]>::try_from(validators()).unwrap();
		attest(&alice, ended);
		attest(&bob, ended);
		attest(&charlie, ended);
		attest(&alice, revealing);
		// Block 3: one that will be committing; block 5: one still waiting for its attestors.
		let committing = submit(model);
		roll(2);
		attest(&bob, committing);
		let assigning = submit(model);
		roll(1);
		assert!(matches!(phase(ended), JobPhase::Finalized { .. }), "{:?}", phase(ended));
		assert!(matches!(phase(revealing), JobPhase::Revealing { .. }));
		assert!(matches!(phase(committing), JobPhase::Committing { .. }));
		assert!(matches!(phase(assigning), JobPhase::Assigning { .. }));

		put_back_to_version_0(committing);
		assert_eq!(Inference::on_chain_storage_version(), 0);

		Executive::try_runtime_upgrade(UpgradeCheckSelect::All).expect("every check passes");

		assert_in_code_storage_versions();
		// Both versions' agendas share a prefix: only the three version-1 entries are left.
		assert_eq!(raw_agenda_keys(), 3);
		assert_eq!(Agenda::<Runtime>::iter_keys().count(), 3, "one entry per unfinished job");
		assert_eq!(PruneQueue::<Runtime>::get(0).map(|(job_id, _)| job_id), Some(ended));
		// The jobs move on under the new agenda and finish, paid and agreed.
		for _ in 0..30 {
			roll(1);
			attest_all();
		}
		for job_id in [revealing, committing, assigning] {
			let job = Jobs::<Runtime>::get(job_id).unwrap();
			assert!(matches!(job.phase, JobPhase::Finalized { .. }), "{job_id}: {:?}", job.phase);
			assert_eq!(job.round, 0, "{job_id} needed no escalation");
			assert!(job.assignments.iter().all(|a| a.reveal == RevealState::Valid));
			assert_eq!(pallet_inference::Results::<Runtime>::get(job_id), Some(output()));
		}
		assert_nobody_charged();
		Inference::do_try_state().expect("the pallet's invariants hold");
	});
}
