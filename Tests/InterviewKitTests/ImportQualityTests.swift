import Foundation
import Testing
@testable import InterviewCore
@testable import InterviewImport

/// Every fixture that imports, read as a reviewer would: every question found, titles and
/// rubric items free of link marks, markup and page furniture, no item that is a fragment
/// of a sentence. docs/import.md shows the numbers in a table that this suite checks.
@Suite struct ImportQualityTests {
    /// The questions each fixture holds (EXPECTED.md, and the shape fixtures by reading); gap.txt
    /// and no-questions.txt are refused on purpose (ImportTests).
    static let questionCounts: [String: Int] = [
        "collection-bold.md": 104, "collection-numbered.md": 104, "markdown-bold.md": 5,
        "markdown-headings.md": 4, "no-answer.txt": 3, "number-dot.txt": 5, "numbered-headings.md": 18, "paren.txt": 5,
        "paste-no-blanks.txt": 14, "q-colon-inline.txt": 4, "q-dot-web.txt": 5, "question-colon.txt": 4,
        "rubric-points.txt": 6, "shape-answer-marks.md": 9, "shape-bold-emoji.md": 4, "shape-details.md": 5,
        "shape-numbered-hash.md": 3, "shape-q-colon.md": 4, "shape-src-links.md": 4, "shape-topics.md": 4,
    ]

    /// Marks of Markdown, HTML and links that a title or an item must not carry: a link's
    /// or label's brackets (not `items=[]`), a tag (not `a < b`), emphasis (not `COUNT(*)`).
    static let marks = [#"\[[^\]]*\p{L}"#, #"\]\("#, "http", #"<[/!\p{L}]"#, #"\*\p{L}|\p{L}\*|\*\*"#]

    static func mark(in text: String, including extra: [String] = []) -> String? {
        (marks + extra).first { text.range(of: $0, options: .regularExpression) != nil }
    }
    /// Page furniture: sponsors, navigation, sharing.
    static let furniture = ["promo code", "sponsor", "at checkout", "back to top", "©", "share this", "newsletter",
                            "click here", "read more", "subscribe to", "subscribe now"]
    /// Words that join a sentence to the one before or to its own main clause: an item
    /// that starts with one (after "Explain that" or "Mention") is a piece of a sentence.
    static let joining: Set<String> = [
        "and", "but", "or", "so", "which", "where", "whereas", "then", "also", "thus", "hence", "therefore", "however",
        "who", "whose", "than",
    ]
    /// Words that open a clause which needs a main clause after it ("If our model is too simple").
    static let subordinating: Set<String> = ["if", "when", "because", "although", "though", "since", "unless", "while", "once", "until"]
    /// Openings that only point back at the sentence before.
    static let pointingBack = ["in the latter case", "in the later case", "in the former case", "in this case", "in that case",
                               "on the other hand"]
    /// Words a clause cannot end on: a verb waiting for its complement ("it is said"),
    /// unless a question word made the clause ("who the caller is", "how they were called").
    static let unfinished: Set<String> = ["is", "are", "was", "were", "be", "been", "being", "said", "called", "known", "able", "along",
                                          "that", "which", "whose", "if", "because", "its", "their"]
    static let questionWords: Set<String> = ["who", "what", "how", "where", "when", "why", "whether"]

    struct Row: Equatable, CustomStringConvertible {
        var fixture: String
        var questions: Int
        var items: Int
        var needPerson: Int
        var description: String { "| \(fixture) | \(questions) | \(items) | \(needPerson) |" }
    }

    static func row(_ name: String) throws -> (Row, ImportedArticle) {
        let imported = try ImportFixtures.load(name)
        let bank = imported.bank
        return (Row(fixture: name, questions: bank.questions.count, items: bank.questions.map(\.rubric.count).reduce(0, +),
                    needPerson: imported.linesNeedingRubric.count), imported)
    }

    /// What is wrong with an item, or nil: a mark, furniture, a fragment of a sentence.
    static func flaw(ofItem item: String) -> String? {
        let lower = item.lowercased()
        if let mark = mark(in: item, including: ["`"]) { return "carries '\(mark)'" }
        if let found = furniture.first(where: { lower.contains($0) }) { return "is furniture ('\(found)')" }
        var words = lower.split(separator: " ").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ",;:.()\"")) }
        if words.starts(with: ["explain", "that"]) { words.removeFirst(2) } else if words.first == "mention" { words.removeFirst() }
        guard let first = words.first, let last = words.last else { return "is empty" }
        // Said in lower case, or capitalised as the item's first word; `WHERE` is a keyword.
        let itemWords = item.split(separator: " ")
        let written = itemWords[itemWords.count - words.count]
        if joining.contains(first), written != written.uppercased(), written.first?.isLowercase == true || words.count == itemWords.count {
            return "starts with the connective '\(first)'"
        }
        if let back = pointingBack.first(where: { words.joined(separator: " ").hasPrefix($0) }) { return "points back ('\(back)')" }
        // "If X, Y" and "If X then Y" have their main clause; "If our model is too simple" has none.
        if subordinating.contains(first), !item.contains(","), !words.contains("then") { return "is a clause without its main clause" }
        let asked = words.suffix(6).contains { questionWords.contains($0) }
        if RubricChecks.badEnds.contains(last) || (unfinished.contains(last) && !asked) { return "ends mid-clause ('\(last)')" }
        return nil
    }

    /// What is wrong with a title, or nil. Code marks stay in titles as the article wrote
    /// them (EXPECTED.md): the bank shows a prompt as plain text.
    static func flaw(ofTitle title: String) -> String? {
        if let mark = mark(in: title) { return "carries '\(mark)'" }
        if let found = furniture.first(where: { title.lowercased().contains($0) }) { return "is furniture ('\(found)')" }
        return nil
    }

    @Test(arguments: questionCounts.keys.sorted())
    func everyQuestionIsFoundAndItsTextIsClean(fixture: String) throws {
        let (row, imported) = try Self.row(fixture)
        #expect(row.questions == Self.questionCounts[fixture], "\(fixture): questions")
        let bank = imported.bank
        #expect(Self.flaw(ofTitle: bank.title) == nil, "bank title \(bank.title)")
        if let description = bank.description {
            #expect(Self.flaw(ofTitle: description) == nil, "description \(description)")
        }
        for question in bank.questions {
            if let flaw = Self.flaw(ofTitle: question.prompt) { Issue.record("\(fixture): the title '\(question.prompt)' \(flaw)") }
            for item in question.rubric {
                if let flaw = Self.flaw(ofItem: item) { Issue.record("\(fixture): the item '\(item)' \(flaw)") }
            }
        }
    }

    @Test func theFlawsTheCheckFinds() {
        #expect(Self.flaw(ofItem: "Explain that [Answer] Content-based filtering recommends items") != nil)
        #expect(Self.flaw(ofItem: "If our model is too simple") != nil)
        #expect(Self.flaw(ofItem: "In the later case it is said") != nil)
        #expect(Self.flaw(ofItem: "Explain that where μ is the mean") != nil)
        #expect(Self.flaw(ofItem: "Use promo code KUBE10 at checkout") != nil)
        #expect(Self.flaw(ofItem: "When two rules tie, the later one wins") == nil)
        #expect(Self.flaw(ofItem: "Define overfitting") == nil)
        #expect(Self.flaw(ofTitle: "What is gradient descent? [src]") != nil)
        #expect(Self.flaw(ofTitle: "What does the `with` statement do?") == nil)
    }

    /// docs/import.md, "Every fixture, checked": the rows there are these.
    @Test func theTableInTheDocsIsTheFixturesOwn() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../docs/import.md").standardized
        let text = try String(contentsOf: docs, encoding: .utf8)
        let start = try #require(text.range(of: "<!-- ImportQualityTests -->"), "the table's marker in docs/import.md")
        let rows = text[start.upperBound...].split(separator: "\n").drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }.dropFirst(2)
        let expected = try Self.questionCounts.keys.sorted().map { try Self.row($0).0 }
        #expect(rows.map(String.init) == expected.map(\.description), "\(expected.map(\.description).joined(separator: "\n"))")
    }
}
