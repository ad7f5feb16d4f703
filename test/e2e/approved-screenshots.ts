import fs from 'node:fs';
import path from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { z } from 'zod';
import { SCREENSHOT_DIR } from './harness';

/** Approved pictures, committed; `UPDATE_SCREENSHOTS=1` rewrites them from the current run. */
export const APPROVED_DIR = path.resolve(import.meta.dirname, 'approved');
const UPDATE = process.env.UPDATE_SCREENSHOTS === '1';

/**
 * Pictures are compared at half size in 16 shades of grey: a moved, cut or missing control still
 * shows, while the committed files stay small (about 25 kB) and anti-aliasing noise averages out.
 */
const SCALE = 2;
const SHADES = 16;
/** pixelmatch's per-pixel colour distance (0–1) and the share of pixels allowed to differ. */
const PIXEL_THRESHOLD = 0.1;
const MAX_DIFF_SHARE = 0.004;

function reduce(png: PNG): PNG {
  const width = Math.floor(png.width / SCALE);
  const height = Math.floor(png.height / SCALE);
  const out = new PNG({ width, height, colorType: 0 });
  const step = 255 / (SHADES - 1);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let dy = 0; dy < SCALE; dy++) {
        for (let dx = 0; dx < SCALE; dx++) {
          const i = ((y * SCALE + dy) * png.width + x * SCALE + dx) * 4;
          sum += 0.299 * png.data[i]! + 0.587 * png.data[i + 1]! + 0.114 * png.data[i + 2]!;
        }
      }
      const grey = Math.round(Math.round(sum / (SCALE * SCALE) / step) * step);
      const o = (y * width + x) * 4;
      out.data[o] = out.data[o + 1] = out.data[o + 2] = grey;
      out.data[o + 3] = 255;
    }
  }
  return out;
}

export interface Comparison {
  name: string;
  /** Share of pixels that differ from the approved picture; 0 when it was (re)approved or not compared. */
  diffShare: number;
  approved: boolean;
}

/** The browser and platform the pictures were approved with: glyphs differ from one build to another. */
const ENVIRONMENT_FILE = path.join(APPROVED_DIR, 'environment.json');
const environmentSchema = z.object({ browser: z.string(), platform: z.string() }).strict();
type Environment = z.infer<typeof environmentSchema>;
let announced = false;

function currentEnvironment(page: Page): Environment {
  return { browser: page.context().browser()?.version() ?? 'unknown', platform: process.platform };
}

/** Whether pictures taken here can be compared with the approved ones; says once, in one line, why not. */
function comparable(page: Page): boolean {
  if (!fs.existsSync(ENVIRONMENT_FILE)) return true;
  const approved = environmentSchema.parse(JSON.parse(fs.readFileSync(ENVIRONMENT_FILE, 'utf8')));
  const here = currentEnvironment(page);
  if (approved.browser === here.browser && approved.platform === here.platform) return true;
  if (!announced) {
    announced = true;
    console.log(
      `pictures not compared: approved with Chromium ${approved.browser} on ${approved.platform}, this is ${here.browser} on ${here.platform} (the layout checks still run; UPDATE_SCREENSHOTS=1 re-approves)`,
    );
  }
  return false;
}

/**
 * Takes a full-size screenshot into test-results/ (to look at), and compares its reduced copy
 * with the approved one. Without an approved picture, or with UPDATE_SCREENSHOTS=1, the current
 * one is written as approved. A mismatch leaves `<name>.diff.png` next to the screenshot.
 */
export async function matchScreenshot(page: Page, name: string): Promise<Comparison> {
  await page.mouse.move(0, 0);
  const shot = await page.screenshot({ animations: 'disabled', caret: 'hide' });
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  fs.writeFileSync(path.join(SCREENSHOT_DIR, `${name}.png`), shot);
  const current = reduce(PNG.sync.read(shot));
  const approvedFile = path.join(APPROVED_DIR, `${name}.png`);
  if (UPDATE || !fs.existsSync(approvedFile)) {
    fs.mkdirSync(APPROVED_DIR, { recursive: true });
    fs.writeFileSync(approvedFile, PNG.sync.write(current, { deflateLevel: 9, colorType: 0 }));
    fs.writeFileSync(ENVIRONMENT_FILE, `${JSON.stringify(currentEnvironment(page), null, 2)}\n`);
    return { name, diffShare: 0, approved: true };
  }
  if (!comparable(page)) return { name, diffShare: 0, approved: false };
  const approved = PNG.sync.read(fs.readFileSync(approvedFile));
  if (approved.width !== current.width || approved.height !== current.height) {
    return { name, diffShare: 1, approved: false };
  }
  const diff = new PNG({ width: current.width, height: current.height });
  const differing = pixelmatch(approved.data, current.data, diff.data, current.width, current.height, {
    threshold: PIXEL_THRESHOLD,
  });
  const diffShare = differing / (current.width * current.height);
  if (diffShare > MAX_DIFF_SHARE) fs.writeFileSync(path.join(SCREENSHOT_DIR, `${name}.diff.png`), PNG.sync.write(diff));
  return { name, diffShare, approved: false };
}

export const SCREENSHOT_TOLERANCE = MAX_DIFF_SHARE;
