/// Stamps events with the clock and hands them to the consumer, synchronously and in order.
struct EventSink: Sendable {
    let clock: @Sendable () -> UInt64
    let handler: @Sendable (TimedWebSocketEvent) -> Void

    func emit(_ event: WebSocketEvent) {
        handler(TimedWebSocketEvent(time: clock(), event: event))
    }
}
