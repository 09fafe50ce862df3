"""The test servers' ports: two pytest-xdist workers never pick the same free port."""

import socket

import nginx_server
from nginx_server import PORT_BLOCKS, free_port


def test_each_worker_takes_its_ports_from_its_own_block(monkeypatch):
    ports = {}
    for worker in ("gw0", "gw1"):
        monkeypatch.setenv("PYTEST_XDIST_WORKER", worker)
        ports[worker] = {free_port() for _ in range(20)}
    assert all(PORT_BLOCKS[0] <= port < PORT_BLOCKS[1] for port in ports["gw0"])
    assert all(PORT_BLOCKS[1] <= port < PORT_BLOCKS[2] for port in ports["gw1"])


def _a_free_block(size: int) -> tuple[int, list[socket.socket]]:
    """A block of `size` loopback ports below the test servers' blocks, every one bound here now: a
    port of the servers' own blocks may be held by another test's server, or wait in TIME_WAIT."""
    for low in range(9000, PORT_BLOCKS[0], size):
        held = []
        for port in range(low, low + size):
            sock = socket.socket()
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                sock.close()
                break
            held.append(sock)
        if len(held) == size:
            return low, held
        for sock in held:
            sock.close()
    raise RuntimeError("no block of free loopback ports below the test servers' blocks")


def test_a_port_in_use_is_never_offered(monkeypatch):
    low, taken = _a_free_block(10)
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw0")
    monkeypatch.setattr(nginx_server, "PORT_BLOCKS", range(low, low + 20, 10))
    try:
        taken.pop().close()  # the last port of the block is the one left free
        assert free_port() == low + 9
    finally:
        for sock in taken:
            sock.close()
