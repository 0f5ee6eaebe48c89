import Foundation

/// A self-contained HTML page (no scripts, no external files; also well-formed XML) for people: the counts, a list of the failures
/// linking to their scenarios, then one section per scenario file with every scenario as a collapsible block —
/// failures open — holding the failing step and reason, the inbox warnings, links to the transcript files and
/// the text transcript itself. A "failures only" switch hides the rest (pure CSS).
public enum HTMLReport {
    /// The page for `summary`. Transcript links are made relative to `reportDirectory` (the folder the page is
    /// written to) so that the page and the transcripts can be archived together; without it they are the
    /// paths as recorded.
    public static func render(_ summary: RunSummary, reportDirectory: URL? = nil) -> String {
        var files: [String] = []
        var byFile: [String: [(index: Int, result: ScenarioResult)]] = [:]
        for (index, result) in summary.results.enumerated() {
            if byFile[result.file] == nil { files.append(result.file) }
            byFile[result.file, default: []].append((index, result))
        }
        var html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        html += "<title>wscenario: \(escape(countsText(summary)))</title>\n<style>\n\(style)</style>\n</head>\n"
        html += "<body class=\"\(summary.allPassed ? "run-passed" : "run-failed")\">\n"
        html += header(summary)
        html += failureIndex(summary)
        html += "<main>\n"
        for file in files {
            html += fileSection(file, byFile[file] ?? [], reportDirectory: reportDirectory)
        }
        html += "</main>\n</body>\n</html>\n"
        return html
    }

    private static func countsText(_ summary: RunSummary) -> String {
        var parts = ["\(summary.passed) passed", "\(summary.failed) failed", "\(summary.skipped) skipped"]
        if summary.interrupted { parts.append("interrupted") }
        return parts.joined(separator: ", ")
    }

    private static func header(_ summary: RunSummary) -> String {
        var html = "<header>\n<h1>wscenario report</h1>\n<p class=\"counts\">"
        html += "<span class=\"badge passed\">\(summary.passed) passed</span> "
        html += "<span class=\"badge failed\">\(summary.failed) failed</span> "
        html += "<span class=\"badge skipped\">\(summary.skipped) skipped</span> "
        html += "<span class=\"duration\">\(results(summary.results.count)) in \(seconds(summary.duration))</span>"
        html += "</p>\n"
        if summary.interrupted {
            html += "<p class=\"interrupted\">The run was interrupted by a signal: scenarios that were running are "
            html += "marked interrupted, the ones not started skipped.</p>\n"
        }
        let failures = summary.results.filter { isFailure($0.status) }.count
        if failures > 0, failures < summary.results.count {
            html += "<p class=\"filter\"><label><input type=\"checkbox\" id=\"failures-only\"/> "
            html += "show failures only</label></p>\n"
        }
        return html + "</header>\n"
    }

    /// A list of the failed and interrupted scenarios at the top, each linking to its block below.
    private static func failureIndex(_ summary: RunSummary) -> String {
        let failed = summary.results.enumerated().filter { isFailure($0.element.status) }
        guard !failed.isEmpty else { return "" }
        var html = "<nav class=\"failures\">\n<h2>Failures</h2>\n<ol>\n"
        for (index, result) in failed {
            html += "<li><a href=\"#scenario-\(index + 1)\">\(escape(result.file)): \(escape(result.name))</a>"
            html += " — \(escape(headline(result)))</li>\n"
        }
        return html + "</ol>\n</nav>\n"
    }

    private static func fileSection(
        _ file: String, _ entries: [(index: Int, result: ScenarioResult)], reportDirectory: URL?
    ) -> String {
        let failures = entries.filter { isFailure($0.result.status) }.count
        let allPassed = entries.allSatisfy { $0.result.status == .passed || $0.result.status == .skipped }
        var html = "<section class=\"file\(allPassed ? " all-passed" : "")\">\n<h2>\(escape(file)) "
        html += "<small>\(entries.count == 1 ? "1 scenario" : "\(entries.count) scenarios")"
        html += failures > 0 ? ", \(failures) failed" : ""
        html += "</small></h2>\n"
        for (index, result) in entries {
            html += scenarioBlock(result, number: index + 1, reportDirectory: reportDirectory)
        }
        return html + "</section>\n"
    }

    private static func scenarioBlock(_ result: ScenarioResult, number: Int, reportDirectory: URL?) -> String {
        let status = result.status.rawValue
        let open = isFailure(result.status) ? " open=\"open\"" : ""
        var html = "<details class=\"scenario \(status)\" id=\"scenario-\(number)\"\(open)>\n<summary>"
        html += "<span class=\"badge \(status)\">\(status)</span> <span class=\"name\">\(escape(result.name))</span>"
        html += " <span class=\"duration\">\(seconds(result.duration))</span></summary>\n"
        if isFailure(result.status) {
            html += "<div class=\"failure\">\n"
            if let failure = result.failure, !failure.step.isEmpty || failure.line > 0 {
                var place = failure.step.isEmpty ? "" : "Step \(failure.step) (\(failure.stepLabel))"
                if failure.line > 0 { place += (place.isEmpty ? "At " : " at ") + "\(failure.file):\(failure.line)" }
                html += "<p class=\"step\">\(escape(place))</p>\n"
            }
            html += "<pre class=\"message\">\(escape(result.failure?.message ?? status))</pre>\n</div>\n"
        } else if result.status == .skipped {
            html += "<p class=\"note\">Not run.</p>\n"
        }
        if !result.warnings.isEmpty {
            html += "<div class=\"warnings\">\n<h3>Warnings</h3>\n"
            for warning in result.warnings { html += "<pre>\(escape(warning))</pre>\n" }
            html += "</div>\n"
        }
        if let path = result.transcriptPath {
            let textPath = path.hasSuffix(".jsonl") ? String(path.dropLast(6)) + ".txt" : path
            html += "<p class=\"links\">Transcript: "
            html += "<a href=\"\(escape(href(textPath, from: reportDirectory)))\">\(escape(textPath))</a>"
            html += " (<a href=\"\(escape(href(path, from: reportDirectory)))\">JSON Lines</a>)</p>\n"
        }
        if !result.transcriptText.isEmpty {
            html += "<details class=\"transcript\"\(open)>\n<summary>Transcript</summary>\n"
            html += "<pre>\(escape(result.transcriptText))</pre>\n</details>\n"
        }
        return html + "</details>\n"
    }

    private static func isFailure(_ status: ScenarioStatus) -> Bool { status == .failed || status == .interrupted }

    /// The first line of the failure's summary (`step 3 (expect_message) at file.yaml:12: reason`).
    private static func headline(_ result: ScenarioResult) -> String {
        let text = result.failure?.summary ?? result.status.rawValue
        return text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).first.map(String.init) ?? text
    }

    private static func results(_ count: Int) -> String { count == 1 ? "1 scenario" : "\(count) scenarios" }

    private static func seconds(_ value: Double) -> String { String(format: "%.3f s", value) }

    /// A link to `path` (as recorded, relative to the working directory or absolute) from `directory`,
    /// percent-encoded.
    static func href(_ path: String, from directory: URL?) -> String {
        var target = path
        if let directory {
            let from = directory.standardizedFileURL.pathComponents
            let to = URL(fileURLWithPath: path).standardizedFileURL.pathComponents
            var common = 0
            while common < min(from.count, to.count), from[common] == to[common] { common += 1 }
            let parts = Array(repeating: "..", count: from.count - common) + to[common...]
            target = parts.joined(separator: "/")
        }
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ";?#%")
        return target.addingPercentEncoding(withAllowedCharacters: allowed) ?? target
    }

    private static func escape(_ text: String) -> String { MarkupText.escape(text) }

    private static let style = """
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 1200px;
          padding: 0 16px 32px; color: #1f2328; background: #fff; }
        h1 { font-size: 22px; margin: 20px 0 8px; }
        h2 { font-size: 17px; margin: 24px 0 8px; border-bottom: 1px solid #d0d7de; padding-bottom: 4px; }
        h2 small { font-weight: normal; color: #59636e; }
        h3 { font-size: 14px; margin: 8px 0 4px; }
        .badge { display: inline-block; border-radius: 10px; padding: 0 8px; font-size: 12px; font-weight: 600;
          color: #fff; min-width: 48px; text-align: center; }
        .badge.passed { background: #1a7f37; } .badge.failed { background: #cf222e; }
        .badge.skipped { background: #6e7781; } .badge.interrupted { background: #bc4c00; }
        .counts .badge { font-size: 14px; padding: 2px 10px; }
        .duration { color: #59636e; margin-left: 8px; }
        .interrupted { color: #bc4c00; font-weight: 600; }
        nav.failures { background: #fff5f5; border: 1px solid #ffcecb; border-radius: 6px; padding: 4px 16px; }
        nav.failures h2 { border: 0; margin-top: 8px; }
        details.scenario { border: 1px solid #d0d7de; border-radius: 6px; margin: 6px 0; padding: 4px 12px; }
        details.scenario.failed, details.scenario.interrupted { border-color: #ff8182; }
        details.scenario > summary { cursor: pointer; padding: 2px 0; }
        .name { font-weight: 600; }
        pre { background: #f6f8fa; border-radius: 6px; padding: 8px 12px; overflow-x: auto; white-space: pre;
          font: 12px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
        .failure pre.message { background: #fff5f5; white-space: pre-wrap; }
        .warnings pre { background: #fff8c5; white-space: pre-wrap; }
        .step { font-weight: 600; margin: 6px 0 0; }
        .note, .links { color: #59636e; }
        details.transcript > summary { cursor: pointer; color: #0969da; }
        body:has(#failures-only:checked) details.scenario.passed,
        body:has(#failures-only:checked) details.scenario.skipped,
        body:has(#failures-only:checked) section.file.all-passed { display: none; }

        """
}
