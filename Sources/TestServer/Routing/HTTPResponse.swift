import NIOHTTP1

/// A complete plain HTTP response (status, headers, body): a refused upgrade, or a plain endpoint's answer.
struct HTTPResponse: Equatable {
    var status: HTTPResponseStatus
    var headers: HTTPHeaders
    var body: String

    /// A `text/plain` response that closes the connection.
    static func text(_ status: HTTPResponseStatus, _ body: String) -> HTTPResponse {
        closing(status, contentType: "text/plain; charset=utf-8", body)
    }

    /// An `application/json` response that closes the connection.
    static func json(_ status: HTTPResponseStatus, _ body: String) -> HTTPResponse {
        closing(status, contentType: "application/json", body)
    }

    private static func closing(_ status: HTTPResponseStatus, contentType: String, _ body: String) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: contentType)
        headers.add(name: "Content-Length", value: String(body.utf8.count))
        headers.add(name: "Connection", value: "close")
        return HTTPResponse(status: status, headers: headers, body: body)
    }
}
