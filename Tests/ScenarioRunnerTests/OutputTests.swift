import Foundation
import Testing

@testable import ScenarioRunner

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Transcripts and reports")
struct OutputTests {
    @Test func slugsAndLocations() {
        #expect(TranscriptLocation.slug("Chat: join & leave!") == "chat-join-leave")
        #expect(TranscriptLocation.slug("***") == "scenario")
        #expect(TranscriptLocation.slug("Café_au lait -- 2x") == "café-au-lait-2x")
        let location = TranscriptLocation(
            directory: URL(fileURLWithPath: "/tmp/t"), file: "scenarios/chat/basic.yaml", name: "Echo Works")
        #expect(location.jsonl.path == "/tmp/t/scenarios/chat/basic/echo-works.jsonl")
        #expect(location.text.path == "/tmp/t/scenarios/chat/basic/echo-works.txt")
    }

    @Test func textLinesAndJSONEscaping() {
        #expect(TranscriptTextRenderer.formatTime(1.5) == "   1.500")
        #expect(TranscriptTextRenderer.formatTime(0.0004) == "   0.000")
        #expect(TranscriptTextRenderer.formatTime(12345.6789) == "12345.679")
        #expect(OutputJSON.string("plain").serialized() == #""plain""#)
        #expect(OutputJSON.string("a\"b\\c\n\u{1}\u{2028}").serialized() == #""a\"b\\c\n\u0001\u2028""#)
        let event = TranscriptEvent(
            time: 0.25, kind: .frameIn, connection: "bob", step: "3.1", fields: [("fin", .bool(true))])
        #expect(event.json.serialized() == #"{"t":0.25,"event":"frame_in","conn":"bob","step":"3.1","fin":true}"#)
    }

    @Test func reportTextKeepsTheFirstAndLastLinesOfLongTranscripts() throws {
        let writer = try TranscriptWriter(location: nil, redactor: Redactor(), startNanos: 0, clock: { 0 })
        for index in 0..<6000 { writer.record(.capture, [("name", .string("n\(index)"))]) }
        let lines = writer.text.split(separator: "\n")
        #expect(lines.count == 5001)
        #expect(lines[0].contains("n0\""))
        #expect(lines[2500].contains("1000 lines omitted"))
        #expect(lines.last?.contains("n5999\"") == true)
        #expect(lines[2501].contains("n3500\""))
    }

    @Test func largePayloadsAreTruncatedWithTheRealLength() {
        let payload = [UInt8](repeating: 0x61, count: 70_000)
        let fields = PayloadRecord.fields(payload, preferText: true)
        let object = OutputJSON.object(fields)
        #expect(object["length"] == .int(70_000))
        #expect(object["truncated"] == .bool(true))
        if case .string(let text) = object["text"] {
            #expect(text.utf8.count == 65_536)
        } else {
            Issue.record("no text")
        }
        let binary = OutputJSON.object(PayloadRecord.fields([0xff, 0x00], preferText: true))
        #expect(binary["base64"] == .string("/wA="))
    }

    @Test func redactorMasksSecretsAndSensitiveHeaders() {
        let redactor = Redactor(secrets: ["hunter2", ""])
        #expect(redactor.redact("pw=hunter2;") == "pw=***;")
        let headers = redactor.headersJSON([("authorization", "Basic xyz"), ("X-Other", "has hunter2")])
        #expect(headers["authorization"] == .string("***"))
        #expect(headers["X-Other"] == .string("has ***"))
    }

    static func sampleSummary() -> RunSummary {
        RunSummary(
            results: [
                ScenarioResult(
                    file: "a.yaml", name: "ok <1>", status: .passed, duration: 0.5, transcriptPath: "/t/a.jsonl",
                    transcriptText: "   0.000  scenario_start"),
                ScenarioResult(
                    file: "a.yaml", name: "broken", status: .failed, duration: 1.25,
                    failure: ScenarioFailure(
                        step: "2", stepLabel: "expect_message", file: "a.yaml", line: 9,
                        message: "expected \"x\" & got \"y\""),
                    transcriptPath: "/t/b.jsonl", transcriptText: "line\u{1}one"),
                ScenarioResult(file: "b.yaml", name: "not run", status: .skipped, duration: 0),
            ], duration: 2)
    }

    @Test func jsonReportHasTheContractShape() throws {
        let text = JSONReport.render(OutputTests.sampleSummary())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["passed"] as? Int == 1)
        #expect(summary["failed"] as? Int == 1)
        #expect(summary["skipped"] as? Int == 1)
        let scenarios = try #require(object["scenarios"] as? [[String: Any]])
        #expect(scenarios.count == 3)
        let failure = try #require(scenarios[1]["failure"] as? [String: Any])
        #expect(failure["step"] as? Int == 2)
        #expect(failure["line"] as? Int == 9)
        #expect(scenarios[0]["transcript"] as? String == "/t/a.jsonl")
    }

    @Test func junitReportParsesWithOneSuitePerFile() throws {
        let xml = JUnitReport.render(OutputTests.sampleSummary())
        let document = try XMLDocument(xmlString: xml)
        let suites = try document.nodes(forXPath: "/testsuites/testsuite")
        #expect(suites.count == 2)
        let cases = try document.nodes(forXPath: "//testcase")
        #expect(cases.count == 3)
        let failure = try #require(
            try document.nodes(forXPath: "//testcase[@name='broken']/failure").first as? XMLElement)
        let message = try #require(failure.attribute(forName: "message")?.stringValue)
        #expect(message.contains("step 2"))
        #expect(message.contains("a.yaml:9"))
        #expect(message.contains("expected \"x\" & got \"y\""))
        #expect(try document.nodes(forXPath: "//testcase[@name='not run']/skipped").count == 1)
        let out = try document.nodes(forXPath: "//testcase[@name='ok <1>']/system-out").first?.stringValue
        #expect(out?.contains("scenario_start") == true)
    }

    @Test func shardsCoverEveryItemExactlyOnce() throws {
        let items = Array(0..<17)
        var seen: [Int] = []
        for index in 1...4 {
            let shard = try #require(Shard(argument: "\(index)/4"))
            seen += shard.select(items)
        }
        #expect(seen.sorted() == items)
        #expect(Shard(argument: "0/4") == nil)
        #expect(Shard(argument: "5/4") == nil)
        #expect(Shard(argument: "x") == nil)
    }

    @Test func secretsAreMaskedInTheFormsJSONEncodersWrite() {
        var redactor = Redactor(secrets: [#"a/b&"é"#])
        for text in [
            #"a/b&"é"#, #"a/b&\"é"#, #"a\/b&\"é"#, #"a/b\u0026\"\u00e9"#, #"a/b\u0026\"\u00E9"#,
            #"a\/b\u0026\"\u00e9"#,
        ] {
            #expect(redactor.redact("x \(text) y") == "x *** y", "\(text)")
        }
        // Adding values again and again keeps one set of forms per value (escaped forms are not escaped again:
        // that doubled the backslashes with every addition).
        for index in 0..<12 { redactor.add([#"t"\#(index)"#]) }
        #expect(redactor.maskedTextLength < 2000, "\(redactor.maskedTextLength)")
        #expect(redactor.redact(#"{"k":"t\"11"}"#) == #"{"k":"***"}"#)
    }

    @Test func annotationPropertiesEscapeCommasAndColons() {
        #expect(ConsoleReporter.annotationPropertyEscape("a,b:c%\n.yaml") == "a%2Cb%3Ac%25%0A.yaml")
        #expect(ConsoleReporter.annotationEscape("a,b: c") == "a,b: c")
    }

    @Test func repeatedHeadersBecomeOneKeyWithTheListOfValues() {
        let redactor = Redactor(secrets: ["s3cr3t"])
        let json = redactor.headersJSON([
            ("Set-Cookie", "a=1"), ("Content-Type", "text/plain"), ("set-cookie", "b=s3cr3t"), ("Cookie", "x"),
            ("cookie", "y"),
        ])
        #expect(
            json.serialized()
                == #"{"Set-Cookie":["a=1","b=***"],"Content-Type":"text/plain","Cookie":["***","***"]}"#)
    }

    @Test func consoleSummaryAndAnnotations() {
        let lines = LineCollector()
        let console = ConsoleReporter(style: ConsoleStyle(colors: false, githubAnnotations: true)) { lines.add($0) }
        let summary = OutputTests.sampleSummary()
        for result in summary.results { console.scenarioFinished(result) }
        console.finished(summary)
        let text = lines.text
        #expect(text.contains("✓ ok <1>"))
        #expect(text.contains("✗ broken"))
        #expect(text.contains("1 passed, 1 failed, 1 skipped"))
        #expect(text.contains("::error file=a.yaml,line=9::broken: step 2 (expect_message) at a.yaml:9"))
        #expect(!text.contains("\u{1B}["))
    }
}

final class LineCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var parts: [String] = []

    func add(_ text: String) { lock.withLock { parts.append(text) } }
    var text: String { lock.withLock { parts.joined() } }
}
