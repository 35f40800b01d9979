import Foundation
import Testing
@testable import InterviewCore
@testable import InterviewImport

/// The shapes of real documents beyond the seed article: Markdown question collections
/// (bold questions among HTML, numbered headings after a table of contents of links), a
/// numbered-heading article, and a paste that lost its blank lines. The fixtures were
/// written for these tests (EXPECTED.md there says what each must become).
@Suite struct ImportShapeTests {
    let common = ArticleImportTests()

    func load(_ name: String, _ options: ImportOptions = ImportOptions()) throws -> ImportedArticle {
        let imported = try ArticleImporter.importArticle(bytes: ImportFixtures.bytes(name), file: name, options: options)
        try common.checkCommonPromises(imported)
        for question in imported.bank.questions {
            #expect(!question.prompt.contains("**") && !question.prompt.hasPrefix("#") && !question.prompt.contains("###"),
                    "a title is plain text: \(question.prompt)")
            let marked = question.prompt.unicodeScalars.contains { $0.isMark }
            #expect(!marked, "no marks: \(question.prompt)")
        }
        return imported
    }

    func text(_ rich: RichText) -> String { rich.plainText }

    @Test func aMarkdownCollectionOfBoldQuestionsAmongHTML() throws {
        let imported = try load("collection-bold.md")
        let bank = imported.bank
        #expect(bank.questions.count == 104)
        #expect(imported.form == "one bold line per question")
        #expect(bank.title == "Data Science Interview Questions", "the emoji after the title is a mark")
        #expect(bank.description?.hasPrefix("Questions we ask in data science interviews") == true)
        #expect(bank.questions.first?.prompt == "What is the difference between a population and a sample?")
        #expect(bank.questions.last?.prompt == "What is a convolutional layer?")
        // A question right under `<br/>` or under the last line of an answer is a question, not part of that answer.
        let prompts = bank.questions.map(\.prompt)
        for folded in ["What is the central limit theorem and why does it matter?", "What is a guardrail metric?",
                       "Why can NOT IN return no rows at all?", "What is a calibrated classifier?"] {
            #expect(prompts.contains(folded), "\(folded)")
        }
        #expect(!bank.questions.contains { text($0.expectedAnswer).contains("What is") && text($0.expectedAnswer).contains("⭐") })
        // `## Topic` sections become tags; their headings are in no answer.
        #expect(bank.questions.first?.tags == ["statistics"])
        #expect(bank.questions.last?.tags == ["deep-learning"])
        #expect(Set(bank.questions.flatMap(\.tags)).count == 12)
        #expect(!bank.questions.contains { text($0.expectedAnswer).contains("Experiments") && $0.tags == ["statistics"] })
        // "Answer here", "TODO", "Coming soon": no answer, named in the summary, an error with --strict.
        #expect(imported.placeholders.count == 13)
        #expect(imported.placeholders.first?.line == 52 && imported.placeholders.first?.text == "Answer here")
        #expect(Set(imported.placeholders.map(\.text)) == ["Answer here", "TODO", "Coming soon"])
        #expect(imported.linesWithoutAnswer == imported.placeholders.map(\.line))
        let confidence = try #require(bank.questions.first { $0.prompt == "What is a confidence interval?" })
        #expect(text(confidence.expectedAnswer) == Question.placeholderAnswer && confidence.rubric.isEmpty)
        #expect(imported.summaryNotes.first?.hasPrefix("13 questions had no answer but a placeholder in the article (lines 52 'Answer here'") == true)
        #expect(imported.summaryNotes.last?.contains("need a rubric written by a person") == true)
        let strict = try #require(try ImportFixtures.failure("collection-bold.md", strict: true))
        #expect(strict.line == 52 && strict.message.contains("only a placeholder for its answer ('Answer here')"), "\(strict)")
        // Tables, formulas, code and images stay in the answer as literal lines; the rubric is drawn from the prose.
        let types = try #require(bank.questions.first { $0.prompt.hasPrefix("What is the difference between type I and type II") })
        #expect(text(types.expectedAnswer).contains("type I | rejecting a true null hypothesis | calling a useless drug effective"))
        #expect(!types.rubric.contains { $0.contains("|") })
        let having = try #require(bank.questions.first { $0.prompt == "What is the difference between WHERE and HAVING?" })
        #expect(having.expectedAnswer.blocks.contains { $0.spans == [Span("HAVING COUNT(*) > 10;", .code)] })
        #expect(!having.rubric.contains { $0.contains("SELECT") })
        let clt = try #require(bank.questions.first { $0.prompt.hasPrefix("What is the central limit theorem") })
        #expect(clt.expectedAnswer.blocks.contains { $0.spans.first?.style == .code && $0.plainText.contains("\\bar{X}") })
        let logistic = try #require(bank.questions.first { $0.prompt == "What is logistic regression?" })
        #expect(text(logistic.expectedAnswer).contains("(image: The sigmoid curve)"))
        // `<details><summary>Answer</summary>` holds an answer like any other.
        let ols = try #require(bank.questions.first { $0.prompt == "What assumptions does ordinary least squares make?" })
        #expect(text(ols.expectedAnswer).hasPrefix("It assumes a linear relationship"))
        #expect(!bank.questions.contains { text($0.expectedAnswer).contains("<br") || text($0.expectedAnswer).contains("</details>") })
        #expect(!text(bank.questions.last!.expectedAnswer).contains("Contributing"), "the README's closing sections are not an answer")
    }

    @Test func difficultyMarksStayWithKeepMarks() throws {
        let kept = try ArticleImporter.importArticle(bytes: ImportFixtures.bytes("collection-bold.md"), file: "c.md",
                                                    options: ImportOptions(keepMarks: true))
        #expect(kept.bank.questions.first?.prompt == "What is the difference between a population and a sample? 👶")
        #expect(kept.bank.questions[3].prompt == "What is a p-value? \u{200D}⭐️")
        #expect(kept.bank.questions[8].prompt == "What does correlation not tell you? 👶")
        let plain = try ImportFixtures.load("collection-bold.md")
        #expect(plain.report.questions[3].marks == "\u{200D}⭐️")
        #expect(plain.bank.questions.map(\.id) == kept.bank.questions.map(\.id), "marks never change an id")
    }

    @Test func aCollectionOfNumberedHeadingsAfterATableOfContentsOfLinks() throws {
        let imported = try load("collection-numbered.md")
        let bank = imported.bank
        #expect(bank.questions.count == 104)
        #expect(imported.form == "numbered like 1.")
        #expect(bank.title == "Backend Developer Interview Questions")
        #expect(bank.questions.first?.prompt == "What happens when you type a URL into a browser and press Enter?")
        #expect(bank.questions.last?.prompt == "What is tail latency amplification?")
        #expect(bank.questions.first?.tags == ["http-and-apis"] && bank.questions.last?.tags == ["performance"])
        // The tables of contents (a table of links, then a numbered list of them) are not 312 questions.
        let report = imported.report
        #expect(report.dropped.contains { $0.reason.hasPrefix("table of contents") && $0.lines.count == 2 * 104 })
        #expect(report.questions.first?.line == 237)
        // "⬆ Back to Top" is in no answer; sub-headings and `<details>` stay inside theirs.
        #expect(report.dropped.first { $0.reason == "navigation links" }?.lines.count == 104)
        #expect(!bank.questions.contains { text($0.expectedAnswer).contains("Back to Top") })
        let idempotent = bank.questions[2]
        #expect(idempotent.whyAsk.isEmpty, "'#### Why it matters' inside an answer is a sub-heading")
        #expect(idempotent.expectedAnswer.blocks.map(\.plainText) == [
            "A method is idempotent when sending the same request twice leaves the server in the same state as sending it once. PUT and DELETE are idempotent; POST is not.",
            "Why it matters",
            "Clients and proxies may retry idempotent requests after a timeout without asking the user.",
        ])
        let secrets = try #require(bank.questions.first { $0.prompt == "How should secrets be handled in an application?" })
        #expect(text(secrets.expectedAnswer).contains("Example\nA leaked key in the Git history"))
        // Code keeps its lines and indentation, as code; the rubric never quotes it.
        let property = try #require(bank.questions.first { $0.prompt == "What is property-based testing?" })
        #expect(property.expectedAnswer.blocks.suffix(3).map(\.plainText) == [
            "@given(lists(integers()))", "def test_sort_is_idempotent(xs):", "\u{00A0}\u{00A0}\u{00A0}\u{00A0}assert sorted(sorted(xs)) == sorted(xs)",
        ])
        #expect(!bank.questions.flatMap(\.rubric).contains { $0.contains("git rebase") || $0.contains("@given") })
        // Irregular indentation of the numbers and of the answers does not matter.
        #expect(report.questions.map(\.number) == Array(1...104))
        #expect(!text(bank.questions.last!.expectedAnswer).contains("Disclaimer"))
    }

    @Test func numberedHeadingsWithLabelsTopicsAndAPageAroundThem() throws {
        let imported = try load("numbered-headings.md")
        let bank = imported.bank
        #expect(bank.questions.count == 18)
        #expect(bank.title == "18 Go Interview Questions for Backend Engineers")
        #expect(bank.description?.hasPrefix("Go is small enough to learn in a week") == true)
        #expect(bank.questions.first?.prompt == "What is the difference between a slice and an array?")
        #expect(bank.questions.last?.prompt == "How do you benchmark a function in Go?")
        #expect(bank.questions.allSatisfy { !$0.howToEvaluate.isEmpty && !$0.expectedAnswer.isEmpty })
        #expect(bank.questions.map { $0.tags.first ?? "" }.filter { $0 == "concurrency" }.count == 7)
        #expect(bank.questions[0].rubric.prefix(2) == ["Explain that slices share their backing array",
                                                      "Describe what append does when the capacity runs out"])
        // "Candidates who use panic for ordinary errors need a follow-up question" is not a thing to tick.
        #expect(!bank.questions[14].rubric.contains { $0.lowercased().contains("panic") })
        #expect(bank.questions[4].rubric.contains("Know that deferred calls can change named return values"))
        let last = text(bank.questions.last!.howToEvaluate)
        #expect(!last.contains("Back to top") && !last.contains("Conclusion") && !last.contains("©"))
    }

    @Test func aPasteWithoutBlankLinesStartingWithNavigationAndEndingWithAFooter() throws {
        let imported = try load("paste-no-blanks.txt")
        let bank = imported.bank
        #expect(bank.questions.count == 14)
        #expect(imported.report.dense)
        #expect(bank.title == "SQL Interview Questions for Data Analysts", "the headline after the navigation")
        #expect(bank.description?.hasPrefix("Analysts spend more of their day in SQL") == true)
        #expect(bank.questions.first?.prompt == "What is the difference between INNER JOIN and LEFT JOIN?")
        #expect(bank.questions.last?.prompt == "What is the difference between UNION and UNION ALL?")
        // Every line is a paragraph: the follow-up of question 1 is not joined to its answer.
        #expect(bank.questions[0].expectedAnswer.blocks.count == 2)
        let last = bank.questions.last!
        #expect(text(last.expectedAnswer).hasSuffix("so use it when duplicates are impossible or wanted."))
        for furniture in ["Bookmark", "Related articles", "Share on", "©", "Python Interview Questions"] {
            #expect(!bank.questions.contains { text($0.expectedAnswer).contains(furniture) || $0.rubric.contains { $0.contains(furniture) } },
                    "\(furniture)")
        }
        let windows = bank.questions[6]
        #expect(windows.expectedAnswer.blocks.filter { $0.kind == .bullet(level: 0) }.count == 3)
    }

    @Test(arguments: [
        // `N. ### Question`, at any indentation, and `N. **Question**`.
        ("Questions\n\n1. ### What is A?\n\n   About A.\n\n  2. ### What is B?\n\n    About B.\n\n    #### Detail\n\n    More on B.\n",
         ["What is A?", "What is B?"]),
        ("Questions\n\n1. **What is A?**\n\nAbout A.\n\n2. **What is B?**\n\nAbout B.\n", ["What is A?", "What is B?"]),
        // `### N. Question` and `**N. Question**`.
        ("# Questions\n\n### 1. What is A?\n\nAbout A.\n\n### 2. What is B?\n\nAbout B.\n", ["What is A?", "What is B?"]),
        ("**1. What is A? 👶**\n\nAbout A.\n\n**2. What is B? 🚀**\n\nAbout B.\n", ["What is A?", "What is B?"]),
        // Bold questions with no blank line before them, marks inside or outside the bold.
        ("**What is A? 👶**\nAbout A.\n**What is B?** \u{200D}⭐️\nAbout B.\n<br/>\n**What is C?**\nAbout C.\n",
         ["What is A?", "What is B?", "What is C?"]),
    ])
    func questionShapes(article: String, prompts: [String]) throws {
        let imported = try ArticleImporter.importArticle(bytes: Array(article.utf8), file: "s.md")
        #expect(imported.bank.questions.map(\.prompt) == prompts)
        #expect(imported.bank.questions.allSatisfy { $0.expectedAnswer.plainText.hasPrefix("About") })
        if prompts.count == 2, article.contains("#### Detail") {
            #expect(imported.bank.questions[1].expectedAnswer.plainText == "About B.\nDetail\nMore on B.", "a sub-heading stays inside")
        }
    }

    @Test func codeAndTablesAreNeverQuestionsOrLabels() throws {
        let article = """
            **What is A?**

            ```python
            # Answer: not a label
            1. not a question
            **What is not a question?**
            ```

            | Answer | Why |
            |---|---|
            | x | y |

            **What is B?**

            About B.
            """
        let imported = try ArticleImporter.importArticle(bytes: Array(article.utf8), file: "c.md")
        #expect(imported.bank.questions.map(\.prompt) == ["What is A?", "What is B?"])
        #expect(imported.bank.questions[0].expectedAnswer.blocks.map(\.plainText) == [
            "# Answer: not a label", "1. not a question", "**What is not a question?**", "Answer | Why", "x | y",
        ])
        #expect(imported.bank.questions[0].rubric.isEmpty, "code and tables give no rubric item")
    }
}
