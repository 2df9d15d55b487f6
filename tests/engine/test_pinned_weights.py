"""The shared loader of pinned model weights (nlp/pinned_weights.py)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pytest

from secondround.engine.nlp import pinned_weights


def _write(tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "model.npz"
    digest = pinned_weights.save_pinned_arrays(path, {"W": np.eye(2), "names": np.array(["a"])})
    return path, digest


def test_round_trip(tmp_path: Path) -> None:
    path, digest = _write(tmp_path)
    assert digest == hashlib.sha256(path.read_bytes()).hexdigest()
    arrays = pinned_weights.load_pinned_arrays(path, digest, ("W", "names"))
    assert arrays is not None
    assert np.array_equal(arrays["W"], np.eye(2))
    assert [str(n) for n in arrays["names"]] == ["a"]


@pytest.mark.parametrize(
    "case",
    ["wrong digest", "missing array", "absent file", "altered file", "other embedding"],
)
def test_refuses(tmp_path: Path, case: str) -> None:
    path, digest = _write(tmp_path)
    names: tuple[str, ...] = ("W",)
    if case == "wrong digest":
        digest = "0" * 64
    elif case == "missing array":
        names = ("W", "absent")
    elif case == "absent file":
        path = tmp_path / "absent.npz"
    elif case == "altered file":
        path.write_bytes(path.read_bytes()[:-5] + b"xxxxx")
    elif case == "other embedding":
        with path.open("wb") as stream:
            np.savez_compressed(stream, model_sha256=np.array("f" * 64), W=np.eye(2))
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert pinned_weights.load_pinned_arrays(path, digest, names) is None
