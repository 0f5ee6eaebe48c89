"""The clients benchmarks/run compares, and the command line each one gets for a workload."""
import os

LIB = os.path.dirname(os.path.abspath(__file__))
CLIENTS_DIR = os.path.join(LIB, "clients")
PEERS = ("picows", "websockets", "websocket-client", "node-ws", "websocat")
UNSUPPORTED = {"websocat": {"big", "conns", "idle"}}
SCRIPTS = {"picows": "picows_client.py", "websockets": "websockets_client.py",
           "websocket-client": "websocket_client_client.py", "websocat": "websocat_client.py"}


def supports(client, workload):
    return workload not in UNSUPPORTED.get(client, set())


def peer_arguments(workload, parameters, url):
    arguments = [workload, url + "/echo"]
    for key in ("count", "size", "conns", "rounds", "hold"):
        if key in parameters:
            arguments += [f"--{key}", str(parameters[key])]
    return arguments


def peer_command(client, python, workload, parameters, url):
    if client == "node-ws":
        return ["node", os.path.join(CLIENTS_DIR, "node_ws_client.js")] + peer_arguments(workload, parameters, url)
    return [python, os.path.join(CLIENTS_DIR, SCRIPTS[client])] + peer_arguments(workload, parameters, url)


def node_ws_available():
    return os.path.isdir("/usr/share/nodejs/ws") and any(
        os.access(os.path.join(directory, "node"), os.X_OK) for directory in os.environ.get("PATH", "").split(":"))
