//! Model registration and retirement.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};
use opg_inference_primitives::{ComparisonPolicy, ModelSignature};

fn held_deposit(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::ModelDeposit.into(), &who)
}

#[test]
fn register_model_keeps_hash_and_metadata_and_holds_a_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		let bytes = onnx(1);
		assert_ok!(Inference::register_model(
			RuntimeOrigin::signed(BOB),
			bytes.clone(),
			metadata(ComparisonPolicy::Exact, 3)
		));
		let hash = model_hash(&bytes);
		let deposit = DEPOSIT_BASE + DEPOSIT_PER_BYTE * bytes.len() as u64;
		let info = Models::<Test>::get(hash).unwrap();
		assert_eq!(info.owner, BOB);
		assert_eq!(info.size, 64);
		assert_eq!(info.source, ModelSource::Inline);
		assert_eq!(info.deposit, deposit);
		assert_eq!(held_deposit(BOB), deposit);
		assert_eq!(
			inference_events(),
			vec![Event::ModelRegistered { model: hash, owner: BOB, size: 64, deposit }]
		);
		let details = Inference::model_details(hash).unwrap();
		assert_eq!(details.name, b"mlp".to_vec());
		assert_eq!(details.uri, None);
	});
}

#[test]
fn register_model_indexes_the_bytes_for_nodes() {
	let mut ext = ExtBuilder::default().build();
	let bytes = onnx(9);
	ext.execute_with(|| {
		assert_ok!(Inference::register_model(
			RuntimeOrigin::signed(BOB),
			bytes.clone(),
			metadata(ComparisonPolicy::Exact, 1)
		));
	});
	ext.persist_offchain_overlay();
	let indexed = ext.offchain_db().get(&model_index_key(&model_hash(&bytes)));
	assert_eq!(indexed, Some(bytes), "the bytes are offchain-indexed");
}

#[test]
fn the_same_model_twice_is_rejected() {
	ExtBuilder::default().build_and_execute(|| {
		let hash = register(ComparisonPolicy::Exact, 3);
		assert_noop!(
			Inference::register_model(
				RuntimeOrigin::signed(ALICE),
				onnx(7),
				metadata(ComparisonPolicy::Exact, 3)
			),
			Error::<Test>::ModelAlreadyRegistered
		);
		assert_noop!(
			Inference::register_model_by_uri(
				RuntimeOrigin::signed(ALICE),
				hash,
				64,
				b"https://example.com/m.onnx".to_vec().try_into().unwrap(),
				metadata(ComparisonPolicy::Exact, 3)
			),
			Error::<Test>::ModelAlreadyRegistered
		);
	});
}

#[test]
fn oversize_and_empty_models_are_rejected() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Inference::register_model(
				RuntimeOrigin::signed(BOB),
				vec![0; 1025],
				metadata(ComparisonPolicy::Exact, 3)
			),
			Error::<Test>::ModelTooLarge
		);
		assert_noop!(
			Inference::register_model(
				RuntimeOrigin::signed(BOB),
				vec![],
				metadata(ComparisonPolicy::Exact, 3)
			),
			Error::<Test>::EmptyModel
		);
		assert_noop!(
			Inference::register_model_by_uri(
				RuntimeOrigin::signed(BOB),
				model_hash(b"big"),
				64 * 1024 * 1024 + 1,
				b"ipfs://bafy".to_vec().try_into().unwrap(),
				metadata(ComparisonPolicy::Exact, 3)
			),
			Error::<Test>::ModelTooLarge
		);
	});
}

#[test]
fn malformed_metadata_is_rejected() {
	ExtBuilder::default().build_and_execute(|| {
		let mut no_outputs = metadata(ComparisonPolicy::Exact, 3);
		no_outputs.signature =
			ModelSignature { inputs: no_outputs.signature.inputs, outputs: Default::default() };
		assert_noop!(
			Inference::register_model(RuntimeOrigin::signed(BOB), onnx(1), no_outputs),
			Error::<Test>::InvalidModelSignature
		);
		assert_noop!(
			Inference::register_model(
				RuntimeOrigin::signed(BOB),
				onnx(1),
				metadata(ComparisonPolicy::AbsRel { abs_e9: 0, rel_e9: 2_000_000_000 }, 3)
			),
			Error::<Test>::InvalidPolicy
		);
		for redundancy in [0, 6] {
			assert_noop!(
				Inference::register_model(
					RuntimeOrigin::signed(BOB),
					onnx(1),
					metadata(ComparisonPolicy::Exact, redundancy)
				),
				Error::<Test>::InvalidRedundancy
			);
		}
	});
}

#[test]
fn register_by_uri_needs_https_or_ipfs() {
	ExtBuilder::default().build_and_execute(|| {
		for uri in [&b"http://example.com/m.onnx"[..], b"ftp://x", b"ipfs://", b""] {
			assert_noop!(
				Inference::register_model_by_uri(
					RuntimeOrigin::signed(BOB),
					model_hash(b"remote"),
					1_000_000,
					uri.to_vec().try_into().unwrap(),
					metadata(ComparisonPolicy::Exact, 3)
				),
				Error::<Test>::InvalidUri
			);
		}
		let uri = b"ipfs://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi".to_vec();
		assert_ok!(Inference::register_model_by_uri(
			RuntimeOrigin::signed(BOB),
			model_hash(b"remote"),
			1_000_000,
			uri.clone().try_into().unwrap(),
			metadata(ComparisonPolicy::Ulps { max_ulps: 8 }, 3)
		));
		let details = Inference::model_details(model_hash(b"remote")).unwrap();
		assert_eq!(details.uri, Some(uri));
		assert_eq!(details.deposit, DEPOSIT_BASE, "only the metadata is stored on chain");
	});
}

#[test]
fn registration_needs_the_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Inference::register_model(
				RuntimeOrigin::signed(POOR),
				onnx(1),
				metadata(ComparisonPolicy::Exact, 3)
			),
			Error::<Test>::InsufficientBalance
		);
	});
}

#[test]
fn only_the_owner_retires_and_the_deposit_is_released() {
	ExtBuilder::default().build_and_execute(|| {
		let hash = register(ComparisonPolicy::Exact, 3);
		assert_noop!(
			Inference::retire_model(RuntimeOrigin::signed(ALICE), hash),
			Error::<Test>::NotModelOwner
		);
		assert_noop!(
			Inference::retire_model(RuntimeOrigin::signed(BOB), model_hash(b"unknown")),
			Error::<Test>::ModelNotFound
		);
		let deposit = held_deposit(BOB);
		inference_events();
		assert_ok!(Inference::retire_model(RuntimeOrigin::signed(BOB), hash));
		assert_eq!(held_deposit(BOB), 0);
		assert_eq!(Balances::free_balance(BOB), INITIAL_BALANCE);
		assert!(Models::<Test>::get(hash).is_none(), "a retired model without jobs leaves");
		assert_eq!(
			inference_events(),
			vec![Event::ModelRetired { model: hash, deposit_released: deposit }]
		);
	});
}

#[test]
fn a_retired_model_takes_no_jobs_but_running_jobs_finish() {
	ExtBuilder::default().build_and_execute(|| {
		let hash = register(ComparisonPolicy::Exact, 1);
		let (job, attestors) = assigned_job(hash, 1);
		assert_ok!(Inference::retire_model(RuntimeOrigin::signed(BOB), hash));
		assert_eq!(Models::<Test>::get(hash).unwrap().status, ModelStatus::Retired);
		assert_noop!(
			Inference::submit_job(RuntimeOrigin::signed(ALICE), hash, input(), Some(1), 100),
			Error::<Test>::ModelRetired
		);
		assert_noop!(
			Inference::retire_model(RuntimeOrigin::signed(BOB), hash),
			Error::<Test>::ModelRetired
		);
		let out = output([0.5, 0.5]);
		commit_as(attestors[0], job, &out);
		reveal_as(attestors[0], job, &out);
		assert!(matches!(Jobs::<Test>::get(job).unwrap().phase, JobPhase::Finalized { .. }));
		roll_to(System::block_number() + RETENTION);
		assert!(Models::<Test>::get(hash).is_none(), "the model leaves with its last job");
	});
}
