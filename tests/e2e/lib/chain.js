// Chain helpers of the end-to-end tests: transactions, their events and balances.

/**
 * Signs and submits `tx`, and resolves once the block that includes it is finalised, with that
 * block's hash, the extrinsic's events and its dispatch error (undefined if it succeeded).
 */
export function signAndWaitFinalized(api, tx, signer, timeoutMs) {
  const call = `${tx.method.section}.${tx.method.method}`;
  return new Promise((resolve, reject) => {
    let lastStatus = 'not yet submitted';
    let unsubscribe;
    let settled = false;
    const settle = (outcome) => {
      settled = true;
      clearTimeout(timer);
      unsubscribe?.();
      outcome();
    };
    const timer = setTimeout(
      () => settle(() => reject(new Error(
        `timed out after ${timeoutMs} ms waiting for ${call} to be finalised; last status: ${lastStatus}`,
      ))),
      timeoutMs,
    );
    tx.signAndSend(signer, (result) => {
      lastStatus = result.status.type;
      if (result.status.isFinalized) {
        const { events, dispatchError } = result;
        settle(() => resolve({ blockHash: result.status.asFinalized, events, dispatchError }));
      } else if (result.isError) {
        settle(() => reject(new Error(`${call} was not included: status ${lastStatus}`)));
      }
    }).then(
      (unsub) => {
        unsubscribe = unsub;
        if (settled) unsub();
      },
      (err) => settle(() => reject(err)),
    );
  });
}

/** A dispatch error as `section.Name`: `balances.ExistentialDeposit`, `token.BelowMinimum`, ... */
export function dispatchErrorName(api, dispatchError) {
  if (dispatchError.isModule) {
    const { section, name } = api.registry.findMetaError(dispatchError.asModule);
    return `${section}.${name}`;
  }
  if (dispatchError.isToken) return `token.${dispatchError.asToken.type}`;
  return dispatchError.type;
}

/** The `actualFee` of the extrinsic's `transactionPayment.TransactionFeePaid` event, paid by `who`. */
export function feePaid(api, events, who) {
  const paid = events
    .map(({ event }) => event)
    .filter((event) => api.events.transactionPayment.TransactionFeePaid.is(event));
  if (paid.length !== 1) {
    throw new Error(`expected one TransactionFeePaid event, got ${paid.length}: ${describeEvents(events)}`);
  }
  const [{ data }] = paid;
  if (!data.who.eq(who)) throw new Error(`the fee was paid by ${data.who}, not ${who}`);
  return data.actualFee.toBigInt();
}

/** The events as `section.method` names, for messages. */
export function describeEvents(events) {
  return events.map(({ event }) => `${event.section}.${event.method}`).join(', ');
}

/** The free balance of `address` in the state after block `blockHash`. */
export async function freeBalanceAt(api, blockHash, address) {
  const apiAt = await api.at(blockHash);
  const { data } = await apiAt.query.system.account(address);
  return data.free.toBigInt();
}

/** The hash of the parent of block `blockHash`. */
export async function parentOf(api, blockHash) {
  return (await api.rpc.chain.getHeader(blockHash)).parentHash;
}
