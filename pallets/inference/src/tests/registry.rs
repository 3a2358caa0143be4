//! Model registration and retirement.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};
use opg_inference_primitives::{ComparisonPolicy, Dim, ModelSignature};

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
		next_block();
		assert!(matches!(Jobs::<Test>::get(job).unwrap().phase, JobPhase::Finalized { .. }));
		roll_to(System::block_number() + RETENTION);
		assert!(Models::<Test>::get(hash).is_none(), "the model leaves with its last job");
	});
}

fn register_by_uri(who: AccountId, hash: ModelHash) -> frame_support::dispatch::DispatchResult {
	Inference::register_model_by_uri(
		RuntimeOrigin::signed(who),
		hash,
		64,
		b"https://example.com/m.onnx".to_vec().try_into().unwrap(),
		metadata(ComparisonPolicy::Ulps { max_ulps: 8 }, 1),
	)
}

#[test]
fn registration_with_the_bytes_supersedes_an_unproven_uri_squatter() {
	ExtBuilder::default().build_and_execute(|| {
		let hash = model_hash(&onnx(7));
		// Alice squats the hash without having the bytes.
		assert_ok!(register_by_uri(ALICE, hash));
		assert_eq!(held_deposit(ALICE), DEPOSIT_BASE);
		inference_events();
		let hash = register(ComparisonPolicy::Exact, 3);
		let info = Models::<Test>::get(hash).unwrap();
		assert_eq!((info.owner, info.source), (BOB, ModelSource::Inline));
		assert_eq!(info.metadata.policy, ComparisonPolicy::Exact, "the real owner's metadata");
		assert_eq!(held_deposit(ALICE), 0, "the squatter's deposit was released");
		assert!(inference_events().contains(&Event::ModelSuperseded {
			model: hash,
			previous_owner: ALICE,
			deposit_released: DEPOSIT_BASE
		}));
		assert_noop!(register_by_uri(ALICE, hash), Error::<Test>::ModelAlreadyRegistered);
	});
}

#[test]
fn a_uri_model_is_proven_by_a_finalised_job_and_then_stays() {
	ExtBuilder::default().build_and_execute(|| {
		let hash = model_hash(&onnx(7));
		assert_ok!(register_by_uri(ALICE, hash));
		let (job, attestors) = assigned_job(hash, 1);
		let out = output([0.5, 0.5]);
		commit_as(attestors[0], job, &out);
		reveal_as(attestors[0], job, &out);
		next_block();
		assert!(matches!(Models::<Test>::get(hash).unwrap().source, ModelSource::ProvenUri(_)));
		assert!(inference_events().contains(&Event::ModelProven { model: hash }));
		assert_noop!(
			Inference::register_model(
				RuntimeOrigin::signed(BOB),
				onnx(7),
				metadata(ComparisonPolicy::Exact, 3)
			),
			Error::<Test>::ModelAlreadyRegistered
		);
		assert_eq!(
			Inference::model_details(hash).unwrap().uri,
			Some(b"https://example.com/m.onnx".to_vec())
		);
	});
}

#[test]
fn tolerances_above_the_chain_bounds_are_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let try_policy = |seed: u8, policy| {
			Inference::register_model(RuntimeOrigin::signed(BOB), onnx(seed), metadata(policy, 1))
		};
		for (seed, policy) in [
			(1, ComparisonPolicy::Ulps { max_ulps: u32::MAX }),
			(2, ComparisonPolicy::Ulps { max_ulps: MAX_ULPS + 1 }),
			(3, ComparisonPolicy::AbsRel { abs_e9: u64::MAX, rel_e9: 0 }),
			(4, ComparisonPolicy::AbsRel { abs_e9: 0, rel_e9: MAX_REL_TOLERANCE + 1 }),
			(5, ComparisonPolicy::AbsRel { abs_e9: MAX_ABS_TOLERANCE + 1, rel_e9: 0 }),
		] {
			assert_noop!(try_policy(seed, policy), Error::<Test>::ToleranceTooLarge);
		}
		assert_ok!(try_policy(6, ComparisonPolicy::Ulps { max_ulps: MAX_ULPS }));
		assert_ok!(try_policy(
			7,
			ComparisonPolicy::AbsRel { abs_e9: MAX_ABS_TOLERANCE, rel_e9: MAX_REL_TOLERANCE }
		));
	});
}

#[test]
fn a_model_whose_outputs_can_never_be_revealed_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let with_outputs = |dims: Vec<Dim>| {
			let mut meta = metadata(ComparisonPolicy::Exact, 1);
			meta.signature.outputs[0].shape = dims.try_into().unwrap();
			meta
		};
		// 65 x 1 f32 is 260 bytes, above MaxOutputBytes (256).
		assert_noop!(
			Inference::register_model(
				RuntimeOrigin::signed(BOB),
				onnx(1),
				with_outputs(vec![Dim::Fixed(65), Dim::Fixed(1)])
			),
			Error::<Test>::OutputsTooLarge
		);
		// A dynamic axis may be small enough: accepted, its reveals are checked one by one.
		assert_ok!(Inference::register_model(
			RuntimeOrigin::signed(BOB),
			onnx(2),
			with_outputs(vec![Dim::Dynamic, Dim::Fixed(64)])
		));
	});
}

#[test]
fn a_tolerance_on_integer_outputs_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let mut meta = metadata(ComparisonPolicy::Ulps { max_ulps: 255 }, 1);
		meta.signature.outputs[0].element_type = opg_inference_primitives::ElementType::U8;
		// Any u8 agrees with any other within 255: the policy would accept every answer.
		assert_noop!(
			Inference::register_model(RuntimeOrigin::signed(BOB), onnx(1), meta.clone()),
			Error::<Test>::InvalidPolicy
		);
		meta.policy = ComparisonPolicy::Exact;
		assert_ok!(Inference::register_model(RuntimeOrigin::signed(BOB), onnx(1), meta));
	});
}

#[test]
fn a_deterministic_model_is_compared_by_its_bytes_whatever_its_outputs() {
	ExtBuilder::default().build_and_execute(|| {
		// Float outputs (the fixture metadata's) and integer ones are both accepted.
		let floats = metadata(ComparisonPolicy::Deterministic, 1);
		assert_ok!(Inference::register_model(RuntimeOrigin::signed(BOB), onnx(1), floats));
		let mut classes = metadata(ComparisonPolicy::Deterministic, 1);
		classes.signature.outputs[0].element_type = opg_inference_primitives::ElementType::I64;
		assert_ok!(Inference::register_model(RuntimeOrigin::signed(BOB), onnx(2), classes));
		let policy = ComparisonPolicy::Deterministic;
		assert_eq!(policy.execution_mode(), opg_inference_primitives::ExecutionMode::Deterministic);
		// One ULP apart is a disagreement, as under `Exact`.
		let a = opg_inference_primitives::Tensor::from_f32(vec![1], &[1.0]).unwrap();
		let b = opg_inference_primitives::Tensor::from_f32(vec![1], &[1.0 + f32::EPSILON]).unwrap();
		assert!(opg_inference_primitives::tensors_agree(&policy, &a, &a));
		assert!(!opg_inference_primitives::tensors_agree(&policy, &a, &b));
	});
}
