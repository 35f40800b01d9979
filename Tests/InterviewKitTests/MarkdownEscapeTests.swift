import Foundation
import Testing
@testable import InterviewCore
@testable import InterviewReports

/// User text in Markdown reports: escaped only where it would change the meaning, so it
/// reads as typed in a terminal or a mail, and checked against GitHub's own renderer
/// (cmark-gfm, from Debian's packages): every text renders as exactly its visible form,
/// with no element of its own.
@Suite struct MarkdownEscapeTests {
    func md(_ text: String, _ context: MarkdownContext = .block) -> String { ReportText.markdown(text, in: context) }

    @Test func plainTextStaysAsTyped() {
        for text in ["a -> b", "->arrow", "a - b", "C# and F#", "snake_case_name", "x__y__z", "2 * 3", "R&D", "AT&T", "& alone",
                     "a < b", "a ` b", "12.5% growth", "2027 was fine.", "1234567890. too long", "-item", "#hashtag",
                     "see [1", "x] y", "^[[31mred^[[0m", "2027 was fine. 候補者 🚀", "C:\\path\\file", "a | b", "=> result", "_", "~"] {
            #expect(md(text) == text, "\(text) → \(md(text))")
        }
        #expect(md("\u{1B}[31mred\u{1B}[0m") == "^[[31mred^[[0m", "a control is a visible mark, no bracket escaped")
    }

    @Test func markupIsEscapedWhereItWouldAct() {
        #expect(md("# title") == "\\# title")
        #expect(md("### three") == "\\### three")
        #expect(md("- item") == "\\- item")
        #expect(md("+ item") == "\\+ item")
        #expect(md("* item") == "\\* item")
        #expect(md("> quote") == "\\> quote")
        #expect(md(">quote") == "\\>quote")
        #expect(md("12. item") == "12\\. item")
        #expect(md("3) item") == "3\\) item")
        #expect(md("---") == "\\---")
        #expect(md("* * *") == "\\* * *")
        #expect(md("```swift") == "\\`\\`\\`swift")
        #expect(md("~~~") == "\\~\\~\\~")
        #expect(md("    code") == "\u{A0}\u{A0}\u{A0}\u{A0}code")
        #expect(md("*x* _y_ `z` [l](u) <b> &amp; ~s~") == "\\*x* \\_y_ \\`z` \\[l](u) \\<b> \\&amp; \\~s~")
        #expect(md("2*3*4") == "2\\*3*4")
        #expect(md("`a` and `b`") == "\\`a\\` and \\`b`")
        #expect(md("trailing \\") == "trailing \\\\")
        #expect(md("\\*not emphasis\\*") == "\\\\\\*not emphasis\\\\*")
        #expect(md("<https://example.com>") == "\\<https://example.com>")
        #expect(md("&#60; &#x3C; &copy;") == "\\&#60; \\&#x3C; \\&copy;")
    }

    @Test func contexts() {
        #expect(md("a | b", .cell) == "a \\| b")
        #expect(md("# not a heading", .cell) == "# not a heading")
        #expect(md("- nor a list", .inline) == "- nor a list")
        #expect(md("1. nor this", .inline) == "1. nor this")
        #expect(md("ends with #", .heading) == "ends with \\#")
        #expect(md("C#", .heading) == "C#")
        #expect(md("#", .heading) == "\\#")
        #expect(md("*x*", .heading) == "\\*x*")
    }

    /// Texts that would be markup if written raw, and the hostile payloads of the reports.
    static let cases: [String] = [
        "# heading", "## h", "###### six", "####### seven", "#hashtag", "- item", "-item", "->arrow", "a -> b", "+ plus",
        "* star", "** not bold", "**bold**", "*em*", "_em_", "__strong__", "snake_case_name", "2 * 3 * 4", "2*3*4", "a*b",
        "~~strike~~", "~one~", "> quote", ">>", "1. one", "1) one", "2027. year", "12.5%", "1234567890. big", "---", "***",
        "___", "- - -", "--", "===", "= equals", "```", "```swift", "~~~", "`code`", "``double``", "a ` b", "`` a ` b ``",
        "[link](http://x)", "[ref]", "![img](http://x/y.png)", "[^1]", "[x] task", "[ ] task", "<b>bold</b>",
        "<script>alert(1)</script>", "</p>", "<!-- c -->", "<?php", "<http://x>", "a < b", "a<b", "&amp;", "&#60;",
        "&#x3C;", "R&D", "AT&T;", "& alone", "\\*", "\\", "C:\\path\\file", "trailing \\", "a | b", "|", "| a |", "\\|",
        "    indented", "  two", "tab\there", "line\nbreak", "**", "*", "_", "__init__", "x_y_z", "a_b*c_d*", "[a]b]c",
        "[[nested]]", "<a href='x'>", "&nbsp;", "&copy;", "👍 emoji *ok*", "候補者 `x`", "*a **b** c*", "`a` and `b`",
        "***x***", "_a_b", "**a*b**", "*(x)*", "a *b*c", "foo*bar*", "\\`x`", "_(x)_", "x__y__z", "**foo bar **",
        "*foo`*`", "[a](b) [c]", "~~a~ b~", "<", "&", "\\\\", "#", "# ", "1.", "-", "+", "1)", "#5 ranked", "`",
    ] + HostileTextReportTests.payloads

    /// The rendered text of `text`, as an HTML text node would hold it: its visible form
    /// (leading spaces as no-break spaces in `.block`), `& < > "` escaped, no trailing spaces.
    static func expectedHTML(_ text: String, _ context: MarkdownContext) -> String {
        var shown = VisibleText.visible(text)
        if context == .block {
            let spaces = shown.prefix { $0 == " " }.count
            shown = String(repeating: "\u{A0}", count: spaces) + shown.dropFirst(spaces)
        }
        while shown.hasSuffix(" ") { shown.removeLast() }
        if context == .cell { shown = shown.trimmingCharacters(in: .whitespaces) }
        return shown.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    @Test(arguments: [MarkdownContext.block, .inline, .cell, .heading])
    func everyCaseRendersAsItsTextInGitHubsRenderer(_ context: MarkdownContext) throws {
        let source: String, expected: String
        let cases = Self.cases
        switch context {
        case .block:
            source = cases.map { "- " + md($0, .block) + "\n" }.joined()
            expected = "<ul>\n" + cases.map { "<li>" + Self.expectedHTML($0, .block) + "</li>\n" }.joined() + "</ul>\n"
        case .inline:
            source = cases.map { "- `00:01` " + md($0, .inline) + "\n" }.joined()
            expected = "<ul>\n" + cases.map { "<li><code>00:01</code> " + Self.expectedHTML($0, .inline) + "</li>\n" }.joined() + "</ul>\n"
        case .cell:
            source = "| # | text |\n|---|---|\n" + cases.enumerated().map { "| \($0.offset) | " + md($0.element, .cell) + " |\n" }.joined()
            expected = "<table>\n<thead>\n<tr>\n<th>#</th>\n<th>text</th>\n</tr>\n</thead>\n<tbody>\n"
                + cases.enumerated().map { "<tr>\n<td>\($0.offset)</td>\n<td>" + Self.expectedHTML($0.element, .cell) + "</td>\n</tr>\n" }.joined()
                + "</tbody>\n</table>\n"
        case .heading:
            source = cases.map { "### 1. " + md($0, .heading) + "\n\n" }.joined()
            expected = cases.map { "<h3>1. " + Self.expectedHTML($0, .heading) + "</h3>\n" }.joined()
        }
        guard let html = try Self.cmarkGFM(source) else { return }
        let got = html.split(separator: "\n", omittingEmptySubsequences: false)
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        for (index, line) in want.enumerated() where index >= got.count || got[index] != line {
            Issue.record("\(context): line \(index + 1): got \(index < got.count ? String(got[index]) : "(end)")\nwant \(line)\nMarkdown:\n\(source.split(separator: "\n").dropFirst(context == .cell ? 2 : 0).dropFirst(max(0, index - 1)).first ?? "")")
            break
        }
        #expect(got.count == want.count)
    }

    /// The reports as a whole, through cmark-gfm: the elements are the report's own, each
    /// user text is text.
    @Test func theScorecardsOwnElementsOnly() throws {
        let reports = [SessionReport(try ReportFixtures.goldenSession(), file: "g.json"),
                       SessionReport(try HostileTextReportTests.hostileSession(), file: "h.json")]
        guard let html = try Self.cmarkGFM(Scorecard.render(reports, as: .markdown)) else { return }
        let tags = Set(html.matches(of: /<\/?([a-z0-9]+)/).map { String($0.output.1) })
        #expect(tags.isSubset(of: ["h1", "h2", "h3", "p", "ul", "li", "table", "thead", "tbody", "tr", "th", "td", "code", "strong",
                                   "input", "hr"]), "\(tags)")
        #expect(!html.contains("<em>") && !html.contains("<a ") && !html.contains("<script"))
        // Each note: its question clock, its time into the interview and the clock time, then the text as text.
        #expect(html.contains("<li><code>00:45</code> (01:35 in, 08:01 UTC) &lt;script&gt;alert('x')&lt;/script&gt; &amp; &quot;quotes&quot;</li>"))
        #expect(html.contains("<li><code>01:30</code> (01:35 in, 08:01 UTC) # not a heading | not a cell *not emphasis* [no](link)</li>"))
    }

    /// `cmark-gfm` with GitHub's extensions (autolinks aside: a bare URL shows its target),
    /// or nil, and a message, where it is not installed (scripts/test installs it).
    static func cmarkGFM(_ markdown: String) throws -> String? {
        guard let cmark = StatsOutputTests.which("cmark-gfm") else {
            print("cmark-gfm is not installed (apt-get install cmark-gfm): Markdown was not checked against GitHub's renderer")
            return nil
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: cmark)
        process.arguments = ["-e", "table", "-e", "strikethrough", "-e", "tagfilter", "-e", "tasklist"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        // cmark-gfm reads all of its input before it writes: write, close, then read.
        input.fileHandleForWriting.write(Data(markdown.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }
}
