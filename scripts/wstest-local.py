#!/usr/bin/env python
# Runs Autobahn|Testsuite's `wstest` with every listening socket bound to 127.0.0.1 (plain wstest listens on
# 0.0.0.0). Python 2.7 (the Autobahn venv made by scripts/setup-autobahn). Pass wstest's own arguments, e.g.:
#   /tmp/ab-venv/bin/python scripts/wstest-local.py -m fuzzingserver -s spec.json -u 0
#   /tmp/ab-venv/bin/python scripts/wstest-local.py -m fuzzingclient -s spec.json
import sys

from autobahntestsuite import choosereactor  # noqa: F401 (installs the best reactor first)
from twisted.internet import reactor

_listen_tcp = reactor.listenTCP
_listen_ssl = getattr(reactor, "listenSSL", None)


def _local_tcp(port, factory, backlog=50, interface="127.0.0.1"):
    return _listen_tcp(port, factory, backlog, interface or "127.0.0.1")


def _local_ssl(port, factory, context_factory, backlog=50, interface="127.0.0.1"):
    return _listen_ssl(port, factory, context_factory, backlog, interface or "127.0.0.1")


reactor.listenTCP = _local_tcp
if _listen_ssl is not None:
    reactor.listenSSL = _local_ssl

from autobahntestsuite import wstest  # noqa: E402

if __name__ == "__main__":
    sys.argv[0] = "wstest"
    wstest.run()
