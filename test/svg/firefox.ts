import { rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { tempDir } from '../helpers/temp-dir.js';

export const FIREFOX = '/usr/bin/firefox-esr';

/**
 * Headless Debian firefox-esr driven over WebDriver BiDi by puppeteer-core (which never downloads
 * a browser), with the same page calls as Chromium: open an SVG as the document or in an <img>,
 * evaluate, screenshot.
 */
export class Firefox {
  private pages = 0;
  private constructor(
    private browser: Browser,
    private page: Page,
    private readonly dir: string,
  ) {}

  private static async start(dir: string, reducedMotion: boolean): Promise<{ browser: Browser; page: Page }> {
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      extraPrefsFirefox: { 'layout.css.devPixelsPerPx': '1', 'ui.prefersReducedMotion': reducedMotion ? 1 : 0 },
      env: { ...process.env, TMPDIR: dir },
    });
    return { browser, page: await browser.newPage() };
  }

  static async launch(): Promise<Firefox> {
    const dir = tempDir('firefox');
    const { browser, page } = await Firefox.start(dir, false);
    return new Firefox(browser, page, dir);
  }

  async open(svg: string, width: number, height: number, as: 'document' | 'img' = 'document'): Promise<void> {
    await this.page.setViewport({ width: Math.ceil(width), height: Math.ceil(height) });
    const file = join(this.dir, `page${this.pages++}.${as === 'img' ? 'html' : 'svg'}`);
    if (as === 'img') {
      writeFileSync(`${file}.svg`, svg);
      writeFileSync(file, `<!doctype html><body style="margin:0"><img src="${basename(file)}.svg" style="display:block"></body>`);
    } else writeFileSync(file, svg);
    await this.page.goto(`file://${file}`, { waitUntil: 'load' });
    await this.evaluate('document.fonts.ready.then(() => 0)');
  }

  /** Firefox takes the preference only at launch (WebDriver BiDi has no media emulation): restarts it. */
  async reducedMotion(on: boolean): Promise<void> {
    await this.browser.close();
    ({ browser: this.browser, page: this.page } = await Firefox.start(this.dir, on));
  }

  async evaluate<T = unknown>(expression: string): Promise<T> {
    return (await this.page.evaluate(expression)) as T;
  }

  async screenshot(): Promise<Buffer> {
    return Buffer.from(await this.page.screenshot({ type: 'png' }));
  }

  async close(): Promise<void> {
    await this.browser.close();
    rmSync(this.dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  }
}
