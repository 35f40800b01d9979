import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import InterviewCore
import InterviewReports

@Suite struct ReportTests {
    static let fileName = "2027-01-15T08-00-00-ada-lovelace.json"

    func report() throws -> SessionReport {
        SessionReport(try ReportFixtures.goldenSession(), file: Self.fileName)
    }

    // MARK: - The model, from the events

    @Test func theReportComesFromTheEvents() throws {
        let r = try report()
        #expect(r.status == .completed)
        #expect(r.recommendation == 3)
        #expect(r.closingNotes.map(\.text) == ["Strong fundamentals; probe MLOps next.", "Would hire 👍"])
        #expect(r.totalSeconds == 490, "560 s minus the 70 s pause")
        #expect(r.questions.map(\.elapsedSeconds) == [200, 50, 180, 0])
        #expect(r.questions.map(\.overBudget) == [true, false, false, false])
        #expect(r.questions.map(\.asked) == [true, true, true, false])
        #expect(r.questions.map(\.rating) == [3, 2, 4, nil])
        #expect(r.questions[0].rubric.map(\.checked) == [true, false, true])
        #expect(r.questions[1].rubric.map(\.checked) == [false, true])
        #expect(r.questions[0].notes.count == 4)
        #expect(r.averageRating == 3)
    }

    @Test func theEventsWinOverAnEditedSummary() throws {
        var file = try ReportFixtures.goldenSession()
        file.recommendation = 1
        file.questions[0].rating = 1
        file.questions[0].rubric[1].checked = true
        file.questions[0].notes = []
        file.questions[0].elapsedSeconds = 5
        let r = SessionReport(file, file: "x.json")
        #expect(r.recommendation == 3)
        #expect(r.questions[0].rating == 3)
        #expect(r.questions[0].rubric.map(\.checked) == [true, false, true])
        #expect(r.questions[0].notes.count == 4)
        #expect(r.questions[0].elapsedSeconds == 200)
    }

    @Test func anUnfinishedSessionCountsTheRunningQuestionUpToItsLastSave() throws {
        var engine = SessionEngine(bank: try ReportFixtures.bank(), id: "x", candidate: "A", interviewer: "B",
                                   startedAt: ReportFixtures.startedAt)
        engine.perform(.next, at: 30)
        let r = SessionReport(try ReportFixtures.roundTrip(engine.snapshot(at: 75)), file: "x.json")
        #expect(r.status == .inProgress)
        #expect(r.questions[1].elapsedSeconds == 45)
        #expect(r.totalSeconds == 75)
    }

    // MARK: - Golden files

    @Test func markdownGolden() throws {
        assertGolden(Scorecard.render([try report()], as: .markdown), named: "report.md")
    }

    @Test func jsonGolden() throws {
        assertGolden(Scorecard.render([try report()], as: .json), named: "report.json")
    }

    @Test func htmlGolden() throws {
        assertGolden(Scorecard.render([try report()], as: .html), named: "report.html")
    }

    // MARK: - Safety of user text

    @Test func noFormatWritesAControlCharacterRaw() throws {
        var file = try ReportFixtures.goldenSession()
        // C1 (CSI), DEL and a bidi override, straight into the copy of a rubric item.
        file.questions[1].rubric[0].text = "Bias \u{9B}31m \u{7F} \u{202E}evil"
        let r = SessionReport(file, file: "x.json")
        for format in Scorecard.Format.allCases {
            let text = Scorecard.render([r], as: format)
            let raw = text.unicodeScalars.filter {
                ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value)
            }
            #expect(raw.isEmpty, "\(format): raw \(raw.map { String($0.value, radix: 16) })")
        }
        #expect(Scorecard.render([r], as: .markdown).contains("^[[31mred^[[0m"))
        #expect(Scorecard.render([r], as: .html).contains("^[[31mred^[[0m"))
        #expect(Scorecard.render([r], as: .json).contains("\\u001b[31mred"))
        #expect(Scorecard.render([r], as: .json).contains("Bias \\u009b31m \\u007f \\u202eevil"))
    }

    @Test func jsonKeepsTheTextAndParsesBack() throws {
        let text = Scorecard.render([try report()], as: .json)
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(object?["format"] as? String == "interview-report")
        #expect(object?["version"] as? Int == 1)
        let sessions = object?["sessions"] as? [[String: Any]]
        let questions = sessions?.first?["questions"] as? [[String: Any]]
        let notes = questions?.first?["notes"] as? [[String: Any]]
        #expect(notes?[2]["text"] as? String == "\u{1B}[31mred\u{1B}[0m and a\ttab")
        #expect(questions?[3]["rating"] is NSNull, "a missing value is null, not absent")
        #expect(sessions?.first?["recommendation"] as? Int == 3)
    }

    @Test func markdownEscapes() {
        #expect(ReportText.markdown("# title") == "\\# title")
        #expect(ReportText.markdown("- item") == "\\- item")
        #expect(ReportText.markdown("+ item") == "\\+ item")
        #expect(ReportText.markdown("> quote") == "\\> quote")
        #expect(ReportText.markdown("12. item") == "12\\. item")
        #expect(ReportText.markdown("3) item") == "3\\) item")
        #expect(ReportText.markdown("a | b", in: .cell) == "a \\| b")
        #expect(ReportText.markdown("a -> b") == "a -> b", "only what would change the meaning")
        #expect(ReportText.markdown("*x* _y_ `z` [l](u) <b> & ~s~ \\") == "\\*x* \\_y_ \\`z` \\[l](u) \\<b> & \\~s~ \\\\")
        #expect(ReportText.markdown("    code") == "\u{A0}\u{A0}\u{A0}\u{A0}code")
        #expect(ReportText.markdown("2027 was fine. 候補者 🚀") == "2027 was fine. 候補者 🚀")
    }

    @Test func markdownTableRowsKeepTheirCells() throws {
        let text = Scorecard.render([try report()], as: .markdown)
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("| ") && $0.contains("Bias") }
        #expect(rows.count == 1)
        for row in rows {
            // Unescaped pipes: the 6 cell borders of a 5-column row.
            var count = 0
            var previous: Character = " "
            for c in row {
                if c == "|", previous != "\\" { count += 1 }
                previous = c
            }
            #expect(count == 6, "\(row)")
        }
    }

    /// Every row of the Markdown questions table has its rating cell filled: the rating,
    /// `not rated` for a question asked and not rated, `not asked`. (Only the golden file
    /// said so, and it has no question asked and left unrated.)
    @Test func markdownRatingCellsAreNeverEmpty() throws {
        let file = try ReportFixtures.simpleSession(id: "r", candidate: "Cells", startedAt: ReportFixtures.startedAt,
                                                    seconds: [200, 100, 60], ratings: [3, nil, 4])
        let text = Scorecard.render([SessionReport(file, file: "r.json")], as: .markdown)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let header = try #require(lines.firstIndex(of: "| # | Question | Rating | Time/budget | Rubric |"))
        let rows = lines[(header + 2)...].prefix { $0.hasPrefix("| ") }
        // The cells between unescaped pipes, trimmed.
        func cells(_ row: Substring) -> [String] {
            var out: [String] = [], cell = "", previous: Character = " "
            for c in row {
                if c == "|", previous != "\\" {
                    out.append(cell.trimmingCharacters(in: .whitespaces))
                    cell = ""
                } else {
                    cell.append(c)
                }
                previous = c
            }
            return Array(out.dropFirst())
        }
        let ratings = rows.map { cells($0)[2] }
        #expect(ratings == ["3 yes", "not rated", "4 strong yes", "not asked"], "\(Array(rows))")
        #expect(text.contains("Rating: **not rated** · Time: 01:40/02:00"))
    }

    @Test func htmlEscapes() {
        #expect(ReportText.html("<a href='x'>\"&\"</a>") == "&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;")
        #expect(ReportText.html("\u{1B}[1m") == "^[[1m")
    }

    // MARK: - HTML, structurally

    @Test func htmlIsOneWellFormedSelfContainedFile() throws {
        let r = try report()
        let html = Scorecard.render([r], as: .html)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\""))
        #expect(!html.lowercased().contains("<script"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;"))
        #expect(html.contains("@media print"))
        let references = html.ranges(of: /https?:\/\/[^"\s<]*/).map { String(html[$0]) }
        #expect(Set(references) == ["http://www.w3.org/1999/xhtml", "http://www.w3.org/2000/svg"], "\(references)")
        #expect(!html.contains(" src="), "no external asset")
        #expect(!html.contains("<link"), "no external stylesheet")

        #if canImport(FoundationXML) || canImport(Darwin)
        let document = try XMLDocument(xmlString: html, options: [])
        #expect(document.rootElement()?.name == "html")
        let svgs = try document.nodes(forXPath: "//*[local-name()='svg']")
        #expect(svgs.count == 1)
        let bars = try document.nodes(forXPath: "//*[local-name()='svg']//*[local-name()='rect'][contains(concat(' ', @class, ' '), ' bar ')]")
        #expect(bars.count == r.questions.count, "one bar per question")
        let over = try document.nodes(forXPath: "//*[local-name()='rect'][contains(concat(' ', @class, ' '), ' over ')]")
        #expect(over.count == 1)
        #expect(over.first?.xmlString.contains("fill=\"url(#over-hatch-1)\"") == true,
                "over budget is hatched, not only coloured")
        let budgets = try document.nodes(forXPath: "//*[local-name()='line'][@class='budget']")
        #expect(budgets.count == r.questions.count)
        let notes = try document.nodes(forXPath: "//*[local-name()='span'][@class='note-text']").map { $0.stringValue ?? "" }
        #expect(notes.contains("<script>alert('x')</script> & \"quotes\""), "the script is text: \(notes)")
        #expect(try document.nodes(forXPath: "//*[local-name()='script']").isEmpty)
        #else
        #expect(Self.isWellFormed(html))
        #endif
    }

    @Test func severalSessionsMakeOneDocument() throws {
        let r = try report()
        var other = r
        other.candidate = "Second"
        let html = Scorecard.render([r, other], as: .html)
        #expect(html.components(separatedBy: "<article").count == 3)
        #expect(html.components(separatedBy: "<html").count == 2)
        #expect(html.contains("id=\"over-hatch-1\"") && html.contains("id=\"over-hatch-2\""))
        #if canImport(FoundationXML) || canImport(Darwin)
        _ = try XMLDocument(xmlString: html, options: [])
        #endif
        let markdown = Scorecard.render([r, other], as: .markdown)
        #expect(markdown.components(separatedBy: "\n# Interview scorecard").count == 2)
        #expect(markdown.contains("\n---\n"))
        let json = try JSONSerialization.jsonObject(with: Data(Scorecard.render([r, other], as: .json).utf8)) as? [String: Any]
        #expect((json?["sessions"] as? [Any])?.count == 2)
    }

    /// Tags balance and attributes are quoted (for platforms without an XML parser).
    static func isWellFormed(_ text: String) -> Bool {
        var stack: [Substring] = []
        var rest = text[...]
        if rest.hasPrefix("<!DOCTYPE html>") { rest = rest.dropFirst("<!DOCTYPE html>".count) }
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { return false }
            let tag = rest[rest.index(after: open)..<close]
            rest = rest[rest.index(after: close)...]
            if tag.hasPrefix("/") {
                guard stack.popLast() == tag.dropFirst() else { return false }
            } else if !tag.hasSuffix("/") {
                stack.append(tag.prefix { !$0.isWhitespace })
            }
        }
        return stack.isEmpty
    }
}

/// A question that took exactly its budget is not over it, in every output that says
/// "over": the JSON's `overBudget`, the Markdown and HTML times, the chart's hatched
/// bars, `stats`' OVER BUDGET column. One second more is.
@Suite struct OnBudgetTests {
    /// Question 1 (budget 3:00) takes 3:00 exactly, question 2 (budget 2:00) 2:01.
    func report() throws -> SessionReport {
        let file = try ReportFixtures.simpleSession(id: "b", candidate: "On Time", startedAt: ReportFixtures.startedAt,
                                                    seconds: [180, 121], ratings: [3, 2])
        return SessionReport(file, file: "b.json")
    }

    @Test func theReportModel() throws {
        let r = try report()
        #expect(r.questions.map(\.elapsedSeconds) == [180, 121, 0, 0])
        #expect(r.questions.map(\.budgetSeconds) == [180, 120, 300, 240])
        #expect(r.questions.map(\.overBudget) == [false, true, false, false])
    }

    @Test func json() throws {
        let text = Scorecard.render([try report()], as: .json)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let sessions = try #require(object["sessions"] as? [[String: Any]])
        let questions = try #require(sessions.first?["questions"] as? [[String: Any]])
        #expect(questions[0]["elapsedSeconds"] as? Int == 180)
        #expect(questions[0]["overBudget"] as? Bool == false)
        #expect(questions[1]["overBudget"] as? Bool == true)
    }

    @Test func markdown() throws {
        let text = Scorecard.render([try report()], as: .markdown)
        let row = try #require(text.split(separator: "\n").first { $0.hasPrefix("| 1 |") })
        #expect(row.contains("| 03:00/03:00 |"), "\(row)")
        #expect(!text.contains("03:00/03:00 +"))
        #expect(text.contains("Rating: **3 yes** · Time: 03:00/03:00\n"))
        #expect(text.contains("| 02:01/02:00 +00:01 over |"))
    }

    @Test func html() throws {
        let html = Scorecard.render([try report()], as: .html)
        #expect(html.contains("<td>03:00/03:00</td>"))
        #expect(html.contains("Time: 03:00/03:00</p>"))
        #expect(!html.contains("03:00/03:00 +"))
        #expect(html.contains("<td><span class=\"over\">02:01/02:00 +00:01 over</span></td>"))
        // The chart: one group per question, its bar and its time hatched and marked only when over.
        let chart = try #require(html.components(separatedBy: "<svg").last?.components(separatedBy: "</svg>").first)
        let groups = chart.components(separatedBy: "<g class=\"question\">").dropFirst().map { $0.components(separatedBy: "</g>")[0] }
        #expect(groups.count == 4)
        let first = String(groups[0]), second = String(groups[1])
        #expect(first.contains("<rect class=\"bar\" "), "\(first)")
        #expect(!first.contains(" over\"") && !first.contains("over-hatch") && !first.contains("+"), "\(first)")
        #expect(second.contains("<rect class=\"bar over\" "))
        #expect(second.contains("fill=\"url(#over-hatch-1)\""))
        #expect(second.contains("<text class=\"value over\""))
    }

    @Test func stats() throws {
        let stats = SessionStats(folder: "f", sessions: [try report()], skipped: [])
        let questions = try #require(stats.banks.first?.questions)
        #expect(questions.map(\.asked) == [1, 1, 0, 0])
        #expect(questions.map(\.overBudget) == [0, 1, 0, 0])
        let lines = stats.render().split(separator: "\n")
        let first = try #require(lines.first { $0.contains("What is overfitting") })
        #expect(first.contains(" 0 (0%) "), "\(first)")
        #expect(first.contains("03:00/03:00"))
        let second = try #require(lines.first { $0.contains("Bias") })
        #expect(second.contains(" 1 (100%) "), "\(second)")
    }
}
