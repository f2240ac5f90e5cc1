import { spawnSync } from 'node:child_process';

/** The picture a video shows at `seconds`, decoded by ffmpeg to RGB (BT.709, as we tag it). */
export function videoFrameAt(file: string, seconds: number): { rgb: Buffer; width: number; height: number } {
  const probe = spawnSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', file], { encoding: 'utf8' });
  const [width, height] = probe.stdout.trim().split(',').map(Number) as [number, number];
  const result = spawnSync(
    'ffmpeg',
    ['-v', 'error', '-ss', String(seconds), '-i', file, '-frames:v', '1', '-vf', 'scale=in_color_matrix=bt709:in_range=tv,format=rgb24', '-f', 'rawvideo', '-'],
    { maxBuffer: 1 << 28 },
  );
  if (result.status !== 0) throw new Error(`ffmpeg could not decode ${file} at ${seconds}s: ${result.stderr}`);
  return { rgb: result.stdout, width, height };
}

/** An image file decoded by ffmpeg to RGB. */
export function imageRgb(file: string): Buffer {
  const result = spawnSync('ffmpeg', ['-v', 'error', '-i', file, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'], { maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(`ffmpeg could not decode ${file}: ${result.stderr}`);
  return result.stdout;
}

/** PSNR in dB over all channels of the `width`x`height` area both pictures cover. */
export function psnr(a: Buffer, aWidth: number, b: Buffer, bWidth: number, width: number, height: number): number {
  let sum = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width * 3; x++) {
      const d = a[y * aWidth * 3 + x]! - b[y * bWidth * 3 + x]!;
      sum += d * d;
    }
  }
  const mse = sum / (width * height * 3);
  return mse === 0 ? Infinity : 10 * Math.log10((255 * 255) / mse);
}

/** Video packets' presentation times and durations (s), and the container's duration. */
export function videoTimes(file: string): { pts: number[]; duration: number } {
  const result = spawnSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=pts_time:format=duration', '-of', 'json', file], { encoding: 'utf8' });
  const json = JSON.parse(result.stdout) as { packets: { pts_time: string }[]; format: { duration: string } };
  return { pts: json.packets.map((p) => Number(p.pts_time)).sort((x, y) => x - y), duration: Number(json.format.duration) };
}
