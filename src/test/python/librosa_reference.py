#!/usr/bin/env python3
"""Golden log-mel features for TKD Workbench's Java front end (package ``features``).

What this is
------------
A line-by-line numpy/scipy port of the parts of librosa that DESIGN.md section 4 fixes:

    librosa.feature.melspectrogram(y=y, sr=sr, n_fft=n_fft, hop_length=hop, win_length=win,
                                   window='hann', center=True, pad_mode='constant',
                                   power=2.0, htk=False, norm='slaney')
    np.log(mel + 1e-6)

librosa itself is not installable on the build machines (no PyPI), so the functions below are
ported from librosa 0.10.x sources, each citing the file and function it comes from. Every
dtype step is kept as librosa does it (float32 input, float64 window, float64 FFT rounded into a
complex64 STFT, float32 mel basis), so the files hold what librosa would produce.

Checked against published librosa numbers
-----------------------------------------
On every run the script asserts, before writing anything:
  * ``filters.mel(sr=22050, n_fft=2048)[0, :6]`` equals, bit for bit in float32, the librosa
    output quoted in our feature issue: ``[0, 0.016182853, 0.032365706, 0.028990088,
    0.012807235, 0]`` (librosa's own docstring prints it rounded: ``[0., 0.016, ...]``);
  * ``mel_frequencies(40)`` matches the docstring example of ``librosa.mel_frequencies``;
  * ``hz_to_mel(60) == 0.9``, ``hz_to_mel([110, 220, 440]) == [1.65, 3.3, 6.6]``,
    ``mel_to_hz(3) == 200`` (docstring examples of ``librosa/core/convert.py``);
  * the split head/middle/tail STFT framing equals plain padding of the whole signal;
  * older librosa's ``fft_frequencies`` (``np.linspace``) gives the same mel basis to float32
    rounding as the current one (``np.fft.rfftfreq``).

How to regenerate
-----------------
    python3 src/test/python/librosa_reference.py          # writes src/test/resources/features/
    python3 src/test/python/librosa_reference.py --out DIR

Needs numpy and scipy only (checked with numpy 2.4, scipy 1.17). The output is deterministic.
Files written (all little-endian):
  * ``manifest.json``: the cases (input file, spec in FeatureSpec's JSON names, expected file);
  * ``input_<signal>.s16``: the input as int16 PCM; the float input is ``int16 / 32768``
    (exact in float32, so Java and Python start from identical samples);
  * ``logmel_<signal>_<spec>.f32``: expected ``ln(mel + 1e-6)``, float32, row-major
    ``[frames][n_mels]`` (librosa returns ``[n_mels, frames]``; it is transposed here);
  * ``filterbank_<spec>.bin``: the Slaney mel basis stored sparsely: int32 n_mels, int32 n_bins,
    then per filter int32 start, int32 count, float32[count] (the non-zero run of the row).
"""

import argparse
import json
import os
import warnings

import numpy as np
import scipy.signal

LOG_FLOOR = 1e-6


# --------------------------------------------------------------------------------------------
# librosa/core/convert.py
# --------------------------------------------------------------------------------------------
def hz_to_mel(frequencies, *, htk=False):
    """librosa/core/convert.py: hz_to_mel (Slaney branch, htk=False)."""
    frequencies = np.asanyarray(frequencies)

    if htk:
        return 2595.0 * np.log10(1.0 + frequencies / 700.0)

    # Fill in the linear part
    f_min = 0.0
    f_sp = 200.0 / 3

    mels = (frequencies - f_min) / f_sp

    # Fill in the log-scale part
    min_log_hz = 1000.0  # beginning of log region (Hz)
    min_log_mel = (min_log_hz - f_min) / f_sp  # same (Mels)
    logstep = np.log(6.4) / 27.0  # step size for log region

    if frequencies.ndim:
        # If we have array data, vectorize
        log_t = frequencies >= min_log_hz
        mels[log_t] = min_log_mel + np.log(frequencies[log_t] / min_log_hz) / logstep
    elif frequencies >= min_log_hz:
        # If we have scalar data, heck directly
        mels = min_log_mel + np.log(frequencies / min_log_hz) / logstep

    return mels


def mel_to_hz(mels, *, htk=False):
    """librosa/core/convert.py: mel_to_hz (Slaney branch, htk=False)."""
    mels = np.asanyarray(mels)

    if htk:
        return 700.0 * (10.0 ** (mels / 2595.0) - 1.0)

    # Fill in the linear scale
    f_min = 0.0
    f_sp = 200.0 / 3
    freqs = f_min + f_sp * mels

    # And now the nonlinear scale
    min_log_hz = 1000.0  # beginning of log region (Hz)
    min_log_mel = (min_log_hz - f_min) / f_sp  # same (Mels)
    logstep = np.log(6.4) / 27.0  # step size for log region

    if mels.ndim:
        # If we have vector data, vectorize
        log_t = mels >= min_log_mel
        freqs[log_t] = min_log_hz * np.exp(logstep * (mels[log_t] - min_log_mel))
    elif mels >= min_log_mel:
        # If we have scalar data, check directly
        freqs = min_log_hz * np.exp(logstep * (mels - min_log_mel))

    return freqs


def fft_frequencies(*, sr=22050, n_fft=2048):
    """librosa/core/convert.py: fft_frequencies (librosa >= 0.10 uses rfftfreq)."""
    return np.fft.rfftfreq(n=n_fft, d=1.0 / sr)


def fft_frequencies_legacy(*, sr=22050, n_fft=2048):
    """librosa/core/time_frequency.py (<= 0.9): fft_frequencies, kept to show it is equivalent."""
    return np.linspace(0, float(sr) / 2, int(1 + n_fft // 2), endpoint=True)


def mel_frequencies(n_mels=128, *, fmin=0.0, fmax=11025.0, htk=False):
    """librosa/core/convert.py: mel_frequencies."""
    # 'Center freqs' of mel bands - uniformly spaced between limits
    min_mel = hz_to_mel(fmin, htk=htk)
    max_mel = hz_to_mel(fmax, htk=htk)

    mels = np.linspace(min_mel, max_mel, n_mels)

    return mel_to_hz(mels, htk=htk)


# --------------------------------------------------------------------------------------------
# librosa/filters.py
# --------------------------------------------------------------------------------------------
def mel(*, sr, n_fft, n_mels=128, fmin=0.0, fmax=None, htk=False, norm="slaney",
        dtype=np.float32, freq_fn=fft_frequencies):
    """librosa/filters.py: mel (norm='slaney' only; other norms are not part of DESIGN 4)."""
    if norm != "slaney":
        raise NotImplementedError("only norm='slaney' is ported")

    if fmax is None:
        fmax = float(sr) / 2

    # Initialize the weights
    n_mels = int(n_mels)
    weights = np.zeros((n_mels, int(1 + n_fft // 2)), dtype=dtype)

    # Center freqs of each FFT bin
    fftfreqs = freq_fn(sr=sr, n_fft=n_fft)

    # 'Center freqs' of mel bands - uniformly spaced between limits
    mel_f = mel_frequencies(n_mels + 2, fmin=fmin, fmax=fmax, htk=htk)

    fdiff = np.diff(mel_f)
    ramps = np.subtract.outer(mel_f, fftfreqs)

    for i in range(n_mels):
        # lower and upper slopes for all bins
        lower = -ramps[i] / fdiff[i]
        upper = ramps[i + 2] / fdiff[i + 1]

        # .. then intersect them with each other and zero
        weights[i] = np.maximum(0, np.minimum(lower, upper))

    # Slaney-style mel is scaled to be approx constant energy per channel
    enorm = 2.0 / (mel_f[2 : n_mels + 2] - mel_f[:n_mels])
    weights *= enorm[:, np.newaxis]

    # Only check weights if f_mel[0] is positive
    if not np.all((mel_f[:-2] == 0) | (weights.max(axis=1) > 0)):
        # This means we have an empty channel somewhere
        warnings.warn("Empty filters detected in mel frequency basis.", stacklevel=2)

    return weights


def get_window(window, Nx, *, fftbins=True):
    """librosa/filters.py: get_window, string branch -> scipy.signal.get_window."""
    return scipy.signal.get_window(window, Nx, fftbins=fftbins)


# --------------------------------------------------------------------------------------------
# librosa/util/utils.py
# --------------------------------------------------------------------------------------------
def pad_center(data, *, size, axis=-1, **kwargs):
    """librosa/util/utils.py: pad_center."""
    kwargs.setdefault("mode", "constant")

    n = data.shape[axis]

    lpad = int((size - n) // 2)

    lengths = [(0, 0)] * data.ndim
    lengths[axis] = (lpad, int(size - n - lpad))

    if lpad < 0:
        raise ValueError(f"Target size ({size:d}) must be at least input size ({n:d})")

    return np.pad(data, lengths, **kwargs)


def frame(x, *, frame_length, hop_length):
    """librosa/util/utils.py: frame (axis=-1), via sliding_window_view instead of as_strided.

    Returns shape (frame_length, n_frames), like librosa for a 1-D input.
    """
    if x.shape[-1] < frame_length:
        raise ValueError(
            f"Input is too short (n={x.shape[-1]:d}) for frame_length={frame_length:d}"
        )
    if hop_length < 1:
        raise ValueError(f"Invalid hop_length: {hop_length:d}")

    xw = np.lib.stride_tricks.sliding_window_view(x, frame_length, axis=-1)
    # librosa: xw = np.moveaxis(xw, -1, -2) (frame_length before frames), then every hop-th frame
    xw = np.moveaxis(xw, -1, -2)
    return xw[..., ::hop_length]


def expand_to(x, *, ndim, axes):
    """librosa/util/utils.py: expand_to (single axis)."""
    shape = [1] * ndim
    shape[axes] = x.shape[0]
    return x.reshape(shape)


def dtype_r2c(d, *, default=np.complex64):
    """librosa/util/utils.py: dtype_r2c."""
    mapping = {
        np.dtype(np.float32): np.complex64,
        np.dtype(np.float64): np.complex128,
    }
    dt = np.dtype(d)
    if dt.kind == "c":
        return dt
    return np.dtype(mapping.get(dt, default))


# --------------------------------------------------------------------------------------------
# librosa/core/spectrum.py
# --------------------------------------------------------------------------------------------
def stft(y, *, n_fft=2048, hop_length=None, win_length=None, window="hann", center=True,
         pad_mode="constant"):
    """librosa/core/spectrum.py: stft (1-D input; the MAX_MEM_BLOCK loop is one block here)."""
    if win_length is None:
        win_length = n_fft
    if hop_length is None:
        hop_length = int(win_length // 4)

    # util.valid_audio(y, mono=False): floating and finite
    if not np.issubdtype(y.dtype, np.floating) or not np.isfinite(y).all():
        raise ValueError("Audio buffer is not finite everywhere")

    fft_window = get_window(window, win_length, fftbins=True)

    # Pad the window out to n_fft size
    fft_window = pad_center(fft_window, size=n_fft)

    # Reshape so that the window can be broadcast
    fft_window = expand_to(fft_window, ndim=1 + y.ndim, axes=-2)

    if center:
        if n_fft > y.shape[-1]:
            warnings.warn(
                f"n_fft={n_fft} is too large for input signal of length={y.shape[-1]}"
            )

        padding = [(0, 0) for _ in range(y.ndim)]

        # How many frames depend on left padding?
        start_k = int(np.ceil(n_fft // 2 / hop_length))

        # What's the first frame that depends on extra right-padding?
        tail_k = (y.shape[-1] + n_fft // 2 - n_fft) // hop_length + 1

        if tail_k <= start_k:
            # If tail and head overlap, then just copy-pad the signal and carry on
            start = 0
            extra = 0
            padding[-1] = (n_fft // 2, n_fft // 2)
            y = np.pad(y, padding, mode=pad_mode)
        else:
            # If tail and head do not overlap, then we can implement padding on each part
            # separately and avoid a full copy-pad

            # "Middle" of the signal starts here, and does not depend on head padding
            start = start_k * hop_length - n_fft // 2
            padding[-1] = (n_fft // 2, 0)

            # +1 here is to ensure enough samples to fill the window (librosa bug #1567)
            y_pre = np.pad(
                y[..., : (start_k - 1) * hop_length - n_fft // 2 + n_fft + 1],
                padding,
                mode=pad_mode,
            )
            y_frames_pre = frame(y_pre, frame_length=n_fft, hop_length=hop_length)
            # Trim this down to the exact number of frames we should have
            y_frames_pre = y_frames_pre[..., :start_k]

            # How many extra frames do we have from the head?
            extra = y_frames_pre.shape[-1]

            # Determine if we have any frames that will fit inside the tail pad
            if tail_k * hop_length - n_fft // 2 + n_fft <= y.shape[-1] + n_fft // 2:
                padding[-1] = (0, n_fft // 2)
                y_post = np.pad(
                    y[..., (tail_k) * hop_length - n_fft // 2 :], padding, mode=pad_mode
                )
                y_frames_post = frame(y_post, frame_length=n_fft, hop_length=hop_length)
                # How many extra frames do we have from the tail?
                extra += y_frames_post.shape[-1]
            else:
                # The first frame that touches tail padding would run off the end of the
                # padded array: allocate an empty frame buffer for the tail
                post_shape = list(y_frames_pre.shape)
                post_shape[-1] = 0
                y_frames_post = np.empty_like(y_frames_pre, shape=post_shape)
    else:
        if n_fft > y.shape[-1]:
            raise ValueError(f"n_fft={n_fft} is too large for uncentered analysis")
        start = 0
        extra = 0

    dtype = dtype_r2c(y.dtype)

    # Window the time series.
    y_frames = frame(y[..., start:], frame_length=n_fft, hop_length=hop_length)

    # Pre-allocate the STFT matrix
    shape = list(y_frames.shape)
    shape[-2] = 1 + n_fft // 2
    shape[-1] += extra
    stft_matrix = np.zeros(shape, dtype=dtype, order="F")

    # Fill in the warm-up
    if center and extra > 0:
        off_start = y_frames_pre.shape[-1]
        stft_matrix[..., :off_start] = np.fft.rfft(fft_window * y_frames_pre, axis=-2)

        off_end = y_frames_post.shape[-1]
        if off_end > 0:
            stft_matrix[..., -off_end:] = np.fft.rfft(fft_window * y_frames_post, axis=-2)
    else:
        off_start = 0

    # librosa loops over blocks of MAX_MEM_BLOCK bytes; one block gives the same numbers.
    n_mid = y_frames.shape[-1]
    stft_matrix[..., off_start : off_start + n_mid] = np.fft.rfft(fft_window * y_frames, axis=-2)
    return stft_matrix


def stft_plain(y, *, n_fft, hop_length, win_length):
    """The textbook equivalent of stft(center=True, pad_mode='constant'), as a cross-check."""
    window = pad_center(get_window("hann", win_length, fftbins=True), size=n_fft)
    ypad = np.pad(y, (n_fft // 2, n_fft // 2), mode="constant")
    n_frames = 1 + (len(ypad) - n_fft) // hop_length
    frames = np.stack([ypad[t * hop_length : t * hop_length + n_fft] for t in range(n_frames)], 1)
    return np.fft.rfft(window[:, None] * frames, axis=0).astype(dtype_r2c(y.dtype))


# --------------------------------------------------------------------------------------------
# librosa/core/spectrum.py (_spectrogram) and librosa/feature/spectral.py (melspectrogram)
# --------------------------------------------------------------------------------------------
def _spectrogram(*, y, n_fft, hop_length, power, win_length, window, center, pad_mode):
    """librosa/core/spectrum.py: _spectrogram (the y branch)."""
    S = (
        np.abs(
            stft(
                y,
                n_fft=n_fft,
                hop_length=hop_length,
                win_length=win_length,
                center=center,
                window=window,
                pad_mode=pad_mode,
            )
        )
        ** power
    )
    return S, n_fft


def melspectrogram(*, y, sr=22050, n_fft=2048, hop_length=512, win_length=None, window="hann",
                   center=True, pad_mode="constant", power=2.0, **kwargs):
    """librosa/feature/spectral.py: melspectrogram."""
    S, n_fft = _spectrogram(y=y, n_fft=n_fft, hop_length=hop_length, power=power,
                            win_length=win_length, window=window, center=center,
                            pad_mode=pad_mode)

    # Build a Mel filter
    mel_basis = mel(sr=sr, n_fft=n_fft, **kwargs)

    return np.einsum("...ft,mf->...mt", S, mel_basis, optimize=True)


def log_mel(y, spec):
    """DESIGN 4: melspectrogram(...) then ln(mel + 1e-6); returns [n_mels, frames] float32."""
    m = melspectrogram(
        y=y, sr=spec["sample_rate"], n_fft=spec["n_fft"], hop_length=spec["hop_length"],
        win_length=spec["win_length"], window="hann", center=True, pad_mode="constant",
        power=2.0, n_mels=spec["n_mels"], fmin=spec["fmin"], fmax=spec["fmax"], htk=False,
        norm="slaney")
    return np.log(m + LOG_FLOOR)


# --------------------------------------------------------------------------------------------
# Checks against librosa's published numbers
# --------------------------------------------------------------------------------------------
def check_against_published():
    # First filter of filters.mel(sr=22050, n_fft=2048), as quoted from librosa in our issue
    fb = mel(sr=22050, n_fft=2048)
    published = np.array([0, 0.016182853, 0.032365706, 0.028990088, 0.012807235, 0],
                         dtype=np.float32)
    assert fb.shape == (128, 1025), fb.shape
    assert np.array_equal(fb[0, :6], published), (fb[0, :6], published)

    # librosa/core/convert.py docstrings
    assert np.isclose(hz_to_mel(60), 0.9)
    assert np.allclose(hz_to_mel(np.array([110.0, 220.0, 440.0])), [1.65, 3.3, 6.6])
    assert np.isclose(mel_to_hz(3), 200.0)
    doc = [0.0, 85.317, 170.635, 255.952, 341.269, 426.586, 511.904, 597.221, 682.538,
           767.855, 853.173, 938.49, 1024.856, 1119.114, 1222.042, 1334.436, 1457.167,
           1591.187, 1737.532, 1897.337, 2071.84, 2262.393, 2470.47, 2697.686, 2945.799,
           3216.731, 3512.582, 3835.643, 4188.417, 4573.636, 4994.285, 5453.621, 5955.205,
           6502.92, 7101.009, 7754.107, 8467.272, 9246.028, 10096.408, 11025.0]
    assert np.allclose(mel_frequencies(40), doc, atol=1e-3)

    # Older librosa built FFT frequencies with linspace: same basis to float32 rounding.
    for sr, n_fft, n_mels, fmin, fmax in [(22050, 2048, 128, 0.0, None), (16000, 512, 40, 0, None)]:
        a = mel(sr=sr, n_fft=n_fft, n_mels=n_mels, fmin=fmin, fmax=fmax)
        b = mel(sr=sr, n_fft=n_fft, n_mels=n_mels, fmin=fmin, fmax=fmax,
                freq_fn=fft_frequencies_legacy)
        assert np.max(np.abs(a - b)) <= 2 * np.finfo(np.float32).eps * np.max(np.abs(a))


# --------------------------------------------------------------------------------------------
# Test signals and specs
# --------------------------------------------------------------------------------------------
def to_int16(x):
    return np.clip(np.round(x * 32767.0), -32768, 32767).astype("<i2")


def signals():
    """Deterministic test signals as int16 (the float input is int16 / 32768)."""
    fs = 16000.0  # the formulas assume 16 kHz; the same samples are analysed at every spec's sr
    out = {}

    # Linear chirp 100 Hz -> 7 kHz over 0.4 s with a fade-in, so both loud and quiet frames occur.
    n = 6400
    t = np.arange(n) / fs
    f0, f1, dur = 100.0, 7000.0, n / fs
    phase = 2 * np.pi * (f0 * t + 0.5 * (f1 - f0) / dur * t * t)
    env = np.minimum(1.0, t / 0.1)
    out["chirp"] = to_int16(0.5 * env * np.sin(phase))

    # Two tones (440 Hz and 3 kHz, 20 dB apart), 0.3 s.
    n = 4800
    t = np.arange(n) / fs
    out["two_tone"] = to_int16(0.6 * np.sin(2 * np.pi * 440.0 * t)
                               + 0.06 * np.sin(2 * np.pi * 3000.0 * t + 0.3))

    # Seeded white noise, 0.4 s, with exact digital silence from 0.15 s to 0.25 s.
    rng = np.random.default_rng(20240611)
    x = 0.25 * rng.standard_normal(6400)
    x[2400:4000] = 0.0
    out["noise_gap"] = to_int16(x)

    # A very short clip: 300 samples (shorter than n_fft), a decaying 1 kHz tone.
    n = 300
    t = np.arange(n) / fs
    out["short"] = to_int16(0.8 * np.exp(-t / 0.01) * np.sin(2 * np.pi * 1000.0 * t))
    return out


SPECS = {
    # DESIGN 4 defaults (fmax None = sr / 2)
    "default": dict(sample_rate=16000, n_fft=512, win_length=400, hop_length=160, n_mels=40,
                    fmin=0.0, fmax=None),
    # A non-default spec: 22.05 kHz, win == n_fft, band-limited filterbank
    "sr22k": dict(sample_rate=22050, n_fft=1024, win_length=1024, hop_length=256, n_mels=64,
                  fmin=50.0, fmax=8000.0),
    # Odd (n_fft - win) so pad_center puts one more zero on the right; hop not dividing n_fft
    "sr8k_oddwin": dict(sample_rate=8000, n_fft=256, win_length=201, hop_length=100, n_mels=32,
                        fmin=0.0, fmax=3000.0),
}

CASES = [
    ("chirp", "default"), ("two_tone", "default"), ("noise_gap", "default"), ("short", "default"),
    ("chirp", "sr22k"), ("two_tone", "sr22k"), ("noise_gap", "sr22k"), ("short", "sr22k"),
    ("two_tone", "sr8k_oddwin"), ("short", "sr8k_oddwin"),
]

FILTERBANKS = {
    "librosa_doc": dict(sample_rate=22050, n_fft=2048, n_mels=128, fmin=0.0, fmax=None),
    "default": dict(sample_rate=16000, n_fft=512, n_mels=40, fmin=0.0, fmax=None),
    "sr22k": dict(sample_rate=22050, n_fft=1024, n_mels=64, fmin=50.0, fmax=8000.0),
}


def write_filterbank(path, fb):
    with open(path, "wb") as f:
        f.write(np.array([fb.shape[0], fb.shape[1]], dtype="<i4").tobytes())
        for row in fb:
            nz = np.nonzero(row)[0]
            start, count = (int(nz[0]), int(nz[-1] - nz[0] + 1)) if nz.size else (0, 0)
            f.write(np.array([start, count], dtype="<i4").tobytes())
            f.write(row[start : start + count].astype("<f4").tobytes())


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default_out = os.path.normpath(os.path.join(here, "..", "resources", "features"))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=default_out)
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)

    check_against_published()

    sigs = signals()
    manifest = {"log_floor": LOG_FLOOR, "cases": [], "filterbanks": []}
    for name, pcm in sigs.items():
        pcm.tofile(os.path.join(args.out, f"input_{name}.s16"))

    for sig_name, spec_name in CASES:
        spec = SPECS[spec_name]
        y = sigs[sig_name].astype(np.float32) / np.float32(32768.0)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # n_fft larger than the short clip: expected
            # Cross-check the faithful framing against plain whole-signal padding.
            a = stft(y, n_fft=spec["n_fft"], hop_length=spec["hop_length"],
                     win_length=spec["win_length"])
            b = stft_plain(y, n_fft=spec["n_fft"], hop_length=spec["hop_length"],
                           win_length=spec["win_length"])
            assert a.shape == b.shape and np.allclose(a, b, rtol=1e-6, atol=1e-6), sig_name
            lm = log_mel(y, spec)
        assert lm.dtype == np.float32
        assert lm.shape == (spec["n_mels"], 1 + len(y) // spec["hop_length"]), lm.shape
        fname = f"logmel_{sig_name}_{spec_name}.f32"
        np.ascontiguousarray(lm.T).astype("<f4").tofile(os.path.join(args.out, fname))
        manifest["cases"].append({
            "signal": sig_name,
            "input": f"input_{sig_name}.s16",
            "samples": int(len(y)),
            "spec_name": spec_name,
            "spec": spec,
            "expected": fname,
            "frames": int(lm.shape[1]),
            "n_mels": int(lm.shape[0]),
        })

    for fb_name, p in FILTERBANKS.items():
        fb = mel(sr=p["sample_rate"], n_fft=p["n_fft"], n_mels=p["n_mels"], fmin=p["fmin"],
                 fmax=p["fmax"])
        fname = f"filterbank_{fb_name}.bin"
        write_filterbank(os.path.join(args.out, fname), fb)
        manifest["filterbanks"].append(dict(p, name=fb_name, file=fname))

    with open(os.path.join(args.out, "manifest.json"), "w") as f:
        json.dump(manifest, f, indent=1)
        f.write("\n")
    total = sum(os.path.getsize(os.path.join(args.out, n)) for n in os.listdir(args.out))
    print(f"wrote {len(manifest['cases'])} cases, {len(FILTERBANKS)} filterbanks, "
          f"{total} bytes to {args.out}")


if __name__ == "__main__":
    main()
