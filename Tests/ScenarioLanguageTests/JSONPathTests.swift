import Testing

@testable import ScenarioLanguage

/// Examples from RFC 9535 (§1.5 and §2.3).
@Suite struct JSONPathTests {
    static let bookstore = try! JSONValue(
        parsing: """
            { "store": {
                "book": [
                  { "category": "reference", "author": "Nigel Rees", "title": "Sayings of the Century", "price": 8.95 },
                  { "category": "fiction", "author": "Evelyn Waugh", "title": "Sword of Honour", "price": 12.99 },
                  { "category": "fiction", "author": "Herman Melville", "title": "Moby Dick",
                    "isbn": "0-553-21311-3", "price": 8.99 },
                  { "category": "fiction", "author": "J. R. R. Tolkien", "title": "The Lord of the Rings",
                    "isbn": "0-395-19395-8", "price": 22.99 }
                ],
                "bicycle": { "color": "red", "price": 399 }
              }
            }
            """)

    static let filterDocument = try! JSONValue(
        parsing: """
            {"a": [3, 5, 1, 2, 4, 6, {"b": "j"}, {"b": "k"}, {"b": {}}, {"b": "kilo"}],
             "o": {"p": 1, "q": 2, "r": 3, "s": 5, "t": {"u": 6}}, "e": "f"}
            """)

    static let letters = try! JSONValue(parsing: #"["a", "b", "c", "d", "e", "f", "g"]"#)

    func select(_ path: String, _ document: JSONValue) throws -> String {
        JSONValue.array(try JSONPath(path).select(in: document)).compactJSON
    }

    @Test(arguments: [
        ("$.store.book[*].author", #"["Nigel Rees","Evelyn Waugh","Herman Melville","J. R. R. Tolkien"]"#),
        ("$..author", #"["Nigel Rees","Evelyn Waugh","Herman Melville","J. R. R. Tolkien"]"#),
        ("$.store..price", "[8.95,12.99,8.99,22.99,399]"),
        ("$..book[2].author", #"["Herman Melville"]"#),
        ("$..book[2].publisher", "[]"),
        ("$..book[-1].title", #"["The Lord of the Rings"]"#),
        ("$..book[0,1].price", "[8.95,12.99]"),
        ("$..book[:2].price", "[8.95,12.99]"),
        ("$..book[?@.isbn].title", #"["Moby Dick","The Lord of the Rings"]"#),
        ("$..book[?@.price<10].title", #"["Sayings of the Century","Moby Dick"]"#),
        ("$.store.bicycle['color']", #"["red"]"#),
        (#"$["store"]["bicycle"]["price"]"#, "[399]"),
    ])
    func bookstore(path: String, expected: String) throws {
        #expect(try select(path, Self.bookstore) == expected)
    }

    @Test func wildcardOnStore() throws {
        let nodes = try JSONPath("$.store.*").select(in: Self.bookstore)
        #expect(nodes.count == 2)
    }

    @Test func descendantWildcardVisitsEveryNode() throws {
        // 1 store + 1 book array + 4 books + 18 book members + 1 bicycle + 2 bicycle members = 27.
        #expect(try JSONPath("$..*").select(in: Self.bookstore).count == 27)
    }

    @Test(arguments: [
        ("$.a[?@.b == 'kilo']", #"[{"b":"kilo"}]"#),
        ("$.a[?(@.b == 'kilo')]", #"[{"b":"kilo"}]"#),
        ("$.a[?@>3.5]", "[5,4,6]"),
        ("$.a[?@.b]", #"[{"b":"j"},{"b":"k"},{"b":{}},{"b":"kilo"}]"#),
        ("$.a[?@<2 || @.b == \"k\"]", #"[1,{"b":"k"}]"#),
        ("$.a[?match(@.b, '[jk]')]", #"[{"b":"j"},{"b":"k"}]"#),
        ("$.a[?search(@.b, '[jk]')]", #"[{"b":"j"},{"b":"k"},{"b":"kilo"}]"#),
        ("$.o[?@>1 && @<4]", "[2,3]"),
        ("$.o[?@.u || @.x]", #"[{"u":6}]"#),
        ("$.a[?@.b == $.x]", "[3,5,1,2,4,6]"),
        ("$.a[?!@.b]", "[3,5,1,2,4,6]"),
        ("$[?@[?@.b]].length()", "[]"),
        ("$.a[?length(@.b) == 4]", #"[{"b":"kilo"}]"#),
        ("$[?count(@.*) == 1]", "[]"),
        ("$.o[?value(@.u) == 6]", #"[{"u":6}]"#),
    ])
    func filters(path: String, expected: String) throws {
        if path.hasSuffix(".length()") {
            #expect(throws: JSONPathError.self) { try JSONPath(path) }
            return
        }
        #expect(try select(path, Self.filterDocument) == expected)
    }

    @Test func equalToItselfSelectsAll() throws {
        #expect(try JSONPath("$.a[?@ == @]").select(in: Self.filterDocument).count == 10)
    }

    @Test(arguments: [
        ("$[1:3]", #"["b","c"]"#), ("$[5:]", #"["f","g"]"#), ("$[1:5:2]", #"["b","d"]"#),
        ("$[5:1:-2]", #"["f","d"]"#), ("$[::-1]", #"["g","f","e","d","c","b","a"]"#), ("$[-2:]", #"["f","g"]"#),
        ("$[0:0]", "[]"), ("$[::0]", "[]"), ("$[1:5:9007199254740991]", #"["b"]"#),
        ("$[::-9007199254740991]", #"["g"]"#),
    ])
    func slices(path: String, expected: String) throws {
        #expect(try select(path, Self.letters) == expected)
    }

    @Test func valueStandsForOneNodeOrArray() throws {
        #expect(try JSONPath("$.store.bicycle.price").value(in: Self.bookstore) == .integer(399))
        #expect(try JSONPath("$..book[0,1].price").value(in: Self.bookstore)?.compactJSON == "[8.95,12.99]")
        #expect(try JSONPath("$.nothing").value(in: Self.bookstore) == nil)
    }

    @Test(arguments: [
        "", "store", "$.", "$[", "$[1", "$['a'", "$.a[?@.b ==]", "$[01]", "$.a[?foo(@)]", "$..", "$[?'a']",
        "$[1:5:9223372036854775807]", "$[-9223372036854775808]",
    ])
    func rejectsInvalid(path: String) {
        #expect(throws: JSONPathError.self, "\(path)") { try JSONPath(path) }
    }
}
