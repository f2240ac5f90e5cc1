import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { tempDir } from '../helpers/temp-dir.js';

export const CHROMIUM = '/usr/bin/chromium';

/**
 * Headless Debian chromium driven over the DevTools protocol on a pipe (--remote-debugging-pipe):
 * no browser download, no port, one launch per test file.
 */
export class Chromium {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  private buffer = '';
  private sessionId = '';
  private pages = 0;
  private readonly events = new Map<string, ((params: any) => void)[]>();

  private constructor(
    private readonly child: ChildProcess,
    private readonly profile: string,
  ) {
    const fromBrowser = child.stdio[4] as Readable;
    fromBrowser.setEncoding('utf8');
    fromBrowser.on('data', (chunk: string) => {
      this.buffer += chunk;
      let end: number;
      while ((end = this.buffer.indexOf('\0')) >= 0) {
        const message = JSON.parse(this.buffer.slice(0, end));
        this.buffer = this.buffer.slice(end + 1);
        if (message.method) {
          const listeners = this.events.get(message.method) ?? [];
          this.events.delete(message.method);
          for (const listener of listeners) listener(message.params);
          continue;
        }
        const waiter = message.id === undefined ? undefined : this.pending.get(message.id);
        if (!waiter) continue;
        this.pending.delete(message.id);
        if (message.error) waiter.reject(new Error(`${message.error.message} ${message.error.data ?? ''}`));
        else waiter.resolve(message.result);
      }
    });
  }

  /** Its profile folder goes in close(), or when the test file is done if the launch fails. */
  static async launch(): Promise<Chromium> {
    const profile = tempDir('chromium');
    const child = spawn(
      CHROMIUM,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--hide-scrollbars',
        '--force-device-scale-factor=1',
        `--user-data-dir=${profile}`,
        '--remote-debugging-pipe',
        'about:blank',
      ],
      // Its own process group, so that closing can end its helper processes too. Its own temporary
      // files (the org.chromium.Chromium.* singleton folder) go in the profile, removed with it.
      { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env, TMPDIR: profile } },
    );
    const browser = new Chromium(child, profile);
    try {
      const { targetId } = await browser.send('Target.createTarget', { url: 'about:blank' });
      const { sessionId } = await browser.send('Target.attachToTarget', { targetId, flatten: true });
      browser.sessionId = sessionId;
      await browser.send('Page.enable');
    } catch (error) {
      // Nobody gets a browser to close: end its process group here, so that its profile folder can go.
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // It never started, or has already gone.
      }
      throw error;
    }
    return browser;
  }

  send(method: string, params: object = {}, session = true): Promise<any> {
    const id = this.nextId++;
    const message: Record<string, unknown> = { id, method, params };
    if (session && this.sessionId !== '') message.sessionId = this.sessionId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      (this.child.stdio[3] as Writable).write(JSON.stringify(message) + '\0');
    });
  }

  /**
   * Shows `svg` as the page's whole document (an SVG document, not an image: its DOM can be read),
   * or with `as: 'img'` inside an `<img>` of an HTML page, as a README shows it.
   */
  async open(svg: string, width: number, height: number, as: 'document' | 'img' = 'document'): Promise<void> {
    await this.send('Emulation.setDeviceMetricsOverride', { width: Math.ceil(width), height: Math.ceil(height), deviceScaleFactor: 1, mobile: false });
    const file = join(this.profile, `page${this.pages++}.${as === 'img' ? 'html' : 'svg'}`);
    if (as === 'img') {
      writeFileSync(`${file}.svg`, svg);
      writeFileSync(file, `<!doctype html><body style="margin:0"><img src="${basename(file)}.svg" style="display:block"></body>`);
    } else writeFileSync(file, svg);
    const loaded = this.once('Page.loadEventFired');
    await this.send('Page.navigate', { url: `file://${file}` });
    await loaded;
    await this.evaluate('document.fonts.ready.then(() => 0)');
  }

  once(method: string): Promise<any> {
    return new Promise((resolve) => {
      const list = this.events.get(method) ?? [];
      list.push(resolve);
      this.events.set(method, list);
    });
  }

  async evaluate<T = unknown>(expression: string): Promise<T> {
    const result = await this.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (result.exceptionDetails) throw new Error(`page error: ${JSON.stringify(result.exceptionDetails)}`);
    return result.result.value as T;
  }

  async screenshot(): Promise<Buffer> {
    const { data } = await this.send('Page.captureScreenshot', { format: 'png' });
    return Buffer.from(data, 'base64');
  }

  async close(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    try {
      await Promise.race([this.send('Browser.close', {}, false), exited]);
    } catch {
      // The browser may close the pipe before answering.
    }
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
    await exited;
    try {
      process.kill(-this.child.pid!, 'SIGKILL');
    } catch {
      // The group has already gone.
    }
    rmSync(this.profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  }
}
