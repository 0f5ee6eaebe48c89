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
}
