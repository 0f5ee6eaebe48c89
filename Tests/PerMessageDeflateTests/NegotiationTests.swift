import PerMessageDeflate
import Testing

@Suite("permessage-deflate negotiation")
struct NegotiationTests {
    @Test("an offer parses its parameters; a bare client_max_window_bits means 'may be limited'")
    func parsesOffer() throws {
        let elements = ExtensionElement.parse(["permessage-deflate; client_max_window_bits; server_max_window_bits=10"])
        let offer = try PerMessageDeflateOffer(try #require(elements.first))
        #expect(offer.clientMaxWindowBitsOffered)
        #expect(offer.clientMaxWindowBits == nil)
        #expect(offer.serverMaxWindowBits == 10)
        #expect(offer.headerValue == "permessage-deflate; server_max_window_bits=10; client_max_window_bits")
    }

    @Test("the client accepts a valid answer and records every parameter")
    func clientAcceptsValidAnswer() throws {
        let parameters = try PerMessageDeflateNegotiation.clientAccept(
            responseValues: [
                "permessage-deflate; server_no_context_takeover; client_no_context_takeover; "
                    + "server_max_window_bits=10; client_max_window_bits=9"
            ],
            offeredExtensions: ["permessage-deflate; client_max_window_bits; server_max_window_bits=12"])
        #expect(
            parameters
                == PerMessageDeflateParameters(
                    serverNoContextTakeover: true, clientNoContextTakeover: true, serverMaxWindowBits: 10,
                    clientMaxWindowBits: 9))
    }

    @Test("no permessage-deflate in the answer means no compression")
    func noAnswer() throws {
        #expect(
            try PerMessageDeflateNegotiation.clientAccept(
                responseValues: [], offeredExtensions: ["permessage-deflate"]) == nil)
    }

    @Test(
        "invalid answers are negotiation errors with a reason",
        arguments: [
            ("permessage-deflate", [String](), "not offered"),
            ("permessage-deflate; client_max_window_bits=10", ["permessage-deflate"], "not offered"),
            (
                "permessage-deflate; server_no_context_takeover; server_no_context_takeover", ["permessage-deflate"],
                "duplicate"
            ),
            ("permessage-deflate; server_max_window_bits=7", ["permessage-deflate"], "invalid"),
            ("permessage-deflate; server_max_window_bits=010", ["permessage-deflate"], "invalid"),
            (
                "permessage-deflate; client_max_window_bits", ["permessage-deflate; client_max_window_bits"],
                "needs a value"
            ),
            ("permessage-deflate; x-unknown=1", ["permessage-deflate"], "unknown parameter"),
            ("permessage-deflate; server_no_context_takeover=yes", ["permessage-deflate"], "no value"),
            (
                "permessage-deflate; server_max_window_bits=12", ["permessage-deflate; server_max_window_bits=10"],
                "exceeds"
            ),
            (
                "permessage-deflate; client_max_window_bits=12", ["permessage-deflate; client_max_window_bits=10"],
                "client_max_window_bits=12 exceeds the offered 10"
            ),
            ("permessage-deflate", ["permessage-deflate; server_no_context_takeover"], "ignored"),
            ("permessage-deflate, permessage-deflate", ["permessage-deflate"], "more than once"),
        ])
    func rejectsInvalidAnswer(answer: String, offers: [String], reason: String) {
        #expect {
            _ = try PerMessageDeflateNegotiation.clientAccept(responseValues: [answer], offeredExtensions: offers)
        } throws: { error in
            guard let error = error as? PerMessageDeflateError else { return false }
            return error.isNegotiationFailure && error.message.contains(reason)
        }
    }

    @Test("the server answers the first valid offer with the parameters it asked for")
    func serverAnswers() throws {
        let parameters = PerMessageDeflateNegotiation.serverAccept(requestValues: [
            "permessage-deflate; server_max_window_bits=99",
            "permessage-deflate; server_no_context_takeover; server_max_window_bits=11; client_max_window_bits=10",
        ])
        #expect(
            parameters?.headerValue
                == "permessage-deflate; server_no_context_takeover; server_max_window_bits=11; "
                + "client_max_window_bits=10")
        #expect(PerMessageDeflateNegotiation.serverAccept(requestValues: ["x-webkit-deflate-frame"]) == nil)
        // RFC 7692 §7.1.2.1: an offer with server_max_window_bits gets it back, 15 included.
        let fifteen = PerMessageDeflateNegotiation.serverAccept(requestValues: [
            "permessage-deflate; server_max_window_bits=15"
        ])
        #expect(fifteen?.headerValue == "permessage-deflate; server_max_window_bits=15")
        let accepted = try PerMessageDeflateNegotiation.clientAccept(
            responseValues: [fifteen?.headerValue ?? ""],
            offeredExtensions: ["permessage-deflate; server_max_window_bits=15"])
        #expect(accepted?.serverMaxWindowBits == 15, "the client accepts the server's answer")
        let plain = PerMessageDeflateNegotiation.serverAccept(requestValues: ["permessage-deflate"])
        #expect(plain?.headerValue == "permessage-deflate")
    }
}
