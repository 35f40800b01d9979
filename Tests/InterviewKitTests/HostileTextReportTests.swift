import Foundation
import Testing
@testable import InterviewCore
@testable import InterviewReports

/// Reports and stats of a session whose every text field carries escape sequences,
/// controls and bidi overrides: written as visible marks, escaped for their format.
@Suite struct HostileTextReportTests {
    /// Payloads that would act on a terminal or a viewer, one per kind.
    static let payloads = [
        "\u{1B}[2J", "\u{1B}]0;owned\u{07}", "\u{1B}]52;c;ZWNobyBvd25lZA==\u{07}",
        "\u{1B}]8;;https://evil.example/\u{1B}\\link\u{1B}]8;;\u{1B}\\", "\u{1B}P+q544e\u{1B}\\", "\u{1B}_Gapc\u{1B}\\",
        "nul\u{00}bel\u{07}bs\u{08}cr\r", "del\u{7F}", "\u{9B}31m\u{9D}0;c1\u{9C}", "\u{202E}override\u{202C}", "\u{2066}isolate\u{2069}",
    ]
    static let all = payloads.joined(separator: " ")

    static func hostileSession() throws -> SessionFile {
        // A CR ends a line in a bank file: only the session's own text holds one.
        let all = Self.all.replacingOccurrences(of: "\r", with: "")
        let bankText = """
        ---
        title: Bank \(all)
        duration: 20m
        ---
        ## Prompt \(all)
        tags: \(payloads[1]), plain
        ### Expected answer
        Answer \(all)
        ### Rubric
        - [ ] Item \(all)

        """
        let bank = try BankParser.parse(bytes: Array(bankText.utf8), file: "hostile.md")
        var engine = SessionEngine(bank: bank, id: "hostile", candidate: "Cand \(Self.all)", interviewer: "Int \(Self.all)",
                                   startedAt: Date(timeIntervalSince1970: 1_800_000_000))
        engine.perform(.toggleRubric(0), at: 5)
        engine.perform(.setNotes(payloads.enumerated().map { NoteLine(at: Double($0.offset), text: $0.element) }), at: 10)
        engine.perform(.rate(3), at: 20)
        engine.perform(.wrapUp, at: 30)
        engine.perform(.recommend(4), at: 31)
        engine.perform(.setClosingNotes([NoteLine(at: 31, text: "Closing \(all)")]), at: 32)
        engine.perform(.end, at: 40)
        return try ReportFixtures.roundTrip(engine.snapshot(at: 40))
    }

    static func rawControls(_ text: String) -> [String] {
        text.unicodeScalars.filter { $0 != "\n" && VisibleText.isUnsafe($0) }.map { String($0.value, radix: 16) }
    }

    @Test(arguments: Scorecard.Format.allCases)
    func noReportFormatWritesAControlRaw(_ format: Scorecard.Format) throws {
        let text = Scorecard.render([SessionReport(try Self.hostileSession(), file: "hostile.json")], as: format)
        #expect(Self.rawControls(text).isEmpty, "\(format): raw \(Self.rawControls(text))")
        #expect(!text.contains("\u{1B}"))
    }

    /// Each note is its visible marks, with a backslash only before what Markdown would
    /// take for markup (MarkdownEscapeTests renders them with GitHub's renderer).
    @Test func markdownShowsTheMarksEscapedForMarkdown() throws {
        let report = SessionReport(try Self.hostileSession(), file: "hostile.json")
        let text = Scorecard.render([report], as: .markdown)
        let notes = report.questions.flatMap(\.notes)
        for (index, payload) in Self.payloads.enumerated() {
            let escaped = ReportText.markdown(payload, in: .inline)
            let times = notes.first { $0.text == payload }.map { " (\(ReportText.noteTimes($0)))" } ?? ""
            #expect(text.contains("- `\(ReportText.stamp(Double(index)))`\(times) \(escaped)\n"), "the note \(escaped)")
            var unescaped = ""
            var previous: Character = " "
            for c in escaped {
                if previous == "\\", MarkdownText.isASCIIPunctuation(c) { unescaped.removeLast() }
                unescaped.append(c)
                previous = previous == "\\" && MarkdownText.isASCIIPunctuation(c) ? " " : c
            }
            #expect(unescaped == VisibleText.visible(payload), "\(escaped) reads as the marks")
        }
        for mark in ["^[[2J", "^\\[]0;owned^G", "nul^@bel^Gbs^Hcr^M", "del^?", "\\<U+9B>31m\\<U+9D>0;c1\\<U+9C>",
                     "\\<U+202E>override\\<U+202C>", "\\<U+2066>isolate\\<U+2069>"] {
            #expect(text.contains(mark), "markdown misses \(mark)")
        }
        #expect(text.contains("Cand ^\\[\\[2J"), "the candidate's name: its [ escaped, as a ] follows")
    }

    @Test func htmlShowsTheMarksAsTextNeverAsMarkupOrLinks() throws {
        let text = Scorecard.render([SessionReport(try Self.hostileSession(), file: "hostile.json")], as: .html)
        #expect(text.contains("^[]8;;https://evil.example/^[\\link"))
        #expect(text.contains("&lt;U+202E&gt;override&lt;U+202C&gt;"))
        #expect(text.contains("Cand ^[[2J"))
        #expect(!text.contains("href=\"https://evil"), "an OSC 8 target never becomes a link")
        #expect(!text.contains("<U+"), "marks are escaped in HTML")
    }

    @Test func jsonKeepsTheTextAsEscapes() throws {
        let text = Scorecard.render([SessionReport(try Self.hostileSession(), file: "hostile.json")], as: .json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let session = try #require((object["sessions"] as? [[String: Any]])?.first)
        #expect(session["candidate"] as? String == "Cand \(Self.all)", "the data survives exactly")
        #expect(text.contains("\\u009b31m\\u009d0;c1\\u009c"))
    }

    @Test func statsShowTheMarks() throws {
        let report = SessionReport(try Self.hostileSession(), file: "hostile.json")
        let text = SessionStats(folder: "/tmp/\u{1B}]0;dir\u{07}", sessions: [report], skipped: []).render()
        #expect(Self.rawControls(text).isEmpty, "raw \(Self.rawControls(text))")
        #expect(text.contains("^[]0;dir^G"))
    }

    @Test func visibleLinesKeepsLineBreaksAndMarksTheRest() {
        #expect(VisibleText.visibleLines("a\u{1B}[2J\nb\u{07}\r\nc") == "a^[[2J\nb^G^M\nc")
        #expect(VisibleText.visibleLines("plain\ntext") == "plain\ntext")
    }
}
