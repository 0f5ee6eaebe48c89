import Testing

@testable import ScenarioLanguage

@Suite struct YAMLReaderTests {
    func read(_ text: String) -> YAMLDocumentReader.Result {
        YAMLDocumentReader(file: "f.yaml", source: text).read()
    }

    @Test func keepsPositionsOfKeysAndValues() throws {
        let result = read("a: 1\nb:\n  - x\n  - \"y\"\n")
        let pairs = try #require(result.documents.first?.pairs)
        #expect(pairs[1].key.location == SourceLocation(file: "f.yaml", line: 2, column: 1))
        let items = try #require(pairs[1].value.items)
        #expect(items[1].location == SourceLocation(file: "f.yaml", line: 4, column: 5))
        #expect(items[0].isPlain && !items[1].isPlain)
    }

    @Test func scalarsAreNotResolved() throws {
        let result = read("a: yes\nb: 08\nc: 1:30\nd: ~\n")
        let values = try #require(result.documents.first?.pairs).map { $0.value.scalar }
        #expect(values == ["yes", "08", "1:30", "~"])
    }

    @Test func customTagsAreKept() throws {
        let result = read("a: !any\nb: !type string\nc: !!str 3\n")
        let pairs = try #require(result.documents.first?.pairs)
        #expect(pairs.map(\.value.tag) == ["!any", "!type", nil])
        #expect(pairs[1].value.scalar == "string")
    }

    @Test func syntaxErrorInSecondDocumentKeepsTheFirst() {
        let result = read("name: a\n---\nname: [b\n")
        #expect(result.documents.count == 1)
        #expect(result.errors.count == 1)
        #expect(result.errors.first?.location?.line == 3, "where the unclosed '[' opens")
        #expect(result.errors.first?.location?.column == 7)
    }

    @Test func everyDuplicateKeyIsReportedAndParsingGoesOn() {
        let result = read("a: 1\nb: 2\na: 3\nc: { x: 1, x: 2 }\n")
        #expect(
            result.errors.map(\.header) == [
                "f.yaml:3:1: error: duplicate key 'a' (first at line 1): each key may appear only once in a mapping; "
                    + "remove or rename one",
                "f.yaml:4:12: error: duplicate key 'x' (first at line 4): each key may appear only once in a mapping; "
                    + "remove or rename one",
            ])
        #expect(result.documents.first?.pairs?.compactMap(\.name) == ["a", "b", "c"])
    }
}
