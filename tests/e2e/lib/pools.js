// Nomination pools in the end-to-end tests: the genesis presets' pool, and what the Pools tab of
// polkadot-js Apps reads of it, decoded.

const OPG = 10n ** 18n;

/** The presets' pool (docs/staking.md): pool 1, open, nominating the genesis validators. */
export const GENESIS_POOL = 1;
/** Its depositor's bond, which is also its depositor's points. */
export const GENESIS_POOL_STAKE = 10_000n * OPG;
/** Its depositor, who holds every role of the pool. */
export const GENESIS_POOL_DEPOSITOR = '//Alice//stash';

/** The pool's bonded account (the staker) and reward account (staking's payee). */
export async function poolAccounts(api, poolId) {
  const [bonded, reward] = (await api.call.nominationPoolsApi.poolAccounts(poolId)).map(String);
  return { bonded, reward };
}

/** The `event`s of `events` named `section.method` whose `field` is `value`. */
export function eventsWith(events, section, method, field, value) {
  return events
    .map(({ event }) => event)
    .filter((event) => event.section === section && event.method === method)
    .filter((event) => event.data[field].toString() === String(value));
}

/**
 * What the Pools tab of polkadot-js Apps reads: the pallet's parameters, every pool with its
 * name and roles, and for each of `members` (addresses) its membership, its worth and its
 * pending rewards from the runtime API.
 */
export async function appsPoolsView(api, members) {
  const query = api.query.nominationPools;
  const [
    minJoinBond, minCreateBond, maxPools, maxPoolMembers, maxPoolMembersPerPool,
    globalMaxCommission, memberCount, pools, names,
  ] = await Promise.all([
    query.minJoinBond(), query.minCreateBond(), query.maxPools(), query.maxPoolMembers(),
    query.maxPoolMembersPerPool(), query.globalMaxCommission(), query.counterForPoolMembers(),
    query.bondedPools.entries(), query.metadata.entries(),
  ]);
  const optional = (value) => (value.isSome ? value.unwrap().toBigInt() : null);
  const nameOf = new Map(names.map(([key, name]) => [key.args[0].toNumber(), name.toUtf8()]));
  return {
    params: {
      minJoinBond: minJoinBond.toBigInt(),
      minCreateBond: minCreateBond.toBigInt(),
      maxPools: optional(maxPools),
      maxPoolMembers: optional(maxPoolMembers),
      maxPoolMembersPerPool: optional(maxPoolMembersPerPool),
      globalMaxCommission: optional(globalMaxCommission),
    },
    memberCount: memberCount.toNumber(),
    pools: await Promise.all(pools.map(async ([key, value]) => {
      const id = key.args[0].toNumber();
      const pool = value.unwrap();
      const rewardPool = (await query.rewardPools(id)).unwrap();
      return {
        id,
        name: nameOf.get(id),
        state: pool.state.type,
        members: pool.memberCounter.toNumber(),
        points: pool.points.toBigInt(),
        commission: pool.commission.current.isSome ? pool.commission.current.unwrap()[0].toBigInt() : null,
        roles: ['depositor', 'root', 'nominator', 'bouncer'].map((role) => pool.roles[role].toString()),
        rewardsClaimed: rewardPool.totalRewardsClaimed.toBigInt(),
      };
    })),
    members: new Map(await Promise.all(members.map(async (address) => [address, await memberView(api, address)]))),
  };
}

/** One member as the Pools tab shows it: its pool, points, unbonding chunks, worth and rewards. */
async function memberView(api, address) {
  const [member, totalBalance, pendingRewards] = await Promise.all([
    api.query.nominationPools.poolMembers(address),
    api.call.nominationPoolsApi.memberTotalBalance(address),
    api.call.nominationPoolsApi.pendingRewards(address),
  ]);
  if (member.isNone) return null;
  const { poolId, points, unbondingEras } = member.unwrap();
  return {
    poolId: poolId.toNumber(),
    points: points.toBigInt(),
    unbonding: [...unbondingEras.entries()].map(([era, unbonding]) => [era.toNumber(), unbonding.toBigInt()]),
    totalBalance: totalBalance.toBigInt(),
    pendingRewards: pendingRewards.toBigInt(),
  };
}
