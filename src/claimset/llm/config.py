"""How to reach a model and how much to spend: :class:`LLMConfig`."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ClaimsetError

MODES = ("auto", "json_schema", "json_object", "tools", "json")


def default_cache_dir() -> Path:
    """``$CLAIMSET_CACHE_DIR``, else ``$XDG_CACHE_HOME/claimset/llm``, else ``~/.cache/claimset/llm``."""
    if os.environ.get("CLAIMSET_CACHE_DIR"):
        return Path(os.environ["CLAIMSET_CACHE_DIR"])
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "claimset" / "llm"


@dataclass(frozen=True)
class LLMConfig:
    """An OpenAI-compatible endpoint, a model, and the limits of a run.

    ``mode``: ``json_schema`` (instructor's JSON_SCHEMA: OpenAI structured outputs, vLLM, llama.cpp's
    ``llama-server``), ``json_object`` (a JSON object constrained by a schema sent as
    ``response_format.schema``: llama-cpp-python's server), ``tools`` (function calling), ``json``
    (plain JSON mode, schema in the prompt) or ``auto``: ``tools`` for api.openai.com, else
    ``json_schema``, switching once to ``json_object`` if the server refuses that response format.
    ``budget_tokens``: no request starts that could take the run's total (prompt + completion,
    counted from the server's usage reports) past it; ``None`` is no limit.
    """

    model: str
    base_url: str | None = None
    api_key_env: str = "OPENAI_API_KEY"
    mode: str = "auto"
    concurrency: int = 4
    max_retries: int = 1
    budget_tokens: int | None = None
    max_tokens: int = 1024
    timeout: float = 300.0
    cache_dir: Path = field(default_factory=default_cache_dir)
    use_cache: bool = True
    price_prompt: float = 0.0  # USD per 1M prompt tokens
    price_completion: float = 0.0  # USD per 1M completion tokens

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ClaimsetError(f"unknown --mode {self.mode!r} (one of: {', '.join(MODES)})")
        if not self.model:
            raise ClaimsetError("the LLM extractors need --model NAME")
        if self.concurrency < 1 or self.max_retries < 0 or (self.budget_tokens is not None and self.budget_tokens < 0):
            raise ClaimsetError("--concurrency must be >= 1, --max-retries and --budget-tokens >= 0")

    @property
    def api_key(self) -> str:
        """The key from the environment variable named (never stored); a placeholder for local servers."""
        key = os.environ.get(self.api_key_env)
        if key:
            return key
        if self.is_openai:
            raise ClaimsetError(f"no API key: set the environment variable {self.api_key_env} (or name another with --api-key-env)")
        return "sk-no-key-required"

    @property
    def is_openai(self) -> bool:
        return self.base_url is None or "api.openai.com" in self.base_url

    @property
    def where(self) -> str:
        return self.base_url or "https://api.openai.com/v1"

    def cost(self, prompt_tokens: int, completion_tokens: int) -> float:
        return (prompt_tokens * self.price_prompt + completion_tokens * self.price_completion) / 1e6
