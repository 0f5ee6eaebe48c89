/// Text for XML and HTML documents (JUnit, the HTML report): the markup characters escaped, characters XML 1.0
/// cannot carry dropped.
enum MarkupText {
    /// Escapes XML special characters and drops characters XML 1.0 cannot carry. In attributes (`attribute`) tab
    /// and line breaks are written as character references, which XML keeps (it turns literal ones into spaces).
    static func escape(_ text: String, attribute: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\r": out += "&#13;"  // a literal one would be read as a line feed
            case "\t", "\n":
                if attribute { out += "&#\(scalar.value);" } else { out.unicodeScalars.append(scalar) }
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                out += "?"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
