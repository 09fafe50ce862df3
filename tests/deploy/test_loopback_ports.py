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


def test_a_port_in_use_is_never_offered(monkeypatch):
    monkeypatch.setenv("PYTEST_XDIST_WORKER", "gw0")
    monkeypatch.setattr(nginx_server, "PORT_BLOCKS", range(PORT_BLOCKS[0], PORT_BLOCKS[0] + 20, 10))
    taken = []
    try:
        for port in range(PORT_BLOCKS[0], PORT_BLOCKS[0] + 9):
            sock = socket.socket()
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:  # in use already: not offered either
                sock.close()
                continue
            taken.append(sock)
        assert free_port() == PORT_BLOCKS[0] + 9
    finally:
        for sock in taken:
            sock.close()
