// One small interface over two ways of driving a stock browser, so the
// journeys read the same in each: Firefox ESR through puppeteer-core over
// WebDriver BiDi, and WebKitGTK's MiniBrowser through WebKitWebDriver and
// selenium-webdriver, under an Xvfb display this file starts. Playwright
// cannot drive either here (its Firefox channel fails on ESR, its WebKit is a
// build it downloads).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import puppeteer, { type Browser as PuppeteerBrowser, type Page } from 'puppeteer-core';
import { Builder, By, type WebDriver } from 'selenium-webdriver';
import { freePort } from '../../scripts/lib/free-port.ts';

export interface Driver {
  readonly engine: 'Firefox' | 'WebKit';
  /** Loads a URL and waits for its load event. */
  open(url: string): Promise<void>;
  /** A real click (the browser's own pointer), after scrolling the element to the middle of the screen. */
  click(selector: string): Promise<void>;
  /** Real key presses into the element; `\n` presses Enter. */
  type(selector: string, text: string): Promise<void>;
  text(selector: string): Promise<string>;
  /** Runs `fn` in the page (a promise it returns is awaited); arguments must be JSON. */
  eval<T, A extends unknown[]>(fn: (...args: A) => T, ...args: A): Promise<Awaited<T>>;
  back(): Promise<void>;
  forward(): Promise<void>;
  setViewport(width: number, height: number): Promise<void>;
  /** The page printed to PDF, or why this engine cannot print here. */
  pdf(format: 'A4' | 'Letter'): Promise<Buffer | string>;
  /** Console errors and uncaught exceptions the engine reported itself since the last call (Firefox only; WebKit's come from the test server's probe). */
  takeLogs(): string[];
  close(): Promise<void>;
}

/** Polls `fn` in the page until it returns something truthy; fails with `what` and the last value after `timeout` ms. */
export async function waitFor<T, A extends unknown[]>(
  d: Driver,
  what: string,
  fn: (...args: A) => T,
  ...args: A
): Promise<Awaited<T>> {
  const until = Date.now() + WAIT;
  let last: Awaited<T> | undefined;
  for (;;) {
    last = await d.eval(fn, ...args);
    if (last) return last;
    if (Date.now() > until)
      throw new Error(`${d.engine}: timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Generous: the machine may be busy, and nothing waits for it unless a condition is not yet met. */
const WAIT = 60_000;

// History through the page itself: puppeteer's goBack() waits for a load
// that a same-document or back/forward-cache entry never fires in Firefox.
const back = () => history.back();
const forward = () => history.forward();
const scrollToMiddle = (s: string) => document.querySelector(s)?.scrollIntoView({ block: 'center' });

export const FIREFOX = '/usr/bin/firefox-esr';

export function firefoxMissing(): string | false {
  return fs.existsSync(FIREFOX)
    ? false
    : `Firefox ESR is not installed (apt-get install firefox-esr): the Firefox journeys are skipped`;
}

export async function firefox(): Promise<Driver> {
  const browser: PuppeteerBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    protocolTimeout: 180_000,
  });
  const page: Page = await browser.newPage();
  page.setDefaultTimeout(WAIT);
  page.setDefaultNavigationTimeout(WAIT);
  let logs: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') logs.push(`console.error: ${m.text()}`);
  });
  page.on('pageerror', (e) => logs.push(`uncaught: ${(e as Error).message ?? e}`));
  const d: Driver = {
    engine: 'Firefox',
    async open(url) {
      await page.goto(url, { waitUntil: 'load' });
    },
    async click(selector) {
      await page.evaluate(scrollToMiddle, selector);
      await page.click(selector);
    },
    async type(selector, text) {
      await page.focus(selector);
      await page.keyboard.type(text);
    },
    text: (selector) => page.$eval(selector, (e) => (e as HTMLElement).innerText),
    eval: (fn, ...args) => page.evaluate(fn as never, ...args) as never,
    back: () => page.evaluate(back),
    forward: () => page.evaluate(forward),
    setViewport: (width, height) => page.setViewport({ width, height }),
    async pdf(format) {
      return Buffer.from(await page.pdf({ format, printBackground: true }));
    },
    takeLogs: () => [logs, (logs = [])][0]!,
    close: () => browser.close(),
  };
  return d;
}

const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
const XVFB = '/usr/bin/Xvfb';
/** MiniBrowser ships in the WebKitGTK library's own folder. */
const MINIBROWSER = ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib']
  .map((lib) => path.join(lib, 'webkit2gtk-4.1/MiniBrowser'))
  .find((p) => fs.existsSync(p));

/** WebKitGTK's print operation from Python (tests/browsers/webkit-print.py): WebKitWebDriver has no print command. */
const PRINT_SCRIPT = path.join(import.meta.dirname, 'webkit-print.py');
const WEBKIT_TYPELIB = ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib']
  .map((lib) => path.join(lib, 'girepository-1.0/WebKit2-4.1.typelib'))
  .find((p) => fs.existsSync(p));
const PYTHON_GI = '/usr/lib/python3/dist-packages/gi';
/** A page still putting itself together: printed only once none is left. */
const NOT_READY = 'red-flag-checklist:not([data-ready]), [data-handout-parts]:not([data-ready])';
/** The margins of the site's @page rule: GTK's page setup sets them in WebKitGTK's print. */
const pageMargins = () =>
  /@page\s*\{\s*margin:\s*([^;}]+)/.exec(fs.readFileSync('src/styles/print.css', 'utf8'))![1]!.trim();

export function webkitMissing(): string | false {
  const missing = [
    !fs.existsSync(WEBKIT_DRIVER) && 'WebKitWebDriver (apt-get install webkit2gtk-driver)',
    !MINIBROWSER && 'MiniBrowser (apt-get install libwebkit2gtk-4.1-0)',
    !fs.existsSync(XVFB) && 'Xvfb (apt-get install xvfb xauth)',
  ].filter(Boolean);
  return missing.length ? `${missing.join(', ')} not installed: the WebKit journeys are skipped` : false;
}

async function waitForPort(port: number, child: ChildProcess, what: string) {
  for (let i = 0; ; i++) {
    try {
      await fetch(`http://127.0.0.1:${port}/status`);
      return;
    } catch {
      if (child.exitCode !== null || i > 600) throw new Error(`${what} did not start`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export async function webkit(): Promise<Driver> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'calf-webkit-'));
  // MiniBrowser has no headless mode: a display of our own. -displayfd says which one is free.
  const xvfb = spawn(XVFB, ['-displayfd', '1', '-screen', '0', '1400x1000x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const display = await new Promise<string>((resolve, reject) => {
    xvfb.stdout!.once('data', (d) => resolve(`:${String(d).trim()}`));
    xvfb.once('exit', () => reject(new Error('Xvfb did not start')));
  });
  // GTK keeps MiniBrowser's window at least 447 px wide; this user stylesheet lets it be a phone's width.
  fs.mkdirSync(path.join(dir, 'gtk-3.0'));
  fs.writeFileSync(
    path.join(dir, 'gtk-3.0/gtk.css'),
    '* { min-width: 0; margin-left: 0; margin-right: 0; padding-left: 0; padding-right: 0; }\n',
  );
  const port = await freePort();
  const server = spawn(WEBKIT_DRIVER, [`--port=${port}`], {
    stdio: 'ignore',
    env: { ...process.env, DISPLAY: display, XDG_CONFIG_HOME: dir },
  });
  const stop = () => {
    server.kill();
    xvfb.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  let wd: WebDriver;
  try {
    await waitForPort(port, server, 'WebKitWebDriver');
    wd = await new Builder()
      .usingServer(`http://127.0.0.1:${port}`)
      .withCapabilities({
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
      })
      .build();
    await wd.manage().setTimeouts({ script: WAIT, pageLoad: WAIT });
  } catch (e) {
    stop();
    throw e;
  }
  const run = <T>(fn: (...a: never[]) => T, args: unknown[]) =>
    wd.executeScript(`return (${fn}).apply(null, arguments)`, ...args) as Promise<Awaited<T>>;
  const d: Driver = {
    engine: 'WebKit',
    async open(url) {
      await wd.get(url);
    },
    async click(selector) {
      await run(scrollToMiddle, [selector]);
      await wd.findElement(By.css(selector)).click();
    },
    async type(selector, text) {
      await wd.findElement(By.css(selector)).sendKeys(text.replaceAll('\n', '\uE007'));
    },
    text: (selector) => wd.findElement(By.css(selector)).getText(),
    eval: (fn, ...args) => run(fn as never, args),
    back: () => run(back, []),
    forward: () => run(forward, []),
    async setViewport(width, height) {
      await wd.manage().window().setRect({ width, height });
      // The window manager may take a moment to apply it.
      await waitFor(d, `a ${width}px wide window`, (w: number) => innerWidth === w, width);
    },
    // A fresh WebKitGTK view loads the same address (a pre-filled check lives in it) and prints it.
    async pdf(format) {
      const missing = [!WEBKIT_TYPELIB && 'gir1.2-webkit2-4.1', !fs.existsSync(PYTHON_GI) && 'python3-gi'].filter(
        Boolean,
      );
      if (missing.length)
        return `WebKitWebDriver has no print command, and WebKitGTK's print operation needs ${missing.join(' and ')} (apt-get install ${missing.join(' ')}): WebKit print is not measured here`;
      const out = path.join(dir, `print-${format}.pdf`);
      await promisify(execFile)(
        '/usr/bin/python3',
        [PRINT_SCRIPT, await wd.getCurrentUrl(), format, out, pageMargins(), NOT_READY],
        { env: { ...process.env, DISPLAY: display } },
      );
      return fs.readFileSync(out);
    },
    takeLogs: () => [],
    async close() {
      try {
        await wd.quit();
      } finally {
        stop();
      }
    },
  };
  return d;
}
