import Foundation
import PerMessageDeflate
import ScenarioLanguage
import WebSocketEngine

extension ScenarioInterpreter {
    nonisolated(nonsending) func connect(_ step: ConnectStep) async throws {
        let url = try render(step.url)
        if let problem = ScenarioInterpreter.urlProblem(url) {
            throw StepFailure("invalid URL '\(url)'\(ScenarioInterpreter.origins(of: step.url)): \(problem)")
        }
        // What goes into the request line and headers is checked before anything is sent, as for `http`: a line
        // break would add headers (a value captured from a server could inject them), a space breaks the request.
        if let target = WebSocketURL(url)?.path, target.contains(" ") || ScenarioInterpreter.breaksTheRequest(target) {
            throw StepFailure(
                "invalid URL '\(url)'\(ScenarioInterpreter.origins(of: step.url)): "
                    + "its path or query contains a space or a line break (percent-encode it, e.g. %20)")
        }
        let headers = try renderHeaders(step.headers)
        let origin = try step.origin.map(render)
        let subprotocols = try step.subprotocols.map(render)
        let extensions = try step.extensions.map(render)
        let fields =
            headers + (origin.map { [("Origin", $0)] } ?? []) + subprotocols.map { ("Sec-WebSocket-Protocol", $0) }
            + extensions.map { ("Sec-WebSocket-Extensions", $0) }
        for (name, value) in fields
        where ScenarioInterpreter.breaksTheRequest(name) || ScenarioInterpreter.breaksTheRequest(value) {
            throw StepFailure("header \(name): a header name or value cannot contain a line break or NUL")
        }
        // `check` warns about tls: with a literal ws:// URL; one that comes from a variable is found here.
        if step.tls != nil, step.url.literalValue == nil, url.lowercased().hasPrefix("ws://") {
            let warning =
                "connection \(step.connection): tls has no effect on the ws:// URL '\(url)'"
                + "\(ScenarioInterpreter.origins(of: step.url)): use wss:// (or drop tls:)"
            if !warnings.contains(warning) { warnings.append(warning) }
        }
        let request = ConnectRequest(
            url: url, headers: headers, subprotocols: subprotocols, origin: origin,
            extensions: extensions, timeout: step.timeout.seconds, tls: try step.tls?.resolved(using: lookup))
        let state = self.state(step.connection)
        if let previous = state.connection, state.closed == nil { await previous.disconnect() }
        if let error = state.pendingError, error.kind == .protocol {
            replacedProtocolErrors.append(
                "connection \(step.connection) (before it was connected again): \(error.message)")
        }
        let epoch = state.reset()
        disconnected.remove(step.connection)
        let outcome = await connector.connect(request) { [state] event in state.handle(event, epoch: epoch) }
        switch outcome {
        case .open(let connection, let response):
            state.opened(connection, handshake: response)
        case .failed(let failure):
            if state.pendingError == nil {
                transcript.record(
                    .error, connection: step.connection, step: tracker.current,
                    [
                        ("kind", .string(failure.kind.rawValue)), ("message", .string(failure.message)),
                    ])
            }
            state.failed(failure)
            if step.followUp == .requireUpgrade {
                throw StepFailure("could not connect to \(url): " + ScenarioInterpreter.describe(failure))
            }
        }
    }

    /// Renders request headers in order; the values of `Authorization`, `Cookie` ... become secrets.
    func renderHeaders(_ fields: [HeaderField]) throws -> [(String, String)] {
        var headers: [(String, String)] = []
        for header in fields {
            let name = try render(header.nameTemplate)
            let value = try render(header.value)
            if Redactor.sensitiveHeaders.contains(name.lowercased()) {
                transcript.addSecrets([value] + ScenarioInterpreter.credentialParts(value))
            }
            headers.append((name, value))
        }
        return headers
    }

    /// ` (from ${a}, ${b})`: the variables a rendered URL came from, for its error message (empty without any).
    static func origins(of template: Template) -> String {
        var origins: [String] = []
        for reference in template.references where !origins.contains(reference.description) {
            origins.append(reference.description)
        }
        return origins.isEmpty ? "" : " (from \(origins.joined(separator: ", ")))"
    }

    /// The secret part of `Bearer abc` / `Basic abc` (so an echoed token is masked too).
    static func credentialParts(_ value: String) -> [String] {
        let parts = value.split(separator: " ", maxSplits: 1).map(String.init)
        return parts.count == 2 && parts[1].count >= 4 ? [parts[1]] : []
    }

    /// Why `url` cannot be connected to at all (not a ws:// or wss:// URL), or nil when it is well-formed.
    static func urlProblem(_ url: String) -> String? {
        let lower = url.lowercased()
        guard lower.hasPrefix("ws://") || lower.hasPrefix("wss://") else {
            return "it must start with ws:// or wss://"
        }
        guard WebSocketURL(url) == nil else { return nil }
        return "it is not a valid WebSocket URL (ws[s]://HOST[:PORT][/PATH], PORT between 1 and 65535)"
    }

    /// A connection failure explained in words, and for handshake refusals status, headers, body.
    static func describe(_ failure: ConnectionFailure) -> String {
        var text: String
        let message = failure.message
        switch failure.kind {
        case .refused where message.hasPrefix("connection to ") && message.hasSuffix(" refused"):
            let target = message.dropFirst("connection to ".count).dropLast(" refused".count)
            text = "connection refused by \(target) (is a server listening there? check the URL)"
        case .refused: text = message + " (is a server listening there? check the URL)"
        case .dns: text = message + " (check the host name in the URL)"
        case .timeout: text = "timed out: " + message
        case .tls: text = message.contains("TLS") ? message : "TLS error: " + message
        case .handshake:
            if let response = failure.response, response.status != 101 {
                text =
                    "the server refused the upgrade with \(response.status)"
                    + (response.reason.isEmpty ? "" : " \(response.reason)")
            } else {
                text = "the opening handshake failed: " + message
            }
        case .closed: text = "the connection ended: " + message
        default: text = "\(failure.kind.rawValue) error: \(message)"
        }
        if let response = failure.response { text += "\n" + describe(response) }
        return text
    }

    /// A handshake response: status line, headers, body.
    static func describe(_ response: HandshakeResponse) -> String {
        var text = "  status: \(response.status)\(response.reason.isEmpty ? "" : " " + response.reason)"
        if !response.headers.isEmpty {
            text += "\n  headers:"
            for (name, value) in response.headers {
                let shown = Redactor.sensitiveHeaders.contains(name.lowercased()) ? Redactor.mask : value
                text += "\n    \(name): \(shown)"
            }
        }
        if !response.body.isEmpty {
            let body = response.bodyText
            text +=
                "\n  body: "
                + OutputJSON.string(body.count > 500 ? String(body.prefix(500)) + "…" : body).serialized()
        }
        return text
    }

    nonisolated(nonsending) func expectHandshake(_ step: ExpectHandshakeStep) async throws {
        guard let state = connections[step.connection] else {
            throw StepFailure("there is no connection named \(step.connection) (connect it first)")
        }
        let failure = state.pendingError
        guard let response = state.handshake else {
            throw StepFailure(
                "expected a handshake answer with status \(step.status), but there was none: "
                    + (failure.map(ScenarioInterpreter.describe) ?? "the connection never got an answer"))
        }
        if response.status != step.status {
            throw StepFailure(
                "expected handshake status \(step.status), got \(response.status)\n"
                    + ScenarioInterpreter.describe(response)
                    + (failure.map { "\n  error: \($0.kind.rawValue): \($0.message)" } ?? ""))
        }
        // Only a handshake error makes the 101 invalid; a protocol error or a drop right after the upgrade (even in
        // the same TCP segment) stays pending for `expect_error` (or fails the scenario if nothing asserts it).
        if step.status == 101, let failure, failure.kind == .handshake {
            throw StepFailure(
                "the server answered 101 but the handshake is invalid: " + ScenarioInterpreter.describe(failure))
        }
        var problems = try headerProblems(step.headers, response)
        if let expected = step.subprotocol {
            let actual = response.values("Sec-WebSocket-Protocol").first?.trimmingCharacters(in: .whitespaces)
            if actual != expected {
                problems.append("subprotocol: expected \(expected ?? "none"), got \(actual ?? "none")")
            }
        }
        if let expected = step.extensions {
            let actual = ExtensionElement.parse(response.values("Sec-WebSocket-Extensions"))
            if !ScenarioInterpreter.extensions(ExtensionElement.parse(expected), match: actual) {
                problems.append(
                    "extensions: expected [\(expected.joined(separator: ", "))], "
                        + "got [\(actual.map(\.headerValue).joined(separator: ", "))]"
                )
            }
        }
        if !problems.isEmpty {
            throw StepFailure(
                "the handshake answer does not match:\n  " + problems.joined(separator: "\n  ")
                    + "\n" + ScenarioInterpreter.describe(response))
        }
        if step.status != 101 { state.consumeError() }
    }

    /// Whether the negotiated extensions are the expected ones: the same names (tokens, compared without regard to
    /// case, in any order), and every parameter an expected item names present in the answer's element of that
    /// name, with the same value when the item gives one (`client_max_window_bits` matches any value).
    static func extensions(_ expected: [ExtensionElement], match actual: [ExtensionElement]) -> Bool {
        guard Set(expected.map(\.name)) == Set(actual.map(\.name)) else { return false }
        return expected.allSatisfy { item in
            item.parameters.allSatisfy { parameter in
                actual.contains { element in
                    element.name == item.name
                        && element.parameters.contains {
                            $0.name == parameter.name && (parameter.value == nil || $0.value == parameter.value)
                        }
                }
            }
        }
    }

    /// Problems with expected headers, one line each.
    func headerProblems(_ expectations: [HeaderExpectation], _ response: HandshakeResponse) throws -> [String] {
        var problems: [String] = []
        for expectation in expectations {
            let values = response.values(expectation.name)
            if values.isEmpty {
                problems.append(
                    "header \(expectation.name): expected \(try describe(expectation.value)), but it is missing")
                continue
            }
            var matched = false
            for value in values where try matches(expectation.value, value) { matched = true }
            if !matched {
                problems.append(
                    "header \(expectation.name): expected \(try describe(expectation.value)), got "
                        + values.map { OutputJSON.string($0).serialized() }.joined(separator: ", "))
            }
        }
        return problems
    }

    /// Whether `text` matches a string expectation.
    func matches(_ matcher: StringMatcher, _ text: String) throws -> Bool {
        switch matcher {
        case .exact(let template): return ExactText.equal(text, try render(template))
        case .contains(let template): return ExactText.contains(text, try render(template))
        case .regex(let regex): return try regex.resolved(using: lookup).matches(text)
        }
    }

    func describe(_ matcher: StringMatcher) throws -> String {
        switch matcher {
        case .exact(let template): return OutputJSON.string(try render(template)).serialized()
        case .contains(let template): return "text containing " + OutputJSON.string(try render(template)).serialized()
        case .regex(let regex): return "\(try regex.resolved(using: lookup))"
        }
    }

    nonisolated(nonsending) func expectError(_ step: ExpectErrorStep) async throws {
        guard let state = connections[step.connection] else {
            throw StepFailure("there is no connection named \(step.connection) (connect it first)")
        }
        // Errors of the opening handshake cannot come later once the connection is open.
        let connectKinds: Set<ConnectionErrorKind> = [.refused, .dns, .tls, .handshake]
        let upgraded = state.connection != nil && state.pendingError == nil
        if upgraded && connectKinds.contains(step.kind) {
            let kind = step.kind.rawValue
            throw StepFailure(
                "a \(kind) error can only happen while connecting, and connection \(step.connection) "
                    + (state.closed == nil ? "is already open" : "had already opened (then \(describeEnd(state)))"))
        }
        _ = await waitUntil(state, timeoutNanos: step.within.nanoseconds) {
            state.pendingError != nil || (state.closed != nil && state.closed?.code != 1006)
        }
        if Task.isCancelled { throw ScenarioInterrupted() }
        guard let error = state.pendingError else {
            let why =
                state.closed != nil
                ? "the connection was \(describeEnd(state))" : "the connection is \(describeEnd(state))"
            throw StepFailure(
                "expected a \(step.kind.rawValue) error within \(step.within.shortDescription), "
                    + "but none happened: \(why)"
            )
        }
        var problems: [String] = []
        if error.kind != step.kind {
            problems.append("expected a \(step.kind.rawValue) error, got \(error.kind.rawValue): \(error.message)")
        }
        if let status = step.status, error.response?.status != status {
            problems.append(
                "status: expected \(status), got \(error.response.map { String($0.status) } ?? "no HTTP answer")")
        }
        if let response = error.response {
            problems += try headerProblems(step.headers, response)
            if let body = step.body, !(try matches(body, response.bodyText)) {
                problems.append(
                    "body: expected \(try describe(body)), got \(OutputJSON.string(response.bodyText).serialized())")
            }
        } else if !step.headers.isEmpty || step.body != nil {
            problems.append("headers/body: there was no HTTP answer")
        }
        if let message = step.message, !(try matches(message, error.message)) {
            problems.append(
                "message: expected \(try describe(message)), got \(OutputJSON.string(error.message).serialized())")
        }
        if !problems.isEmpty {
            throw StepFailure(
                problems.joined(separator: "\n")
                    + (error.response.map { "\n" + ScenarioInterpreter.describe($0) } ?? ""))
        }
        state.consumeError()
    }
}
