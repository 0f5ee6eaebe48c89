/// The kinds of step the language has, one case each, with their validated arguments.
public enum StepKind: Sendable {
    /// `connect`: open a connection.
    case connect(ConnectStep)
    /// `expect_handshake`: judge the handshake answer.
    case expectHandshake(ExpectHandshakeStep)
    /// `send`: a data message.
    case send(SendStep)
    /// `ping`: a ping frame.
    case ping(ControlFrameStep)
    /// `pong`: an unsolicited pong frame.
    case pong(ControlFrameStep)
    /// `close`: the closing handshake.
    case close(CloseStep)
    /// `disconnect`: drop TCP.
    case disconnect(DisconnectStep)
    /// `send_frame`: one raw frame.
    case sendFrame(SendFrameStep)
    /// `expect_message`: one matching data message.
    case expectMessage(ExpectMessageStep)
    /// `expect_messages`: several, in any order.
    case expectMessages(ExpectMessagesStep)
    /// `expect_silence`: no data message for a while.
    case expectSilence(ExpectSilenceStep)
    /// `expect_pong`: a pong frame.
    case expectPong(ExpectPongStep)
    /// `expect_close`: the server's close frame.
    case expectClose(ExpectCloseStep)
    /// `expect_error`: a connection error of a kind.
    case expectError(ExpectErrorStep)
    /// `wait`: sleep.
    case wait(WaitStep)
    /// `set`: assign variables.
    case set(SetStep)
    /// `repeat`: nested steps, several times.
    case `repeat`(RepeatStep)
    /// `include`: another file's steps, inline.
    case include(IncludeStep)
    /// `http`: a plain HTTP request, e.g. to log in before connecting.
    case http(HTTPStep)

    /// Every step keyword of the language, in the contract's order.
    public static let keywords: [String] = [
        "connect", "expect_handshake", "send", "ping", "pong", "close", "disconnect", "send_frame",
        "expect_message", "expect_messages", "expect_silence", "expect_pong", "expect_close", "expect_error",
        "wait", "set", "repeat", "include", "http",
    ]

    /// The keyword as written in YAML (`expect_message`, ...).
    public var keyword: String {
        switch self {
        case .connect: return "connect"
        case .expectHandshake: return "expect_handshake"
        case .send: return "send"
        case .ping: return "ping"
        case .pong: return "pong"
        case .close: return "close"
        case .disconnect: return "disconnect"
        case .sendFrame: return "send_frame"
        case .expectMessage: return "expect_message"
        case .expectMessages: return "expect_messages"
        case .expectSilence: return "expect_silence"
        case .expectPong: return "expect_pong"
        case .expectClose: return "expect_close"
        case .expectError: return "expect_error"
        case .wait: return "wait"
        case .set: return "set"
        case .repeat: return "repeat"
        case .include: return "include"
        case .http: return "http"
        }
    }

    /// The connection the step works on (when `on:` is omitted: `default`, or the only connection opened so
    /// far); nil for `wait`, `set`, `repeat`,
    /// `include` and `http`.
    public var connection: String? {
        switch self {
        case .connect(let step): return step.connection
        case .expectHandshake(let step): return step.connection
        case .send(let step): return step.connection
        case .ping(let step), .pong(let step): return step.connection
        case .close(let step): return step.connection
        case .disconnect(let step): return step.connection
        case .sendFrame(let step): return step.connection
        case .expectMessage(let step): return step.connection
        case .expectMessages(let step): return step.connection
        case .expectSilence(let step): return step.connection
        case .expectPong(let step): return step.connection
        case .expectClose(let step): return step.connection
        case .expectError(let step): return step.connection
        case .wait, .set, .repeat, .include, .http: return nil
        }
    }

    /// The nested steps of `repeat` and `include`; empty for other kinds.
    public var nestedSteps: [Step] {
        switch self {
        case .repeat(let step): return step.steps
        case .include(let step): return step.steps
        default: return []
        }
    }
}
