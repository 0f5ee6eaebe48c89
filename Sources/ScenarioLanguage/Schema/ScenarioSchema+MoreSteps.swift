extension ScenarioSchema {
    static func moreKindDefinitions(errorKinds: [String]) -> [(String, JSONValue)] {
        let messageExtras: [(String, JSONValue)] = [
            ("on", on), ("within", within),
            ("ordered", B.typed("boolean", "true: the next unconsumed message must match.")),
            ("capture", B.ref("captures", "Variables set from the matched message by JSONPath.")),
            (
                "capture_regex",
                B.map(
                    B.typed("string", "A regular expression; its first group is captured."),
                    "Variables set from the message text by regular expression.")
            ),
        ]
        let matcherKeys = matcherProperties.map(\.0)
        return [
            (
                "send_frame",
                B.closed(
                    kindDescriptions["send_frame"]!,
                    [
                        ("on", on),
                        (
                            "opcode",
                            B.typed(
                                "integer", "The opcode, 0-15 (reserved ones allowed).",
                                [("minimum", 0), ("maximum", 15)])
                        ),
                        ("fin", B.typed("boolean", "The FIN bit (default true).")),
                        (
                            "rsv",
                            B.object([
                                ("type", "array"), ("description", "RSV1-3 (default all false)."),
                                ("items", B.typed("boolean", "One RSV bit.")), ("minItems", 3), ("maxItems", 3),
                            ])
                        ),
                        ("masked", B.typed("boolean", "Mask the frame (default true); false sends it unmasked.")),
                        (
                            "payload",
                            B.closed(
                                "The payload.",
                                [
                                    ("hex", B.typed("string", "Bytes in hex.")),
                                    ("base64", B.typed("string", "Bytes in base64.")),
                                    ("text", B.ref("text", "UTF-8 text.")),
                                ], extra: [("maxProperties", 1)])
                        ),
                        (
                            "length",
                            B.typed(
                                "integer", "Announce this payload length instead of the real one.",
                                [("minimum", 0)])
                        ),
                    ], required: ["opcode"])
            ),
            (
                "expect_message",
                B.oneOf(
                    kindDescriptions["expect_message"]!,
                    [
                        B.ref("text", "Exact text of a text message."),
                        B.closed(
                            "A matcher and its settings.", matcherProperties + messageExtras,
                            extra: [("oneOf", .array(matcherKeys.map { B.object([("required", B.strings([$0]))]) }))]),
                    ])
            ),
            (
                "expect_messages",
                B.closed(
                    kindDescriptions["expect_messages"]!,
                    [
                        ("on", on),
                        (
                            "all",
                            B.list(
                                B.ref("matcher", "One expected message."), "The expected messages.",
                                minItems: 1)
                        ),
                        ("within", within),
                    ], required: ["all"])
            ),
            (
                "expect_silence",
                B.oneOf(
                    kindDescriptions["expect_silence"]!,
                    [
                        B.typed("null", "The scenario's timeout."), B.ref("stepDuration", "How long."),
                        B.closed(
                            "Silence settings.",
                            [("on", on), ("for", B.ref("stepDuration", "How long (default: the scenario's timeout)."))]
                        ),
                    ])
            ),
            (
                "expect_pong",
                B.oneOf(
                    kindDescriptions["expect_pong"]!,
                    [
                        B.typed("null", "Any payload."), B.ref("text", "The expected payload."),
                        B.closed(
                            "Pong expectations.",
                            [
                                ("on", on), ("payload", B.ref("text", "The expected payload.")), ("within", within),
                            ]),
                    ])
            ),
            (
                "expect_close",
                B.oneOf(
                    kindDescriptions["expect_close"]!,
                    [
                        B.typed("null", "Any close."), B.ref("closeCode", "The expected code."),
                        B.list(B.ref("closeCode", "A code."), "The expected codes (any of them).", minItems: 1),
                        B.closed(
                            "Close expectations.",
                            [
                                ("on", on),
                                (
                                    "code",
                                    B.anyOf(
                                        "One code or a list (any of them).",
                                        [
                                            B.ref("closeCode", "A code."),
                                            B.list(B.ref("closeCode", "A code."), "Codes.", minItems: 1),
                                        ])
                                ),
                                (
                                    "reason",
                                    B.ref("stringMatch", "The reason: exact, or a regex in slashes (/bye/, /BYE/i).")
                                ),
                                ("within", within),
                            ]),
                    ])
            ),
            (
                "expect_error",
                B.oneOf(
                    kindDescriptions["expect_error"]!,
                    [
                        B.enumeration(errorKinds, "The error kind."),
                        B.closed(
                            "Error expectations.",
                            [
                                ("on", on), ("kind", B.enumeration(errorKinds, "The error kind.")),
                                ("status", B.typed("integer", "handshake: the HTTP status.")),
                                ("headers", B.ref("expectedHeaders", "handshake: expected response headers.")),
                                (
                                    "body",
                                    B.ref(
                                        "stringMatch",
                                        "handshake: the response body (regex in slashes, flags i m s x allowed: /forbidden/i; "
                                            + "else contains).")
                                ),
                                (
                                    "message",
                                    B.ref(
                                        "stringMatch",
                                        "The error's text (regex in slashes, flags i m s x allowed: /refused/i; else contains)."
                                    )
                                ),
                                ("within", within),
                            ], required: ["kind"]),
                    ])
            ),
            ("wait", B.ref("stepDuration", kindDescriptions["wait"]!)),
            ("set", B.map(B.anyValue("The value; strings may use ${...}."), kindDescriptions["set"]!)),
            (
                "repeat",
                B.closed(
                    kindDescriptions["repeat"]!,
                    [
                        (
                            "times",
                            B.oneOf(
                                "How many times: a whole number, or a text with ${name} placeholders.",
                                [
                                    B.typed("integer", "A whole number.", [("minimum", 0)]),
                                    B.typed("string", "A placeholder such as ${n}.", [("pattern", "\\$\\{")]),
                                ])
                        ),
                        ("steps", B.ref("steps", "The steps of one iteration.")),
                    ], required: ["times", "steps"])
            ),
            (
                "include",
                B.oneOf(
                    kindDescriptions["include"]!,
                    [
                        B.typed("string", "The file (relative to this file)."),
                        B.closed(
                            "The file and its variables.",
                            [
                                (
                                    "file",
                                    B.typed(
                                        "string",
                                        "The file (relative to this file); it holds steps: and optional vars:.")
                                ),
                                ("vars", B.map(B.anyValue("A value."), "Variables set for the included steps.")),
                            ], required: ["file"]),
                    ])
            ),
            (
                "http",
                B.oneOf(
                    kindDescriptions["http"]!,
                    [
                        B.typed("string", "The http:// or https:// URL (a GET)."),
                        B.closed(
                            "The request.",
                            [
                                (
                                    "method",
                                    B.typed("string", "GET, POST, PUT, PATCH, DELETE, HEAD or OPTIONS (default GET).")
                                ),
                                ("url", B.typed("string", "The http:// or https:// URL; may use ${...}.")),
                                ("headers", B.ref("headers", "Request headers.")),
                                ("json", B.anyValue("A JSON body.")), ("body", B.ref("text", "A text body.")),
                                (
                                    "expect",
                                    B.closed("Response expectations.", [("status", B.typed("integer", "The status."))])
                                ),
                                ("capture", B.ref("captures", "Variables set from the JSON response.")),
                                ("within", within), ("tls", tls("https://")),
                            ], required: ["url"]),
                    ])
            ),
        ]
    }
}
