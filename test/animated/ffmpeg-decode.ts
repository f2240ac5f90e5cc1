import { spawnSync } from 'node:child_process';

/** Presentation times (s) of a video's frames, in order. */
export function framePts(file: string): number[] {
  const probe = spawnSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'frame=pts_time', '-of', 'json', file], { encoding: 'utf8' });
  return (JSON.parse(probe.stdout) as { frames: { pts_time: string }[] }).frames.map((f) => Number(f.pts_time));
}

/**
 * The picture a video shows at `seconds` (the last frame starting at or before it), decoded by
 * ffmpeg to RGB with the BT.709 matrix the video is tagged with. (`-ss` would give the first
 * frame starting after it, which in a variable-rate video is the next picture.)
 */
export function videoFrameAt(file: string, seconds: number): { rgb: Buffer; width: number; height: number } {
  const probe = spawnSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', file], { encoding: 'utf8' });
  const [width, height] = probe.stdout.trim().split(',').map(Number) as [number, number];
  const index = framePts(file).filter((t) => t <= seconds).length - 1;
  const result = spawnSync(
    'ffmpeg',
    ['-v', 'error', '-i', file, '-vf', `select=eq(n\\,${index}),scale=in_color_matrix=bt709:in_range=tv,format=rgb24`, '-frames:v', '1', '-f', 'rawvideo', '-'],
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

/** The container's duration (s) and its video stream's codec and pixel format. */
export function videoInfo(file: string): { duration: number; codec: string; pixFmt: string } {
  const result = spawnSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'format=duration:stream=codec_name,pix_fmt', '-of', 'json', file], { encoding: 'utf8' });
  const json = JSON.parse(result.stdout) as { streams: { codec_name: string; pix_fmt: string }[]; format: { duration: string } };
  return { duration: Number(json.format.duration), codec: json.streams[0]!.codec_name, pixFmt: json.streams[0]!.pix_fmt };
}
