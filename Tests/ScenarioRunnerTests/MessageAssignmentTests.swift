import Testing

@testable import ScenarioRunner

/// `expect_messages`' assignment of messages to matchers (a maximum bipartite matching).
@Suite struct MessageAssignmentTests {
    /// `assignment.add(message:fits:)` (`#expect` cannot call a mutating method itself).
    func add(_ assignment: inout MessageAssignment, _ message: Int, _ fits: [Int]) -> Bool {
        assignment.add(message: message, fits: fits)
    }

    @Test func aLaterMessageMovesAnEarlierOneToAnotherMatcher() {
        // all[0] = {type: joined}, all[1] = {who: bob}; bob's joined (fits both) arrives before alice's (fits 0).
        var assignment = MessageAssignment(matcherCount: 2)
        #expect(add(&assignment, 0, [0, 1]))
        #expect(!assignment.isComplete)
        #expect(add(&assignment, 1, [0]))
        #expect(assignment.isComplete)
        #expect(assignment.messageOfMatcher == [0: 1, 1: 0])
        #expect(assignment.assignedMessages == [0, 1])
    }

    @Test func aChainOfMovesAndMessagesThatAddNothing() {
        // Two messages for matchers 0 and 1, a third one that fits the same two, then one for matcher 2.
        var assignment = MessageAssignment(matcherCount: 3)
        #expect(add(&assignment, 10, [0, 1]))
        #expect(add(&assignment, 11, [0, 1]))
        // A third message that only fits the same two matchers adds nothing.
        #expect(!add(&assignment, 12, [1, 0]))
        #expect(assignment.unassigned == [2])
        #expect(!add(&assignment, 13, []))
        #expect(add(&assignment, 14, [2]))
        #expect(assignment.isComplete)
        #expect(Set(assignment.messageOfMatcher.values) == [10, 11, 14])
    }

    @Test func theAugmentingPathGoesThroughSeveralMatchers() {
        var assignment = MessageAssignment(matcherCount: 3)
        #expect(add(&assignment, 0, [0, 1]))  // 0 → matcher 0
        #expect(add(&assignment, 1, [1, 2]))  // 1 → matcher 1
        #expect(add(&assignment, 2, [0]))  // 2 needs 0: 0 moves to 1, 1 moves to 2
        #expect(assignment.isComplete)
        #expect(assignment.messageOfMatcher == [0: 2, 1: 0, 2: 1])
        #expect(!add(&assignment, 2, [0]))
    }
}
