//! Era points for the agreeing quorum.

use crate::{mock::*, Event};

#[test]
fn the_agreeing_quorum_earns_points_each() {
	ExtBuilder::default().build_and_execute(|| {
		end_round(&round(7, &[1, 2, 3], &[], &[], &[]));

		assert_eq!(points(), vec![(1, 10), (2, 10), (3, 10)]);
		assert_eq!(
			events(),
			vec![Event::AttestorsRewarded { job_id: 7, round: 0, attestors: 3, points_each: 10 }]
		);
		assert!(reports().is_empty());
	});
}

#[test]
fn points_follow_the_configured_rate() {
	ExtBuilder::default().build_and_execute(|| {
		PointsPerAttestation::set(25);
		end_round(&round(1, &[4], &[], &[], &[]));
		PointsPerAttestation::set(10);

		assert_eq!(points(), vec![(4, 25)]);
	});
}

#[test]
fn no_quorum_pays_no_points_and_blames_nobody() {
	ExtBuilder::default().build_and_execute(|| {
		// Without a quorum the inference pallet lists nobody as agreeing or disagreeing.
		end_round(&round(2, &[], &[], &[], &[]));

		assert!(points().is_empty());
		assert!(reports().is_empty());
		assert!(events().is_empty());
	});
}

#[test]
fn wrong_and_absent_attestors_earn_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		end_round(&round(3, &[1, 2], &[3], &[], &[4]));

		assert_eq!(points(), vec![(1, 10), (2, 10)]);
	});
}
