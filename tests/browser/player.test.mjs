// Player pages and the site index in headless Chromium (Debian's), driven by
// puppeteer-core and checked with axe-core and by keyboard alone.
// SITE: a site written by `readaloud publish`; CHROMIUM: the browser to use.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const site = process.env.SITE;
const types = { '.html': 'text/html; charset=utf-8', '.mp3': 'audio/mpeg', '.vtt': 'text/vtt; charset=utf-8',
  '.json': 'application/json', '.txt': 'text/plain; charset=utf-8', '.xml': 'application/rss+xml' };

let server, origin, browser;

// A static server with byte ranges, as any web host has (media seeking needs them).
function serve(req, res) {
  const file = path.join(site, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (!file.startsWith(site) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    res.writeHead(404); res.end(); return;
  }
  const size = fs.statSync(file).size;
  const headers = { 'Content-Type': types[path.extname(file)] || 'application/octet-stream', 'Accept-Ranges': 'bytes' };
  const range = /bytes=(\d*)-(\d*)/.exec(req.headers.range || '');
  if (range) {
    const start = range[1] ? Number(range[1]) : 0;
    const end = range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
    res.writeHead(206, { ...headers, 'Content-Range': `bytes ${start}-${end}/${size}`, 'Content-Length': end - start + 1 });
    fs.createReadStream(file, { start, end }).pipe(res);
  } else {
    res.writeHead(200, { ...headers, 'Content-Length': size });
    fs.createReadStream(file).pipe(res);
  }
}

before(async () => {
  server = http.createServer(serve);
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'],
  });
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.close();
});

// Opens a page, recording every request, dialog and script error. (data: URLs
// are Chromium's own media-control icons, not requests to a host.)
async function open(url) {
  const page = await browser.newPage();
  const seen = { requests: [], dialogs: [], errors: [] };
  page.on('request', (r) => seen.requests.push(r.url()));
  page.on('dialog', async (d) => { seen.dialogs.push(d.message()); await d.dismiss(); });
  page.on('pageerror', (e) => seen.errors.push(String(e)));
  await page.goto(url, { waitUntil: 'load' });
  return { page, seen };
}

async function axeViolations(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

function playerPages() {
  return fs.readdirSync(site).filter((d) => fs.existsSync(path.join(site, d, 'index.html')));
}

async function ready(page) {
  await page.waitForFunction(() => document.getElementById('audio').readyState >= 1, { timeout: 10000 });
}

test('axe-core finds no violations on any page, light and dark', async () => {
  for (const scheme of ['light', 'dark']) {
    for (const url of [`${origin}/index.html`, ...playerPages().map((d) => `${origin}/${d}/index.html`)]) {
      const { page } = await open(url);
      await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      assert.deepEqual(await axeViolations(page), [], `${url} (${scheme})`);
      await page.close();
    }
  }
});

test('Tab to the third chapter and Enter moves the audio to its start', async () => {
  const { page } = await open(`${origin}/washing-your-hands-well/index.html`);
  await ready(page);
  const starts = await page.$$eval('button.chapter', (b) => b.map((x) => parseFloat(x.dataset.start)));
  assert.ok(starts.length >= 3);
  let presses = 0;
  while (presses < 60) {
    await page.keyboard.press('Tab');
    presses += 1;
    const index = await page.evaluate(() => [...document.querySelectorAll('button.chapter')].indexOf(document.activeElement));
    if (index === 2) break;
  }
  assert.ok(presses < 60, 'the third chapter button is reachable by Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.equal(outline, 'solid', 'focus is visible');
  await page.keyboard.press('Enter');
  await page.waitForFunction((t) => Math.abs(document.getElementById('audio').currentTime - t) < 0.05, {}, starts[2]);
  const status = await page.$eval('#status', (s) => s.textContent);
  assert.match(status, /^Chapter 3 of \d+: /);
  await page.close();
});

test('while playing muted at 3x the highlighted sentence is the active caption', async () => {
  const { page } = await open(`${origin}/washing-your-hands-well/index.html`);
  await ready(page);
  await page.select('#speed', '3');
  assert.equal(await page.$eval('#audio', (a) => a.playbackRate), 3);
  const seen = await page.evaluate(async () => {
    const audio = document.getElementById('audio');
    const track = [...audio.textTracks].find((t) => t.kind === 'captions');
    track.mode = 'hidden';
    audio.muted = true;
    await audio.play();
    const highlighted = new Set();
    const checks = [];
    for (let i = 0; i < 25; i += 1) {
      await new Promise((r) => setTimeout(r, 120));
      const active = document.querySelector('#text .s.active');
      if (active) highlighted.add(active.dataset.i);
    }
    audio.pause();
    // Chromium brings a track's active cues up to date only now and then while
    // playing; a seek to where the audio stands updates them at once.
    const seeked = new Promise((r) => audio.addEventListener('seeked', r, { once: true }));
    audio.currentTime = audio.currentTime;
    await seeked;
    await new Promise((r) => setTimeout(r, 300));
    const active = document.querySelector('#text .s.active');
    const cue = track.activeCues && track.activeCues[0];
    checks.push({ time: audio.currentTime, span: active && active.textContent, cue: cue && cue.text });
    return { distinct: highlighted.size, checks };
  });
  assert.ok(seen.distinct >= 2, `the highlight moved while playing (${seen.distinct} sentences)`);
  for (const c of seen.checks) {
    assert.ok(c.cue, `a caption is active at ${c.time}`);
    assert.equal(c.span, c.cue);
  }
  await page.close();
});

test('the speed control changes playbackRate and is remembered', async () => {
  const { page } = await open(`${origin}/sleeping-better/index.html`);
  await ready(page);
  await page.select('#speed', '1.5');
  assert.equal(await page.$eval('#audio', (a) => a.playbackRate), 1.5);
  await page.reload({ waitUntil: 'load' });
  await ready(page);
  assert.equal(await page.$eval('#speed', (s) => s.value), '1.5');
  assert.equal(await page.$eval('#audio', (a) => a.playbackRate), 1.5);
  await page.select('#speed', '1');
  await page.close();
});

test('a sentence plays from its start with Enter', async () => {
  const { page } = await open(`${origin}/washing-your-hands-well/index.html`);
  await ready(page);
  await page.evaluate(() => { document.getElementById('audio').muted = true; });
  await page.focus('#text .s[data-i="0"]');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const start = await page.evaluate(() => JSON.parse(document.getElementById('cue-data').textContent).cues[2][0]);
  await page.keyboard.press('Enter');
  await page.waitForFunction((t) => Math.abs(document.getElementById('audio').currentTime - t) < 0.3, {}, start);
  await page.close();
});

test('hostile article: no dialog, no handler attribute, no foreign request, CSP enforced', async () => {
  const dir = playerPages().find((d) => d.startsWith('dosing'));
  assert.ok(dir, 'the hostile article was published');
  const { page, seen } = await open(`${origin}/${dir}/index.html`);
  await ready(page);
  const handlers = await page.evaluate(() => [...document.querySelectorAll('*')]
    .filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).map((el) => el.outerHTML.slice(0, 80)));
  assert.deepEqual(handlers, []);
  assert.equal(await page.$$eval('#text script, #text img, #text iframe', (els) => els.length), 0);
  assert.ok((await page.$eval('h1', (h) => h.textContent)).includes("<script>alert('t')</script>"));
  const injected = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = 1;';
    document.body.appendChild(s);
    await new Promise((r) => setTimeout(r, 100));
    return window.__injected;
  });
  assert.equal(injected, undefined, 'an injected inline script is blocked by the CSP');
  assert.deepEqual(seen.dialogs, []);
  assert.deepEqual(seen.errors, []);
  assert.deepEqual(seen.requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:')), []);
  await page.close();
});

test('the player works from file:// too', async () => {
  const { page, seen } = await open(`file://${site}/washing-your-hands-well/index.html`);
  await ready(page);
  await page.click('button.chapter:nth-of-type(1)');
  const buttons = await page.$$('button.chapter');
  await buttons[1].click();
  const start = await page.$$eval('button.chapter', (b) => parseFloat(b[1].dataset.start));
  await page.waitForFunction((t) => Math.abs(document.getElementById('audio').currentTime - t) < 0.05, {}, start);
  assert.deepEqual(seen.errors, []);
  assert.deepEqual(seen.requests.filter((u) => !u.startsWith('file://') && !u.startsWith('data:')), []);
  await page.close();
});
