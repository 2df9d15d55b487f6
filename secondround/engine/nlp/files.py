"""Where the engine's shipped data lives: word lists, libraries and model weights."""

from __future__ import annotations

from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent.parent / "data"
MODELS_DIR = DATA_DIR / "models"
