import Testing

@testable import ScenarioLanguage

@Suite struct JSONValueTests {
    @Test func parsesAndSerialisesCompactly() throws {
        let text = #"{"b":1,"a":[true,false,null,1.5,-2,"x\"y\n"],"c":{}}"#
        let value = try JSONValue(parsing: text)
        #expect(value.compactJSON == text)
    }

    @Test func keepsIntegersExact() throws {
        #expect(try JSONValue(parsing: "9007199254740993") == .integer(9_007_199_254_740_993))
        #expect(try JSONValue(parsing: "1.0") == .integer(1))
        #expect(try JSONValue(parsing: "1e2").compactJSON == "100")
    }

    @Test func unicodeEscapes() throws {
        #expect(try JSONValue(parsing: #""\u00e9\ud83d\ude00""#) == .string("é😀"))
    }

    @Test func rejectsInvalid() {
        for text in ["", "{", "[1,]", "01", "tru", "\"a", "{\"a\" 1}", "1 2", "\"\\x\""] {
            #expect(throws: JSONParseError.self, "\(text)") { try JSONValue(parsing: text) }
        }
    }

    @Test func objectEqualityIgnoresOrder() throws {
        #expect(try JSONValue(parsing: #"{"a":1,"b":2}"#) == JSONValue(parsing: #"{"b":2,"a":1.0}"#))
        #expect(try JSONValue(parsing: #"{"a":1}"#) != JSONValue(parsing: #"{"a":"1"}"#))
    }

    /// Integers beyond 64 bits keep their digits: sent as written, equal only to the same digits (a float of the
    /// same magnitude still compares by value).
    @Test func integersBeyond64BitsStayExact() throws {
        let big = try JSONValue(parsing: #"{"id":12345678901234567890,"neg":-98765432109876543210}"#)
        #expect(big.description == #"{"id":12345678901234567890,"neg":-98765432109876543210}"#)
        let same = try JSONValue(parsing: "12345678901234567890")
        let next = try JSONValue(parsing: "12345678901234567891")
        #expect(same == .bigInteger("12345678901234567890"))
        #expect(same != next, "as doubles they would be equal")
        #expect(same.typeName == "number" && same.isIntegral)
        #expect(try JSONValue(parsing: "12345678901234567890.0") == same, "a float compares by value")
        #expect(try JSONValue(parsing: "9223372036854775807") == .integer(Int64.max))
    }
}
