import Foundation
import Testing
@testable import InterviewCore
@testable import InterviewImport

/// The collection shapes read through cmark-gfm: `<details><summary>` questions, numbered
/// headings with source citations, `Q12:`, bold lines with a mark before them, `N. ###`
/// after a table of contents, topic headings. The `shape-*` fixtures were written for
/// these tests, each in the shape of a kind of public collection, with its own questions.
@Suite struct ImportMarkdownTests {
    func prompts(_ imported: ImportedArticle) -> [String] { imported.bank.questions.map(\.prompt) }

    func everyRubricItem(_ imported: ImportedArticle) -> [String] { imported.bank.questions.flatMap(\.rubric) }

    @Test func detailsBlocksAreQuestionsWhateverTheirSummaryHolds() throws {
        let imported = try ImportFixtures.load("shape-details.md")
        // Plain, <b>, <strong> and ** inside the summary, on its line or after <details>.
        #expect(prompts(imported) == [
            "What is an idempotent HTTP method?", "Why would you put a message queue between two services?",
            "How does a connection pool help a web server?", "What does a reverse proxy do?", "What is the N+1 query problem?",
        ])
        try #require(imported.bank.questions.count == 5)
        // The steps numbered inside an answer stay in it.
        let queue = imported.bank.questions[1]
        #expect(queue.expectedAnswer.plainText.contains("Acknowledge the producer"))
        // The sponsor's line is furniture, not the description; "Questions" is no topic.
        #expect(imported.bank.description == "A short collection of questions about web backends, each answer folded under its question.")
        #expect(imported.bank.questions.allSatisfy { $0.tags.isEmpty })
        #expect(imported.report.dropped.contains { $0.reason == "page chrome" && $0.lines == [5] })
        // Link text, not its brackets; no image or code in a rubric item.
        let pool = imported.bank.questions[2]
        #expect(pool.expectedAnswer.plainText.contains("See the pool guide for sizes"))
        #expect(!everyRubricItem(imported).contains { $0.contains("](") || $0.contains("`") || $0.contains("proxy.png") })
    }

    @Test func sourceCitationsComeOffNumberedHeadings() throws {
        let imported = try ImportFixtures.load("shape-src-links.md")
        #expect(prompts(imported) == [
            "What is a learning rate?", "What is early stopping?",
            "Why do we split data into training and test sets?", "What does a confusion matrix show?",
        ])
        #expect(!everyRubricItem(imported).contains { $0.contains("[src]") || $0.contains("src") })
    }

    @Test func qColonQuestions() throws {
        let imported = try ImportFixtures.load("shape-q-colon.md")
        #expect(imported.form.hasPrefix("numbered like Q1"))
        #expect(prompts(imported).count == 4 && prompts(imported).last == "Why does DNS use caching?")
    }

    @Test func aMarkBeforeABoldQuestionKeepsItAQuestion() throws {
        let imported = try ImportFixtures.load("shape-bold-emoji.md")
        #expect(prompts(imported) == [
            "What is a list comprehension?", "What does the `with` statement do?",
            "What is the global interpreter lock?", "How are default arguments evaluated?",
        ])
        try #require(imported.report.questions.count == 4)
        #expect(imported.report.questions[2].marks == "🔥")
        #expect(!imported.bank.questions[1].expectedAnswer.plainText.contains("global interpreter lock"))
    }

    @Test func numberedHeadingsAfterATableOfContents() throws {
        let imported = try ImportFixtures.load("shape-numbered-hash.md")
        #expect(prompts(imported) == ["What is a pod?", "What does a deployment add to a replica set?", "What is a service?"])
        try #require(imported.bank.questions.count == 3)
        #expect(imported.bank.questions.allSatisfy { $0.tags.isEmpty }, "## Questions names no topic")
        #expect(!imported.bank.questions.last!.expectedAnswer.plainText.contains("promo code"))
        #expect(imported.report.dropped.contains { $0.reason.hasPrefix("table of contents") && $0.lines == [5, 6, 7] })
    }

    @Test func topicHeadingsAreTags() throws {
        let imported = try ImportFixtures.load("shape-topics.md")
        #expect(imported.bank.questions.map(\.tags) == [["html"], ["html"], ["css"], ["css"]])
    }

    @Test func aPromotionIsChromeHoweverLong() {
        let line = ArticleLine(number: 1, raw: "This list is supported by our sponsors. Use promo code KUBE10 at checkout for ten percent off.")
        #expect(Furniture.isChrome(line))
        #expect(!Furniture.isChrome(ArticleLine(number: 1, raw: "A code review catches bugs before they ship and spreads knowledge of the code.")))
        #expect(Furniture.isGenericHeading("Questions") && Furniture.isGenericHeading("Interview Questions:"))
        #expect(!Furniture.isGenericHeading("Linear regression"))
    }

    @Test func theParserDecidesWhatIsCode() {
        let text = "Title\n=====\n\n1. **What is X?**\n\n   ```\n   # not a heading\n   1. not a question\n   ```\n\n| a | b |\n|---|---|\n| 1 | 2 |"
        let raws = text.components(separatedBy: "\n")
        let lines = MarkdownArticle.read(raws)
        #expect(lines[0].headingLevel == 1 && lines[0].text == "Title", "a setext heading")
        #expect(lines[1].role == .markup)
        #expect(lines[5].role == .fence && lines[6].role == .code && lines[7].role == .code && lines[8].role == .fence)
        #expect(lines[10].role == .table && lines[11].role == .table && lines[12].role == .table)
    }

    @Test func markdownIsToldByNameOrByItsOwnMarks() {
        #expect(MarkdownArticle.isMarkdown(file: "a.md", lines: []))
        #expect(!MarkdownArticle.isMarkdown(file: "a.txt", lines: ["# Heading"]))
        #expect(MarkdownArticle.isMarkdown(file: "stdin", lines: ["intro", "<details>"]))
        #expect(!MarkdownArticle.isMarkdown(file: "stdin", lines: ["Q1. What is X?", "It is Y."]))
    }

    @Test func theReportGroupsTheLinesNotTakenByReason() throws {
        let report = try ImportFixtures.load("shape-details.md").report
        let groups = report.notTakenByReason
        #expect(groups.count == 1 && groups[0].lines.map(\.line) == [23, 24, 25])
        #expect(groups[0].lines.allSatisfy { $0.insideQuestionAt == 19 })
        #expect(report.text.contains("numbered, but this article's questions are marked one bold line per question: 3 (lines 23–25)"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(report.json.utf8)) as? [String: Any])
        #expect(json["format"] as? String == "interview-import-report")
        let notTaken = try #require(json["notTaken"] as? [[String: Any]])
        #expect(notTaken.first?["count"] as? Int == 3 && notTaken.first?["ranges"] as? String == "23–25")
    }

    @Test func aManyLinedReasonIsCountedNotListed() {
        let steps = (1...8).map { "\($0). Step number \($0) of the release." }.joined(separator: "\n")
        let article = "**How do you ship a release?**\n\nIn eight steps:\n\n\(steps)\n\n**Why tag a release?**\n\nTo find its code again.\n"
        let text = ArticleImporter.report(bytes: Array(article.utf8), file: "steps.md").text
        #expect(text.contains("not read as questions: 8 lines that looked like questions"))
        #expect(text.contains("numbered, but this article's questions are marked one bold line per question: 8 (lines 5–12)"))
        #expect(!text.contains("line 6:"), "8 lines of one reason are a range, not 8 lines")
    }

    @Test func aBigCollectionGetsPlansAndSplitsByTopic() throws {
        let imported = try ImportFixtures.load("collection-bold.md")
        let advice = try #require(imported.bigCollectionAdvice(bankName: "bank.md"))
        #expect(advice.hasPrefix("104 questions do not fit 45m at 2m or more each: ask 22 of them (interview run bank.md --questions 1-22)"))
        #expect(advice.contains("--tags statistics") && advice.contains("--split-by-topic DIR"))
        let banks = imported.splitByTopic()
        #expect(banks.count == 12 && banks.first?.file == "statistics.md")
        var total = 0
        for part in banks {
            let bank = try BankParser.parse(bytes: Array(part.markdown.utf8), file: part.file)
            #expect(bank.totalBudgetSeconds <= bank.durationSeconds)
            total += bank.questions.count
        }
        #expect(total == 104)
        #expect(try ImportFixtures.load("shape-topics.md").bigCollectionAdvice(bankName: "b.md") == nil, "4 questions fit 45m")
    }
}
