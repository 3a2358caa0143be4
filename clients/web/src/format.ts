// How values are shown: balances, addresses, tensors, signatures, policies.

import { type ComparisonPolicy, type NestedArray, type Tensor, type TensorSpec, describePolicy, toNested } from '@opg-chain/client/browser';

/** A balance in the chain's unit, trimmed to `digits` decimals (truncated, never rounded up). */
export function formatBalance(value: bigint, decimals: number, symbol: string, digits = 6): string {
  const base = 10n ** BigInt(decimals);
  const whole = (value / base).toLocaleString('en-US');
  const fraction = (value % base).toString().padStart(decimals, '0').slice(0, digits).replace(/0+$/, '');
  return `${whole}${fraction ? `.${fraction}` : ''} ${symbol}`;
}

/** `5Grw…utQY`: the start and end of an address or hash. */
export function shorten(text: string, keep = 6): string {
  return text.length <= 2 * keep + 1 ? text : `${text.slice(0, keep)}…${text.slice(-keep)}`;
}

export function formatShape(shape: readonly (number | null)[]): string {
  return `[${shape.map((d) => (d === null ? '?' : d)).join(', ')}]`;
}

export function formatSpec(spec: TensorSpec): string {
  return `${spec.elementType}${formatShape(spec.shape)}`;
}

export function formatPolicy(policy: ComparisonPolicy): string {
  switch (policy.type) {
    case 'Exact': return 'Exact (bit for bit)';
    case 'Deterministic': return 'Deterministic (bit for bit)';
    case 'Ulps': return `within ${policy.value.max_ulps} ULPs`;
    case 'AbsRel': return describePolicy(policy);
  }
}

/**
 * A tensor's values as JSON-like text, one innermost row per line. Numbers print in full (an
 * f32 prints as the shortest decimal that reads back to the same bits); i64 without quotes.
 */
export function formatTensor(tensor: Tensor): string {
  const write = (value: NestedArray, depth: number): string => {
    if (!Array.isArray(value)) return String(value);
    if (value.every((v) => !Array.isArray(v))) return `[${value.map((v) => String(v)).join(', ')}]`;
    const pad = ' '.repeat(depth + 1);
    return `[\n${value.map((v) => pad + write(v, depth + 1)).join(',\n')}\n${' '.repeat(depth)}]`;
  };
  return write(toNested(tensor), 0);
}
