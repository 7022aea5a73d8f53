/**
 * WebM/Matroska duration. The Clusters are always walked; each audio block's own length comes from
 * its BlockDuration, the track's DefaultDuration, its Opus packet's TOC, or PCM bytes over the PCM
 * rate. Two measures are taken from them, and the Info Duration (when present) is a third:
 * - the latest block end: its Cluster's Timecode plus its relative timecode, plus its length;
 * - each audio track's blocks' lengths summed (what a decoder plays out whatever the timestamps say).
 * The longest wins, so no lying header, timestamp or block can shorten the measure.
 * MediaRecorder writes the case this is for: a live stream, no Duration in Info, Segment and
 * Clusters of unknown size (each Cluster then ends where an element that cannot be inside one
 * begins). A block whose start or length cannot be told makes the answer null, unless the Info
 * Duration reaches past its start (then its start must still be known).
 */
import { floatBE, u16be, u8, uintBE, type Bytes } from './bytes';
import { readElementHeader, readVint, type ElementHeader } from './ebml';
import { OPUS_MAX_PACKET_SAMPLES, opusPacketSamples } from './opus';

const ID = {
  EBML: 0x1a45dfa3,
  Segment: 0x18538067,
  SeekHead: 0x114d9b74,
  Info: 0x1549a966,
  TimecodeScale: 0x2ad7b1,
  Duration: 0x4489,
  Tracks: 0x1654ae6b,
  TrackEntry: 0xae,
  TrackNumber: 0xd7,
  TrackType: 0x83,
  CodecID: 0x86,
  DefaultDuration: 0x23e383,
  Audio: 0xe1,
  SamplingFrequency: 0xb5,
  Channels: 0x9f,
  BitDepth: 0x6264,
  Cluster: 0x1f43b675,
  Timecode: 0xe7,
  SimpleBlock: 0xa3,
  BlockGroup: 0xa0,
  Block: 0xa1,
  BlockDuration: 0x9b,
  Cues: 0x1c53bb6b,
  Tags: 0x1254c367,
  Chapters: 0x1043a770,
  Attachments: 0x1941a469,
} as const;

/** Elements that end an unknown-size Cluster: the Segment's own children, or a new file. */
const NOT_IN_CLUSTER = new Set<number>([
  ID.EBML, ID.Segment, ID.SeekHead, ID.Info, ID.Tracks, ID.Cluster, ID.Cues, ID.Tags, ID.Chapters, ID.Attachments,
]);

const TRACK_TYPE_AUDIO = 2;
/** More tracks than any audio file has: refused rather than held in memory. */
const MAX_TRACKS = 64;

interface Track {
  audio: boolean;
  codec: string;
  /** Nanoseconds per frame, 0 when not stated. */
  defaultDuration: number;
  rate: number;
  channels: number;
  bitDepth: number;
}

interface State {
  scale: number;
  infoDuration: number;
  tracks: Map<number, Track>;
  /** The latest end of a block seen, in nanoseconds. */
  end: number;
  /** Each audio track's blocks' lengths summed, in nanoseconds. */
  played: Map<number, number>;
  blocks: number;
  /** The latest start of a block whose own length could not be told, in nanoseconds; -Infinity: none. */
  startWithoutLength: number;
  /** A block's start could not be told (no Cluster Timecode before it). */
  unknownStart: boolean;
}

/** The body's end: a known size clamped to the bytes there are, an unknown size to `limit`. */
function bodyEnd(b: Bytes, e: ElementHeader, limit: number): number {
  return e.size < 0 ? limit : Math.min(e.body + e.size, limit, b.length);
}

export function webmSeconds(b: Bytes): number | null {
  const ebml = readElementHeader(b, 0);
  if (!ebml || ebml.id !== ID.EBML || ebml.size < 0) return null;
  const segment = readElementHeader(b, ebml.body + ebml.size);
  if (!segment || segment.id !== ID.Segment) return null;
  const s: State = {
    scale: 1_000_000, infoDuration: 0, tracks: new Map(), end: 0, played: new Map(), blocks: 0, startWithoutLength: -Infinity, unknownStart: false,
  };
  const segmentEnd = bodyEnd(b, segment, b.length);
  let pos = segment.body;
  // Each step moves past at least an element header (2 bytes): linear, and it ends.
  while (pos < segmentEnd) {
    const e = readElementHeader(b, pos);
    if (!e) break;
    if (e.id === ID.Cluster) {
      pos = walkCluster(b, e, segmentEnd, s);
      continue;
    }
    if (e.size < 0) break; // only Clusters may be of unknown size here: the rest cannot be skipped
    const end = bodyEnd(b, e, segmentEnd);
    // Blocks already read were timed and attributed with what came before: Info or Tracks after
    // them would change that, so such a file is not measured.
    if ((e.id === ID.Info || e.id === ID.Tracks) && s.blocks > 0) return null;
    if (e.id === ID.Info) readInfo(b, e.body, end, s);
    else if (e.id === ID.Tracks) readTracks(b, e.body, end, s);
    if (s.tracks.size > MAX_TRACKS) return null;
    pos = end;
  }
  if (s.unknownStart || ![...s.tracks.values()].some((t) => t.audio)) return null;
  // A block of unknown length is covered only by an Info Duration that reaches past its start.
  if (s.startWithoutLength !== -Infinity && !(s.infoDuration > s.startWithoutLength)) return null;
  let longest = Math.max(s.end, s.infoDuration);
  for (const played of s.played.values()) longest = Math.max(longest, played);
  const seconds = longest / 1e9;
  return seconds > 0 ? seconds : null;
}

/** The children of [from, to) with known sizes; stops at anything it cannot step over. */
function* children(b: Bytes, from: number, to: number): Generator<ElementHeader & { end: number }> {
  let pos = from;
  while (pos < to) {
    const e = readElementHeader(b, pos);
    if (!e || e.size < 0) return;
    const end = bodyEnd(b, e, to);
    yield { ...e, end };
    pos = end;
  }
}

function readInfo(b: Bytes, from: number, to: number, s: State): void {
  let duration = NaN;
  for (const e of children(b, from, to)) {
    if (e.id === ID.TimecodeScale) s.scale = uintBE(b, e.body, e.size) || 1_000_000;
    if (e.id === ID.Duration) duration = floatBE(b, e.body, e.size);
  }
  // Duration is in TimecodeScale units, which may follow it in the element: scaled once both are read.
  if (duration > 0 && Number.isFinite(duration)) s.infoDuration = Math.max(s.infoDuration, duration * s.scale);
}

function readTracks(b: Bytes, from: number, to: number, s: State): void {
  for (const entry of children(b, from, to)) {
    if (entry.id !== ID.TrackEntry) continue;
    let number = NaN;
    const track: Track = { audio: false, codec: '', defaultDuration: 0, rate: 0, channels: 1, bitDepth: 0 };
    for (const e of children(b, entry.body, entry.end)) {
      if (e.id === ID.TrackNumber) number = uintBE(b, e.body, e.size);
      else if (e.id === ID.TrackType) track.audio = uintBE(b, e.body, e.size) === TRACK_TYPE_AUDIO;
      else if (e.id === ID.CodecID) track.codec = text(b, e.body, e.end);
      else if (e.id === ID.DefaultDuration) track.defaultDuration = uintBE(b, e.body, e.size) || 0;
      else if (e.id === ID.Audio) {
        for (const a of children(b, e.body, e.end)) {
          if (a.id === ID.SamplingFrequency) track.rate = floatBE(b, a.body, a.size);
          else if (a.id === ID.Channels) track.channels = uintBE(b, a.body, a.size);
          else if (a.id === ID.BitDepth) track.bitDepth = uintBE(b, a.body, a.size);
        }
      }
    }
    if (Number.isFinite(number)) s.tracks.set(number, track);
    if (s.tracks.size > MAX_TRACKS) return;
  }
}

function text(b: Bytes, from: number, to: number): string {
  let out = '';
  for (let i = from; i < to && i < from + 64; i++) out += String.fromCharCode(b[i] as number);
  return out.replace(/\0+$/, '');
}

/** Walks a Cluster's blocks; returns where the Segment's walk goes on. */
function walkCluster(b: Bytes, cluster: ElementHeader, segmentEnd: number, s: State): number {
  const end = bodyEnd(b, cluster, segmentEnd);
  let timecode = NaN;
  let pos = cluster.body;
  while (pos < end) {
    const e = readElementHeader(b, pos);
    if (!e) return end;
    if (cluster.size < 0 && NOT_IN_CLUSTER.has(e.id)) return pos; // the unknown-size Cluster ends here
    if (e.size < 0) return end; // nothing inside a Cluster may be of unknown size
    const childEnd = bodyEnd(b, e, end);
    if (e.id === ID.Timecode) timecode = uintBE(b, e.body, e.size);
    else if (e.id === ID.SimpleBlock) addBlock(b, e.body, childEnd, timecode, NaN, s);
    else if (e.id === ID.BlockGroup) {
      let block: (ElementHeader & { end: number }) | undefined;
      let duration = NaN;
      for (const g of children(b, e.body, childEnd)) {
        if (g.id === ID.Block) block = g;
        else if (g.id === ID.BlockDuration) duration = uintBE(b, g.body, g.size);
      }
      if (block) addBlock(b, block.body, block.end, timecode, duration, s);
    }
    pos = childEnd;
  }
  return end;
}

/** A block at [from, to): its track, relative timecode, flags, then its frame(s). */
function addBlock(b: Bytes, from: number, to: number, clusterTimecode: number, durationTicks: number, s: State): void {
  const trackNumber = readVint(b, from);
  if (!trackNumber) return;
  s.blocks++;
  const track = s.tracks.get(trackNumber.value);
  // Video, subtitles, or a track never declared (which no decoder plays): not what is transcribed.
  if (!track?.audio) return;
  const at = from + trackNumber.length;
  const relative = (u16be(b, at) ^ 0x8000) - 0x8000; // signed 16 bits
  if (!Number.isFinite(clusterTimecode) || !Number.isFinite(relative)) {
    s.unknownStart = true;
    return;
  }
  const start = (clusterTimecode + relative) * s.scale;
  const length = blockLength(b, at + 3, to, u8(b, at + 2), track, durationTicks * s.scale);
  if (Number.isFinite(length)) {
    s.end = Math.max(s.end, start + length);
    s.played.set(trackNumber.value, (s.played.get(trackNumber.value) ?? 0) + length);
  } else s.startWithoutLength = Math.max(s.startWithoutLength, start);
}

/** A block's playing time in nanoseconds, from the most direct statement there is; NaN when none. */
function blockLength(b: Bytes, payload: number, to: number, flags: number, track: Track, stated: number): number {
  if (stated > 0) return stated;
  const laced = (flags & 0x06) !== 0;
  const frames = laced ? u8(b, payload) + 1 : 1;
  if (track.defaultDuration > 0) return frames * track.defaultDuration;
  if (track.codec === 'A_OPUS') {
    // A laced block's frames are each bounded by the most an Opus packet holds.
    const samples = laced ? NaN : opusPacketSamples(b, payload, to - payload);
    return ((Number.isFinite(samples) ? samples : frames * OPUS_MAX_PACKET_SAMPLES) / 48000) * 1e9;
  }
  if (track.codec.startsWith('A_PCM/')) {
    const bytesPerSecond = track.rate * track.channels * Math.ceil(track.bitDepth / 8);
    return bytesPerSecond > 0 ? ((to - payload) / bytesPerSecond) * 1e9 : NaN;
  }
  return NaN;
}
