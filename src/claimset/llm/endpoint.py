"""One OpenAI-compatible endpoint through instructor: modes, token accounting, the budget, and the
mapping of every transport failure to a one-line error.

Tokens are counted here, from the usage each raw completion reports (re-asks included), not only as
instructor totals them; a server that reports none is estimated at 4 characters a token and said so.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from typing import Any

from ..errors import ClaimsetError
from .config import LLMConfig


class BudgetReached(Exception):
    """No request may start: it could take the run past ``--budget-tokens``."""


class AbstractFailed(Exception):
    """This abstract gave no usable answer (context too long, output cut, malformed after retries)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass
class Reply:
    """The raw JSON text of the model's last answer, whether it passed strict validation, and the
    tokens spent on it (every attempt)."""

    text: str
    strict_ok: bool
    prompt_tokens: int = 0
    completion_tokens: int = 0
    attempts: int = 1
    estimated: bool = False


@dataclass
class Tally:
    """Tokens and requests of a run, thread-safe."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    requests: int = 0
    estimated: int = 0  # responses that reported no usage
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def total(self) -> int:
        return self.prompt_tokens + self.completion_tokens


def _chars(messages: list[dict[str, Any]]) -> int:
    return sum(len(str(m.get("content", ""))) for m in messages)


def _raw_text(completion: Any) -> str | None:
    """The JSON text a completion carries (message content, or the first tool call's arguments)."""
    try:
        message = completion.choices[0].message
    except (AttributeError, IndexError, TypeError):
        return None
    calls = getattr(message, "tool_calls", None)
    if calls:
        return calls[0].function.arguments
    return message.content


class Endpoint:
    """Ask one model for structured answers, within the budget."""

    def __init__(self, config: LLMConfig) -> None:
        try:
            import instructor
            import openai
        except ImportError:
            raise ClaimsetError("the LLM extractors need the llm extra: pip install 'claimset[llm]'") from None
        import logging

        logging.getLogger("instructor").setLevel(logging.CRITICAL)  # its failures reach us as exceptions
        self.config = config
        self.tally = Tally()
        self._reserved = 0
        self._openai = openai
        # transport retries (429 and 5xx, with exponential backoff) are the openai client's
        self._client = openai.OpenAI(base_url=config.base_url, api_key=config.api_key, timeout=config.timeout, max_retries=4)
        self._instructor = instructor
        self.mode = config.mode if config.mode != "auto" else ("tools" if config.is_openai else "json_schema")
        self._patched: dict[str, Any] = {}
        self._mode_lock = threading.Lock()
        self._checked = False

    # ------------------------------------------------------------------ checks and errors

    def check(self) -> None:
        """Fail early, in one line, if the server is down, the key is refused or the model unknown."""
        try:
            served = [m.id for m in self._client.with_options(max_retries=1).models.list()]
        except self._openai.NotFoundError:
            return  # no /models on this server: the first request will tell
        except self._openai.APIError as exc:
            raise self._fatal(exc) from None
        if served and self.config.model not in served:
            raise ClaimsetError(f"model {self.config.model!r} is not served at {self.config.where} "
                                f"(it serves: {', '.join(sorted(served)[:8])})")

    def _fatal(self, exc: Exception) -> ClaimsetError:
        o, where = self._openai, self.config.where
        if isinstance(exc, o.APITimeoutError):
            return ClaimsetError(f"the LLM server at {where} did not answer within {self.config.timeout:.0f} s")
        if isinstance(exc, o.APIConnectionError):
            return ClaimsetError(f"cannot reach the LLM server at {where} ({exc.__cause__ or exc})")
        if isinstance(exc, o.AuthenticationError):
            return ClaimsetError(f"authentication failed at {where}: check the key in ${self.config.api_key_env}")
        if isinstance(exc, o.NotFoundError):
            return ClaimsetError(f"model {self.config.model!r} not found at {where}")
        if isinstance(exc, o.RateLimitError):
            return ClaimsetError(f"rate limited by {where} after retries with backoff; lower --concurrency or try later")
        status = getattr(exc, "status_code", None)
        return ClaimsetError(f"the LLM server at {where} refused the request ({status or type(exc).__name__}: "
                             f"{' '.join(str(getattr(exc, 'message', exc)).split())[:200]})")

    @staticmethod
    def _too_long(exc: Exception) -> bool:
        text = str(getattr(exc, "message", exc)).lower()
        return any(w in text for w in ("context length", "context window", "maximum context", "too long",
                                       "exceeds the context", "requested tokens"))

    # ------------------------------------------------------------------ budget

    def _reserve(self, tokens: int) -> None:
        budget = self.config.budget_tokens
        with self.tally.lock:
            if budget is not None and self.tally.total + self._reserved + tokens > budget:
                raise BudgetReached()
            self._reserved += tokens

    def _release(self, tokens: int) -> None:
        with self.tally.lock:
            self._reserved -= tokens

    def _count(self, reply: Reply, completion: Any, messages: list[dict[str, Any]]) -> None:
        usage = getattr(completion, "usage", None)
        p, c = getattr(usage, "prompt_tokens", None), getattr(usage, "completion_tokens", None)
        if p is None or c is None:  # the server reports none: estimate, and say so
            p, c = _chars(messages) // 4, len(_raw_text(completion) or "") // 4
            reply.estimated = True
        reply.prompt_tokens += p
        reply.completion_tokens += c
        with self.tally.lock:
            self.tally.prompt_tokens += p
            self.tally.completion_tokens += c
            self.tally.requests += 1
            self.tally.estimated += reply.estimated

    # ------------------------------------------------------------------ asking

    def _client_for(self, mode: str):
        with self._mode_lock:
            if mode not in self._patched:
                m = self._instructor.Mode
                imode = {"json_schema": m.JSON_SCHEMA, "tools": m.TOOLS, "json": m.JSON, "json_object": m.JSON}[mode]
                self._patched[mode] = self._instructor.from_openai(self._client, mode=imode)
            return self._patched[mode]

    def ask(self, messages: list[dict[str, Any]], answer: type, context: dict[str, Any]) -> Reply:
        """The model's answer to ``messages`` as ``answer``, re-asked up to ``max_retries`` times
        with the validation error. Raises :class:`BudgetReached`, :class:`AbstractFailed`, or a
        :class:`ClaimsetError` for a failure of the endpoint itself."""
        with self._mode_lock:  # checked before the first request only: a run served from the cache needs no server
            if not self._checked:
                self.check()
                self._checked = True
        per_attempt = _chars(messages) // 3 + self.config.max_tokens  # a generous estimate, reserved up front
        self._reserve(per_attempt)
        reply = Reply(text="", strict_ok=False, attempts=0)
        try:
            return self._ask(messages, answer, context, reply, per_attempt)
        finally:
            self._release(per_attempt)

    def _ask(self, messages, answer, context, reply: Reply, per_attempt: int) -> Reply:
        from instructor.core.exceptions import (
            IncompleteOutputException,
            InstructorRetryException,
        )

        mode = self.mode
        try:
            parsed = self._create(mode, messages, answer, context, reply, per_attempt)
            reply.text, reply.strict_ok = _raw_text(parsed._raw_response) or "", True
            return reply
        except IncompleteOutputException:
            raise AbstractFailed(f"answer cut at --max-tokens {self.config.max_tokens}") from None
        except InstructorRetryException as exc:
            cause = exc.__cause__
            if exc.failed_attempts and exc.last_completion is not None:
                reply.text = _raw_text(exc.last_completion) or ""
                return reply  # read leniently by the caller
            if isinstance(cause, self._openai.APIStatusError) and self._fallback(mode, cause):
                return self._ask(messages, answer, context, reply, per_attempt)
            if isinstance(cause, self._openai.BadRequestError) and self._too_long(cause):
                raise AbstractFailed("too long for the model's context") from None
            if isinstance(cause, self._openai.APIError):
                raise self._fatal(cause) from None
            raise

    def _fallback(self, mode: str, exc: Exception) -> bool:
        """``auto`` mode: a server that refuses the json_schema response format (llama-cpp-python's
        answers 500) gets a schema-constrained JSON object instead, for the rest of the run."""
        if self.config.mode != "auto" or mode != "json_schema" or getattr(exc, "status_code", 0) not in (400, 422, 500):
            return False
        if "response_format" not in str(getattr(exc, "body", "")) + str(exc):
            return False
        with self._mode_lock:
            self.mode = "json_object"
        return True

    def _create(self, mode, messages, answer, context, reply: Reply, per_attempt: int):
        from instructor.core.exceptions import ResponseParsingError
        from instructor.core.hooks import Hooks
        from pydantic import ValidationError
        from tenacity import Retrying, retry_if_exception_type, stop_after_attempt

        hooks = Hooks()
        hooks.on("completion:response", lambda completion: self._count(reply, completion, messages))

        def count_attempt(*_a, **_k) -> None:
            reply.attempts += 1

        hooks.on("completion:kwargs", count_attempt)
        extra: dict[str, Any] = {}
        if mode == "json_object":  # instructor's JSON mode, with the schema the server constrains to
            extra["extra_body"] = {"response_format": {"type": "json_object", "schema": answer.model_json_schema()}}
        retrying = Retrying(
            stop=stop_after_attempt(self.config.max_retries + 1) | (lambda state: self._no_room(per_attempt)),
            retry=retry_if_exception_type((ValidationError, json.JSONDecodeError, ResponseParsingError)),
            reraise=True,
        )
        return self._client_for(mode).chat.completions.create(
            model=self.config.model, messages=messages, response_model=answer, max_retries=retrying,
            context=context, strict=False, hooks=hooks, temperature=0, seed=0,
            max_tokens=self.config.max_tokens, **extra,
        )

    def _no_room(self, per_attempt: int) -> bool:
        """Stop re-asking when another attempt could pass the budget."""
        budget = self.config.budget_tokens
        with self.tally.lock:
            return budget is not None and self.tally.total + self._reserved + per_attempt > budget
