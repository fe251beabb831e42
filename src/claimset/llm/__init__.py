"""Claims read by a language model, grounded by the code: the ``llm`` and ``hybrid`` extractors.

Needs the ``llm`` extra (instructor, openai) and any OpenAI-compatible endpoint::

    from claimset.llm import LLMConfig, LLMExtractor
    ex = LLMExtractor(LLMConfig(model="gpt-4o-mini"), "hybrid")
    for paper, claims in ex.extract_many(papers): ...
"""

from .config import LLMConfig, default_cache_dir
from .endpoint import AbstractFailed, BudgetReached
from .extractor import LLMExtractor, LLMStats

__all__ = ["AbstractFailed", "BudgetReached", "LLMConfig", "LLMExtractor", "LLMStats", "default_cache_dir"]
