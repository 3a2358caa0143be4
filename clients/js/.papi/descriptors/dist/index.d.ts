import { default as opg, type OpgWhitelistEntry } from "./opg";
export { opg };
export type * from "./opg";
export { DigestItem, Phase, DispatchClass, TokenError, ArithmeticError, TransactionalError, BalanceStatus, TransactionPaymentEvent, StakingRewardDestination, StakingForcing, GrandpaEvent, BagsListEvent, NominationPoolsPoolState, NominationPoolsCommissionClaimPermission, NominationPoolsClaimPermission, BabeDigestsNextConfigDescriptor, BabeAllowedSlots, BabeDigestsPreDigest, BalancesTypesReasons, WestendRuntimeRuntimeFreezeReason, NominationPoolsPalletFreezeReason, TransactionPaymentReleases, GrandpaStoredState, MultiAddress, BalancesAdjustmentDirection, StakingPalletConfigOpBig, StakingPalletConfigOp, GrandpaEquivocation, NominationPoolsBondExtra, NominationPoolsConfigOp, TransactionValidityUnknownTransaction, TransactionValidityTransactionSource } from './common-types';
export declare const getMetadata: (codeHash: string) => Promise<Uint8Array | null>;
export type WhitelistEntry = OpgWhitelistEntry;
export type WhitelistEntriesByChain = Partial<{
    "*": WhitelistEntry[];
    opg: WhitelistEntry[];
}>;
