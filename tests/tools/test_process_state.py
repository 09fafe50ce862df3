"""What one test changes in its process stays with it: under pytest-xdist a worker runs many files."""

import signal
import socket


def test_a_script_run_in_process_may_set_sigpipe_to_its_default():
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # as scripts/check.py's main does, for `| head`


def test_the_next_test_may_write_to_a_peer_that_hung_up():
    """A served page's reader that hangs up is an error to handle, never a signal that kills the worker."""
    ours, theirs = socket.socketpair()
    theirs.close()
    try:
        ours.sendall(b"x" * 100_000)
    except BrokenPipeError:
        pass
    finally:
        ours.close()
