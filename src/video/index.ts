import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { animate } from '../encode/animate.js';
import { MILLISECONDS, type RenderAnimation } from '../encode/contract.js';
import { resolveRaster, type RasterOptions } from '../raster/options.js';
import { ScreenPainter } from '../raster/screen-painter.js';
import { Ffmpeg } from './ffmpeg.js';
import { VideoEncoder } from './video-encoder.js';

export { FfmpegMissingError } from './ffmpeg.js';

export interface VideoOptions extends RasterOptions {
  readonly container: 'mp4' | 'webm';
  /** 0..100 instead of the default (chosen so text stays sharp). */
  readonly quality?: number;
}

/** The default quality: the CRF each codec keeps coloured 1-px text strokes sharp at (see the README's measurements). */
export const DEFAULT_VIDEO_QUALITY = 70;

/** ffmpeg's arguments after the input: codec, pixel format and settings for each container. */
export function encoderArgs(container: 'mp4' | 'webm', quality: number): string[] {
  const crf = (max: number) => String(Math.round(max - (quality / 100) * max));
  // Timestamps pass through in 1 ms ticks: no frame is repeated or dropped to fit a frame rate.
  const timing = ['-fps_mode', 'passthrough', '-enc_time_base', '1:1000', '-r', '1000'];
  const colour = ['-colorspace', 'bt709', '-color_primaries', 'bt709', '-color_trc', 'bt709', '-color_range', 'tv'];
  const convert = (pixFmt: string) => ['-vf', `scale=out_color_matrix=bt709:out_range=tv:flags=lanczos+accurate_rnd+full_chroma_int,format=${pixFmt}`];
  if (container === 'mp4') {
    // H.264 as every player plays it (yuv420p); chroma at half resolution is offset by a lower
    // chroma quantizer, so coloured text keeps its colour on thin strokes.
    return [...timing, ...convert('yuv420p'), ...colour, '-c:v', 'libx264', '-preset', 'medium', '-tune', 'animation', '-crf', crf(51), '-chromaoffset', '-4',
      '-video_track_timescale', '1000', '-movflags', '+faststart', '-f', 'mp4'];
  }
  // VP9 profile 1 (4:4:4): full-resolution colour, so no chroma bleed on coloured text.
  return [...timing, ...convert('yuv444p'), ...colour, '-c:v', 'libvpx-vp9', '-crf', crf(63), '-b:v', '0', '-deadline', 'good', '-cpu-used', '4', '-row-mt', '1', '-threads', '2', '-lag-in-frames', '0',
    '-f', 'webm'];
}

/**
 * The animation as an MP4 (H.264) or WebM (VP9) video, by the ffmpeg program on PATH: frames go
 * to it as raw pictures with their own timestamps over a pipe; it writes a temporary file (MP4's
 * index moves to the front once everything is encoded), which is then copied to `out`.
 */
export const renderVideo: RenderAnimation<VideoOptions> = async (frames, info, options, out) => {
  const painter = new ScreenPainter(resolveRaster(info, { ...options, alpha: false }));
  const dir = mkdtempSync(join(tmpdir(), 'cast2gif-video-'));
  const file = join(dir, `video.${options.container}`);
  const ffmpeg = new Ffmpeg([
    '-f', 'matroska', '-i', 'pipe:0',
    ...encoderArgs(options.container, options.quality ?? DEFAULT_VIDEO_QUALITY),
    '-fflags', '+bitexact', '-flags:v', '+bitexact', '-map_metadata', '-1',
    '-y', file,
  ]);
  try {
    const matte = painter.likelyColors().first[0]!;
    await animate(frames, info, painter, new VideoEncoder(ffmpeg, painter.width, painter.height, matte), MILLISECONDS);
    await ffmpeg.finish();
    await pipeline(createReadStream(file), out, { end: false });
  } finally {
    ffmpeg.kill();
    rmSync(dir, { recursive: true, force: true });
  }
};
