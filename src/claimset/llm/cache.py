"""A disk cache of model answers: one JSON file per key, written atomically.

The key covers the model, the endpoint's mode, the prompt version and digest, the response schema,
the abstract and (hybrid) the candidates, so a re-run with the same inputs costs nothing and gives
the same dataset, and an interrupted run resumes where it stopped.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from ..fsio import write_atomic


def cache_key(**parts: Any) -> str:
    return hashlib.sha256(json.dumps(parts, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


class AnswerCache:
    """``get(key)`` / ``put(key, record)``; a folder that cannot be read or written is simply a miss."""

    def __init__(self, folder: Path, enabled: bool = True) -> None:
        self.folder = Path(folder)
        self.enabled = enabled
        self.hits = 0

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        if not self.enabled:
            return None
        try:
            record = json.loads(self._path(key).read_text("utf-8"))
        except (OSError, ValueError):
            return None
        self.hits += 1
        return record

    def put(self, key: str, record: dict[str, Any]) -> None:
        if not self.enabled:
            return
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # force: the cache folder is claimset's own, and two identical abstracts share one key
            write_atomic(path, json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8"), force=True)
        except OSError:
            pass  # a cache that cannot be written costs tokens on the next run, never the run itself
