// The web dApp end to end: a real `opg-node --dev` (the binary in OPG_NODE), the built app
// served by `vite preview`, and headless Chromium (Debian's `chromium`, driven by
// playwright-core). Alice and Bob register the bundled MLP and CNN from Node through the client;
// then, in the browser: the models are listed, an image becomes the CNN's input, a job on the MLP
// is submitted with //Alice and followed to Finalized, its outputs match the fixture's reference
// under the model's policy, and re-verifying it in the browser with onnxruntime-web agrees. A
// screenshot of the page is decoded and checked: its size, the green of the "agree" badge, and a
// result panel that is not blank.

import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { Policy, createOpgClient, devAccount, modelHash, readNpy, tensorFromValues, tensorsAgree, toNested } from '@opg-chain/client';
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';
import { preview } from 'vite';

// The client's own dev-node harness (built by `npm run build` in clients/js): free loopback
// ports, a temporary base path, its inference service, waits for block 1 to be finalised.
import { DevNode } from '../../js/dist/test/devnode.js';

const WEB = fileURLToPath(new URL('..', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../../../node/engine/fixtures/', import.meta.url));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const VIEWPORT = { width: 1280, height: 900 };
const JOB_MS = 120_000;
const AGREE_GREEN = [0x1a, 0x7f, 0x37]; // --good in src/style.css

const alice = devAccount('Alice');
const bob = devAccount('Bob');

/** Metadata of a model of node/engine/fixtures/fixtures.json, as the client registers it. */
function metadataOf(fixture) {
  const spec = ({ type, shape }) => ({ elementType: type, shape });
  return {
    name: fixture.name,
    signature: { inputs: fixture.signature.inputs.map(spec), outputs: fixture.signature.outputs.map(spec) },
    policy: fixture.policy.kind === 'ulps' ? Policy.ulps(fixture.policy.max_ulps) : Policy.exact(),
    defaultRedundancy: 1,
  };
}

/** A solid-colour PNG. */
function solidPng(width, height, [r, g, b]) {
  const png = new PNG({ width, height });
  for (let i = 0; i < width * height; i += 1) png.data.set([r, g, b, 255], 4 * i);
  return PNG.sync.write(png);
}

const flat = (nested) => (Array.isArray(nested) ? nested.flatMap(flat) : [nested]);

describe('the web dApp on opg-node --dev in headless Chromium', { timeout: 240_000 }, () => {
  let node;
  let server;
  let browser;
  let page;
  let dir;
  const problems = [];
  let mlp;
  let cnn;

  before(async () => {
    assert.ok(existsSync(join(WEB, 'dist', 'index.html')), 'the app is built: run `npm run build` (npm test does)');
    dir = await mkdtemp(join(tmpdir(), 'opg-web-'));
    const manifest = JSON.parse(await readFile(join(FIXTURES, 'fixtures.json'), 'utf8'));
    mlp = manifest.models.find((m) => m.name === 'mlp');
    cnn = manifest.models.find((m) => m.name === 'cnn');
    [node, server, browser] = await Promise.all([
      DevNode.start(),
      preview({ root: WEB, logLevel: 'warn', preview: { host: '127.0.0.1', port: 0, open: false } }),
      chromium.launch({ executablePath: CHROMIUM, headless: true }),
    ]);
    const client = createOpgClient(node.url, { signer: alice.signer });
    try {
      const [mlpOnnx, cnnOnnx] = await Promise.all([readFile(join(FIXTURES, mlp.file)), readFile(join(FIXTURES, cnn.file))]);
      const [registered] = await Promise.all([
        client.registerModel(new Uint8Array(mlpOnnx), metadataOf(mlp)),
        client.registerModel(new Uint8Array(cnnOnnx), metadataOf(cnn), { signer: bob.signer }),
      ]);
      assert.equal(registered.hash, `0x${mlp.blake2_256}`);
    } finally {
      client.destroy();
    }
    page = await browser.newPage({ viewport: VIEWPORT, deviceScaleFactor: 1 });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await node?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('connects to the node given in the URL and lists the registered models', async () => {
    // A stand-in wallet extension, as polkadot-js injects one: its accounts are offered too.
    await page.addInitScript((address) => {
      const accounts = [{ address, name: 'Bob in a wallet', type: 'sr25519' }];
      window.injectedWeb3 = {
        'test-wallet': {
          enable: async () => ({
            accounts: { get: async () => accounts, subscribe: () => () => {} },
            signer: { signPayload: async () => { throw new Error('not in this test'); }, signRaw: async () => { throw new Error('not in this test'); } },
          }),
        },
      };
    }, bob.address);
    const app = server.resolvedUrls.local[0];
    await page.goto(`${app}?node=${encodeURIComponent(node.url)}`);
    await page.locator('#chain-status', { hasText: /finalised block #\d+/ }).waitFor({ timeout: 30_000 });
    const row = page.locator(`tr[data-model="0x${mlp.blake2_256}"]`);
    await row.waitFor({ timeout: 30_000 });
    assert.match(await row.innerText(), /mlp v1/);
    assert.match(await row.innerText(), /within 64 ULPs/);
    assert.match(await row.innerText(), /f32\[1, 8\] → f32\[1, 4\], f32\[1, 4\]/);
    assert.equal(await row.locator('code[title]').getAttribute('title'), `0x${mlp.blake2_256}`);
    assert.match(await page.locator(`tr[data-model="0x${cnn.blake2_256}"]`).innerText(), /cnn v1\s+\S+\s+within 32 ULPs\s+f32\[1, 1, 8, 8\] → f32\[1, 10\]/);

    await page.getByRole('radio', { name: /^mlp/ }).check();
    await page.getByRole('button', { name: 'Use a browser extension' }).click();
    await page.locator('#account optgroup[label="test-wallet"] option', { hasText: 'Bob in a wallet' }).waitFor({ state: 'attached' });
    assert.equal(await page.locator('#account').inputValue(), 'dev:Alice', 'the selection stays on Alice');
  });

  it('resizes an uploaded image to an image model\'s input', async () => {
    await page.getByRole('radio', { name: /^cnn/ }).check();
    const image = join(dir, 'red.png');
    await writeFile(image, solidPng(20, 12, [255, 0, 0]));
    await page.locator('#input-0-image').setInputFiles(image);
    await page.locator('fieldset [role="status"]', { hasText: 'red.png resized to 8×8, grayscale' }).waitFor();
    const values = flat(JSON.parse(await page.locator('#input-0').inputValue()));
    assert.equal(values.length, 64);
    for (const v of values) assert.ok(Math.abs(v - 0.299) < 1e-6, `luma of pure red is 0.299, got ${v}`);
    assert.equal(await page.locator('.preview canvas').count(), 1);
  });

  it('submits a job with //Alice and follows it to its verified result', { timeout: JOB_MS + 30_000 }, async () => {
    await page.getByRole('radio', { name: /^mlp/ }).check();
    const input = await readNpy(join(FIXTURES, mlp.inputs[0]));
    await page.getByLabel('Values (JSON)').fill(JSON.stringify(toNested(input)));
    assert.equal(await page.locator('#account').inputValue(), 'dev:Alice');
    await page.locator('#quote', { hasText: '0.1 OPG held: 1 attestor' }).waitFor();
    await page.getByRole('button', { name: 'Submit job' }).click();

    await page.locator('#submit-status', { hasText: /Job #\d+ submitted/ }).waitFor({ timeout: 60_000 });
    await page.locator('#result-badge').waitFor({ timeout: JOB_MS });
    assert.equal(await page.locator('#result-badge').innerText(), 'Finalized');
    for (const phase of ['Submitted', 'Assigning', 'Committing', 'Revealing', 'Finalized']) {
      assert.equal(await page.locator(`#phases li[data-phase="${phase}"]`).getAttribute('class'), 'done', phase);
    }
    assert.match(await page.locator('#attestors tbody').innerText(), /Alice .*\s+✓ committed\s+Valid/);
    assert.deepEqual(await page.locator('#agreed li').allInnerTexts(), [`Alice · ${alice.address}`]);
    assert.match(await page.locator('#result').innerText(), /Agreed by 1 of 1 attestor, compared within 64 ULPs/);
    assert.match(await page.locator('#result').innerText(), /challengeable until block #\d+/);

    const shown = page.locator('#result pre.values');
    assert.equal(await shown.count(), mlp.outputs.length);
    for (const [i, file] of mlp.outputs.entries()) {
      const reference = await readNpy(join(FIXTURES, file));
      const output = tensorFromValues('f32', reference.shape, flat(JSON.parse(await shown.nth(i).innerText())));
      assert.ok(tensorsAgree(Policy.ulps(mlp.policy.max_ulps), output, reference), `output ${i} within the model's ULPs of ${file}`);
    }
  });

  it('re-verifies the result in the browser with onnxruntime-web', async () => {
    await page.locator('#onnx-file').setInputFiles(join(FIXTURES, mlp.file));
    await page.getByRole('button', { name: 'Re-verify in browser' }).click();
    await page.locator('#verify-badge').waitFor({ timeout: 60_000 });
    assert.equal(await page.locator('#verify-badge').innerText(), 'agree', await page.locator('#verify-summary').innerText());
    const ulps = /max ULP distance per output: (\d+), (\d+)/.exec(await page.locator('#verify-ulps').innerText());
    assert.ok(ulps, 'the ULP distances are shown');
    for (const d of ulps.slice(1)) assert.ok(Number(d) <= mlp.policy.max_ulps, `ULP distance ${d}`);
    assert.match(await page.locator('#verify-summary').innerText(), /^agree: the local outputs match the chain's under Ulps \{ max_ulps: 64 \}/);
    assert.equal(modelHash(new Uint8Array(await readFile(join(FIXTURES, mlp.file)))), `0x${mlp.blake2_256}`);
  });

  it('shows it all in a screenshot', async (t) => {
    const path = process.env.OPG_WEB_SCREENSHOT ?? join(dir, 'dapp.png');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path, fullPage: true });
    t.diagnostic(`screenshot: ${path}`);
    const png = PNG.sync.read(await readFile(path));
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    assert.equal(png.width, VIEWPORT.width);
    assert.equal(png.height, height);
    const pixel = (x, y) => {
      const at = 4 * (Math.round(y) * png.width + Math.round(x));
      return [png.data[at], png.data[at + 1], png.data[at + 2]];
    };

    // The "agree" badge is green, at its centre (away from the text, at its left padding).
    const badge = await page.locator('#verify-badge').boundingBox();
    const green = pixel(badge.x + 4, badge.y + badge.height / 2);
    assert.ok(green.every((c, i) => Math.abs(c - AGREE_GREEN[i]) <= 6), `badge pixel ${green} is the agree green`);

    // The result panel holds text: a fair share of its pixels are not the white background.
    const panel = await page.locator('#result-section').boundingBox();
    let inked = 0;
    let total = 0;
    for (let y = panel.y + 2; y < panel.y + panel.height - 2; y += 2) {
      for (let x = panel.x + 2; x < panel.x + panel.width - 2; x += 2) {
        total += 1;
        if (pixel(x, y).some((c) => c < 200)) inked += 1;
      }
    }
    assert.ok(total > 10_000, `the result panel is ${panel.width}×${panel.height}`);
    assert.ok(inked / total > 0.01, `the result panel is not blank (${inked} of ${total} sampled pixels inked)`);

    assert.deepEqual(problems, [], 'no page or console errors');
  });
});
