// The OPG Chain web dApp: connect to a node, pick a registered model, give an input, submit a
// job, follow it through assignment, commit, reveal and finalisation, show the verified result
// and re-verify it in the browser with onnxruntime-web. Plain DOM over index.html's skeleton.

import './style.css';

import {
  type Job,
  type JobResult,
  type Model,
  type OpgClient,
  type Tensor,
  JobFailedError,
  checkInputs,
  createOpgClient,
  devAccount,
  formatNpy,
} from '@opg-chain/client/browser';
import { type PolkadotSigner } from 'polkadot-api';
import { connectInjectedExtension, getInjectedExtensions } from 'polkadot-api/pjs-signer';

import { byId, h, say } from './dom';
import { formatBalance, formatPolicy, formatShape, formatSpec, formatTensor, shorten } from './format';
import { isImageSpec, tensorFromImage, tensorFromJson, tensorFromNpyFile } from './inputs';
import { runOnnxInBrowser } from './ort';

const DEFAULT_NODE = 'ws://127.0.0.1:9944';
const DEV_NAMES = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'];
const DEV_ADDRESSES = new Map(DEV_NAMES.map((name) => [devAccount(name).address, name]));

interface SigningAccount {
  readonly label: string;
  readonly address: string;
  readonly signer: PolkadotSigner;
}

// ---- state ----

let opg: OpgClient | undefined;
/** Bumped on every (re)connection: answers for an older connection are dropped. */
let generation = 0;
let subscriptions: { unsubscribe(): void }[] = [];
let unit = { decimals: 18, symbol: 'OPG' };
let models: Model[] = [];
let model: Model | undefined;
const accounts = new Map<string, SigningAccount>(
  DEV_NAMES.map((name) => {
    const account = devAccount(name);
    return [`dev:${name}`, { label: `${name} (dev)`, address: account.address, signer: account.signer }];
  }),
);
/** The job on display: its id and how to stop following it. */
let watched: { id: bigint; model: Model; stop: () => void } | undefined;
let quoteRequest = 0;

// ---- elements of index.html ----

const nodeUrl = byId<HTMLInputElement>('node-url');
const chainStatus = byId('chain-status');
const modelsStatus = byId('models-status');
const modelsTable = byId<HTMLTableElement>('models');
const refreshModels = byId<HTMLButtonElement>('refresh-models');
const inputSection = byId('input-section');
const inputsBox = byId('inputs');
const submitSection = byId('submit-section');
const accountSelect = byId<HTMLSelectElement>('account');
const connectExtension = byId<HTMLButtonElement>('connect-extension');
const extensionNote = byId('extension-note');
const balance = byId('balance');
const redundancy = byId<HTMLInputElement>('redundancy');
const quote = byId('quote');
const submitButton = byId<HTMLButtonElement>('submit');
const submitStatus = byId('submit-status');
const jobSection = byId('job-section');
const phases = byId<HTMLOListElement>('phases');
const jobStatus = byId('job-status');
const attestorsBody = byId<HTMLTableElement>('attestors').tBodies[0] as HTMLTableSectionElement;
const resultSection = byId('result-section');
const resultBox = byId('result');
const verifySection = byId('verify-section');
const onnxFile = byId<HTMLInputElement>('onnx-file');
const onnxUrl = byId<HTMLInputElement>('onnx-url');
const verifyButton = byId<HTMLButtonElement>('verify');
const verifyResult = byId('verify-result');

// ---- helpers ----

function errorText(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  // polkadot-api's InvalidTxError carries the pool's reason in `error`.
  const detail = (err as { error?: unknown }).error;
  return detail === undefined ? err.message : `${err.message}: ${JSON.stringify(detail)}`;
}

function balanceText(value: bigint): string {
  return formatBalance(value, unit.decimals, unit.symbol);
}

/** An account as text: its dev name when it has one. */
function accountText(address: string): string {
  const name = DEV_ADDRESSES.get(address);
  return name ? `${name} · ${address}` : address;
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(what)), ms)),
  ]);
}

function client(): OpgClient {
  if (!opg) throw new Error('not connected');
  return opg;
}

// ---- connection ----

function disconnect(): void {
  generation += 1;
  watched?.stop();
  watched = undefined;
  for (const s of subscriptions) s.unsubscribe();
  subscriptions = [];
  opg?.destroy();
  opg = undefined;
  model = undefined;
  models = [];
  modelsTable.hidden = true;
  for (const section of [inputSection, submitSection, jobSection, resultSection, verifySection]) section.hidden = true;
}

async function connect(url: string): Promise<void> {
  disconnect();
  const current = generation;
  say(chainStatus, `Connecting to ${url}…`);
  refreshModels.disabled = true;
  const next = createOpgClient(url, { runOnnx: runOnnxInBrowser });
  opg = next;
  try {
    const spec = await withTimeout(next.client.getChainSpecData(), 15_000, `no answer from ${url}`);
    if (current !== generation) return;
    const properties = spec.properties as { tokenDecimals?: number | number[]; tokenSymbol?: string | string[] };
    unit = {
      decimals: [properties.tokenDecimals].flat()[0] ?? 18,
      symbol: [properties.tokenSymbol].flat()[0] ?? 'OPG',
    };
    subscriptions.push(next.client.finalizedBlock$.subscribe((block) => {
      say(chainStatus, `Connected to ${spec.name} · finalised block #${block.number}`, 'ok');
    }));
    const location = new URL(window.location.href);
    location.searchParams.set('node', url);
    window.history.replaceState(null, '', location);
    setUpExtensions();
    refreshModels.disabled = false;
  } catch (err) {
    if (current !== generation) return;
    say(chainStatus, `Cannot connect: ${errorText(err)}`, 'error');
    disconnect();
    return;
  }
  await loadModels().catch((err) => say(modelsStatus, `Cannot read the models: ${errorText(err)}`, 'error'));
}

// ---- models ----

async function loadModels(): Promise<void> {
  const opg = client();
  const current = generation;
  say(modelsStatus, 'Reading the registered models…');
  const entries = await opg.api.query.Inference.Models.getEntries();
  const found = await Promise.all(entries.map((entry) => opg.getModel(entry.keyArgs[0])));
  if (current !== generation) return;
  models = found.filter((m): m is Model => m !== undefined)
    .sort((a, b) => a.name.localeCompare(b.name) || a.registeredAt - b.registeredAt);
  renderModels();
}

function renderModels(): void {
  const body = modelsTable.tBodies[0] as HTMLTableSectionElement;
  body.replaceChildren(...models.map((m) => {
    const radio = h('input', {
      type: 'radio', name: 'model', value: m.hash, id: `model-${m.hash}`,
      checked: m.hash === model?.hash, disabled: m.status !== 'Active',
    });
    radio.addEventListener('change', () => selectModel(m));
    const signature = `${m.signature.inputs.map(formatSpec).join(', ')} → ${m.signature.outputs.map(formatSpec).join(', ')}`;
    return h('tr', { 'data-model': m.hash },
      h('td', {}, radio, ' ', h('label', { for: radio.id }, h('strong', {}, m.name), ` v${m.version}`),
        m.status === 'Active' ? null : h('span', { class: 'tag' }, 'retired')),
      h('td', {}, h('code', { title: m.hash }, shorten(m.hash, 8))),
      h('td', {}, formatPolicy(m.policy)),
      h('td', {}, h('code', {}, signature)),
      h('td', { class: 'number' }, m.jobs));
  }));
  modelsTable.hidden = models.length === 0;
  say(modelsStatus, models.length === 0
    ? 'No model is registered on this chain yet: register one with the client (docs/dapp-guide.md), or start the chain with ./scripts/run-dev.sh.'
    : `${models.length} registered model${models.length === 1 ? '' : 's'}. Pick one.`);
}

function selectModel(m: Model): void {
  model = m;
  renderInputs(m);
  redundancy.value = String(m.defaultRedundancy);
  inputSection.hidden = false;
  submitSection.hidden = false;
  say(submitStatus, '');
  void updateQuote();
  void updateBalance();
}

// ---- inputs ----

function inputField(spec: Model['signature']['inputs'][number], index: number): HTMLElement {
  const id = `input-${index}`;
  const fixed = spec.shape.every((d) => d !== null);
  const count = fixed ? (spec.shape as number[]).reduce((a, b) => a * b, 1) : undefined;
  const textarea = h('textarea', {
    id, rows: 5, spellcheck: 'false', 'aria-describedby': `${id}-hint`,
    placeholder: count !== undefined && count <= 64 ? JSON.stringify(new Array(count).fill(0)) : '[[…]]',
  });
  const status = h('p', { class: 'hint', role: 'status', 'aria-live': 'polite' });
  const npy = h('input', { type: 'file', id: `${id}-npy`, accept: '.npy' });
  npy.addEventListener('change', async () => {
    const file = npy.files?.[0];
    if (!file) return;
    try {
      textarea.value = formatTensor(await tensorFromNpyFile(file));
      say(status, `Loaded ${file.name}.`, 'ok');
    } catch (err) {
      say(status, `${file.name}: ${errorText(err)}`, 'error');
    }
  });
  let image: HTMLElement | null = null;
  if (isImageSpec(spec)) {
    const [, channels, height, width] = spec.shape as number[];
    const file = h('input', { type: 'file', id: `${id}-image`, accept: 'image/*' });
    const preview = h('div', { class: 'preview', 'aria-label': 'What the model sees' });
    file.addEventListener('change', async () => {
      const chosen = file.files?.[0];
      if (!chosen) return;
      try {
        const { tensor, canvas } = await tensorFromImage(chosen, spec);
        textarea.value = formatTensor(tensor);
        canvas.setAttribute('role', 'img');
        canvas.setAttribute('aria-label', `${chosen.name} resized to ${width}×${height}`);
        preview.replaceChildren(canvas);
        say(status, `${chosen.name} resized to ${width}×${height}, ${channels === 3 ? 'RGB' : 'grayscale'}, values 0..1.`, 'ok');
      } catch (err) {
        say(status, `${chosen.name}: ${errorText(err)}`, 'error');
      }
    });
    image = h('div', { class: 'row' },
      h('label', { for: file.id }, `or an image (resized to ${width}×${height}, ${channels === 3 ? 'RGB' : 'grayscale'})`), file, preview);
  }
  return h('fieldset', {},
    h('legend', {}, `Input ${index}: ${formatSpec(spec)}`),
    h('label', { for: id }, 'Values (JSON)'),
    textarea,
    h('p', { id: `${id}-hint`, class: 'hint' },
      `Nested arrays of shape ${formatShape(spec.shape)}${count !== undefined ? `, or a flat list of ${count} numbers` : ''}.`),
    h('div', { class: 'row' }, h('label', { for: npy.id }, 'or a .npy file'), npy),
    image,
    status);
}

function renderInputs(m: Model): void {
  inputsBox.replaceChildren(...m.signature.inputs.map(inputField));
}

function readInputs(m: Model): Tensor[] {
  const inputs = m.signature.inputs.map((spec, index) => {
    try {
      return tensorFromJson(spec, byId<HTMLTextAreaElement>(`input-${index}`).value);
    } catch (err) {
      throw new Error(`input ${index}: ${errorText(err)}`);
    }
  });
  const problem = checkInputs(m.signature, inputs);
  if (problem) throw new Error(problem);
  return inputs;
}

// ---- accounts, fee, submission ----

function renderAccounts(): void {
  const selected = accountSelect.value;
  const groups = new Map<string, HTMLOptionElement[]>();
  for (const [key, account] of accounts) {
    const group = key.startsWith('dev:') ? 'Development accounts (public keys: dev chains only)' : key.split(':')[1] as string;
    const option = h('option', { value: key }, `${account.label} · ${shorten(account.address)}`);
    groups.set(group, [...(groups.get(group) ?? []), option]);
  }
  accountSelect.replaceChildren(...[...groups].map(([label, options]) => h('optgroup', { label }, ...options)));
  if (accounts.has(selected)) accountSelect.value = selected;
}

function selectedAccount(): SigningAccount {
  const account = accounts.get(accountSelect.value);
  if (!account) throw new Error('choose an account');
  return account;
}

function setUpExtensions(): void {
  const names = getInjectedExtensions();
  connectExtension.hidden = names.length === 0;
  extensionNote.textContent = names.length === 0
    ? 'No wallet extension (polkadot-js, Talisman, SubWallet, …) found: sign with a development account.'
    : `Wallet extension${names.length === 1 ? '' : 's'} found: ${names.join(', ')}.`;
}

async function useExtensions(): Promise<void> {
  for (const name of getInjectedExtensions()) {
    try {
      const extension = await connectInjectedExtension(name, 'OPG Chain dApp');
      const update = (list: ReturnType<typeof extension.getAccounts>) => {
        for (const key of [...accounts.keys()]) if (key.startsWith(`ext:${name}:`)) accounts.delete(key);
        for (const a of list) {
          accounts.set(`ext:${name}:${a.address}`, { label: a.name ?? name, address: a.address, signer: a.polkadotSigner });
        }
        renderAccounts();
      };
      update(extension.getAccounts());
      extension.subscribe(update);
      extensionNote.textContent = `Accounts of ${name} added: the extension asks you to approve each transaction.`;
    } catch (err) {
      extensionNote.textContent = `${name}: ${errorText(err)}`;
    }
  }
}

async function updateBalance(): Promise<void> {
  try {
    const account = selectedAccount();
    const info = await client().api.query.System.Account.getValue(account.address);
    balance.textContent = `free: ${balanceText(info.data.free)}`;
  } catch {
    balance.textContent = '';
  }
}

async function updateQuote(): Promise<void> {
  if (!model) return;
  const request = ++quoteRequest;
  const value = Number(redundancy.value);
  try {
    const q = await client().quote(model, { redundancy: value });
    if (request !== quoteRequest) return;
    say(quote, `${balanceText(q.maxFee)} held: ${q.redundancy} attestor${q.redundancy === 1 ? '' : 's'} × ${balanceText(q.attestationFee)}; `
      + 'paid to the attestors who agree, the rest refunded. The transaction fee is extra.');
    submitButton.disabled = false;
  } catch (err) {
    if (request !== quoteRequest) return;
    say(quote, `The chain would refuse this job: ${errorText(err)}`, 'error');
    submitButton.disabled = true;
  }
}

async function submit(): Promise<void> {
  if (!model) return;
  const m = model;
  let inputs: Tensor[];
  let account: SigningAccount;
  try {
    inputs = readInputs(m);
    account = selectedAccount();
  } catch (err) {
    say(submitStatus, errorText(err), 'error');
    return;
  }
  submitButton.disabled = true;
  say(submitStatus, `Signing as ${account.label} and waiting for a finalised block…`);
  try {
    const id = await client().submitJob(m.hash, inputs, { redundancy: Number(redundancy.value), signer: account.signer });
    say(submitStatus, `Job #${id} submitted.`, 'ok');
    watchJob(id, m);
  } catch (err) {
    say(submitStatus, `Not submitted: ${errorText(err)}`, 'error');
  } finally {
    submitButton.disabled = false;
    void updateBalance();
  }
}

// ---- following a job ----

const STEPS = ['Submitted', 'Assigning', 'Committing', 'Revealing', 'Finalized'] as const;

function stepOf(phase: Job['phase']['type']): number {
  switch (phase) {
    case 'Assigning': return 1;
    case 'Committing': return 2;
    case 'Revealing':
    case 'Resolving': return 3;
    case 'Finalized':
    case 'Failed': return 4;
  }
}

function renderJob(job: Job, block: number): void {
  const failed = job.phase.type === 'Failed';
  const ended = failed || job.phase.type === 'Finalized';
  const at = stepOf(job.phase.type);
  phases.replaceChildren(...STEPS.map((step, i) => {
    const name = i === 4 && failed ? 'Failed' : step;
    const state = i < at || (i === at && ended) ? (failed && i === 4 ? 'failed' : 'done') : i === at ? 'current' : 'todo';
    return h('li', { class: state, 'aria-current': state === 'current' ? 'step' : false, 'data-phase': name }, name);
  }));
  const value = job.phase.value as { at?: number; deadline?: number; reason?: { type: string } };
  const detail = value.deadline !== undefined ? `, deadline block #${value.deadline}` : value.at !== undefined ? ` at block #${value.at}` : '';
  say(jobStatus, `Job #${job.id}: ${job.phase.type}${detail}${job.round > 0 ? `, escalation round ${job.round}` : ''} (as of finalised block #${block}).`,
    failed ? 'error' : ended ? 'ok' : 'info');
  attestorsBody.replaceChildren(...(job.attestors.length === 0
    ? [h('tr', {}, h('td', { colspan: 3, class: 'hint' }, 'Not drawn yet.'))]
    : job.attestors.map((a) => h('tr', {},
      h('td', {}, h('code', {}, accountText(a.account))),
      h('td', {}, a.committed ? '✓ committed' : 'waiting'),
      h('td', { 'data-reveal': a.reveal }, a.reveal)))));
}

function watchJob(id: bigint, m: Model): void {
  watched?.stop();
  const opg = client();
  resultSection.hidden = true;
  verifySection.hidden = true;
  verifyResult.replaceChildren();
  jobSection.hidden = false;
  phases.replaceChildren();
  attestorsBody.replaceChildren();
  say(jobStatus, `Job #${id}: waiting for the next finalised block…`);
  let stopped = false;
  let busy = false;
  let latest: { hash: string; number: number } | undefined;
  const poll = async () => {
    if (busy) return;
    busy = true;
    try {
      while (latest && !stopped) {
        const block = latest;
        latest = undefined;
        const job = await opg.getJob(id, block.hash);
        if (stopped) return;
        if (!job) {
          say(jobStatus, `Job #${id} is not in the chain's state (pruned?).`, 'error');
          return;
        }
        renderJob(job, block.number);
        if (job.phase.type === 'Finalized' || job.phase.type === 'Failed') {
          stop();
          await showResult(opg, job, m);
          return;
        }
      }
    } catch (err) {
      say(jobStatus, `Job #${id}: ${errorText(err)}`, 'error');
    } finally {
      busy = false;
    }
  };
  const subscription = opg.client.finalizedBlock$.subscribe((block) => {
    latest = block;
    void poll();
  });
  const stop = () => {
    stopped = true;
    subscription.unsubscribe();
  };
  watched = { id, model: m, stop };
}

// ---- the result ----

function settlementText(settlement: JobResult['settlement']): string {
  switch (settlement?.type) {
    case 'Challengeable': return `challengeable until block #${settlement.value.until} (bond ${balanceText(settlement.value.bond)})`;
    case 'Challenged': return `challenged by ${settlement.value.challenger}: validators are re-executing it`;
    case 'Irreversible': return 'irreversible';
    default: return 'unknown';
  }
}

function outputBlock(tensor: Tensor, index: number, prefix: string): HTMLElement {
  const url = URL.createObjectURL(new Blob([formatNpy(tensor) as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }));
  return h('figure', {},
    h('figcaption', {}, `Output ${index}: ${formatSpec(tensor)} `,
      h('a', { href: url, download: `${prefix}-output${index}.npy` }, 'download .npy')),
    h('pre', { id: `${prefix}-output-${index}`, class: 'values', tabindex: 0 }, formatTensor(tensor)));
}

async function showResult(opg: OpgClient, job: Job, m: Model): Promise<void> {
  resultSection.hidden = false;
  let result: JobResult;
  try {
    result = await opg.waitForResult(job.id, { timeoutMs: 60_000 });
  } catch (err) {
    const reason = err instanceof JobFailedError ? err.message : `the result could not be read: ${errorText(err)}`;
    resultBox.replaceChildren(h('p', { class: 'verdict' }, h('span', { class: 'badge bad', id: 'result-badge' }, 'Failed'), ' ', reason));
    return;
  }
  const agreed = result.attestors.length;
  resultBox.replaceChildren(
    h('p', { class: 'verdict' },
      h('span', { class: 'badge good', id: 'result-badge' }, 'Finalized'),
      ` Agreed by ${agreed} of ${job.attestors.length} attestor${job.attestors.length === 1 ? '' : 's'}, compared ${formatPolicy(m.policy)}, in block #${result.finalizedAt}.`),
    h('dl', {},
      h('dt', {}, 'Attestors who agreed'),
      h('dd', {}, h('ul', { id: 'agreed' }, ...result.attestors.map((a) => h('li', {}, h('code', {}, accountText(a)))))),
      h('dt', {}, 'Model'),
      h('dd', {}, `${m.name} v${m.version} `, h('code', {}, m.hash)),
      h('dt', {}, 'Result hash'),
      h('dd', {}, h('code', {}, result.resultHash ?? '—')),
      h('dt', {}, 'Settlement'),
      h('dd', {}, settlementText(result.settlement))),
    ...result.outputs.map((t, i) => outputBlock(t, i, `job${job.id}`)),
  );
  onnxUrl.value = m.uri?.startsWith('http') ? m.uri : onnxUrl.value;
  verifySection.hidden = false;
}

// ---- re-verification ----

async function reverify(): Promise<void> {
  if (!watched) return;
  const { id } = watched;
  const file = onnxFile.files?.[0];
  const url = onnxUrl.value.trim();
  verifyButton.disabled = true;
  const status = h('p', {});
  verifyResult.replaceChildren(status);
  try {
    let onnx: Uint8Array;
    if (file) {
      onnx = new Uint8Array(await file.arrayBuffer());
    } else if (url) {
      say(status, `Fetching ${url}…`);
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      onnx = new Uint8Array(await response.arrayBuffer());
    } else {
      throw new Error("choose the model's .onnx file or give its URL");
    }
    say(status, 'Running the model with onnxruntime-web…');
    const started = performance.now();
    const report = await client().verify(id, onnx);
    const ms = Math.round(performance.now() - started);
    const local = report.local.type === 'Success' ? report.local.value : [];
    verifyResult.replaceChildren(
      h('p', { class: 'verdict' },
        h('span', { id: 'verify-badge', class: `badge ${report.agree ? 'good' : 'bad'}` }, report.agree ? 'agree' : 'disagree'),
        ' ',
        h('span', { id: 'verify-ulps' }, report.maxUlps.length ? `max ULP distance per output: ${report.maxUlps.join(', ')}` : '')),
      h('p', { id: 'verify-summary' }, report.summary),
      h('p', { class: 'hint' }, `onnxruntime-web (WebAssembly) in ${ms} ms. It is not the validators' engine: `
        + 'to reproduce a validator exactly, run opg-node verify-job.'),
      h('details', { hidden: local.length === 0 }, h('summary', {}, 'Outputs computed in this browser'),
        ...local.map((t, i) => outputBlock(t, i, `local${id}`))),
    );
  } catch (err) {
    say(status, `Not verified: ${errorText(err)}`, 'error');
  } finally {
    verifyButton.disabled = false;
  }
}

// ---- wiring ----

byId<HTMLFormElement>('connect-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void connect(nodeUrl.value.trim());
});
refreshModels.addEventListener('click', () => {
  loadModels().catch((err) => say(modelsStatus, `Cannot read the models: ${errorText(err)}`, 'error'));
});
accountSelect.addEventListener('change', () => void updateBalance());
connectExtension.addEventListener('click', () => void useExtensions());
redundancy.addEventListener('input', () => void updateQuote());
submitButton.addEventListener('click', () => void submit());
verifyButton.addEventListener('click', () => void reverify());

renderAccounts();
nodeUrl.value = new URLSearchParams(window.location.search).get('node') ?? DEFAULT_NODE;
void connect(nodeUrl.value);
