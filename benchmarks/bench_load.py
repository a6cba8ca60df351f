"""Load on one server process: open event streams held, and curated-answer latency under
concurrent customers.

The server runs in its own process (`kefu.service.app.create_app` under uvicorn, real
assistant on the demo packs, rate limits off); the clients are asyncio + httpx in this
process. Latency is measured twice: with customers who pause between messages as people do
(the target row), and with clients firing back to back (saturation, for information: one
server answers one turn at a time, so there p95 grows with the number of clients). The
reference is the same server answering one client at a time.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import resource
import socket
import subprocess
import sys
import time
from pathlib import Path

from _common import Context, Row, log, pct

STREAMS = 500
CLIENTS = 50
# People read an answer and type the next question: seconds between one customer's messages.
THINK_S = (2.0, 6.0)
QUESTIONS = [
    "How long does a refund take?",
    "My card payment failed, what should I do?",
    "How much is shipping?",
    "How do I return an item?",
    "退款多久到账？",
    "How do I reset my online banking password?",
    "Can I change my appointment?",
    "怎么修改收货地址？",
]

_SERVER = """
import sys, uvicorn
from kefu.config import load_settings
from kefu.service.app import create_app
s = load_settings().model_copy(update={"rate_limit_ip": 0, "rate_limit_conversation": 0})
uvicorn.run(create_app(s, pack="demo"), host="127.0.0.1", port=int(sys.argv[1]),
            log_level="error", backlog=4096)
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _raise_fd_limit() -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = min(hard, 8192)
    if soft < want:
        resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


async def _wait_ready(url: str, proc: subprocess.Popen[bytes]) -> None:
    import httpx

    async with httpx.AsyncClient() as http:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                raise RuntimeError("the server exited during start-up")
            try:
                r = await http.get(url + "/health")
                if r.json().get("ready"):
                    return
            except httpx.HTTPError:
                pass
            await asyncio.sleep(0.5)
    raise RuntimeError("the server did not become ready in 300 s")


async def _streams(url: str, n: int, hold_s: float) -> tuple[int, int]:
    """Open ``n`` customer event streams at once, hold them; (held to the end, errors)."""
    import httpx

    limits = httpx.Limits(max_connections=n + 10, max_keepalive_connections=n + 10)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=60) as http:
        convs = await asyncio.gather(*(http.post("/api/conversations") for _ in range(n)))
        tokens = [(c.json()["id"], c.json()["token"]) for c in convs]
        opened = asyncio.Event()
        ready = 0
        errors = 0
        held = 0

        async def one(cid: str, token: str) -> None:
            nonlocal ready, errors, held
            headers = {"Authorization": f"Bearer {token}"}
            try:
                async with http.stream(
                    "GET", f"/api/conversations/{cid}/events", headers=headers
                ) as r:
                    if r.status_code != 200:
                        errors += 1
                        return
                    lines = r.aiter_lines()
                    async for line in lines:
                        if line.startswith("event: status"):
                            break
                    ready += 1
                    if ready == n:
                        opened.set()
                    await asyncio.sleep(hold_s)
                    held += 1
            except httpx.HTTPError:
                errors += 1

        tasks = [asyncio.create_task(one(cid, token)) for cid, token in tokens]
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(opened.wait(), timeout=120)
        await asyncio.gather(*tasks)
        return held, errors


async def _latency(
    url: str, clients: int, per_client: int, think_s: tuple[float, float] = (0.0, 0.0)
) -> tuple[list[float], int, float]:
    """``clients`` customers at once, each asking ``per_client`` curated questions in turn,
    pausing a random ``think_s`` seconds between them (0: back to back, a saturation test).
    Returns latencies (ms), errors and answers per second."""
    import random

    import httpx

    rng = random.Random(7)
    limits = httpx.Limits(max_connections=clients + 10)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=120) as http:
        latencies: list[float] = []
        errors = 0

        async def customer(i: int) -> None:
            nonlocal errors
            c = (await http.post("/api/conversations")).json()
            headers = {"Authorization": f"Bearer {c['token']}"}
            await asyncio.sleep(rng.uniform(*think_s))  # customers do not all arrive at once
            for k in range(per_client):
                q = QUESTIONS[(i + k) % len(QUESTIONS)]
                t0 = time.perf_counter()
                r = await http.post(
                    f"/api/conversations/{c['id']}/messages", json={"text": q}, headers=headers
                )
                latencies.append((time.perf_counter() - t0) * 1000)
                if r.status_code != 200:
                    errors += 1
                await asyncio.sleep(rng.uniform(*think_s))

        t0 = time.perf_counter()
        await asyncio.gather(*(customer(i) for i in range(clients)))
        return latencies, errors, len(latencies) / (time.perf_counter() - t0)


def bench_load(ctx: Context) -> list[Row]:
    _raise_fd_limit()
    streams = 100 if ctx.quick else STREAMS
    per_client = 2 if ctx.quick else 5
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "KEFU_HOME": str(ctx.tmp / "load-home")}
    proc = subprocess.Popen(
        [sys.executable, "-c", _SERVER, str(port)],
        env=env,
        preexec_fn=_raise_fd_limit,
    )
    try:
        asyncio.run(_wait_ready(url, proc))
        log("load: server ready; single-client reference")
        single, single_err, _ = asyncio.run(_latency(url, 1, 16))
        log(f"load: {CLIENTS} concurrent customers, human-paced")
        paced, paced_err, _ = asyncio.run(_latency(url, CLIENTS, per_client, THINK_S))
        log(f"load: {CLIENTS} concurrent clients, back to back")
        flood, flood_err, rate = asyncio.run(_latency(url, CLIENTS, per_client))
        log(f"load: holding {streams} event streams")
        held, stream_err = asyncio.run(_streams(url, streams, hold_s=5.0))
        rss = _rss_mb(proc.pid)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
    detail = json.dumps(
        {"streams_errors": stream_err, "latency_errors": paced_err + flood_err + single_err}
    )
    log(f"load: {detail}, server RSS {rss:.0f} MB")
    p95 = pct(paced, 95)
    ref = pct(single, 50)
    return [
        Row(
            "load",
            f"open event streams held for 5 s (errors: {stream_err})",
            float(held),
            "",
            float(streams),
            "streams opened",
            target=">= 500 open, 0 errors",
            met=held >= 500 and stream_err == 0,
            higher_is_better=True,
        ),
        Row(
            "load",
            f"curated answer p95, {CLIENTS} concurrent customers pausing "
            f"{THINK_S[0]:.0f}-{THINK_S[1]:.0f} s between messages (errors: {paced_err})",
            p95,
            "ms",
            ref,
            "p50, one client",
            target="<= 100 ms",
            met=p95 <= 100 and paced_err == 0,
        ),
        Row(
            "load",
            f"curated answer p95, {CLIENTS} clients back to back, saturation "
            f"({rate:.0f} answers/s; errors: {flood_err})",
            pct(flood, 95),
            "ms",
            ref,
            "p50, one client",
        ),
        Row("load", "server resident memory after the load", rss, "MB", None, ""),
    ]
