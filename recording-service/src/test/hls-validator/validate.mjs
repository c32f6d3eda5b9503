// Reads one playlist and checks it with two independent parsers: hls-parser in strict mode (it throws on any
// violation of the HLS spec it knows, LL-HLS tags included) and m3u8-parser (video.js), whose warnings count as
// failures. Prints one JSON line: {"ok", "errors", "warnings", "summary"}. Usage: node validate.mjs <file>
import { readFileSync } from 'node:fs';
import HLS from 'hls-parser';
import { Parser } from 'm3u8-parser';

const text = readFileSync(process.argv[2], 'utf8');
const errors = [];
const warnings = [];
let summary = {};

try {
  HLS.setOptions({ strictMode: true });
  const playlist = HLS.parse(text);
  if (playlist.isMasterPlaylist) {
    summary = {
      master: true,
      variants: playlist.variants.map((v) => ({ uri: v.uri, bandwidth: v.bandwidth, codecs: v.codecs, resolution: v.resolution })),
    };
  } else {
    summary = {
      master: false,
      version: playlist.version,
      targetDuration: playlist.targetDuration,
      mediaSequenceBase: playlist.mediaSequenceBase,
      discontinuitySequenceBase: playlist.discontinuitySequenceBase,
      endlist: playlist.endlist,
      playlistType: playlist.playlistType ?? null,
      partTargetDuration: playlist.partTargetDuration ?? null,
      canBlockReload: playlist.lowLatencyCompatibility?.canBlockReload ?? false,
      partHoldBack: playlist.lowLatencyCompatibility?.partHoldBack ?? null,
      segments: playlist.segments.map((s) => ({
        uri: s.uri, duration: s.duration, discontinuity: s.discontinuity, map: s.map?.uri ?? null,
        parts: (s.parts ?? []).map((p) => ({ uri: p.uri, duration: p.duration, independent: p.independent ?? false })),
      })),
      prefetchParts: (playlist.prefetchSegments ?? []).flatMap((s) => (s.parts ?? []).map((p) => p.uri)),
      preloadHint: playlist.renditionReports ? undefined : undefined,
    };
  }
} catch (error) {
  errors.push(`hls-parser: ${error.message}`);
}

const parser = new Parser();
parser.on('warn', (warning) => warnings.push(`m3u8-parser: ${warning.message}`));
parser.push(text);
parser.end();
summary.preloadHints = parser.manifest.preloadHints ?? [];
summary.serverControl = parser.manifest.serverControl ?? null;

process.stdout.write(JSON.stringify({ ok: errors.length === 0 && warnings.length === 0, errors, warnings, summary }) + '\n');
