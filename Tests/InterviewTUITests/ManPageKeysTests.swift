import Foundation
import Testing

/// The man page's KEYS are the key tables too: each block between `.\" keys: NAME` and
/// `.\" /keys` in docs/interview.1 is the table NAME, turned from the Markdown README
/// shows into an mdoc list. `INTERVIEW_RECORD_README=1 swift test --filter KeyTable`
/// writes README's tables and the man page's together.
@Suite struct ManPageKeysTests {
    static let page = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../docs/interview.1").standardizedFileURL

    /// The page's block between `.\" keys: NAME` and `.\" /keys`.
    static func block(_ name: String, in page: String) -> Range<String.Index>? {
        guard let start = page.range(of: ".\\\" keys: \(name)\n"),
              let end = page.range(of: ".\\\" /keys\n", range: start.upperBound..<page.endIndex) else { return nil }
        return start.upperBound..<end.lowerBound
    }

    @Test func theManPageShowsEveryTableAsItIs() throws {
        var page = try String(contentsOf: Self.page, encoding: .utf8)
        let record = ProcessInfo.processInfo.environment["INTERVIEW_RECORD_README"] != nil
        for table in KeyTableTests.tables {
            let range = try #require(Self.block(table.name, in: page), "docs/interview.1 has no .\\\" keys: \(table.name) block")
            let mdoc = ManPageKeys.mdoc(table.markdown)
            if record {
                page.replaceSubrange(range, with: mdoc)
            } else {
                #expect(String(page[range]) == mdoc, "the man page's \(table.name) keys differ from the key table")
            }
        }
        if record { try page.write(to: Self.page, atomically: true, encoding: .utf8) }
    }

    @Test func aTableBecomesAListOfItsKeys() {
        let markdown = "| key | action |\n|---|---|\n| `n` `→` | next question (after the last: wrap-up) |\n| `]` `[` | next or previous |\n"
            + "| `\\` | a backslash, and \"quotes\" |\n| any other key | text, typed as it is; `Esc` stops |\n"
        #expect(ManPageKeys.mdoc(markdown) == """
            .Bl -tag -width Ds -compact
            .It Sy "n" "→"
            next question (after the last: wrap-up)
            .It Sy "\\&]" "\\&["
            next or previous
            .It Sy "\\e"
            a backslash, and "quotes"
            .It "any other key"
            text, typed as it is; Esc stops
            .El

            """)
    }

    @Test func longTextIsWrappedAndNoLineStartsAsARequest() {
        // 15 words fill 74 bytes: the 16th, ".dot", starts the next line.
        let long = String(repeating: "word ", count: 15) + ".dot"
        let mdoc = ManPageKeys.mdoc("| key | action |\n|---|---|\n| `x` | \(long) |\n")
        for line in mdoc.split(separator: "\n") {
            #expect(line.utf8.count <= 80, "\(line)")
        }
        #expect(mdoc.contains("\n\\&.dot\n"), "\(mdoc)")
    }
}

/// A key table's Markdown (`| `n` `→` | next question |`) as an mdoc tag list.
enum ManPageKeys {
    static func mdoc(_ markdown: String) -> String {
        var lines = [".Bl -tag -width Ds -compact"]
        for row in markdown.split(separator: "\n").dropFirst(2) {
            let cells = row.dropFirst(2).dropLast(2)
            guard let bar = cells.range(of: " | ") else { continue }
            let keys = String(cells[..<bar.lowerBound]), action = String(cells[bar.upperBound...])
            let spans = keys.split(separator: "`", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 1 }.map { argument(String($0.element)) }
            lines.append(spans.isEmpty ? ".It " + argument(keys) : ".It Sy " + spans.joined(separator: " "))
            lines += wrapped(action.replacingOccurrences(of: "`", with: ""))
        }
        return (lines + [".El"]).joined(separator: "\n") + "\n"
    }

    /// A quoted macro argument: never read as a macro, nor a lone bracket or stop as
    /// mdoc's punctuation, whatever it says.
    static func argument(_ text: String) -> String {
        let punctuation = text.count == 1 && "([.,:;)]?!|".contains(text)
        return "\"" + (punctuation ? "\\&" : "") + escaped(text).replacingOccurrences(of: "\"", with: "\\(dq") + "\""
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\e")
    }

    /// Text lines of at most 80 bytes (mandoc's style), none taken for a request.
    static func wrapped(_ text: String) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in escaped(text).split(separator: " ") {
            if !line.isEmpty, line.utf8.count + 1 + word.utf8.count > 78 {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.map { $0.hasPrefix(".") || $0.hasPrefix("'") ? "\\&" + $0 : $0 }
    }
}
