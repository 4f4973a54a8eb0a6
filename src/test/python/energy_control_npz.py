"""The energy control as imported teacher knowledge (README, "Teacher knowledge"): each test clip's
200 ms-smoothed energy at 40 ms tokens as its curve, zero logits, in the NPZ import format.

    python3 src/test/python/energy_control_npz.py NOISY_DATASET OUT.npz
    java -jar target/tkd-workbench.jar teacher evaluate --knowledge OUT.npz --dataset NOISY_DATASET

Reads a Speech Commands layout (testing_list.txt) of 16-bit mono WAVs, as `dataset noisy` writes.
"""
import os
import sys
import wave

import numpy as np

root, out = sys.argv[1], sys.argv[2]
test = [l.strip() for l in open(os.path.join(root, "testing_list.txt")) if l.strip()]
classes = sorted(d for d in os.listdir(root)
                 if os.path.isdir(os.path.join(root, d)) and not d.startswith("_"))
rate, hop = 25, 640  # 40 ms tokens at 16 kHz
curves = []
for clip in test:
    with wave.open(os.path.join(root, clip)) as w:
        x = np.frombuffer(w.readframes(w.getnframes()), np.int16).astype(np.float64)
    e = np.add.reduceat(x ** 2, np.arange(0, len(x), hop))
    e = np.convolve(e, np.ones(5) / 5, mode="same")  # 200 ms
    curves.append(e / e.sum())
utf8 = lambda names: np.frombuffer("\n".join(names).encode("utf-8"), np.uint8)
np.savez(out, clip_ids=utf8(test), classes=utf8(classes),
         logits=np.zeros((len(test), len(classes)), np.float32),
         curves=np.asarray(curves, np.float32), token_rate_hz=float(rate))
print(f"{len(test)} clips, {len(classes)} classes -> {out}")
