import ScenarioLanguage
import WebSocketCore
import WebSocketEngine

extension ScenarioInterpreter {
    /// `http`: one plain HTTP request (e.g. to log in), its status checked and values captured from its JSON body.
    nonisolated(nonsending) func http(_ step: HTTPStep) async throws {
        let url = try render(step.url)
        guard let parsed = HTTPURL(url) else {
            throw StepFailure(
                "invalid URL '\(url)'\(ScenarioInterpreter.origins(of: step.url)): "
                    + "it must be http[s]://HOST[:PORT][/PATH], PORT between 1 and 65535")
        }
        if parsed.target.contains(" ") || ScenarioInterpreter.breaksTheRequest(parsed.target) {
            throw StepFailure(
                "invalid URL '\(url)'\(ScenarioInterpreter.origins(of: step.url)): "
                    + "its path or query contains a space or a line break (percent-encode it, e.g. %20)")
        }
        let headers = try renderHeaders(step.headers)
        for (name, value) in headers
        where ScenarioInterpreter.breaksTheRequest(name) || ScenarioInterpreter.breaksTheRequest(value) {
            throw StepFailure("header \(name): a header name or value cannot contain a line break or NUL")
        }
        let capturePaths = try step.captures.map { try $0.path.resolved(using: lookup) }
        var body: [UInt8] = []
        var contentType: String?
        if let json = step.json {
            body = Array(try json.render(using: lookup).description.utf8)
            contentType = "application/json"
        } else if let text = step.body {
            body = Array(try render(text).utf8)
            contentType = "text/plain; charset=utf-8"
        }
        let request = HTTPRequest.make(
            method: step.method, host: parsed.hostHeader, target: parsed.target,
            extraHeaders: headers.map { (name: $0.0, value: $0.1) }, body: body, contentType: contentType)
        let redactor = transcript.currentRedactor
        var requestFields: [(String, OutputJSON)] = [
            ("method", .string(request.method)), ("url", .string(url)),
            ("headers", redactor.headersJSON(request.headers.fields.map { ($0.name, $0.value) })),
        ]
        if !body.isEmpty { requestFields += ScenarioInterpreter.bodyFields(body) }
        let started = environment.monotonicNanos()
        transcript.record(.httpRequest, step: tracker.current, at: started, requestFields)
        let call = HTTPCall(
            url: url, request: request, timeout: step.within.seconds, tls: try step.tls?.resolved(using: lookup))
        let response: HandshakeResponse
        switch await connector.send(call) {
        case .failure(let failure):
            transcript.record(
                .error, step: tracker.current,
                [("kind", .string(failure.kind.rawValue)), ("message", .string(failure.message))])
            throw StepFailure("\(step.method) \(url): " + ScenarioInterpreter.describe(failure))
        case .success(let answer):
            response = answer
        }
        let finished = environment.monotonicNanos()
        let captured = CapturedValues(capturePaths, from: response)
        // Values captured into `secrets:` names are masked before the response is recorded, so that no output
        // (not even `--verbose`) shows them.
        for (capture, value) in zip(step.captures, captured.values) where scenario.secrets.contains(capture.name) {
            if let value { transcript.addSecrets(secretTexts(value)) }
        }
        var responseFields: [(String, OutputJSON)] = [("status", .int(response.status))]
        if !response.reason.isEmpty { responseFields.append(("reason", .string(response.reason))) }
        responseFields.append(("headers", transcript.currentRedactor.headersJSON(response.headers)))
        if !response.body.isEmpty { responseFields += response.bodyFields }
        let duration = ScenarioInterpreter.micro(Double(finished &- started) / 1e9)
        responseFields.append(("duration", .double(duration)))
        transcript.record(.httpResponse, step: tracker.current, at: finished, responseFields)
        if let expected = step.expectedStatus, response.status != expected {
            throw StepFailure(
                "expected status \(expected) from \(step.method) \(url), got \(response.status)"
                    + (response.reason.isEmpty ? "" : " \(response.reason)") + "\n"
                    + ScenarioInterpreter.describe(response))
        }
        try record(captured, of: step.captures, paths: capturePaths, from: response, request: "\(step.method) \(url)")
    }

    /// Whether a rendered header name or value would split the request (CR, LF or NUL).
    static func breaksTheRequest(_ text: String) -> Bool {
        text.utf8.contains { $0 == 13 || $0 == 10 || $0 == 0 }
    }

    /// `capture:` from the response's JSON body: sets the variables, or fails naming what is missing.
    private func record(
        _ captured: CapturedValues, of captures: [JSONPathCapture], paths: [JSONPath], from response: HandshakeResponse,
        request: String
    ) throws {
        guard !captures.isEmpty else { return }
        let preview = ScenarioInterpreter.bodyPreview(response)
        guard captured.bodyIsJSON else {
            throw StepFailure("capture: the response to \(request) is not JSON: \(preview)")
        }
        for ((capture, path), value) in zip(zip(captures, paths), captured.values) {
            guard let value else {
                throw StepFailure("capture \(capture.name): \(path.source) selects nothing in \(preview)")
            }
            recordCapture(capture.name, value, connection: nil)
        }
    }

    /// `length`, then `body` (UTF-8 text) or `base64`, cut after 64 KiB with `truncated`.
    static func bodyFields(_ body: [UInt8]) -> [(String, OutputJSON)] {
        PayloadRecord.fields(body, preferText: true).map { $0.0 == "text" ? ("body", $0.1) : $0 }
    }

    /// The status and the body (cut at 200 characters) for a failure message.
    static func bodyPreview(_ response: HandshakeResponse) -> String {
        if response.body.isEmpty { return "an empty body (status \(response.status))" }
        let text = response.bodyText
        return "the body " + OutputJSON.string(text.count > 200 ? String(text.prefix(200)) + "…" : text).serialized()
    }
}
