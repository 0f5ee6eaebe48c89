import Foundation
import Testing

@testable import ScenarioLanguage

/// Truncated and mangled inputs never crash the loader or the JSONPath parser; they only produce diagnostics.
@Suite struct RobustnessTests {
    @Test func everyPrefixOfTheValidFixturesLoadsWithoutCrashing() throws {
        let directory = Fixtures.path("valid")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".yaml") }
        var loaded = 0
        for name in names {
            let text = try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
            let scalars = Array(text.unicodeScalars)
            for end in stride(from: 0, to: scalars.count, by: 11) {
                let prefix = String(String.UnicodeScalarView(scalars[..<end]))
                let suite = ScenarioLoader().load(yaml: prefix, file: directory + "/" + name)
                loaded += 1
                if suite.hasErrors { #expect(suite.errors.allSatisfy { $0.location != nil }) }
            }
        }
        #expect(loaded > 100)
    }

    @Test func everyPrefixOfAQueryParsesOrThrows() {
        let queries = [
            "$.store.book[?@.price < 10 && match(@.title, 'M.*')].author", "$..a[1:-1:2]['b','c']",
            "$[?count(@..x) > 1 || !(@.y == \"z\\u0041\")]", "$.a[?value(@.b) >= -1.5e3]",
        ]
        for query in queries {
            let scalars = Array(query.unicodeScalars)
            for end in 0...scalars.count {
                _ = try? JSONPath(String(String.UnicodeScalarView(scalars[..<end])))
            }
            #expect((try? JSONPath(query)) != nil, "\(query)")
        }
    }

    @Test func everyPrefixOfAJSONDocumentParsesOrThrows() {
        let text = #"{"a":[1,-2.5e3,true,null,"\u00e9\n"],"b":{"c":{}}}"#
        let scalars = Array(text.unicodeScalars)
        for end in 0..<scalars.count {
            #expect(throws: JSONParseError.self) {
                try JSONValue(parsing: String(String.UnicodeScalarView(scalars[..<end])))
            }
        }
        #expect((try? JSONValue(parsing: text)) != nil)
    }
}
