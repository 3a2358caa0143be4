// Signers. The client takes any polkadot-api `PolkadotSigner` (a browser extension's through
// `polkadot-api/pjs-signer`, a Ledger, ...); for development, the well-known dev accounts.

import { sr25519CreateDerive } from '@polkadot-labs/hdkd';
import { DEV_PHRASE, entropyToMiniSecret, mnemonicToEntropy } from '@polkadot-labs/hdkd-helpers';
import { AccountId, type PolkadotSigner } from 'polkadot-api';
import { getPolkadotSigner } from 'polkadot-api/signer';

/** The chain's SS58 address prefix (`System::SS58Prefix`, `SS58_PREFIX` in the runtime). */
export const OPG_SS58_PREFIX = 4242;

/** A key pair's signer and its address. */
export interface Account {
  readonly signer: PolkadotSigner;
  readonly publicKey: Uint8Array;
  readonly address: string;
}

/**
 * An sr25519 account derived from a mnemonic with a derivation path such as `//Alice` or
 * `//stash//0` (hard derivations `//`, soft `/`), as polkadot-js and `opg-node key` derive it.
 */
export function sr25519Account(mnemonic: string, path: string, ss58Prefix = OPG_SS58_PREFIX): Account {
  const derive = sr25519CreateDerive(entropyToMiniSecret(mnemonicToEntropy(mnemonic)));
  const keyPair = derive(path);
  return {
    signer: getPolkadotSigner(keyPair.publicKey, 'Sr25519', keyPair.sign),
    publicKey: keyPair.publicKey,
    address: AccountId(ss58Prefix).dec(keyPair.publicKey),
  };
}

/**
 * A well-known development account (`Alice`, `Bob`, `Charlie`, `Dave`, `Eve`, `Ferdie`, or
 * any name: `//Name` of the dev phrase). These keys are public: development chains only.
 */
export function devAccount(name: string, ss58Prefix = OPG_SS58_PREFIX): Account {
  return sr25519Account(DEV_PHRASE, `//${name}`, ss58Prefix);
}

/** The signer of a development account (see `devAccount`). */
export function devSigner(name: string): PolkadotSigner {
  return devAccount(name).signer;
}
