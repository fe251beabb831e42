"""Every endpoint failure is one line, and nothing already extracted is lost. The failures come
from real HTTP: a closed port, and a local HTTP server answering with the status a real endpoint
sends (401, 404, 429, 400 context length)."""

import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from claimset.errors import ClaimsetError
from claimset.llm import AbstractFailed, BudgetReached, LLMConfig, LLMExtractor
from claimset.llm.answers import LLMAnswer
from claimset.llm.endpoint import Endpoint
from claimset.models import Paper

PAPER = Paper(paper_id="p1", title="T", abstract="Our model is 2.5x faster than the baseline on 4 GPUs.")
MODELS = json.dumps({"object": "list", "data": [{"id": "m", "object": "model"}]}).encode()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(status: int, body: dict, models: int = 200):
    class H(BaseHTTPRequestHandler):
        def log_message(self, *a):
            pass

        def _send(self, code, data):
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self):
            self._send(models, MODELS if models == 200 else json.dumps(body).encode())

        def do_POST(self):
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            self._send(status, json.dumps(body).encode())

    server = ThreadingHTTPServer(("127.0.0.1", 0), H)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/v1"


def _config(url, tmp_path, **kw):
    return LLMConfig(model="m", base_url=url, cache_dir=tmp_path / "cache", **kw)


def test_server_down_is_one_line(tmp_path):
    url = f"http://127.0.0.1:{_free_port()}/v1"
    ex = LLMExtractor(_config(url, tmp_path), "llm")
    with pytest.raises(ClaimsetError, match="cannot reach the LLM server") as info:
        list(ex.extract_many([PAPER]))
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("status,models,message", [
    (401, 401, "authentication failed"),
    (404, 200, "not found"),
])
def test_refusals_are_one_line(tmp_path, status, models, message):
    server, url = _serve(status, {"error": {"message": "nope"}}, models)
    try:
        with pytest.raises(ClaimsetError, match=message):
            list(LLMExtractor(_config(url, tmp_path), "llm").extract_many([PAPER]))
    finally:
        server.shutdown()


def test_unknown_model_is_named_with_what_the_server_serves(tmp_path):
    server, url = _serve(200, {})
    try:
        cfg = LLMConfig(model="other", base_url=url, cache_dir=tmp_path)
        with pytest.raises(ClaimsetError, match=r"'other' is not served .* \(it serves: m\)"):
            list(LLMExtractor(cfg, "llm").extract_many([PAPER]))
    finally:
        server.shutdown()


def test_context_too_long_fails_that_abstract_only(tmp_path):
    server, url = _serve(400, {"error": {"message": "Requested tokens (9000) exceed context window of 8192"}})
    try:
        ex = LLMExtractor(_config(url, tmp_path), "llm")
        out = list(ex.extract_many([PAPER, PAPER.model_copy(update={"paper_id": "p2"})]))
        assert [p.paper_id for p, _ in out] == ["p1", "p2"] and all(cs == [] for _, cs in out)
        assert ex.stats.failed == {"too long for the model's context": 2}
    finally:
        server.shutdown()


def test_rate_limit_backs_off_then_says_so(tmp_path):
    server, url = _serve(429, {"error": {"message": "slow down"}})
    try:
        ep = Endpoint(_config(url, tmp_path))
        ep._client = ep._client.with_options(max_retries=1)  # keep the backoff short here
        with pytest.raises(ClaimsetError, match="rate limited"):
            ep.ask([{"role": "user", "content": "x"}], LLMAnswer, {})
    finally:
        server.shutdown()


def test_budget_refuses_a_request_that_could_pass_it(tmp_path):
    ep = Endpoint(_config("http://127.0.0.1:9/v1", tmp_path, budget_tokens=100, max_tokens=64))
    ep._checked = True  # no server: the budget is checked before any request is sent
    with pytest.raises(BudgetReached):
        ep.ask([{"role": "user", "content": "x" * 300}], LLMAnswer, {})
    assert ep.tally.total == 0


def test_abstract_failed_carries_its_reason():
    assert AbstractFailed("answer cut at --max-tokens 16").reason.startswith("answer cut")
