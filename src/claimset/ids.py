"""Stable identifiers for papers and claims.

Both are pure functions of the text, so they are identical across runs, machines and unrelated
code changes: a paper's id depends only on its title (or the input's own id); a claim's id only on
its paper, its type and the span and text of its number.
"""

from __future__ import annotations

import hashlib


def paper_id_for_title(title: str) -> str:
    """The first 10 hex digits of the SHA-1 of the UTF-8 title (the key the gold files use)."""
    return hashlib.sha1(title.encode("utf-8")).hexdigest()[:10]


def content_digest(title: str, abstract: str) -> bytes:
    """What makes two records the same paper: SHA-1 of the title and the abstract."""
    return hashlib.sha1(f"{title}\x00{abstract}".encode("utf-8")).digest()


def claim_id(paper_id: str, claim_type: str, start: int, end: int, number: str) -> str:
    """``c`` + 12 hex digits of SHA-1 over paper, type, span and number text."""
    key = f"{paper_id}\x1f{claim_type}\x1f{start}\x1f{end}\x1f{number}"
    return "c" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
