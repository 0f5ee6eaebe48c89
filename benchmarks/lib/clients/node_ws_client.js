#!/usr/bin/env node
// Benchmark client on Node `ws` (Debian node-ws; run with NODE_PATH=/usr/share/nodejs). Same arguments and
// output as common.py: WORKLOAD URL [--count N] [--size BYTES] [--conns N] [--rounds N] [--hold SECONDS]
// [--latencies FILE] (seq: each round trip's latency in ns, one per line, for `wscenario-latency --samples`).
'use strict';
const fs = require('fs');
const WebSocket = require('ws');

function parseArguments() {
    const argv = process.argv.slice(2);
    const options = {
        workload: argv[0], url: argv[1], count: 100000, size: 32, conns: 1000, rounds: 10, hold: 10, latencies: null,
    };
    for (let index = 2; index < argv.length; index += 2) {
        const name = argv[index].replace(/^--/, '');
        options[name] = name === 'latencies' ? argv[index + 1] : Number(argv[index + 1]);
    }
    return options;
}

function textPayload(size) { return '0123456789abcdef'.repeat(Math.ceil(size / 16) + 1).slice(0, size); }

function binaryPayload(size) {
    const buffer = Buffer.alloc(size);
    for (let index = 0; index < size; index++) buffer[index] = index & 255;
    return buffer;
}

// Prints the result object; with LATENCIES_PATH, also writes the latencies (ns) there, one per line.
function report(elapsed, messages, bytes, latencies, latenciesPath) {
    if (latenciesPath && latencies) {
        fs.writeFileSync(latenciesPath, latencies.map((latency) => `${Math.round(latency)}\n`).join(''));
    }
    process.stdout.write(JSON.stringify({ elapsed, messages, bytes }) + '\n');
}

function open(url) {
    return new Promise((resolve, reject) => {
        const socket = new WebSocket(url, { perMessageDeflate: false, maxPayload: 0 });
        socket.once('open', () => resolve(socket));
        socket.once('error', reject);
    });
}

function close(socket) {
    return new Promise((resolve) => { socket.once('close', resolve); socket.close(1000); });
}

// Sends PAYLOAD, and from each echo the next one, COUNT times (or all at once when pipelined).
function roundTrips(socket, payload, count, pipelined, latencies) {
    return new Promise((resolve, reject) => {
        let remaining = count;
        let sentAt = 0n;
        const expected = typeof payload === 'string' ? payload : null;
        const onMessage = (data, isBinary) => {
            if (!pipelined) {
                if (latencies) latencies.push(Number(process.hrtime.bigint() - sentAt));
                const same = expected !== null ? !isBinary && data.toString() === expected : payload.equals(data);
                if (!same) { reject(new Error('echo differs from what was sent')); return; }
            }
            remaining -= 1;
            if (remaining === 0) { socket.off('message', onMessage); resolve(); return; }
            if (!pipelined) { sentAt = process.hrtime.bigint(); socket.send(payload); }
        };
        socket.on('message', onMessage);
        if (pipelined) {
            for (let index = 0; index < count; index++) socket.send(payload);
        } else {
            sentAt = process.hrtime.bigint();
            socket.send(payload);
        }
    });
}

async function main() {
    const options = parseArguments();
    const now = () => Number(process.hrtime.bigint()) / 1e9;
    if (['seq', 'pipe', 'big'].includes(options.workload)) {
        const payload = options.workload === 'big' ? binaryPayload(options.size) : textPayload(options.size);
        const socket = await open(options.url);
        const latencies = options.workload === 'seq' ? [] : null;
        const began = now();
        await roundTrips(socket, payload, options.count, options.workload === 'pipe', latencies);
        const elapsed = now() - began;
        await close(socket);
        report(elapsed, options.count, options.count * options.size, latencies, options.latencies);
    } else if (options.workload === 'conns') {
        const payload = textPayload(options.size);
        const began = now();
        for (let index = 0; index < options.conns; index++) {
            const socket = await open(options.url);
            await roundTrips(socket, payload, options.rounds, false, null);
            await close(socket);
        }
        const total = options.conns * options.rounds;
        report(now() - began, total, total * options.size, null);
    } else {
        const began = now();
        const sockets = [];
        for (let start = 0; start < options.conns; start += 500) {
            const batch = Math.min(options.conns, start + 500) - start;
            sockets.push(...await Promise.all(Array.from({ length: batch }, () => open(options.url))));
        }
        const elapsed = now() - began;
        await new Promise((resolve) => setTimeout(resolve, options.hold * 1000));
        await Promise.all(sockets.map(close));
        report(elapsed, 0, 0, null);
    }
}

main().catch((error) => { process.stderr.write(String(error) + '\n'); process.exit(1); });
