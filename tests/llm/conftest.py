"""The real local server for the ``llm`` tests: llama-cpp-python's OpenAI-compatible server with
the small packaged model, started once per session on a free localhost port."""

import socket

import pytest


@pytest.fixture(scope="session")
def llm_server(tmp_path_factory):
    from claimset.llm import server

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = tmp_path_factory.mktemp("server") / "server.log"
    proc = server.start(port, log=log)
    yield f"http://127.0.0.1:{port}/v1"
    proc.terminate()
    proc.wait(timeout=30)
