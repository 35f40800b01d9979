import Foundation
import Testing
@testable import InterviewCore
@testable import InterviewImport

/// What `import` once let through: an article's control sequences, raw, into the bank
/// and onto the terminal; questions past 999 folded into the 999th's answer. And the
/// other side of the first: `validate` refuses a bank holding control characters.
@Suite struct ImportEdgeTests {
    /// OSC 0 (a window title), OSC 52 (the clipboard), CSI 2J, a C1 CSI, RLO, DCS, BEL.
    static let payloads = ["\u{1B}]0;owned\u{07}", "\u{1B}]52;c;b3duZWQ=\u{07}", "\u{1B}[2J", "\u{9B}31m", "\u{202E}txt.exe",
                           "\u{1B}P1;2|x\u{1B}\\", "\u{07}"]

    static var article: String {
        var text = "Questions \(payloads[0]) for engineers\n\n"
        for (n, payload) in payloads.enumerated() {
            text += "\(n + 1). What is \(payload) number \(n + 1)?\n\nIt is \(payload) an answer.\tTabbed.\r\n\n"
        }
        return text
    }

    static func isRaw(_ scalar: Unicode.Scalar) -> Bool { VisibleText.isUnsafe(scalar) && scalar != "\n" && scalar != "\t" }

    @Test func anArticlesControlCharactersReachNeitherTheBankNorTheReport() throws {
        let imported = try ArticleImporter.importArticle(bytes: Array(Self.article.utf8), file: "evil\u{1B}[2J.txt")
        #expect(imported.bank.questions.count == Self.payloads.count)
        #expect(!imported.markdown.unicodeScalars.contains(where: Self.isRaw), "\(imported.markdown.debugDescription)")
        #expect(imported.markdown.contains("What is ^[]0;owned^G number 1?"))
        #expect(imported.markdown.contains("<U+202E>txt.exe"))
        #expect(imported.markdown.contains("Tabbed"))
        let check = BankParser.check(bytes: Array(imported.markdown.utf8), file: "bank.md")
        #expect(check.errors.isEmpty && check.controlCharacters.isEmpty, "\(check.errors + check.controlCharacters)")
        let report = imported.report.text + imported.summaryNotes.joined(separator: "\n")
        #expect(!report.unicodeScalars.contains(where: Self.isRaw), "\(report.debugDescription)")
    }

    @Test func aBankWithControlCharactersIsAValidateErrorAtItsPlace() {
        let text = "---\ntitle: T\n---\n## Say it\n### Expected answer\nFine.\tTabbed.\nAn \u{1B}]0;x\u{07} answer.\n### Rubric\n- [ ] ok\u{9B}1m\n"
        let check = BankParser.check(bytes: Array(text.utf8), file: "bank.md")
        #expect(check.errors.isEmpty, "the bank still runs, showing marks")
        #expect(check.controlCharacters.map { "\($0.line):\($0.column)" } == ["7:4", "9:9"])
        #expect(check.controlCharacters.first?.message.contains("(^[)") == true)
        let windows = BankParser.check(bytes: Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8), file: "bank.md")
        #expect(windows.controlCharacters.count == 2, "CRLF line ends are line ends")
        let loneReturn = BankParser.check(bytes: Array("---\ntitle: T\n---\n## A\ra?\n### Expected answer\nB.\n".utf8), file: "b.md")
        #expect(loneReturn.controlCharacters.map { "\($0.line):\($0.column)" } == ["4:5"])
    }

    /// Questions 1 to 1,005: the thousandth and after are questions of their own.
    @Test func anArticleNumberedPast999KeepsCounting() throws {
        let text = "Many questions\n\n" + (1...1_005).map { "\($0). What is thing \($0)?\n\nThing \($0) is a thing.\n" }.joined(separator: "\n")
        let imported = try ArticleImporter.importArticle(bytes: Array(text.utf8), file: "many.txt")
        #expect(imported.bank.questions.count == 1_005)
        #expect(imported.bank.questions[999].prompt == "What is thing 1000?")
        #expect(imported.bank.questions[998].expectedAnswer.plainText == "Thing 999 is a thing.")
    }

    /// A year at the start of a line, after the questions, is not a question number that jumps.
    @Test func aYearAfterTheQuestionsIsNoJump() throws {
        let text = "Questions\n\n1. What is A?\n\nA is a.\n\n2. What is B?\n\nB is b, since\n2019. Then it changed.\n"
        let imported = try ArticleImporter.importArticle(bytes: Array(text.utf8), file: "years.txt")
        #expect(imported.bank.questions.count == 2)
    }
}
