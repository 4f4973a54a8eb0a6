"""Writes the knowledge-import fixtures in src/test/resources/knowledge/ with NumPy, the way the
README tells researchers to (KnowledgeImportTest reads them through DJL). Run from the repo root:
    python3 src/test/python/write_knowledge_npz.py
"""
import numpy as np

OUT = "src/test/resources/knowledge/"


def names(xs):
    # DJL cannot read NumPy string arrays: UTF-8 bytes joined by newlines.
    return np.frombuffer("\n".join(xs).encode("utf-8"), np.uint8)


ids = ["early/a.wav", "late/b.wav", "early/c.wav"]
classes = ["early", "late"]
logits = np.array([[2.5, -1.0], [0.25, 3.0], [1.0, 0.5]], np.float32)
curves = np.array([[0.1, 0.2, 0.3, 0.4], [0.7, 0.1, 0.1, 0.1], [0.25, 0.25, 0.25, 0.25]], np.float32)

np.savez(OUT + "curves.npz", clip_ids=names(ids), classes=names(classes), logits=logits,
         curves=curves, token_rate_hz=25.0, first_token_time_s=0.02)
np.savez_compressed(OUT + "curves_compressed.npz", clip_ids=names(ids), classes=names(classes),
                    logits=logits.astype(np.float64), curves=curves.astype(np.float64),
                    token_rate_hz=25.0)

# Full maps [N, L, H, T+1, T+1]: the hand-worked 3x3 layers of RolloutTest (rollout [5/12, 7/12]);
# clip 3 has one valid token (lengths), so its curve is [1].
a1 = [[0.2, 0.6, 0.2], [0.0, 1.0, 0.0], [0.5, 0.0, 0.5]]
a2 = [[0.0, 0.2, 0.8], [0.5, 0.5, 0.0], [0.0, 0.0, 1.0]]
att = np.array([[[a1], [a2]]] * 3, np.float32)
assert att.shape == (3, 2, 1, 3, 3)
np.savez(OUT + "attention.npz", clip_ids=names(ids), classes=names(classes), logits=logits,
         attention=att, token_rate_hz=50.0, lengths=np.array([2, 2, 1], np.int64))

np.savez(OUT + "string_ids.npz", clip_ids=np.array(ids), classes=names(classes), logits=logits,
         curves=curves, token_rate_hz=25.0)
np.savez(OUT + "fortran.npz", clip_ids=names(ids), classes=names(classes),
         logits=np.asfortranarray(logits), curves=curves, token_rate_hz=25.0)

bad_logits = logits.copy()
bad_logits[1, 0] = np.nan
bad_curves = curves.copy()
bad_curves[0] *= 2
np.savez(OUT + "bad.npz", clip_ids=names(["early/a.wav", "late/b.wav", "zzz/unknown.wav"]),
         classes=names(["early", "late", "other"]), logits=np.zeros((3, 3), np.float32),
         curves=bad_curves, token_rate_hz=25.0)
np.savez(OUT + "bad_values.npz", clip_ids=names(ids), classes=names(classes), logits=bad_logits,
         curves=bad_curves, token_rate_hz=25.0, extra=np.zeros(2))
