/// Explains a failed wait for a message: every message that was unconsumed during the wait, and a diff against
/// the closest one (JSON-aware for JSON matchers).
enum MismatchExplainer {
    /// How many unconsumed messages a failure lists at most.
    static let listLimit = 100

    static func explain(_ matcher: ResolvedMatcher, _ candidates: [InboxMessage]) -> String {
        guard !candidates.isEmpty else { return "no other messages were received during the wait" }
        var text = "unconsumed messages during the wait (\(candidates.count)):"
        // All of them up to `listLimit`; beyond, the first and last halves (the transcript has every one).
        let shown: [InboxMessage]
        if candidates.count <= listLimit {
            shown = candidates
        } else {
            shown = Array(candidates.prefix(listLimit / 2)) + Array(candidates.suffix(listLimit / 2))
        }
        for (position, message) in shown.enumerated() {
            if candidates.count > listLimit, position == listLimit / 2 {
                text += "\n  … \(candidates.count - listLimit) more, not shown here"
            }
            text += "\n  #\(message.index) \(message.preview)"
        }
        if let closest = closest(matcher, candidates) {
            text += "\nclosest: #\(closest.index) \(closest.preview)\n" + diff(matcher, closest)
        }
        return text
    }

    /// The mismatch lines for one message, indented.
    static func diff(_ matcher: ResolvedMatcher, _ message: InboxMessage) -> String {
        matcher.mismatches(message).map { "  " + $0 }.joined(separator: "\n")
    }

    /// The candidate with the fewest mismatches (text: the most similar), the earliest on ties.
    static func closest(_ matcher: ResolvedMatcher, _ candidates: [InboxMessage]) -> InboxMessage? {
        var best: (message: InboxMessage, score: Double)?
        for message in candidates {
            let score = self.score(matcher, message)
            if best == nil || score > best!.score { best = (message, score) }
        }
        return best?.message
    }

    private static func score(_ matcher: ResolvedMatcher, _ message: InboxMessage) -> Double {
        switch matcher {
        case .text(let expected), .contains(let expected):
            guard message.isText, let text = message.text else { return -1 }
            return TextDiff.similarity(expected, text)
        case .json, .jsonPath:
            guard ResolvedMatcher.document(message) != nil else { return -1000 }
            return -Double(matcher.mismatches(message).count)
        case .binary:
            return message.isText ? -1 : 0
        case .regex:
            return message.isText ? 0 : -1
        }
    }
}
