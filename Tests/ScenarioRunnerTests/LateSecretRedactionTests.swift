import Foundation
import ScenarioLanguage
import Testing

@testable import ScenarioRunner

/// A secret captured at run time is masked in the whole transcript, also in the events written before the
/// capture, and in the text kept for reports.
@Suite("Secrets learnt during the run")
struct LateSecretRedactionTests {
    static let scenario = """
        name: late secret
        secrets: [cap]
        steps:
          - connect: ws://fake/
          - send: '{"tok":"known","other":"CAPVAL-123"}'
          - expect_message: { contains: known, capture: { cap: $.other } }
          - send: "cap=${cap}"
          - expect_message: "cap=CAPVAL-123"
          - expect_message: { text: "never ${cap}", within: 50ms }
        """

    @Test func capturedSecretsAreMaskedInEarlierEventsOfBothTranscriptFiles() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let result = try await harness.runOne(LateSecretRedactionTests.scenario)
        #expect(result.status == .failed)
        let jsonlPath = try #require(result.transcriptPath)
        let jsonl = try String(contentsOfFile: jsonlPath, encoding: .utf8)
        let text = try String(
            contentsOfFile: jsonlPath.replacingOccurrences(of: ".jsonl", with: ".txt"), encoding: .utf8)
        for (name, content) in [("jsonl", jsonl), ("txt", text), ("report text", result.transcriptText)] {
            #expect(!content.contains("CAPVAL-123"), "\(name) leaks the secret")
            #expect(content.contains("***"), "\(name) has no mask")
        }
        #expect(result.failure?.message.contains("CAPVAL-123") == false)
        #expect(jsonl.split(separator: "\n").count == text.split(separator: "\n").count)
        #expect(!FileManager.default.fileExists(atPath: jsonlPath + ".tmp"))
        // Every line is still a valid event; the first frame keeps its real length and the known text.
        let events = try harness.events(result)
        let firstOut = try #require(events.first { $0["event"] as? String == "frame_out" })
        #expect(firstOut["text"] as? String == #"{"tok":"known","other":"***"}"#)
        #expect(firstOut["length"] as? Int == 36)
        #expect(stepText(firstOut["step"]) == "1")
        let capture = try #require(events.first { $0["event"] as? String == "capture" })
        #expect(capture["value"] as? String == "***")
        #expect(events.last?["event"] as? String == "scenario_end")
    }

    @Test func aSecretWithQuotesAndBackslashesIsMaskedAlsoWhereJSONEscapesIt() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let summary = try await harness.run(
            """
            name: secret with a quote
            secrets: [pw]
            steps:
              - connect: ws://fake/
              - send: { json: { pw: "${pw}" } }
              - expect_message: { json: { pw: "${pw}", x: 1 }, within: 100ms }
            """, variables: ["pw": .string(#"hun"ter\2"#)])
        let result = try #require(summary.results.first)
        #expect(result.status == .failed)
        let jsonl = try String(contentsOfFile: try #require(result.transcriptPath), encoding: .utf8)
        let report = JSONReport.render(summary)
        let message = result.failure?.message ?? ""
        for (name, content) in [
            ("jsonl", jsonl), ("report text", result.transcriptText), ("failure", message), ("json report", report),
        ] {
            // Raw, JSON-escaped once (payloads, matcher descriptions) and twice (inside the .jsonl / report).
            for form in [#"hun"ter\2"#, #"hun\"ter\\2"#, #"hun\\\"ter\\\\2"#] {
                #expect(!content.contains(form), "\(name) leaks \(form)")
            }
            #expect(content.contains("***"), "\(name) has no mask")
        }
    }

    @Test func transcriptsWithoutLateSecretsAreLeftAsWritten() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let result = try await harness.runOne(
            """
            name: no secrets
            steps:
              - connect: ws://fake/
              - send: "CAPVAL-123"
              - expect_message: "CAPVAL-123"
            """)
        #expect(result.status == .passed)
        let jsonl = try String(contentsOfFile: try #require(result.transcriptPath), encoding: .utf8)
        #expect(jsonl.contains("CAPVAL-123"))
    }

    @Test func rewrittenEventsReadBackUnchangedWithoutSecrets() throws {
        let line =
            #"{"t":0.25,"event":"frame_in","conn":"bob","step":"3.1","opcode":"text","fin":true,"length":2,"#
            + #""text":"hi"}"#
        let event = try #require(TranscriptRedaction.event(line))
        #expect(event.json.serialized() == line)
        let top = #"{"t":1,"event":"step_end","step":2,"status":"passed","duration":0.5}"#
        #expect(TranscriptRedaction.event(top)?.json.serialized() == top)
    }
}
