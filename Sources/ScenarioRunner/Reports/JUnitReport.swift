import Foundation

/// JUnit XML: one `<testsuite>` per scenario file, one `<testcase>` per scenario (`classname` = file path),
/// a `<failure>` naming the failing step, its line and the reason, and the text transcript in `<system-out>`.
public enum JUnitReport {
    /// The XML document for `summary`.
    public static func render(_ summary: RunSummary) -> String {
        var files: [String] = []
        var byFile: [String: [ScenarioResult]] = [:]
        for result in summary.results {
            if byFile[result.file] == nil { files.append(result.file) }
            byFile[result.file, default: []].append(result)
        }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"wscenario\" tests=\"\(summary.results.count)\" failures=\"\(summary.failed)\""
        xml += " skipped=\"\(summary.skipped)\" errors=\"0\" time=\"\(seconds(summary.duration))\">\n"
        for file in files {
            let results = byFile[file] ?? []
            let failures = results.filter { $0.status == .failed || $0.status == .interrupted }.count
            let skipped = results.filter { $0.status == .skipped }.count
            let time = results.reduce(0) { $0 + $1.duration }
            xml +=
                "  <testsuite name=\"\(escape(file, attribute: true))\" tests=\"\(results.count)\" failures=\"\(failures)\""
            xml += " skipped=\"\(skipped)\" errors=\"0\" time=\"\(seconds(time))\">\n"
            for result in results { xml += testcase(result) }
            xml += "  </testsuite>\n"
        }
        xml += "</testsuites>\n"
        return xml
    }

    private static func testcase(_ result: ScenarioResult) -> String {
        var xml =
            "    <testcase name=\"\(escape(result.name, attribute: true))\" classname=\"\(escape(result.file, attribute: true))\""
        xml += " time=\"\(seconds(result.duration))\">\n"
        switch result.status {
        case .passed: break
        case .skipped: xml += "      <skipped message=\"not run\"/>\n"
        case .failed, .interrupted:
            let failure = result.failure
            let headline = failure?.summary ?? (result.status == .interrupted ? "interrupted" : "failed")
            let firstLine = headline.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).first.map(
                String.init)
            xml +=
                "      <failure message=\"\(escape(firstLine ?? headline, attribute: true))\" type=\"\(result.status.rawValue)\">"
            xml += escape(headline) + "</failure>\n"
        }
        if !result.transcriptText.isEmpty {
            xml += "      <system-out>" + escape(result.transcriptText) + "</system-out>\n"
        }
        for warning in result.warnings {
            xml += "      <system-err>" + escape(warning) + "</system-err>\n"
        }
        xml += "    </testcase>\n"
        return xml
    }

    private static func seconds(_ value: Double) -> String { String(format: "%.3f", value) }

    private static func escape(_ text: String, attribute: Bool = false) -> String {
        MarkupText.escape(text, attribute: attribute)
    }
}
