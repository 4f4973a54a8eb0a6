#!/usr/bin/env python3
"""Generate the bundled TKD Workbench sample dataset (synthetic keyword clips).

What it does
------------
Builds a small keyword-spotting dataset in the Google Speech Commands v2
layout next to this script (in ``sample-audio/``):

    <word>/<speakerid>_nohash_<n>.wav     ten words: yes no up down left right
                                          on off stop go
    _background_noise_/*.wav              four synthetic noise recordings
    validation_list.txt, testing_list.txt relative paths, split by speaker

* A "speaker" is a fixed espeak-ng voice + variant, pitch (-p 20..80),
  speed (-s 120..220) and amplitude.  Each speaker gets an 8-hex-digit id and
  says every word once (n=0); a few randomly chosen (speaker, word) pairs get a
  second take (n=1) with slightly different pitch and speed.
* Every clip is 16 kHz, mono, signed 16-bit PCM WAV (plain 44-byte RIFF
  header), exactly 16000 samples.  The synthesised word is resampled with sox,
  its leading/trailing silence is trimmed (10 ms frame energy, -55 dB below the
  loudest frame), it is sped up with sox ``tempo`` if it would be longer than
  0.95 s (never cut), peak-normalised to a random level in -12..-3 dBFS and
  placed at a random offset with its centre in the middle of the second and
  fully inside it.  The rest is a very low noise floor (about -84 dBFS RMS), not
  digital zero, so log features never see log(0).
* Splits are by speaker with the same SHA-1 hash rule as Speech Commands
  (``which_set`` in TensorFlow's speech_commands/input_data.py, 10 % / 10 %):
  speaker ids are drawn from the seeded RNG until the hash puts them in the
  split the speaker was assigned to, so the lists agree with that rule *and*
  have a fixed size (N_VALIDATION / N_TESTING speakers).
* Everything is driven by one fixed seed (SEED); espeak-ng and ``sox -R`` are
  deterministic, so a re-run on the same tool versions gives byte-identical
  files.
* It writes into a temporary directory inside sample-audio/, checks the result
  (formats, counts, lists, splits, that every clip really contains a word, the
  size budget), and only then swaps it in for the previous generated files.
  A failed run leaves the previous dataset untouched.  This script and
  README.md are never touched.

Usage
-----
    python3 sample-audio/make_sample.py           # (re)generate
    python3 sample-audio/make_sample.py --check   # only verify the committed
                                                  # files (needs no espeak/sox)
    python3 sample-audio/make_sample.py --bigger DIR [--speakers 96
            --validation 6 --testing 10]          # a bigger set elsewhere, for
                                                  # measuring (not committed)

Needs Python 3.8+ (standard library only), espeak-ng and sox
(Debian/Ubuntu: ``apt-get install espeak-ng sox``).
"""

import argparse
import array
import hashlib
import math
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import wave

# ---------------------------------------------------------------- settings
SEED = 20240917
SR = 16000                   # sample rate of every output file
CLIP_SAMPLES = SR            # 1.000 s per keyword clip
WORDS = ["yes", "no", "up", "down", "left", "right", "on", "off", "stop", "go"]
N_SPEAKERS = 32
N_VALIDATION = 3             # speakers in validation_list.txt (~10 %)
N_TESTING = 3                # speakers in testing_list.txt   (~10 %)
N_SECOND_TAKES = 12          # extra n=1 clips, spread over random speaker/word pairs
MIN_PER_WORD = 30
SIZE_LIMIT = 12_000_000      # bytes for all of sample-audio/ (du -sb)

MAX_WORD_S = 0.95            # longer words are sped up (sox tempo) ...
TEMPO_TARGET_S = 0.90        # ... to about this length
EDGE_MARGIN = int(0.010 * SR)  # keep the word this far from the clip edges
PEAK_DBFS = (-12.0, -3.0)
FLOOR_DBFS = -84.0           # RMS of the noise floor around the word
TRIM_DB = -55.0              # frame RMS threshold relative to the loudest frame
TRIM_PRE, TRIM_POST = int(0.020 * SR), int(0.040 * SR)

# espeak-ng English voices (gmw/*; the mbrola "mb-*" voices need mbrola) and
# voice variants (voices/!v/*).  Those missing on this machine are dropped
# with a warning (the output then differs from the committed files).
BASE_VOICES = ["en", "en-us", "en-gb-scotland", "en-gb-x-rp", "en-gb-x-gbclan",
               "en-gb-x-gbcwmd", "en-029", "en-us-nyc"]
VARIANTS = ["m1", "m2", "m3", "m4", "m5", "m6", "m7", "f1", "f2", "f3", "f4", "f5",
            "klatt", "klatt2", "klatt3", "klatt4", "croak", "grandma", "grandpa",
            "steph", "linda", "Annie", "Andy", "john", "iven", "aunty", "belinda",
            "max", "paul", "rob", "zac", "Alicia", "Andrea", "michel", "quincy",
            "edward"]
PITCH = (20, 80)
SPEED = (120, 220)
AMPLITUDE = (70, 120)

NOISE_SECONDS = 8
# name -> target RMS in dBFS
NOISES = {"white_noise.wav": -25.0, "pink_noise.wav": -23.0,
          "brown_noise.wav": -22.0, "hum_and_bursts.wav": -22.0}

HERE = os.path.dirname(os.path.abspath(__file__))
GENERATED = WORDS + ["_background_noise_", "validation_list.txt", "testing_list.txt"]

# Speech Commands' which_set() (TensorFlow speech_commands/input_data.py)
MAX_NUM_WAVS_PER_CLASS = 2 ** 27 - 1


def which_set(filename, validation_percentage=10.0, testing_percentage=10.0):
    base_name = os.path.basename(filename)
    hash_name = re.sub(r"_nohash_.*$", "", base_name)
    hashed = hashlib.sha1(hash_name.encode("utf-8")).hexdigest()
    percentage_hash = ((int(hashed, 16) % (MAX_NUM_WAVS_PER_CLASS + 1))
                       * (100.0 / MAX_NUM_WAVS_PER_CLASS))
    if percentage_hash < validation_percentage:
        return "validation"
    if percentage_hash < testing_percentage + validation_percentage:
        return "testing"
    return "training"


def die(msg):
    print("make_sample: " + msg, file=sys.stderr)
    sys.exit(1)


def db(x):
    return 20.0 * math.log10(max(x, 1e-12))


def rms(xs):
    return math.sqrt(sum(v * v for v in xs) / len(xs)) if xs else 0.0


# ---------------------------------------------------------------- tools
def run(cmd, data=None):
    p = subprocess.run(cmd, input=data, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode != 0:
        die("command failed (%d): %s\n%s" % (p.returncode, " ".join(cmd),
                                             p.stderr.decode(errors="replace")))
    return p.stdout


def check_tools():
    missing = [t for t in ("espeak-ng", "sox") if shutil.which(t) is None]
    if missing:
        die("%s not found. Install with:  apt-get install espeak-ng sox\n"
            "(the committed dataset itself needs neither tool; use --check to verify it)"
            % " and ".join(missing))
    out = run(["espeak-ng", "--version"]).decode()
    m = re.search(r"Data at:\s*(\S+)", out)
    data_dir = m.group(1) if m else "/usr/lib/x86_64-linux-gnu/espeak-ng-data"
    listing = run(["espeak-ng", "--voices=en"]).decode()
    langs = {line.split()[1] for line in listing.splitlines()[1:] if line.split()}
    langs.add("en")  # "en" resolves to en-gb (listed as "(en 2)")
    voices = [v for v in BASE_VOICES if v in langs]
    variants = [v for v in VARIANTS
                if os.path.isfile(os.path.join(data_dir, "voices", "!v", v))]
    for kind, want, have in (("voice", BASE_VOICES, voices), ("variant", VARIANTS, variants)):
        lost = [v for v in want if v not in have]
        if lost:
            print("warning: espeak-ng %s(s) not available, skipped: %s"
                  % (kind, " ".join(lost)), file=sys.stderr)
    if len(voices) < 3 or len(variants) < 8:
        die("too few espeak-ng English voices/variants available")
    print("espeak-ng: %s" % out.strip().splitlines()[0])
    print("sox: %s" % run(["sox", "--version"]).decode().strip())
    return voices, variants


def floats_from_sox(raw):
    a = array.array("f")
    a.frombytes(raw)
    if sys.byteorder != "little":
        a.byteswap()
    return list(a)


def floats_to_raw(xs):
    a = array.array("f", xs)
    if sys.byteorder != "little":
        a.byteswap()
    return a.tobytes()


RAW_F32 = ["-t", "raw", "-e", "floating-point", "-b", "32", "-L", "-c", "1", "-r", str(SR)]


def write_wav16(path, xs):
    a = array.array("h", (max(-32768, min(32767, int(round(v * 32768.0)))) for v in xs))
    if sys.byteorder != "little":
        a.byteswap()
    with wave.open(path, "wb") as w:   # plain PCM RIFF header, 44 bytes
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(SR)
        w.writeframes(a.tobytes())


def read_wav16(path):
    with wave.open(path, "rb") as w:
        params = (w.getnchannels(), w.getsampwidth(), w.getframerate(), w.getnframes())
        a = array.array("h")
        a.frombytes(w.readframes(w.getnframes()))
    if sys.byteorder != "little":
        a.byteswap()
    return params, [v / 32768.0 for v in a]


# ---------------------------------------------------------------- speakers
def make_speakers(rng, voices, variants):
    """Fixed list of speakers: id, split, espeak settings."""
    vs = (voices * (N_SPEAKERS // len(voices) + 1))[:N_SPEAKERS]
    rng.shuffle(vs)
    var = rng.sample(variants, N_SPEAKERS) if len(variants) >= N_SPEAKERS else \
        [variants[i % len(variants)] for i in range(N_SPEAKERS)]
    splits = (["validation"] * N_VALIDATION + ["testing"] * N_TESTING
              + ["training"] * (N_SPEAKERS - N_VALIDATION - N_TESTING))
    rng.shuffle(splits)
    used, speakers = set(), []
    for i in range(N_SPEAKERS):
        while True:  # draw ids until Speech Commands' hash agrees with the split
            sid = "%08x" % rng.getrandbits(32)
            if sid not in used and which_set(sid + "_nohash_0.wav") == splits[i]:
                break
        used.add(sid)
        speakers.append({
            "id": sid, "split": splits[i], "voice": vs[i] + "+" + var[i],
            "pitch": rng.randint(*PITCH), "speed": rng.randint(*SPEED),
            "amp": rng.randint(*AMPLITUDE),
        })
    return speakers


def make_takes(rng, speakers):
    """(speaker, word, n, pitch, speed) for every clip."""
    pairs = [(s, w) for s in speakers for w in WORDS]
    second = set(id(p) for p in rng.sample(pairs, N_SECOND_TAKES))
    takes = []
    for p in pairs:
        s, w = p
        takes.append((s, w, 0, s["pitch"], s["speed"]))
        if id(p) in second:  # small variation for the second take
            dp = rng.choice([-1, 1]) * rng.randint(3, 8)
            ds = rng.choice([-1, 1]) * rng.randint(8, 20)
            takes.append((s, w, 1, min(99, max(0, s["pitch"] + dp)),
                          min(260, max(100, s["speed"] + ds))))
    return takes


# ---------------------------------------------------------------- audio
def trim(xs):
    """Cut leading/trailing silence: 10 ms frames, threshold TRIM_DB re loudest."""
    hop = SR // 100
    frames = [rms(xs[i:i + hop]) for i in range(0, len(xs), hop)]
    if not frames or max(frames) <= 0.0:
        return []
    thr = max(frames) * 10 ** (TRIM_DB / 20.0)
    on = [i for i, f in enumerate(frames) if f >= thr]
    start = max(0, on[0] * hop - TRIM_PRE)
    end = min(len(xs), (on[-1] + 1) * hop + TRIM_POST)
    return xs[start:end]


def synth_word(tmpdir, word, voice, pitch, speed, amp):
    wav = os.path.join(tmpdir, "espeak.wav")
    run(["espeak-ng", "-v", voice, "-p", str(pitch), "-s", str(speed), "-a", str(amp),
         "-w", wav, word])
    raw = run(["sox", "-R", "-D", wav] + RAW_F32 + ["-", "rate", "-v", str(SR)])
    return floats_from_sox(raw)


def fit_word(xs):
    """Trimmed word no longer than MAX_WORD_S; returns (samples, tempo factor)."""
    xs = trim(xs)
    factor = 1.0
    for _ in range(4):
        if len(xs) <= MAX_WORD_S * SR:
            return xs, factor
        f = len(xs) / (TEMPO_TARGET_S * SR)
        factor *= f
        xs = floats_from_sox(run(["sox", "-R", "-D"] + RAW_F32 + ["-"] + RAW_F32
                                 + ["-", "tempo", "-s", "%.4f" % f], floats_to_raw(xs)))
        xs = trim(xs)
    die("could not fit a word into %.2f s" % MAX_WORD_S)


def place(rng, word):
    n = len(word)
    # fade the trimmed edges over 8 ms so the cut never clicks
    fade = min(int(0.008 * SR), n // 4)
    word = list(word)
    for i in range(fade):
        g = (i + 0.5) / fade
        word[i] *= g
        word[n - 1 - i] *= g
    peak = max(abs(v) for v in word)
    gain = 10 ** (rng.uniform(*PEAK_DBFS) / 20.0) / peak
    # centre within the middle 0.4 s, clamped so the word stays fully inside
    lo, hi = EDGE_MARGIN, CLIP_SAMPLES - EDGE_MARGIN - n
    centre = rng.uniform(0.3, 0.7) * CLIP_SAMPLES
    off = int(round(min(max(centre - n / 2.0, lo), hi)))
    sigma = 10 ** (FLOOR_DBFS / 20.0)
    out = [rng.gauss(0.0, sigma) for _ in range(CLIP_SAMPLES)]
    for i, v in enumerate(word):
        out[off + i] += v * gain
    return out, off


# ---------------------------------------------------------------- noise
def sox_synth(args):
    return floats_from_sox(run(["sox", "-R", "-n"] + RAW_F32 + ["-", "synth",
                                                                 str(NOISE_SECONDS)] + args))


def level(xs, target_dbfs):
    g = 10 ** (target_dbfs / 20.0) / rms(xs)
    ys = [v * g for v in xs]
    if max(abs(v) for v in ys) >= 0.99:
        die("noise would clip")
    return ys


def make_noise(rng, outdir):
    os.makedirs(outdir)
    n = NOISE_SECONDS * SR
    sigs = {
        "white_noise.wav": sox_synth(["whitenoise"]),
        "pink_noise.wav": sox_synth(["pinknoise", "highpass", "20"]),
        "brown_noise.wav": sox_synth(["brownnoise", "highpass", "20"]),
    }
    # hum (50 Hz mains + harmonics, slow drift) plus bursty band-passed noise
    hum = floats_from_sox(run(["sox", "-R", "-r", str(SR), "-c", "3", "-n"] + RAW_F32
                              + ["-", "synth", str(NOISE_SECONDS),
                                 "sine", "50", "sine", "100", "sine", "150",
                                 "remix", "1v0.6,2v0.3,3v0.12", "tremolo", "0.2", "20"]))
    band = sox_synth(["pinknoise", "sinc", "300-3500"])
    env = [0.08] * n                       # faint steady part of the band noise
    t = 0.2
    while t < NOISE_SECONDS - 0.3:         # random bursts, raised-cosine edges
        dur = rng.uniform(0.12, 0.9)
        a = rng.uniform(0.4, 1.0)
        s, e = int(t * SR), min(n, int((t + dur) * SR))
        ramp = max(1, min(int(0.04 * SR), (e - s) // 2))
        for i in range(s, e):
            k = min(i - s, e - 1 - i)
            g = 0.5 - 0.5 * math.cos(math.pi * k / ramp) if k < ramp else 1.0
            env[i] = max(env[i], a * g)
        t += dur + rng.uniform(0.2, 1.5)
    bursts = [b * g for b, g in zip(band, env)]
    g = 0.5 * rms(bursts) / rms(hum)                        # hum ~6 dB below bursts
    hum = [v * g for v in hum]
    sigs["hum_and_bursts.wav"] = [h + b for h, b in zip(hum, bursts)]
    for name, target in NOISES.items():
        write_wav16(os.path.join(outdir, name), level(sigs[name][:n], target))
    with open(os.path.join(outdir, "README.md"), "w") as f:
        f.write(NOISE_README)


NOISE_README = """\
# Background noise (synthetic)

These recordings are **synthetic**: generated by `../make_sample.py` with
`sox -n ... synth` (fixed seed via `sox -R`), not recorded.  16 kHz, mono,
signed 16-bit PCM WAV, %d s each, levelled to the RMS given below.

| file | content | RMS |
|---|---|---|
| white_noise.wav | white noise | -25 dBFS |
| pink_noise.wav | pink noise (high-passed at 20 Hz) | -23 dBFS |
| brown_noise.wav | brown noise (high-passed at 20 Hz) | -22 dBFS |
| hum_and_bursts.wav | 50/100/150 Hz hum with slow tremolo, plus random bursts of band-passed (300-3500 Hz) pink noise over a faint steady floor: non-stationary | -22 dBFS |

As in Speech Commands, mix slices of these into keyword clips for noise
augmentation or use them as a "silence" class.  Free to use (no third-party
material).
""" % NOISE_SECONDS


# ---------------------------------------------------------------- check
def du_sb(path):
    """Like `du -sb`: apparent sizes of files plus directory entries."""
    total = os.lstat(path).st_size
    for root, dirs, files in os.walk(path):
        for name in dirs + files:
            total += os.lstat(os.path.join(root, name)).st_size
    return total


def verify(root, extra_bytes=0, quiet=False):
    """Check a dataset directory; returns a summary dict. Dies on any problem."""
    problems = []
    counts = {w: {"training": 0, "validation": 0, "testing": 0} for w in WORDS}
    lists = {}
    for split, fname in (("validation", "validation_list.txt"), ("testing", "testing_list.txt")):
        p = os.path.join(root, fname)
        if not os.path.isfile(p):
            die("missing " + fname)
        with open(p) as f:
            lines = f.read().splitlines()
        if lines != sorted(set(lines)):
            problems.append(fname + " is not sorted/unique")
        lists[split] = set(lines)
        for rel in lines:
            if not os.path.isfile(os.path.join(root, rel)):
                problems.append("%s lists missing file %s" % (fname, rel))
    if lists["validation"] & lists["testing"]:
        problems.append("files in both validation and testing lists")
    speaker_split = {}
    speakers = set()
    floor_db, mid_db = [], []
    for w in WORDS:
        d = os.path.join(root, w)
        if not os.path.isdir(d):
            die("missing folder " + w)
        for fn in sorted(os.listdir(d)):
            rel = w + "/" + fn
            m = re.fullmatch(r"([0-9a-f]{8})_nohash_(\d+)\.wav", fn)
            if not m:
                problems.append("bad name " + rel)
                continue
            sid = m.group(1)
            speakers.add(sid)
            split = ("validation" if rel in lists["validation"] else
                     "testing" if rel in lists["testing"] else "training")
            if speaker_split.setdefault(sid, split) != split:
                problems.append("speaker %s crosses splits (%s)" % (sid, rel))
            if which_set(fn) != split:
                problems.append("%s: list says %s, Speech Commands hash says %s"
                                % (rel, split, which_set(fn)))
            counts[w][split] += 1
            path = os.path.join(root, rel)
            if os.path.getsize(path) != 44 + 2 * CLIP_SAMPLES:
                problems.append("%s: %d bytes, expected %d" % (rel, os.path.getsize(path),
                                                               44 + 2 * CLIP_SAMPLES))
            params, xs = read_wav16(path)
            if params != (1, 2, SR, CLIP_SAMPLES):
                problems.append("%s: channels/width/rate/frames %s" % (rel, params))
                continue
            pk = db(max(abs(v) for v in xs))
            edge = db(max(rms(xs[:160]), rms(xs[-160:])))     # first/last 10 ms
            mid = db(rms(xs[SR // 4: 3 * SR // 4]))           # middle 0.5 s
            win = [rms(xs[i:i + 1600]) for i in range(0, CLIP_SAMPLES, 1600)]
            quiet_db, loud_db = db(min(win)), db(max(win))     # 100 ms windows
            floor_db.append(quiet_db)
            mid_db.append(mid)
            if not (PEAK_DBFS[0] - 0.5 <= pk <= PEAK_DBFS[1] + 0.5):
                problems.append("%s: peak %.1f dBFS" % (rel, pk))
            if mid < -40.0 or loud_db - quiet_db < 40.0:
                problems.append("%s: no clear word (middle RMS %.1f dBFS, loudest/quietest"
                                " 100 ms %.1f/%.1f dBFS)" % (rel, mid, loud_db, quiet_db))
            if edge > -65.0:
                problems.append("%s: word touches the clip edge (%.1f dBFS)" % (rel, edge))
    for w in WORDS:
        c = counts[w]
        if sum(c.values()) < MIN_PER_WORD:
            problems.append("%s: only %d clips" % (w, sum(c.values())))
        if c["validation"] == 0 or c["testing"] == 0:
            problems.append("%s: no validation or no testing clips" % w)
    nd = os.path.join(root, "_background_noise_")
    noise = sorted(f for f in os.listdir(nd) if f.endswith(".wav")) if os.path.isdir(nd) else []
    if not 3 <= len(noise) <= 4:
        problems.append("expected 3-4 noise files, found %d" % len(noise))
    noise_info = {}
    for fn in noise:
        (ch, sw, sr, nf), xs = read_wav16(os.path.join(nd, fn))
        if (ch, sw, sr) != (1, 2, SR):
            problems.append("noise %s: format %s" % (fn, (ch, sw, sr)))
        noise_info[fn] = (nf / sr, db(rms(xs)))
        if not -26.0 <= db(rms(xs)) <= -19.0:
            problems.append("noise %s: RMS %.1f dBFS" % (fn, db(rms(xs))))
    size = du_sb(root) + extra_bytes
    if size > SIZE_LIMIT:
        problems.append("size %d bytes > %d" % (size, SIZE_LIMIT))
    if problems:
        die("check failed:\n  " + "\n  ".join(problems[:50]))
    summary = {"counts": counts, "speakers": speaker_split, "size": size,
               "noise": noise_info, "floor": (min(floor_db), max(floor_db)),
               "mid": (min(mid_db), max(mid_db))}
    if not quiet:
        print_summary(summary)
    return summary


def print_summary(s):
    c = s["counts"]
    print("%-6s %6s %6s %6s %6s" % ("word", "train", "valid", "test", "total"))
    tot = {"training": 0, "validation": 0, "testing": 0}
    for w in WORDS:
        for k in tot:
            tot[k] += c[w][k]
        print("%-6s %6d %6d %6d %6d" % (w, c[w]["training"], c[w]["validation"],
                                        c[w]["testing"], sum(c[w].values())))
    print("%-6s %6d %6d %6d %6d" % ("all", tot["training"], tot["validation"],
                                    tot["testing"], sum(tot.values())))
    sp = s["speakers"]
    print("speakers: %d (training %d, validation %d, testing %d)" % (
        len(sp), sum(v == "training" for v in sp.values()),
        sum(v == "validation" for v in sp.values()),
        sum(v == "testing" for v in sp.values())))
    for fn, (dur, r) in sorted(s["noise"].items()):
        print("noise %-20s %.1f s  RMS %.1f dBFS" % (fn, dur, r))
    print("clip noise floor (quietest 100 ms) %.1f..%.1f dBFS; middle 0.5 s RMS %.1f..%.1f dBFS"
          % (s["floor"] + s["mid"]))
    print("total size: %d bytes" % s["size"])


# ---------------------------------------------------------------- main
def generate():
    voices, variants = check_tools()
    # let SIGTERM unwind through the finally below, so temp dirs get removed
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("make_sample: terminated"))
    for stale in os.listdir(HERE):       # left over by a killed run
        if stale.startswith((".build-", ".old-")):
            print("removing stale %s" % stale)
            shutil.rmtree(os.path.join(HERE, stale), ignore_errors=True)
    rng = random.Random(SEED)
    speakers = make_speakers(rng, voices, variants)
    takes = make_takes(rng, speakers)
    build = tempfile.mkdtemp(prefix=".build-", dir=HERE)
    old = None
    try:
        lists = {"validation": [], "testing": []}
        log = []
        with tempfile.TemporaryDirectory() as tmp:
            for w in WORDS:
                os.makedirs(os.path.join(build, w))
            for k, (s, w, n, pitch, speed) in enumerate(takes):
                raw = synth_word(tmp, w, s["voice"], pitch, speed, s["amp"])
                word, factor = fit_word(raw)
                if len(word) < 0.1 * SR:
                    die("%s by %s came out empty" % (w, s["voice"]))
                clip, off = place(rng, word)
                rel = "%s/%s_nohash_%d.wav" % (w, s["id"], n)
                write_wav16(os.path.join(build, rel), clip)
                if s["split"] in lists:
                    lists[s["split"]].append(rel)
                log.append((rel, len(word) / SR, factor))
                if (k + 1) % 50 == 0:
                    print("  %d/%d clips" % (k + 1, len(takes)))
        for split, fname in (("validation", "validation_list.txt"),
                             ("testing", "testing_list.txt")):
            with open(os.path.join(build, fname), "w") as f:
                f.write("".join(r + "\n" for r in sorted(lists[split])))
        make_noise(rng, os.path.join(build, "_background_noise_"))

        print("speakers:")
        for s in speakers:
            print("  %s %-10s %-22s -p %2d -s %3d -a %3d" % (s["id"], s["split"], s["voice"],
                                                         s["pitch"], s["speed"], s["amp"]))
        lens = [l for _, l, _ in log]
        sped = [(r, f) for r, _, f in log if f != 1.0]
        print("word length after trimming: %.2f..%.2f s; sped up: %s" % (
            min(lens), max(lens),
            ", ".join("%s x%.2f" % x for x in sped) if sped else "none"))
        # files that stay: this script, README.md, anything else not generated
        keep = sum(du_sb(os.path.join(HERE, f)) if os.path.isdir(os.path.join(HERE, f))
                   else os.lstat(os.path.join(HERE, f)).st_size
                   for f in os.listdir(HERE)
                   if f not in GENERATED and not f.startswith((".build-", ".old-")))
        summary = verify(build, extra_bytes=keep + os.lstat(HERE).st_size
                         - os.lstat(build).st_size, quiet=True)

        # swap in: move the old generated entries aside, the new ones in, drop the old
        old = tempfile.mkdtemp(prefix=".old-", dir=HERE)
        moved, placed = [], []
        try:
            for name in GENERATED:
                if os.path.lexists(os.path.join(HERE, name)):
                    os.rename(os.path.join(HERE, name), os.path.join(old, name))
                    moved.append(name)
            for name in GENERATED:
                os.rename(os.path.join(build, name), os.path.join(HERE, name))
                placed.append(name)
        except OSError:
            for name in placed:         # roll back to the previous dataset
                os.rename(os.path.join(HERE, name), os.path.join(build, name))
            for name in moved:
                os.rename(os.path.join(old, name), os.path.join(HERE, name))
            raise
    finally:
        shutil.rmtree(build, ignore_errors=True)
        if old:
            shutil.rmtree(old, ignore_errors=True)
    summary["size"] = du_sb(HERE)
    print_summary(summary)


def generate_bigger(out, n_speakers, n_validation, n_testing):
    """A bigger set with the same recipe into a new folder `out` (no size budget, not committed).

    The bundled sample's test split is 3 speakers (32 clips), too few to tell models apart; this
    makes as many speakers as asked, for measuring. Voice variants repeat beyond their number
    (each speaker still has its own voice, pitch, speed and level); one take per speaker and word.
    Its own seed (SEED + 1), so its speakers are not the sample's."""
    global N_SPEAKERS, N_VALIDATION, N_TESTING, N_SECOND_TAKES
    if os.path.exists(out):
        die("%s exists; give a new folder" % out)
    if n_validation + n_testing >= n_speakers or min(n_validation, n_testing) < 1:
        die("--speakers must exceed --validation + --testing, each at least 1")
    N_SPEAKERS, N_VALIDATION, N_TESTING, N_SECOND_TAKES = n_speakers, n_validation, n_testing, 0
    voices, variants = check_tools()
    rng = random.Random(SEED + 1)
    speakers = make_speakers(rng, voices, variants)
    takes = make_takes(rng, speakers)
    build = out + ".partial"
    shutil.rmtree(build, ignore_errors=True)
    lists = {"validation": [], "testing": []}
    with tempfile.TemporaryDirectory() as tmp:
        for w in WORDS:
            os.makedirs(os.path.join(build, w))
        for k, (s, w, n, pitch, speed) in enumerate(takes):
            word, _ = fit_word(synth_word(tmp, w, s["voice"], pitch, speed, s["amp"]))
            clip, _ = place(rng, word)
            rel = "%s/%s_nohash_%d.wav" % (w, s["id"], n)
            write_wav16(os.path.join(build, rel), clip)
            if s["split"] in lists:
                lists[s["split"]].append(rel)
            if (k + 1) % 200 == 0:
                print("  %d/%d clips" % (k + 1, len(takes)))
    for split, fname in (("validation", "validation_list.txt"), ("testing", "testing_list.txt")):
        with open(os.path.join(build, fname), "w") as f:
            f.write("".join(r + "\n" for r in sorted(lists[split])))
    make_noise(rng, os.path.join(build, "_background_noise_"))
    os.rename(build, out)
    print("%d clips from %d speakers (%d validation, %d testing) in %s"
          % (len(takes), n_speakers, n_validation, n_testing, out))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true",
                    help="only verify the dataset next to this script (no espeak-ng/sox needed)")
    ap.add_argument("--bigger", metavar="DIR",
                    help="write a bigger set with the same recipe into the new folder DIR "
                         "(for measuring; the bundled sample is untouched)")
    ap.add_argument("--speakers", type=int, default=96, help="with --bigger (default 96)")
    ap.add_argument("--validation", type=int, default=6, help="with --bigger: validation speakers (default 6)")
    ap.add_argument("--testing", type=int, default=10, help="with --bigger: test speakers (default 10)")
    args = ap.parse_args()
    if args.check:
        verify(HERE)
        print("OK")
    elif args.bigger:
        generate_bigger(args.bigger, args.speakers, args.validation, args.testing)
    else:
        generate()


if __name__ == "__main__":
    main()
