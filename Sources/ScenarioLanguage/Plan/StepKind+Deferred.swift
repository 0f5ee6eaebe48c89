extension StepKind {
    /// Whether this kind has the deferrable argument `key` (see `DeferredArgument`).
    public func accepts(deferred key: String) -> Bool {
        var copy = self
        return copy.apply(duration: .zero, to: key) || copy.apply(count: 0, to: key)
    }

    /// Sets the duration argument `key` (`within`, `timeout`, `for`, `wait`); false when the kind has none.
    @discardableResult
    public mutating func apply(duration: Duration, to key: String) -> Bool {
        switch (self, key) {
        case (.connect(var step), "timeout"):
            step.timeout = duration
            self = .connect(step)
        case (.expectHandshake(var step), "within"):
            step.within = duration
            self = .expectHandshake(step)
        case (.close(var step), "within"):
            step.within = duration
            self = .close(step)
        case (.expectMessage(var step), "within"):
            step.within = duration
            self = .expectMessage(step)
        case (.expectMessages(var step), "within"):
            step.within = duration
            self = .expectMessages(step)
        case (.expectSilence(var step), "for"):
            step.duration = duration
            self = .expectSilence(step)
        case (.expectPong(var step), "within"):
            step.within = duration
            self = .expectPong(step)
        case (.expectClose(var step), "within"):
            step.within = duration
            self = .expectClose(step)
        case (.expectError(var step), "within"):
            step.within = duration
            self = .expectError(step)
        case (.wait(var step), "wait"):
            step.duration = duration
            self = .wait(step)
        case (.http(var step), "within"):
            step.within = duration
            self = .http(step)
        default:
            return false
        }
        return true
    }

    /// Sets the count argument `key` (`times` of `repeat`); false when the kind has none.
    @discardableResult
    public mutating func apply(count: Int, to key: String) -> Bool {
        guard case .repeat(var step) = self, key == "times" else { return false }
        step.times = count
        self = .repeat(step)
        return true
    }
}
