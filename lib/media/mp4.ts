/**
 * M4A/MP4 (ISO BMFF) duration. The longest of what the file states: the movie header (mvhd), each
 * track's media header (mdhd), each track's sample table (the stts durations a decoder plays out)
 * and, for fragmented files (as MediaRecorder writes MP4: an empty moov, then moof boxes), the
 * fragments' sample durations (trun, or tfhd's/trex's defaults) and mehd. Both box versions are read
 * (version 1: 64-bit times). A track's last sample, which a muxer may declare short to trim the
 * end, is counted at the track's longest sample duration: a decoder still plays a whole frame.
 * A file with no sound track (hdlr 'soun') is not audio: null.
 */
import { fourcc, u32be, u64be, u8, type Bytes } from './bytes';

interface Box {
  type: string;
  /** The body's first byte (after the header). */
  body: number;
  /** One past the box's last byte, clamped to its parent. */
  end: number;
}

/** The boxes directly inside [from, to); a box's declared size is clamped to its parent. */
function* boxes(b: Bytes, from: number, to: number): Generator<Box> {
  let pos = from;
  while (pos + 8 <= to) {
    let size = u32be(b, pos);
    const type = fourcc(b, pos + 4);
    let header = 8;
    if (size === 1) {
      size = u64be(b, pos + 8);
      header = 16;
    } else if (size === 0) size = to - pos; // to the end of the parent
    if (!(size >= header)) return; // a size that cannot hold its own header: the rest is not boxes
    const end = Math.min(pos + size, to);
    yield { type, body: pos + header, end };
    pos = end; // >= pos + 8: the walk is linear and ends
  }
}

function child(b: Bytes, parent: Box, type: string): Box | undefined {
  for (const box of boxes(b, parent.body, parent.end)) if (box.type === type) return box;
  return undefined;
}

/** The timescale and duration of an mvhd or mdhd box (same layout up to the duration). */
function header(b: Bytes, box: Box): { timescale: number; duration: number } {
  const version = u8(b, box.body);
  if (version === 1) return { timescale: u32be(b, box.body + 20), duration: u64be(b, box.body + 24) };
  return { timescale: u32be(b, box.body + 12), duration: u32be(b, box.body + 16) };
}

/**
 * Seconds; 0 when a header says the duration is unknown (all ones) or has no timescale. A huge
 * duration stays huge (it is refused later, never dropped in favour of a shorter claim).
 */
function seconds({ timescale, duration }: { timescale: number; duration: number }): number {
  if (duration === 0xffffffff || duration === 2 ** 64 - 1) return 0;
  return timescale > 0 ? duration / timescale : duration > 0 ? NaN : 0;
}

interface Track {
  id: number;
  timescale: number;
  sound: boolean;
  defaultSampleDuration: number;
  /** Media time the fragments carry for this track, in its timescale. */
  fragmentTime: number;
  /** The longest and the last sample duration the fragments declare. */
  maxDelta: number;
  lastDelta: number;
}

/** Sample durations summed, the last one raised to the longest: a trimmed last frame still decodes whole. */
const untrimmed = (total: number, maxDelta: number, lastDelta: number) => total + Math.max(0, maxDelta - lastDelta);

/** More tracks than any audio file has: refused rather than held in memory. */
const MAX_TRACKS = 64;

export function mp4Seconds(b: Bytes): number | null {
  if (boxes(b, 0, b.length).next().value?.type !== 'ftyp') return null;
  const moov = child(b, { type: '', body: 0, end: b.length }, 'moov');
  if (!moov) return null;
  // Each box is looked up once (a file of many small boxes must not make the work quadratic).
  const mvhd = child(b, moov, 'mvhd');
  const mvex = child(b, moov, 'mvex');
  let longest = mvhd ? seconds(header(b, mvhd)) : 0;
  const mehd = mvex && child(b, mvex, 'mehd');
  if (mehd && mvhd) {
    const duration = u8(b, mehd.body) === 1 ? u64be(b, mehd.body + 4) : u32be(b, mehd.body + 4);
    longest = Math.max(longest, seconds({ timescale: header(b, mvhd).timescale, duration }));
  }
  const tracks = new Map<number, Track>();
  for (const box of boxes(b, moov.body, moov.end)) {
    if (box.type !== 'trak') continue;
    const track = readTrack(b, box);
    if (!track) continue;
    tracks.set(track.id, track);
    if (tracks.size > MAX_TRACKS) return null;
    longest = Math.max(longest, track.seconds);
  }
  if (![...tracks.values()].some((t) => t.sound)) return null;
  // Defaults for fragments (trex), then the fragments themselves.
  if (mvex) {
    for (const trex of boxes(b, mvex.body, mvex.end)) {
      if (trex.type !== 'trex') continue;
      const track = tracks.get(u32be(b, trex.body + 4));
      if (track) track.defaultSampleDuration = u32be(b, trex.body + 12);
    }
  }
  for (const moof of boxes(b, 0, b.length)) if (moof.type === 'moof') addFragment(b, moof, tracks);
  for (const t of tracks.values()) {
    longest = Math.max(longest, seconds({ timescale: t.timescale, duration: untrimmed(t.fragmentTime, t.maxDelta, t.lastDelta) }));
  }
  return longest > 0 ? longest : null;
}

function readTrack(b: Bytes, trak: Box): (Track & { seconds: number }) | null {
  const tkhd = child(b, trak, 'tkhd');
  const mdia = child(b, trak, 'mdia');
  const mdhd = mdia && child(b, mdia, 'mdhd');
  if (!tkhd || !mdia || !mdhd) return null;
  const id = u32be(b, tkhd.body + (u8(b, tkhd.body) === 1 ? 20 : 12));
  const hdlr = child(b, mdia, 'hdlr');
  const sound = hdlr !== undefined && fourcc(b, hdlr.body + 8) === 'soun';
  const media = header(b, mdhd);
  let longest = seconds(media);
  const minf = child(b, mdia, 'minf');
  const stbl = minf && child(b, minf, 'stbl');
  const stts = stbl && child(b, stbl, 'stts');
  if (stts) {
    // entry_count x (sample_count, sample_delta); the count is bounded by the box's bytes.
    const count = Math.min(u32be(b, stts.body + 4), Math.floor((stts.end - stts.body - 8) / 8));
    let total = 0;
    let maxDelta = 0;
    let lastDelta = 0;
    for (let i = 0; i < count; i++) {
      const samples = u32be(b, stts.body + 8 + i * 8);
      const delta = u32be(b, stts.body + 12 + i * 8);
      total += samples * delta;
      if (samples > 0) [maxDelta, lastDelta] = [Math.max(maxDelta, delta), delta];
    }
    longest = Math.max(longest, seconds({ timescale: media.timescale, duration: untrimmed(total, maxDelta, lastDelta) }));
  }
  return { id, timescale: media.timescale, sound, defaultSampleDuration: 0, fragmentTime: 0, maxDelta: 0, lastDelta: 0, seconds: longest };
}

/** Adds a movie fragment's sample durations to each of its tracks. */
function addFragment(b: Bytes, moof: Box, tracks: Map<number, Track>): void {
  for (const traf of boxes(b, moof.body, moof.end)) {
    if (traf.type !== 'traf') continue;
    const tfhd = child(b, traf, 'tfhd');
    if (!tfhd) continue;
    const track = tracks.get(u32be(b, tfhd.body + 4));
    if (!track) continue;
    const tfhdFlags = u32be(b, tfhd.body) & 0xffffff;
    let at = tfhd.body + 8;
    if (tfhdFlags & 0x01) at += 8; // base data offset
    if (tfhdFlags & 0x02) at += 4; // sample description index
    const fragmentDefault = tfhdFlags & 0x08 ? u32be(b, at) : track.defaultSampleDuration;
    let time = 0;
    for (const trun of boxes(b, traf.body, traf.end)) {
      if (trun.type !== 'trun') continue;
      const flags = u32be(b, trun.body) & 0xffffff;
      const declared = u32be(b, trun.body + 4);
      let pos = trun.body + 8 + (flags & 0x01 ? 4 : 0) + (flags & 0x04 ? 4 : 0);
      if (!(flags & 0x100)) {
        time += declared * fragmentDefault;
        if (declared > 0) [track.maxDelta, track.lastDelta] = [Math.max(track.maxDelta, fragmentDefault), fragmentDefault];
        continue;
      }
      const stride = 4 * (1 + (flags & 0x200 ? 1 : 0) + (flags & 0x400 ? 1 : 0) + (flags & 0x800 ? 1 : 0));
      const count = Math.min(declared, Math.floor((trun.end - pos) / stride)); // bounded by the bytes
      for (let i = 0; i < count; i++, pos += stride) {
        const delta = u32be(b, pos);
        time += delta;
        [track.maxDelta, track.lastDelta] = [Math.max(track.maxDelta, delta), delta];
      }
    }
    // A fragment's base time (tfdt), when present, says where it starts: take the later end.
    const tfdt = child(b, traf, 'tfdt');
    const base = tfdt ? (u8(b, tfdt.body) === 1 ? u64be(b, tfdt.body + 4) : u32be(b, tfdt.body + 4)) : NaN;
    track.fragmentTime = Number.isFinite(base) ? Math.max(track.fragmentTime + time, base + time) : track.fragmentTime + time;
  }
}
