/// Friendlier explanations for common YAML syntax errors, found by looking at the source around the error.
enum YAMLErrorHints {
    /// The 1-based column of a tab in the indentation of `line`, when the error at `column` is inside (or just
    /// after) that indentation.
    static func indentationTab(in line: String, errorColumn column: Int) -> Int? {
        let scalars = Array(line.unicodeScalars)
        var index = 0
        var tab: Int?
        while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" {
            if scalars[index] == "\t", tab == nil { tab = index + 1 }
            index += 1
        }
        guard let tab, column <= index + 1 else { return nil }
        return tab
    }

    /// Whether `line` holds an unquoted `${` that starts a plain scalar inside a flow collection (`{ }`/`[ ]`),
    /// where `{` ends the scalar. `insideFlow` says whether an earlier line left a flow collection open.
    static func unquotedPlaceholderInFlow(_ line: String, insideFlow: Bool = false) -> Bool {
        let scalars = Array(line.unicodeScalars)
        var depth = insideFlow ? 1 : 0
        var quote: Unicode.Scalar?
        for (index, scalar) in scalars.enumerated() {
            let previous: Unicode.Scalar = index > 0 ? scalars[index - 1] : " "
            if let open = quote {
                if scalar == open { quote = nil }
                continue
            }
            switch scalar {
            case "\"", "'":
                if [" ", "\t", ",", "{", "[", ":"].contains(previous) { quote = scalar }
            case "#" where previous == " " || previous == "\t": return false
            case "{" where previous == "$": break
            case "{", "[": depth += 1
            case "}", "]": depth = max(0, depth - 1)
            case "$":
                let startsScalar = [" ", "\t", ",", "{", "["].contains(previous)
                if depth > 0, startsScalar, index + 1 < scalars.count, scalars[index + 1] == "{" { return true }
            default: break
            }
        }
        return false
    }

    /// The hint added to YAML errors near an unquoted `${...}` in a flow collection.
    static let quotePlaceholders = "quote values that contain ${...} inside { } or [ ] (e.g. \"${uuid}\")"

    /// For the context of a YAML error that is an opened construct (`while scanning a quoted scalar`, `while
    /// parsing a flow mapping/sequence`): what was opened and how to close it.
    static func unclosedConstruct(_ context: String) -> (what: String, fix: String)? {
        switch context {
        case "while scanning a quoted scalar":
            return ("the quoted string", "add the closing quote, or use a block scalar (|) for multi-line text")
        case "while parsing a flow mapping":
            return ("the '{' mapping", "add the closing '}' and separate its entries with ','")
        case "while parsing a flow sequence":
            return ("the '[' list", "add the closing ']' and separate its items with ','")
        default:
            return nil
        }
    }
}
