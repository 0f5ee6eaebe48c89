import NIOCore

/// A rendered `send` payload that still has to be sent by suspending (the transport could not send at once).
struct PendingSend {
    enum Payload {
        case text(String)
        case binary(ByteBuffer)
    }

    let connection: any ScenarioConnection
    let payload: Payload
    let fragments: Int
}
