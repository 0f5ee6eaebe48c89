import Testing

@testable import ScenarioLanguage

/// Mappings that take exactly one of their keys: `binary:` of `send` and of `expect_message`, `payload:` of
/// `send_frame`.
@Suite struct ExactlyOneOfTests {
    @Test func sendBinaryNeedsExactlyOneSource() {
        let suite = load(scenario(steps: "  - send: { binary: { hex: \"00\", base64: \"AA==\" } }"))
        #expect(errorHeaders(suite) == ["test.yaml:5:21: error: binary needs exactly one of hex, base64, file"])
    }

    @Test func expectedBinaryNeedsExactlyOnePattern() {
        let suite = load(scenario(steps: "  - expect_message: { binary: {} }"))
        #expect(
            errorHeaders(suite) == ["test.yaml:5:31: error: binary needs exactly one of hex, base64, prefix_hex, file"])
    }

    @Test func sendFramePayloadNeedsExactlyOneEncoding() {
        let suite = load(scenario(steps: "  - send_frame: { opcode: 1, payload: { text: a, hex: \"00\" } }"))
        #expect(errorHeaders(suite) == ["test.yaml:5:39: error: payload needs exactly one of hex, base64, text"])
    }

    @Test func unknownKeysAreStillNamed() {
        let suite = load(scenario(steps: "  - send: { binary: { hexx: \"00\" } }"))
        #expect(
            errorHeaders(suite) == [
                "test.yaml:5:21: error: binary needs exactly one of hex, base64, file",
                "test.yaml:5:23: error: unknown key 'hexx' in binary; did you mean 'hex'? (allowed: hex, base64, file)",
            ])
    }

    @Test func oneKeyIsAccepted() {
        let suite = load(
            scenario(
                steps: "  - send: { binary: { hex: \"0001\" } }\n  - expect_message: { binary: { prefix_hex: \"00\" } }"
            ))
        #expect(errorHeaders(suite) == [])
    }
}
