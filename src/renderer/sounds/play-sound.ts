/**
 * Success and error tones, made with the Web Audio API at run time (no files to load).
 * Every tone that plays is also recorded on `document.body` (`data-last-sound`,
 * `data-sound-count`) so a test can observe it without hearing it.
 */

/** The tones a packing station hears. */
export type SoundKind = 'success' | 'error' | 'warning';

interface Note {
  hz: number;
  ms: number;
  wave: OscillatorType;
}

// Rising for success, a low double buzz for error: told apart without looking.
const TONES: Record<SoundKind, Note[]> = {
  success: [
    { hz: 880, ms: 90, wave: 'sine' },
    { hz: 1320, ms: 140, wave: 'sine' },
  ],
  error: [
    { hz: 220, ms: 180, wave: 'square' },
    { hz: 0, ms: 70, wave: 'square' },
    { hz: 220, ms: 260, wave: 'square' },
  ],
  warning: [
    { hz: 660, ms: 120, wave: 'triangle' },
    { hz: 660, ms: 120, wave: 'triangle' },
  ],
};

let enabled = true;
let context: AudioContext | null = null;

/** Turns the tones on or off (the Settings switch). */
export function setSoundsEnabled(on: boolean): void {
  enabled = on;
}

/** Plays the tone of `kind` unless sounds are off; never throws. */
export function playSound(kind: SoundKind): void {
  if (!enabled) return;
  record(kind);
  try {
    schedule(kind);
  } catch {
    // No audio device (or a test DOM without Web Audio): the colour and text still say it.
  }
}

function record(kind: SoundKind): void {
  const data = document.body.dataset;
  data.lastSound = kind;
  data.soundCount = String(Number(data.soundCount ?? '0') + 1);
}

function schedule(kind: SoundKind): void {
  if (typeof AudioContext === 'undefined') return;
  context ??= new AudioContext();
  const audio = context;
  if (audio.state === 'suspended') void audio.resume();

  let at = audio.currentTime + 0.01;
  for (const note of TONES[kind]) {
    const seconds = note.ms / 1000;
    if (note.hz > 0) playNote(audio, note, at, seconds);
    at += seconds;
  }
}

function playNote(audio: AudioContext, note: Note, at: number, seconds: number): void {
  const oscillator = audio.createOscillator();
  const gain = audio.createGain();
  oscillator.type = note.wave;
  oscillator.frequency.value = note.hz;

  // A short fade in and out avoids the click of a hard start and stop.
  gain.gain.setValueAtTime(0, at);
  gain.gain.linearRampToValueAtTime(0.25, at + 0.01);
  gain.gain.setValueAtTime(0.25, at + seconds - 0.02);
  gain.gain.linearRampToValueAtTime(0, at + seconds);

  oscillator.connect(gain).connect(audio.destination);
  oscillator.start(at);
  oscillator.stop(at + seconds);
}
