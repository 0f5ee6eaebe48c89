import Foundation
import ScenarioLanguage
import Testing

@testable import ScenarioRunner

/// Matching details against the scripted fake: exact texts, regexes with placeholders, placeholders in durations
/// and counts, `expect_messages` assignments, long failure lists.
@Suite("Interpreter: matching details")
struct InterpreterMatchingTests {
    @Test func longWaitsListBothEndsTheClosestAndNamedStepsTheirKind() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let result = try await harness.runOne(
            """
            name: many messages
            steps:
              - connect: ws://fake/
              - repeat: { times: 150, steps: [ { send: '{"seq":${iteration}}' } ] }
              - name: wait for 75
                expect_message: { json_exact: { seq: 75, x: 1 }, within: 50ms }
            """)
        let message = try #require(result.failure?.message)
        #expect(result.failure?.stepLabel == #"expect_message "wait for 75""#)
        #expect(result.failure?.summary.hasPrefix(#"step 2 (expect_message "wait for 75") at "#) == true)
        #expect(message.contains("unconsumed messages during the wait (150):"))
        #expect(
            message.contains("#49 {\"seq\":50}\n  … 50 more, not shown here\n  #100 {\"seq\":101}"))
        #expect(message.contains("#149 {\"seq\":150}"))
        #expect(message.contains("closest: #74 {\"seq\":75}"), "\(message)")
    }

    @Test func regexesWithPlaceholdersAreCompiledWhenTheStepRuns() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let result = try await harness.runOne(
            #"""
            name: regex placeholders
            vars: { id: "A-1" }
            steps:
              - connect: ws://fake/
              - send: "id A-1 n=5"
              - expect_message: { regex: "^id ${id} n=\\d$" }
              - send: "id A-1 n=7"
              - expect_message: { contains: "", capture_regex: { n: "${id} n=(\\d)" } }
              - send: '{"k":"A-1x","n":"7"}'
              - expect_message: { json: { k: !regex "^${id}x$", n: "${n}" } }
              - set: { id: "(" }
              - send: x
              - expect_message: { regex: "${id}", within: 50ms }
            """#)
        #expect(result.failure?.step == "9", "\(String(describing: result.failure))")
        #expect(
            result.failure?.message
                == "the regular expression /${id}/ is /(/ with its placeholders, which is not valid: check the "
                + "values (they are inserted as they are, not escaped)")
    }

    @Test func textsCompareByCodePointsAndAnEmptyGroupIsExplained() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let decomposed = try await harness.runOne(
            #"""
            name: look alike
            steps:
              - connect: ws://fake/
              - send: "e\u0301"
              - expect_message: { text: "\u00e9", within: 50ms }
            """#)
        #expect(decomposed.failure?.message.contains("(U+00E9 vs U+0065 U+0301)") == true)
        let jsonKey = try await harness.runOne(
            #"""
            name: json keys
            steps:
              - connect: ws://fake/
              - send: '{"e\u0301":1}'
              - expect_message: { json_exact: { "\u00e9": 1 }, within: 50ms }
            """#)
        #expect(jsonKey.status == .failed)
        let lookAlikeKey = try await harness.runOne(
            #"""
            name: json exact with a look-alike extra key
            steps:
              - connect: ws://fake/
              - send: '{"\u00e9":1,"e\u0301":2}'
              - expect_message: { json_exact: { "\u00e9": 1 }, within: 50ms }
            """#)
        #expect(lookAlikeKey.status == .failed)
        let splitCharacter = try await harness.runOne(
            #"""
            name: group inside a character
            steps:
              - connect: ws://fake/
              - send: "e\u0301t"
              - expect_message: { regex: "t$", capture_regex: { first: "^(.)" } }
              - send: "[${first}]"
              - expect_message: "[e]"
            """#)
        #expect(splitCharacter.status == .passed, "\(String(describing: splitCharacter.failure))")
        let group = try await harness.runOne(
            """
            name: empty group
            steps:
              - connect: ws://fake/
              - send: order=17
              - expect_message: { contains: order, capture_regex: { opt: "x?(zz)?order" } }
            """)
        #expect(
            group.failure?.message
                == #"capture_regex opt: /x?(zz)?order/ matches "order=17", but its first group took no part in "#
                + "the match (make the group itself optional: (x?) instead of (x)?)")
    }

    @Test func placeholderDurationsAndCountsAreRenderedWhenTheStepRuns() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let result = try await harness.runOne(
            """
            name: deferred
            vars: { n: 2, quick: 50ms }
            steps:
              - connect: ws://fake/
              - set: { n: 3 }
              - repeat:
                  times: "${n}"
                  steps:
                    - send: "m${iteration}"
              - expect_messages: { all: [m1, m2, m3], within: "${quick}" }
              - expect_message: { text: never, within: "${quick}" }
            """)
        // `set` changed n before the repeat ran: three messages; the last step waits 50 ms, not 5 s.
        #expect(result.failure?.step == "4", "\(String(describing: result.failure))")
        #expect(result.failure?.message.contains("within 50ms") == true, "\(String(describing: result.failure))")
        let bad = try await harness.runOne(
            """
            name: bad
            vars: { quick: soon }
            steps:
              - wait: ${quick}
            """)
        #expect(
            bad.failure?.message == "wait: '${quick}' is 'soon', not a duration (write it like 250ms, 2s, 1.5s or 1m)")
    }

    @Test func expectMessagesLeavesSurplusMessagesToIgnore() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let result = try await harness.runOne(
            """
            name: surplus heartbeats
            ignore: [ { json: { type: hb } } ]
            steps:
              - connect: ws://fake/
              - send: '{"type":"hb"}'
              - send: '{"type":"hb"}'
              - send: '{"type":"hb"}'
              - send: '{"type":"done"}'
              - expect_messages: { all: [ { json: { type: hb } }, { json: { type: done } } ], within: 1s }
              - expect_message: { json: { type: hb }, within: 100ms }
            """)
        // The two heartbeats no matcher needed were ignored (consumed), so the last step finds none.
        #expect(result.failure?.step == "6", "\(String(describing: result.failure))")
    }

    @Test func expectMessagesFindsAnAssignmentWhereFirstFitWouldFail() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let result = try await harness.runOne(
            """
            name: any order needs a matching
            inbox: strict
            steps:
              - connect: ws://fake/
              - send: { json: { type: joined, who: bob } }
              - send: { json: { type: joined, who: alice } }
              - expect_messages:
                  all: [ { json: { type: joined } }, { json: { who: bob } } ]
                  within: 1s
            """)
        #expect(result.status == .passed, "\(String(describing: result.failure))")
    }

    /// Failure reports of `ordered: true` and `expect_messages` show the rest of the inbox: the messages behind
    /// the one that was next (and which of them would have matched), the messages a failed step had matched.
    @Test func orderAndAnyOrderFailuresShowTheWholeInbox() async throws {
        let harness = try Harness()
        defer { harness.cleanUp() }
        let ordered = try await harness.runOne(
            """
            name: order
            steps:
              - connect: ws://fake/
              - send: first
              - send: second
              - send: third
              - wait: 50ms
              - expect_message: { text: third, ordered: true, within: 100ms }
            """)
        let message = ordered.failure?.message ?? ""
        #expect(message.contains("unconsumed behind it (2):\n  #1 \"second\"\n  #2 \"third\""), "\(message)")
        #expect(message.hasSuffix("#2 matches, but it is not the next message (the order differs)"), "\(message)")
        let anyOrder = try await harness.runOne(
            """
            name: any order
            steps:
              - connect: ws://fake/
              - send: a
              - send: b
              - expect_messages: { all: [a, c], within: 100ms }
            """)
        #expect(
            anyOrder.failure?.message.contains("missing all[1]: text \"c\"\nmatched all[0]: #0 \"a\" (left unconsumed)")
                == true, "\(String(describing: anyOrder.failure))")
    }
}
