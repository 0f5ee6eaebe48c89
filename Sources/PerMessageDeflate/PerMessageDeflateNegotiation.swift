/// The permessage-deflate negotiation rules of RFC 7692 §5 and §7.1, for both ends (pure functions).
public enum PerMessageDeflateNegotiation {
    /// Client side: checks the server's `Sec-WebSocket-Extensions` answer against the client's `extensions` offer
    /// strings. Returns the agreed parameters, `nil` when the server did not accept permessage-deflate, or throws a
    /// negotiation error with the reason (not offered, accepted twice, unknown / duplicate / invalid parameter, a
    /// value the offer did not allow).
    public static func clientAccept(
        responseValues: [String], offeredExtensions: [String]
    ) throws(PerMessageDeflateError) -> PerMessageDeflateParameters? {
        let accepted = ExtensionElement.parse(responseValues)
            .filter { $0.name == PerMessageDeflateOffer.extensionName }
        guard let element = accepted.first else { return nil }
        guard PerMessageDeflateOffer.isOffered(in: offeredExtensions) else {
            throw .negotiation("server accepted permessage-deflate, which was not offered")
        }
        guard accepted.count == 1 else { throw .negotiation("server accepted permessage-deflate more than once") }
        let answer = try response(element)
        let offers = PerMessageDeflateOffer.offers(in: offeredExtensions)
        var firstReason: String?
        for offer in offers.isEmpty ? [PerMessageDeflateOffer(clientMaxWindowBitsOffered: true)] : offers {
            do {
                return try match(answer, to: offer)
            } catch {
                firstReason = firstReason ?? error.message
            }
        }
        throw .negotiation(firstReason ?? "server's permessage-deflate answer matches no offer")
    }

    /// Server side: the first acceptable permessage-deflate offer among the request's `Sec-WebSocket-Extensions`
    /// values, answered with the parameters it asked for; `nil` when there is none (the connection then runs without
    /// compression). Malformed offers are declined, as RFC 7692 §5 allows.
    public static func serverAccept(requestValues: [String]) -> PerMessageDeflateParameters? {
        for element in ExtensionElement.parse(requestValues) where element.name == PerMessageDeflateOffer.extensionName
        {
            guard let offer = try? PerMessageDeflateOffer(element) else { continue }
            var parameters = PerMessageDeflateParameters(
                serverNoContextTakeover: offer.serverNoContextTakeover,
                clientNoContextTakeover: offer.clientNoContextTakeover,
                serverMaxWindowBits: offer.serverMaxWindowBits ?? 15,
                clientMaxWindowBits: offer.clientMaxWindowBits ?? 15)
            parameters.statesServerMaxWindowBits = offer.serverMaxWindowBits != nil
            return parameters
        }
        return nil
    }

    private struct Answer {
        var serverNoContextTakeover = false
        var clientNoContextTakeover = false
        var serverMaxWindowBits: Int?
        var clientMaxWindowBits: Int?
    }

    private static func response(_ element: ExtensionElement) throws(PerMessageDeflateError) -> Answer {
        var answer = Answer()
        var seen: Set<String> = []
        for (name, value) in element.parameters {
            guard seen.insert(name).inserted else {
                throw .negotiation("the server's answer has duplicate parameter \(name)")
            }
            switch name {
            case "server_no_context_takeover":
                try PerMessageDeflateOffer.requireNoValue(name, value)
                answer.serverNoContextTakeover = true
            case "client_no_context_takeover":
                try PerMessageDeflateOffer.requireNoValue(name, value)
                answer.clientNoContextTakeover = true
            case "server_max_window_bits":
                answer.serverMaxWindowBits = try PerMessageDeflateOffer.windowBits(name, value)
            case "client_max_window_bits":
                answer.clientMaxWindowBits = try PerMessageDeflateOffer.windowBits(name, value)
            default:
                throw .negotiation("server's permessage-deflate answer has unknown parameter \(name)")
            }
        }
        return answer
    }

    private static func match(_ answer: Answer, to offer: PerMessageDeflateOffer) throws(PerMessageDeflateError)
        -> PerMessageDeflateParameters
    {
        if offer.serverNoContextTakeover && !answer.serverNoContextTakeover {
            throw .negotiation("server ignored the offered server_no_context_takeover")
        }
        if let limit = offer.serverMaxWindowBits {
            guard let bits = answer.serverMaxWindowBits else {
                throw .negotiation("server ignored the offered server_max_window_bits=\(limit)")
            }
            if bits > limit {
                throw .negotiation("server_max_window_bits=\(bits) exceeds the offered \(limit)")
            }
        }
        if let bits = answer.clientMaxWindowBits {
            guard offer.clientMaxWindowBitsOffered else {
                throw .negotiation("server answered client_max_window_bits=\(bits), which was not offered")
            }
            // RFC 7692 §7.1.2.2: a value larger than the offer's fails the connection.
            if let limit = offer.clientMaxWindowBits, bits > limit {
                throw .negotiation("client_max_window_bits=\(bits) exceeds the offered \(limit)")
            }
        }
        return PerMessageDeflateParameters(
            serverNoContextTakeover: answer.serverNoContextTakeover,
            clientNoContextTakeover: answer.clientNoContextTakeover || offer.clientNoContextTakeover,
            serverMaxWindowBits: answer.serverMaxWindowBits ?? 15,
            clientMaxWindowBits: min(answer.clientMaxWindowBits ?? 15, offer.clientMaxWindowBits ?? 15))
    }
}
