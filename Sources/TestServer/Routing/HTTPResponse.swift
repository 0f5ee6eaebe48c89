import NIOHTTP1

/// A complete plain HTTP response (status, headers, body) that refuses an upgrade.
struct HTTPResponse: Equatable {
    var status: HTTPResponseStatus
    var headers: HTTPHeaders
    var body: String

    /// A `text/plain` response that closes the connection.
    static func text(_ status: HTTPResponseStatus, _ body: String) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "text/plain; charset=utf-8")
        headers.add(name: "Content-Length", value: String(body.utf8.count))
        headers.add(name: "Connection", value: "close")
        return HTTPResponse(status: status, headers: headers, body: body)
    }

    /// An `application/json` response that closes the connection.
    static func json(_ status: HTTPResponseStatus, _ body: String) -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/json")
        headers.add(name: "Content-Length", value: String(body.utf8.count))
        headers.add(name: "Connection", value: "close")
        return HTTPResponse(status: status, headers: headers, body: body)
    }
}
