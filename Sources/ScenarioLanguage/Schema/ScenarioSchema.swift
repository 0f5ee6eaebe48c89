/// The JSON Schema (draft 2020-12) of scenario files, for editors (yaml-language-server) and tools.
///
/// The loader is stricter (placeholders, connections, regexes, JSONPath are checked there); the schema
/// describes shape and documents every key.
public enum ScenarioSchema {
    /// The schema as pretty-printed JSON with a trailing newline (what `wscenario schema` prints).
    public static var text: String { document.prettyJSON }

    /// The schema as a JSON value.
    public static var document: JSONValue {
        typealias B = SchemaBuilder
        return B.object([
            ("$schema", "https://json-schema.org/draft/2020-12/schema"),
            ("$id", "https://wscenario.dev/schemas/scenario.schema.json"),
            ("title", "wscenario scenario"),
            (
                "description",
                .string(
                    "One WebSocket test scenario (one YAML document; separate several with ---). "
                        + "Editors: let yaml-language-server accept the matcher tags with the setting "
                        + "yaml.customTags: [\"!any scalar\", \"!type scalar\", \"!regex scalar\", \"!absent scalar\"]."
                )
            ),
            ("type", "object"),
            ("properties", B.object(topLevelProperties)),
            ("required", B.strings(["name", "steps"])),
            ("additionalProperties", false),
            ("$defs", B.object(definitions + stepDefinitions)),
        ])
    }

    private static var topLevelProperties: [(String, JSONValue)] {
        typealias B = SchemaBuilder
        return [
            (
                "name",
                B.typed(
                    "string", "The scenario's name, unique within its file; shown in output and reports.",
                    [("minLength", 1)])
            ),
            ("description", B.typed("string", "Free text describing the scenario.")),
            (
                "tags",
                B.oneOf(
                    "Tags for selecting scenarios with --tag.",
                    [B.list(B.typed("string", "A tag."), "The tags."), B.typed("string", "A single tag.")])
            ),
            (
                "vars",
                B.map(
                    B.anyValue("A default value; strings may use ${...}."),
                    "Variables and their default values; --var NAME=VALUE overrides them.")
            ),
            (
                "secrets",
                B.list(
                    B.typed("string", "A variable name."),
                    "Names of variables whose values are masked as *** in transcripts, reports and console.")
            ),
            ("timeout", B.ref("duration", "Default wait for every expect_* step and connect (default 5s).")),
            (
                "ignore",
                B.list(
                    B.ref("matcher", "Messages matching this are consumed silently."),
                    "Messages every expect_message skips, such as heartbeats.")
            ),
            (
                "inbox",
                B.enumeration(
                    ["warn", "strict", "off"],
                    "What unconsumed messages at the end do: warn (default), strict (fail) or off.")
            ),
            ("steps", B.ref("steps", "The steps, run in order; the first failing step fails the scenario.")),
        ]
    }

    private static var definitions: [(String, JSONValue)] {
        typealias B = SchemaBuilder
        let durationString = B.typed(
            "string", "A duration such as 250ms, 2s, 1.5s or 1m.",
            [("pattern", "^\\s*[0-9]+(\\.[0-9]+)?\\s*(ms|s|m|h)?\\s*$")])
        let durationNumber = B.typed("number", "A number of seconds.", [("minimum", 0)])
        let placeholder = B.typed("string", "A text with ${name} placeholders.", [("pattern", "\\$\\{")])
        return [
            (
                "duration",
                B.oneOf(
                    "A duration: 250ms, 2s, 1.5s, 1m, or a bare number of seconds.",
                    [durationString, durationNumber])
            ),
            (
                "stepDuration",
                B.oneOf(
                    "A step's duration: 250ms, 2s, 1.5s, 1m, a bare number of seconds, or a text with ${name} "
                        + "placeholders rendered when the step runs.",
                    [durationString, durationNumber, placeholder])
            ),
            ("text", B.types(["string", "number", "boolean"], "Text; may use ${name} placeholders.")),
            ("connection", B.typed("string", "The connection's name (as: of its connect); default when omitted.")),
            ("steps", B.list(B.ref("step", "One step."), "A list of steps.", minItems: 1)),
            (
                "headers",
                B.map(
                    B.types(["string", "number", "boolean"], "The value; may use ${name}."),
                    "HTTP headers: name to value.")
            ),
            (
                "expectedHeaders",
                B.map(
                    B.types(
                        ["string", "number", "boolean"],
                        "The expected value; a value in slashes (/^gw-\\d+$/) is a regular expression, optionally "
                            + "followed by flags i (ignore case), m (multi-line), s (dot matches newlines), x (extended): "
                            + "/^websocket$/i."),
                    "Expected response headers; names match case-insensitively.")
            ),
            (
                "stringMatch",
                B.types(
                    ["string", "number"],
                    "Exact text, or a regular expression in slashes: /bye/, "
                        + "optionally followed by flags i (ignore case), m (multi-line), s (dot matches newlines), "
                        + "x (extended): /^bye$/i.")
            ),
            (
                "closeCode",
                B.typed(
                    "integer",
                    "A close status code (RFC 6455 §7.4); expect_close also accepts 1005 "
                        + "(close frame without a code) and 1006 (no close frame).",
                    [("minimum", 1000), ("maximum", 4999)])
            ),
            (
                "bytes",
                B.closed(
                    "Bytes given as hex or base64.",
                    [
                        ("hex", B.typed("string", "Hex digits, e.g. \"00ff10\".")),
                        ("base64", B.typed("string", "Standard base64.")),
                    ], extra: [("minProperties", 1), ("maxProperties", 1)])
            ),
            ("matcher", matcher),
            (
                "captures",
                B.map(
                    B.typed("string", "A JSONPath query (RFC 9535), e.g. $.id."),
                    "Variables to set from the matched message: name to JSONPath.")
            ),
        ]
    }

    static var matcherProperties: [(String, JSONValue)] {
        typealias B = SchemaBuilder
        return [
            ("text", B.ref("text", "Exact text of a text message.")),
            (
                "regex",
                B.typed("string", "A regular expression that must match the text somewhere (use ^...$ to anchor).")
            ),
            ("contains", B.ref("text", "Text the message must contain.")),
            (
                "json",
                B.anyValue(
                    "A JSON subset the message must contain: extra keys are fine. YAML tags !any, "
                        + "!type T, !regex \"...\" and !absent match loosely.")
            ),
            ("json_exact", B.anyValue("The whole JSON document (loose tags still apply).")),
            (
                "binary",
                B.closed(
                    "Exact bytes of a binary message, or a prefix.",
                    [
                        ("hex", B.typed("string", "Exact bytes in hex.")),
                        ("base64", B.typed("string", "Exact bytes in base64.")),
                        ("prefix_hex", B.typed("string", "The message starts with these bytes (hex).")),
                        ("file", B.typed("string", "Exact bytes: a file's, relative to the scenario file.")),
                    ], extra: [("minProperties", 1), ("maxProperties", 1)])
            ),
            (
                "jsonpath",
                B.map(
                    B.anyValue("The expected value of the selected node(s)."),
                    "JSONPath queries (RFC 9535) and the values they must select, e.g. { \"$.count\": 3 }.")
            ),
        ]
    }

    private static var matcher: JSONValue {
        typealias B = SchemaBuilder
        let keys = matcherProperties.map(\.0)
        return B.oneOf(
            "A message matcher: a string (exact text) or a mapping with exactly one matcher key.",
            [
                B.ref("text", "Exact text."),
                B.closed(
                    "A matcher with one key.", matcherProperties,
                    extra: [("oneOf", .array(keys.map { B.object([("required", B.strings([$0]))]) }))]),
            ])
    }
}
