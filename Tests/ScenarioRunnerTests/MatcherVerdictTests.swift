import Foundation
import ScenarioLanguage
import Testing

@testable import ScenarioRunner

/// `ResolvedMatcher.matches` (no descriptions) must give the same verdict as `mismatches(...).isEmpty`.
@Suite("Matcher verdicts")
struct MatcherVerdictTests {
    static func message(_ text: String, isText: Bool = true) -> InboxMessage {
        InboxMessage(index: 0, isText: isText, payload: Array(text.utf8), nanos: 0)
    }

    static func literal(_ json: String) -> ResolvedPattern {
        ResolvedPattern.literal(JSONText.parse(json)!)
    }

    static func matchers() throws -> [ResolvedMatcher] {
        let object = literal(#"{"type":"hello","n":1}"#)
        return [
            .text("hello"), .text("héllo"), .text(#"{"type":"hello","n":1}"#),
            .regex(try CompiledRegex("^h.l+o$")), .contains("ell"), .contains("zzz"),
            .json(object, exact: false), .json(object, exact: true),
            .json(.object([("type", .type(.string)), ("n", .any), ("gone", .absent)]), exact: false),
            .json(.object([("type", .regex(try CompiledRegex("^hel")))]), exact: false),
            .json(.equals(JSONText.parse(#"{"n":1}"#)!), exact: false),
            .json(.equals(JSONText.parse(#"{"n":1}"#)!), exact: true),
            .json(literal("[1,2,3]"), exact: false), .json(.array([.any, .type(.integer)]), exact: false),
            .jsonPath([(try JSONPath("$.n"), .equals(.integer(1)))]),
            .jsonPath([(try JSONPath("$.missing"), .absent), (try JSONPath("$.type"), .any)]),
            .binary(Array("hello".utf8), prefix: false), .binary(Array("he".utf8), prefix: true),
            .binary([], prefix: false),
            .binary([], prefix: true),
        ]
    }

    static let messages: [InboxMessage] = [
        message("hello"), message("héllo"), message("hello", isText: false), message("", isText: false),
        message(#"{"type":"hello","n":1}"#), message(#"{"type":"hello","n":1,"extra":true}"#),
        message(#"{"type":"hello","n":2}"#), message(#"{"n":1}"#), message("[1,2,3]"), message("[1,2]"),
        message("[\"a\",7]"), message("not json"), message(#"{"type":"hello","n":1}"#, isText: false),
        InboxMessage(index: 0, isText: false, payload: [0xFF, 0x00, 0x80], nanos: 0),
    ]

    @Test func matchesAgreesWithMismatches() throws {
        var verdicts: [Bool] = []
        for matcher in try MatcherVerdictTests.matchers() {
            for message in MatcherVerdictTests.messages {
                let verdict = matcher.matches(message)
                #expect(
                    verdict == matcher.mismatches(message).isEmpty,
                    "\(matcher.description) on \(message.preview)")
                verdicts.append(verdict)
            }
        }
        #expect(verdicts.contains(true) && verdicts.contains(false))
    }

    @Test func binaryPayloadsThatDifferLateSayWhere() {
        // Two 1 MiB payloads that differ at byte 70,000 would otherwise print the same first 64 bytes.
        let expected = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0) }
        var actual = expected
        actual[70_000] ^= 0xFF
        let message = InboxMessage(index: 0, isText: false, payload: actual, nanos: 0)
        let reasons = ResolvedMatcher.binary(expected, prefix: false).mismatches(message)
        #expect(reasons.count == 1)
        let bytes = { (from: Int, of: [UInt8]) in of[from..<(from + 16)].map { String(format: "%02x", $0) }.joined() }
        #expect(
            reasons.first?.hasSuffix(
                "; first difference at byte 70000: expected \(bytes(70_000, expected))…, got \(bytes(70_000, actual))…")
                == true, "\(reasons)")
        // An early difference is visible in the bytes shown: no extra clause.
        let early = InboxMessage(index: 0, isText: false, payload: [0x00, 0x02], nanos: 0)
        #expect(
            ResolvedMatcher.binary([0x00, 0x01], prefix: false).mismatches(early) == ["expected bytes 0001, got 0002"])
    }

    @Test func aBinaryMessageOfValidUTF8IsStillBinary() throws {
        let text = String(repeating: "ünïcödé ", count: 70_000)
        let message = InboxMessage(index: 3, isText: false, payload: Array(text.utf8), nanos: 0)
        // Text matchers want a text message, as before; the text is there for `capture_regex`.
        #expect(message.text == text)
        #expect(!ResolvedMatcher.text(text).matches(message))
        #expect(ResolvedMatcher.text(text).mismatches(message) == ["expected a text message, got binary"])
        #expect(ResolvedMatcher.binary(Array(text.utf8), prefix: false).matches(message))
        #expect(ResolvedMatcher.binary(Array("ünï".utf8), prefix: true).matches(message))
        #expect(!ResolvedMatcher.binary(Array("ünx".utf8), prefix: true).matches(message))
        var other = Array(text.utf8)
        other[other.count - 1] = 0x21
        #expect(!ResolvedMatcher.binary(other, prefix: false).matches(message))
        #expect(!ResolvedMatcher.binary(Array(other.dropLast()), prefix: false).matches(message))
        let invalid = InboxMessage(index: 4, isText: false, payload: [0xC3], nanos: 0)
        #expect(invalid.text == nil)
    }

    @Test func aLongExpectationIsCutInFailureMessages() {
        let long = ResolvedMatcher.text(String(repeating: "x", count: 5000)).description
        #expect(long.count < 560 && long.hasSuffix("… (5007 characters in all)"), "\(long.suffix(40))")
        #expect(ResolvedMatcher.text("short").description == "text \"short\"")
    }
}
