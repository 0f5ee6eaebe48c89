extension ScenarioSchema {
    typealias B = SchemaBuilder

    static let bareKinds = [
        "close", "disconnect", "ping", "pong", "expect_pong", "expect_close", "expect_handshake", "expect_silence",
    ]

    static var stepDefinitions: [(String, JSONValue)] {
        let kindProperties = StepKind.keywords.map { ($0, B.ref("step_\($0)", kindDescriptions[$0] ?? $0)) }
        let object = B.closed(
            "A step: one kind key with its arguments, and an optional name.",
            [("name", B.typed("string", "A name for the step, shown in output and reports."))] + kindProperties,
            extra: [("oneOf", .array(StepKind.keywords.map { B.object([("required", B.strings([$0]))]) }))])
        let step = B.oneOf(
            "One step: a mapping such as { send: hello }, or a bare kind such as close.",
            [
                B.enumeration(bareKinds, "A kind without arguments."), object,
            ])
        return [("step", step)] + kindDefinitions.map { ("step_\($0.0)", $0.1) }
    }

    static let kindDescriptions: [String: String] = [
        "connect": "Open a WebSocket connection: the URL, or a mapping.",
        "expect_handshake": "Judge the server's handshake answer (expect 101): the status, or a mapping.",
        "send": "Send a data message: text, or a mapping with text, json or binary.",
        "ping": "Send a ping with an optional payload.",
        "pong": "Send an unsolicited pong with an optional payload.",
        "close": "Start the closing handshake and wait for the server's close.",
        "disconnect": "Drop the TCP connection without a close frame.",
        "send_frame": "Send one raw frame, for negative tests.",
        "expect_message": "Wait for a data message that matches: exact text, or a mapping.",
        "expect_messages": "Wait for several messages, in any order.",
        "expect_silence": "No data message arrives for a while.",
        "expect_pong": "Wait for a pong (with this payload, if given).",
        "expect_close": "Wait for the server's close frame. Short form: a code or a list of codes.",
        "expect_error": "Expect a connection error: the kind, or a mapping.",
        "wait": "Sleep for a duration.",
        "set": "Set variables.",
        "repeat": "Run nested steps several times; ${iteration} counts from 1.",
        "include": "Run the steps of another file inline.",
        "http": "A plain HTTP request, e.g. to log in before connecting.",
    ]

    static let on = B.ref("connection", "The connection (default: default).")

    /// The `tls:` settings of `connect` (for `wss://`) and `http` (for `https://`).
    static func tls(_ scheme: String) -> JSONValue {
        B.closed(
            "TLS settings for \(scheme); paths are relative to the scenario file.",
            [
                ("ca", B.typed("string", "PEM file of trusted CA certificates.")),
                ("cert", B.typed("string", "PEM client certificate.")),
                ("key", B.typed("string", "PEM private key of the client certificate.")),
                ("insecure", B.typed("boolean", "Skip certificate verification.")),
                ("server_name", B.typed("string", "Server name for SNI and verification.")),
            ])
    }
    static let within = B.ref("stepDuration", "How long to wait (default: the scenario timeout).")

    static var kindDefinitions: [(String, JSONValue)] {
        let errorKinds = ConnectionErrorKind.allCases.map(\.rawValue)
        return [
            (
                "connect",
                B.oneOf(
                    kindDescriptions["connect"]!,
                    [
                        B.typed("string", "The ws:// or wss:// URL."),
                        B.closed(
                            "Connection settings.",
                            [
                                ("as", B.typed("string", "The connection's name, used by on: of later steps.")),
                                ("url", B.typed("string", "The ws:// or wss:// URL; may use ${...}.")),
                                ("headers", B.ref("headers", "Extra request headers.")),
                                (
                                    "subprotocols",
                                    B.list(
                                        B.typed("string", "A subprotocol."),
                                        "Sec-WebSocket-Protocol offer, in order.")
                                ),
                                ("origin", B.typed("string", "The Origin header.")),
                                (
                                    "extensions",
                                    B.list(
                                        B.typed("string", "An extension, e.g. permessage-deflate."),
                                        "Sec-WebSocket-Extensions offer.")
                                ),
                                ("timeout", B.ref("stepDuration", "Deadline for TCP + TLS + handshake.")),
                                ("tls", tls("wss://")),
                            ], required: ["url"]),
                    ])
            ),
            (
                "expect_handshake",
                B.oneOf(
                    kindDescriptions["expect_handshake"]!,
                    [
                        B.typed("integer", "The expected HTTP status."), B.typed("null", "Expect 101."),
                        B.closed(
                            "Handshake expectations.",
                            [
                                ("on", on), ("status", B.typed("integer", "The expected HTTP status (default 101).")),
                                ("headers", B.ref("expectedHeaders", "Expected response headers.")),
                                (
                                    "subprotocol",
                                    B.types(["string", "null"], "The negotiated subprotocol, or null for none.")
                                ),
                                (
                                    "extensions",
                                    B.list(B.typed("string", "An extension name."), "The negotiated extensions.")
                                ),
                                ("within", within),
                            ]),
                    ])
            ),
            (
                "send",
                B.oneOf(
                    kindDescriptions["send"]!,
                    [
                        B.ref("text", "One text frame."),
                        B.closed(
                            "A message.",
                            [
                                ("on", on), ("text", B.ref("text", "A text message.")),
                                (
                                    "json",
                                    B.anyValue("A JSON message, serialised compactly; exactly \"${x}\" keeps x's type.")
                                ),
                                (
                                    "binary",
                                    B.closed(
                                        "A binary message.",
                                        [
                                            ("hex", B.typed("string", "Bytes in hex.")),
                                            ("base64", B.typed("string", "Bytes in base64.")),
                                            (
                                                "file",
                                                B.typed("string", "A file's contents (relative to the scenario file).")
                                            ),
                                        ], extra: [("minProperties", 1), ("maxProperties", 1)])
                                ),
                                ("fragments", B.typed("integer", "Split into this many frames.", [("minimum", 1)])),
                            ]),
                    ])
            ),
            ("ping", controlFrame(kindDescriptions["ping"]!)),
            ("pong", controlFrame(kindDescriptions["pong"]!)),
            (
                "close",
                B.oneOf(
                    kindDescriptions["close"]!,
                    [
                        B.typed("null", "Code 1000, no reason."), B.ref("closeCode", "The close code."),
                        B.closed(
                            "Close settings.",
                            [
                                ("on", on),
                                (
                                    "code",
                                    B.anyOf(
                                        "The close code (default 1000); null for a close without code.",
                                        [
                                            B.ref("closeCode", "A code."), B.typed("null", "No code."),
                                        ])
                                ),
                                ("reason", B.ref("text", "The close reason.")), ("within", within),
                            ]),
                    ])
            ),
            (
                "disconnect",
                B.oneOf(
                    kindDescriptions["disconnect"]!,
                    [
                        B.typed("null", "The default connection."), B.typed("string", "The connection's name."),
                        B.closed("Which connection.", [("on", on)]),
                    ])
            ),
        ] + moreKindDefinitions(errorKinds: errorKinds)
    }

    static func controlFrame(_ description: String) -> JSONValue {
        B.oneOf(
            description,
            [
                B.typed("null", "No payload."), B.ref("text", "The payload."),
                B.closed(
                    "Frame settings.", [("on", on), ("payload", B.ref("text", "The payload (at most 125 bytes)."))]),
            ])
    }
}
