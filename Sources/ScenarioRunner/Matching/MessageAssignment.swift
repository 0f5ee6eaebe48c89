/// `expect_messages`: which received message satisfies which matcher, each message used at most once.
///
/// A maximum bipartite matching kept up to date as messages arrive: a new message that fits some matcher is
/// given one, moving earlier messages to other matchers they also fit when that frees one (an augmenting path).
/// So `all: [{json: {type: joined}}, {json: {who: bob}}]` is satisfied by bob's and alice's `joined` messages in
/// either order, where taking the first fit for each message would give bob's to the first matcher and fail.
/// Pure; each arrival costs at most matchers² steps.
struct MessageAssignment {
    /// How many matchers there are.
    let matcherCount: Int
    /// For each message that fits some matcher: the matchers it fits.
    private var fits: [Int: [Int]] = [:]
    /// The message each assigned matcher takes.
    private(set) var messageOfMatcher: [Int: Int] = [:]
    /// The matcher each assigned message satisfies.
    private var matcherOfMessage: [Int: Int] = [:]

    init(matcherCount: Int) {
        self.matcherCount = matcherCount
    }

    /// Every matcher has a message.
    var isComplete: Bool { messageOfMatcher.count == matcherCount }

    /// The matchers still without a message, in order.
    var unassigned: [Int] { (0..<matcherCount).filter { messageOfMatcher[$0] == nil } }

    /// The messages taken, in arrival order.
    var assignedMessages: [Int] { messageOfMatcher.values.sorted() }

    /// Adds message `message` that fits `matchers`; true when it let one more matcher be satisfied.
    @discardableResult
    mutating func add(message: Int, fits matchers: [Int]) -> Bool {
        guard !matchers.isEmpty, matcherOfMessage[message] == nil else { return false }
        fits[message] = matchers
        // Breadth-first from the new message: a matcher that is free takes it; a matcher that holds another
        // message could take it if that message moves on to another matcher it fits, and so on.
        var queue = [message]
        var head = 0
        var visited = Set<Int>()
        // For a message held by `matcher`: that matcher, and the message that would take its place.
        var displaced: [Int: (matcher: Int, by: Int)] = [:]
        while head < queue.count {
            let current = queue[head]
            head += 1
            for matcher in fits[current] ?? [] where visited.insert(matcher).inserted {
                if let held = messageOfMatcher[matcher] {
                    displaced[held] = (matcher, current)
                    queue.append(held)
                    continue
                }
                var takingMatcher = matcher
                var takenMessage = current
                while true {
                    messageOfMatcher[takingMatcher] = takenMessage
                    matcherOfMessage[takenMessage] = takingMatcher
                    guard let previous = displaced[takenMessage] else { break }
                    takingMatcher = previous.matcher
                    takenMessage = previous.by
                }
                return true
            }
        }
        return false
    }
}
