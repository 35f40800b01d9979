import Foundation
import Testing
@testable import InterviewCore
@testable import InterviewStore
@testable import InterviewImport

/// The fixture articles under Fixtures/Import were written for these tests (EXPECTED.md
/// there says what each must become).
enum ImportFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/Import")

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    static func load(_ name: String, strict: Bool = false) throws -> ImportedArticle {
        try ArticleImporter.importArticle(bytes: bytes(name), file: name, options: ImportOptions(strict: strict))
    }

    static func failure(_ name: String, strict: Bool = false) throws -> InputError? {
        do {
            _ = try load(name, strict: strict)
            return nil
        } catch let error as InputError {
            return error
        }
    }
}

struct ImportedQuestion {
    var prompt: String
    var why: Bool
    var eval: Bool
}

@Suite struct ArticleImportTests {
    /// What every import promises: the written bank parses back to the same bank, each
    /// rubric has at most 6 whole, specific items (`RubricChecks`), and a question with
    /// fewer than 3 is named for a person to finish.
    func checkCommonPromises(_ imported: ImportedArticle) throws {
        let reparsed = try BankParser.parse(bytes: Array(imported.markdown.utf8), file: "written")
        #expect(reparsed.questions == imported.bank.questions)
        #expect(reparsed.description == imported.bank.description)
        #expect(imported.markdown.contains("# The rubric items were derived by a program"), "the front matter asks for a review")
        let needing = Set(imported.linesNeedingRubric)
        for (question, entry) in zip(imported.bank.questions, imported.report.questions) {
            #expect(question.rubric.count <= 6, "\(question.prompt): \(question.rubric)")
            #expect(needing.contains(entry.line) == (question.rubric.count < 3), "\(question.prompt) needs a person: \(question.rubric)")
            for item in question.rubric {
                #expect(item.split(separator: " ").count <= 12, "\(item)")
                #expect(item.first?.isUppercase == true || item.first?.isNumber == true, "\(item)")
                #expect(!item.hasSuffix("."))
            }
            RubricChecks.expectWorthTicking(question)
            #expect(!question.expectedAnswer.isEmpty)
        }
        #expect(imported.report.questions.allSatisfy { $0.cut == 0 }, "no item cut at the word limit")
    }

    func check(_ name: String, title: String, description: String?, questions expected: [ImportedQuestion]) throws -> Bank {
        let imported = try ImportFixtures.load(name)
        try checkCommonPromises(imported)
        let bank = imported.bank
        #expect(bank.title == title)
        if let description {
            #expect(bank.description?.hasPrefix(description) == true, "\(bank.description ?? "nil")")
        } else {
            #expect(bank.description == nil)
        }
        #expect(bank.questions.map(\.prompt) == expected.map(\.prompt))
        for (question, want) in zip(bank.questions, expected) {
            #expect(question.whyAsk.isEmpty == !want.why, "why of \(question.prompt)")
            #expect(question.howToEvaluate.isEmpty == !want.eval, "evaluation of \(question.prompt)")
        }
        #expect(bank.questions.allSatisfy { $0.timeSeconds == 45 * 60 / expected.count }, "45m spread evenly")
        return bank
    }

    func kinds(_ text: RichText) -> [String] {
        text.blocks.map { block in
            switch block.kind {
            case .paragraph: "p"
            case .bullet(let level): level == 0 ? "-" : "--"
            }
        }
    }

    @Test func webCopyNumberedQ1WithFurnitureAndNestedBullets() throws {
        let bank = try check("q-dot-web.txt", title: "5 SQL Interview Questions for Hiring Database Engineers",
                             description: "Almost every backend service keeps its state in a relational database", questions: [
            .init(prompt: "What is the difference between a clustered and a non-clustered index?", why: true, eval: true),
            .init(prompt: "What happens when two transactions update the same row at the same time?", why: true, eval: true),
            .init(prompt: "How do you find out why a particular query is slow?", why: true, eval: true),
            .init(prompt: "How would you return the second-highest salary in each department, and what changes when two employees share the same salary?", why: true, eval: true),
            .init(prompt: "How does NULL behave in comparisons and aggregates?", why: true, eval: true),
        ])
        #expect(kinds(bank.questions[0].expectedAnswer) == ["p", "-", "--", "--", "-", "--", "--", "p"])
        #expect(bank.description?.contains("—") == true, "typography kept")
        #expect(bank.description?.hasSuffix("how to tell a strong response from a weak one.") == true)
        #expect(!bank.description!.contains("SQL Interview Questions"), "the subheading before Q1 is not introduction")
        let lastEvaluation = bank.questions[4].howToEvaluate.plainText
        #expect(lastEvaluation.hasPrefix("Look for the NOT IN trap"), "`Look for` without a colon is text")
        #expect(!lastEvaluation.contains("Conclusion") && !lastEvaluation.contains("Recommended"), "the page's end is dropped")
        #expect(bank.questions[0].rubric.contains("Explain the storage difference"))
    }

    @Test func numberedDotWithTableOfContentsSubListAndNonASCII() throws {
        let bank = try check("number-dot.txt", title: "Python Interview Questions: Text, Generators and the GIL",
                             description: "Python looks easy in an interview until the conversation reaches Unicode", questions: [
            .init(prompt: "Why does len(\"café\") return 4 while len(\"café\".encode(\"utf-8\")) returns 5?", why: true, eval: true),
            .init(prompt: "How does a generator differ from a list comprehension?", why: true, eval: true),
            .init(prompt: "What does the GIL prevent, and what does it not prevent?", why: true, eval: true),
            .init(prompt: "Why is a mutable default argument a bug waiting to happen?", why: true, eval: true),
            .init(prompt: "When would you use a dataclass instead of a plain dictionary?", why: true, eval: true),
        ])
        let first = bank.questions[0].expectedAnswer
        #expect(kinds(first) == ["p", "-", "-", "-"], "bullets broken over two lines are joined")
        for kept in ["→", "東京", "🐍", "é"] { #expect(first.plainText.contains(kept), "\(kept)") }
        #expect(first.blocks[1].plainText.contains("with .decode(), and it raises UnicodeDecodeError when"))
        #expect(bank.questions[0].whyAsk.plainText.contains("Müller") && bank.questions[0].whyAsk.plainText.contains("Núñez"))
        let generator = bank.questions[1].expectedAnswer
        #expect(kinds(generator) == ["p", "-", "-", "-", "p"], "the numbered steps stay in the answer")
        #expect(generator.blocks[3].plainText.hasPrefix("3. When the body returns"))
        #expect(!bank.questions[4].howToEvaluate.plainText.contains("🙂"), "Final thoughts are dropped")
    }

    @Test func questionWordHeadingsWithGreenAndRedFlags() throws {
        let bank = try check("question-colon.txt", title: "Distributed Systems Interview Questions That Go Beyond Buzzwords",
                             description: "Anyone can say “eventual consistency” in an interview.", questions: [
            .init(prompt: "What does the CAP theorem actually say, and where is it misused?", why: true, eval: true),
            .init(prompt: "How would you make a payment API safe to retry?", why: true, eval: true),
            .init(prompt: "Why can’t you rely on wall-clock time to order events across machines?", why: true, eval: true),
            .init(prompt: "What is the difference between at-least-once and exactly-once delivery in a message queue?", why: true, eval: true),
        ])
        let payment = bank.questions[1]
        let evaluation = payment.howToEvaluate.plainText
        let green = try #require(evaluation.range(of: "Storing the key and the side effect atomically"))
        let red = try #require(evaluation.range(of: "Checking for the key and writing the payment in two separate steps"))
        #expect(green.lowerBound < red.lowerBound)
        #expect(evaluation.hasPrefix("Green flags") && evaluation.contains("Red flags"), "the flags keep their names")
        #expect(!payment.expectedAnswer.plainText.contains("Storing the key"))
        #expect(payment.rubric.prefix(2) == ["Store the key and the side effect atomically",
                                             "Ask what happens when two retries arrive at the same moment"])
        #expect(!payment.rubric.contains { $0.contains("Relying") || $0.contains("Checking for the key") }, "red flags are not ticked")
        #expect(kinds(payment.expectedAnswer) == ["p", "-", "-", "-", "p"])
    }

    @Test func parenthesisNumberingAndAQuestionWithOnlyAnAnswer() throws {
        let bank = try check("paren.txt", title: "Kubernetes Interview Questions for Platform Engineers",
                             description: "Kubernetes knowledge is easy to claim and hard to verify.", questions: [
            .init(prompt: "What happens, step by step, when you run kubectl apply on a Deployment manifest?", why: true, eval: true),
            .init(prompt: "Why might a pod stay in the Pending state, and how do you find out?", why: true, eval: true),
            .init(prompt: "What is the difference between a liveness probe and a readiness probe?", why: false, eval: false),
            .init(prompt: "How do resource requests and limits differ, and what happens when a container exceeds its memory limit?", why: true, eval: true),
            .init(prompt: "How would you roll back a Deployment after a bad release?", why: true, eval: true),
        ])
        #expect(kinds(bank.questions[0].expectedAnswer) == ["p", "-", "-", "--", "--", "-", "p"])
        #expect(kinds(bank.questions[1].expectedAnswer) == ["p", "-", "--", "--", "--", "-", "p"], "nesting follows indentation, not the mark")
        #expect(bank.questions[1].expectedAnswer.plainText.contains("Purpose-built node pools"), "`Purpose-built` is not a label")
        #expect(kinds(bank.questions[2].expectedAnswer) == ["p", "-", "-", "--", "p"])
        #expect(try ImportFixtures.failure("paren.txt", strict: true) == nil, "an answer without labels is an answer")
        #expect(Array(bank.questions[3].rubric.prefix(3)) == ["Mention requests for scheduling", "Mention limits for enforcement",
                                                              "Mention the different outcomes for CPU and memory"])
    }

    @Test func markdownHeadingPerQuestion() throws {
        let bank = try check("markdown-headings.md", title: "Frontend Interview Questions: The Browser Fundamentals",
                             description: "These questions cover what happens inside the browser", questions: [
            .init(prompt: "What is the difference between `let`, `const` and `var`?", why: false, eval: false),
            .init(prompt: "What is the event loop?", why: false, eval: false),
            .init(prompt: "How does CORS work?", why: false, eval: true),
            .init(prompt: "What is the difference between `localStorage`, `sessionStorage` and cookies?", why: false, eval: false),
        ])
        let first = bank.questions[0].expectedAnswer
        #expect(first.blocks[0].spans.contains { $0.style == .strong && $0.text == "function-scoped" }, "inline styles kept")
        #expect(first.blocks[0].spans.contains { $0.style == .code && $0.text == "var" })
        let cors = bank.questions[2]
        #expect(cors.howToEvaluate.plainText.hasPrefix("candidates who know"))
        #expect(cors.howToEvaluate.plainText.hasSuffix("needs a follow-up question."))
        #expect(!cors.expectedAnswer.plainText.contains("candidates who know"))
        #expect(kinds(bank.questions[3].expectedAnswer) == ["p", "-", "-", "-", "--", "--", "--", "p"])
        #expect(!bank.questions[3].expectedAnswer.plainText.contains("Conclusion"))
    }

    @Test func markdownBoldNumberedLinesWithInlineAnswers() throws {
        let bank = try check("markdown-bold.md", title: "Data Engineering Interview Questions and Answers",
                             description: "Data engineers sit between the systems that produce data", questions: [
            .init(prompt: "What is the difference between ETL and ELT?", why: false, eval: false),
            .init(prompt: "What makes a pipeline idempotent, and why does it matter?", why: false, eval: false),
            .init(prompt: "What is a slowly changing dimension of type 2?", why: false, eval: false),
            .init(prompt: "How would you choose between a row-oriented and a column-oriented file format?", why: false, eval: false),
            .init(prompt: "How do you handle late-arriving data in a daily batch pipeline?", why: false, eval: false),
        ])
        #expect(bank.questions[0].expectedAnswer.plainText.hasPrefix("In ETL, data is transformed"))
        #expect(kinds(bank.questions[1].expectedAnswer) == ["p", "-", "-", "-"])
        #expect(!bank.questions[4].expectedAnswer.plainText.contains("Wrapping up"))
    }

    @Test func inlineLabelsAfterQColonNumbers() throws {
        let bank = try check("q-colon-inline.txt", title: "Application Security Interview Questions for Software Engineers",
                             description: "Security is not only the security team’s job.", questions: [
            .init(prompt: "What is the difference between authentication and authorization?", why: true, eval: true),
            .init(prompt: "How does SQL injection work, and how do you prevent it?", why: true, eval: true),
            .init(prompt: "How should an application store user passwords?", why: true, eval: true),
            .init(prompt: "What is cross-site request forgery, and how do SameSite cookies help against it?", why: true, eval: true),
        ])
        #expect(bank.questions[0].whyAsk.plainText.hasPrefix("The two words are often used interchangeably"))
        #expect(bank.questions[0].howToEvaluate.plainText.hasPrefix("A clear definition of each term"))
        let injection = bank.questions[1].expectedAnswer
        #expect(kinds(injection) == ["p", "-", "-", "-"], "bullets right under an inline answer belong to it")
        #expect(injection.plainText.contains("' OR '1'='1"))
        #expect(bank.questions[2].rubric.prefix(2) == ["Know why SHA-256 alone is wrong", "Name at least one proper algorithm"])
    }

    @Test func aGapInTheNumberingStopsAtTheLineWhereItBroke() throws {
        let error = try #require(try ImportFixtures.failure("gap.txt"))
        #expect(error.line == 41 && error.column == 1)
        #expect(error.message.contains("expected question 3"), "\(error.message)")
    }

    @Test func anArticleWithoutQuestionsIsAnError() throws {
        let error = try #require(try ImportFixtures.failure("no-questions.txt"))
        #expect(error.message.hasPrefix("no questions found"))
        #expect(error.file == "no-questions.txt")
    }

    @Test func aLabelWithoutAQuestionIsWhereTheReadingLostTrack() throws {
        let text = "Interview questions\n\nWhat is a hash map\n\n  Answer: a table of buckets.\n"
        #expect(throws: InputError(file: "x.txt", line: 5, column: 3, message:
            "no questions found, yet this line labels part of one: expected a question above it, numbered like Q1., Question 1:, 1. or 1), or as a heading or bold line")) {
            try ArticleImporter.importArticle(bytes: Array(text.utf8), file: "x.txt")
        }
    }

    @Test func aQuestionWithoutAnAnswerGetsAPlaceholderOrFailsWhenStrict() throws {
        let imported = try ImportFixtures.load("no-answer.txt")
        try checkCommonPromises(imported)
        #expect(imported.bank.questions.count == 3)
        #expect(imported.linesWithoutAnswer == [24])
        #expect(imported.bank.questions[1].expectedAnswer.plainText == Question.placeholderAnswer)
        #expect(imported.bank.questions[1].whyAsk.plainText.hasPrefix("Load average is on every dashboard"))
        #expect(imported.markdown.contains("# Questions at article lines 24 had no answer"))
        #expect(imported.bank.questions[2].prompt == "A disk is full but du finds far less data than df reports. What could cause it?")
        let strict = try #require(try ImportFixtures.failure("no-answer.txt", strict: true))
        #expect(strict.line == 24 && strict.column == 1)
        #expect(strict.message.contains("no expected answer"))
    }

    @Test func invalidUTF8IsPlacedAtItsLineAndColumn() throws {
        let bytes = Array("Q1. What?\n\nAnswer: ok".utf8) + [0xFF] + Array("\n".utf8)
        #expect(throws: InputError(file: "a.txt", line: 3, column: 11,
                                   message: "invalid UTF-8; expected the file to be saved as UTF-8 text")) {
            try ArticleImporter.importArticle(bytes: bytes, file: "a.txt")
        }
    }

    @Test func windowsLineEndingsAndDurationsAreRead() throws {
        let text = "Title of the questions\r\n\r\nQ1. First?\r\nAnswer: one.\r\n\r\nQ2. Second?\r\nAnswer: two.\r\n\r\nQ3. Third?\r\nAnswer: three.\r\n"
        let imported = try ArticleImporter.importArticle(bytes: Array(text.utf8), file: "crlf.txt",
                                                         options: ImportOptions(durationSeconds: 30 * 60))
        #expect(imported.bank.questions.map(\.prompt) == ["First?", "Second?", "Third?"])
        #expect(imported.bank.questions.map(\.timeSeconds) == [600, 600, 600])
        #expect(imported.bank.questions[2].expectedAnswer.plainText == "three.")
    }

    @Test(arguments: [
        ("Q1. What?", NumberingStyle.qPrefix, 1, "What?"), ("Q12: Why", .qPrefix, 12, "Why"), ("q3) How", .qPrefix, 3, "How"),
        ("Q 4 - Who", .qPrefix, 4, "Who"), ("Question 5: X", .questionWord, 5, "X"), ("Question #6. Y", .questionWord, 6, "Y"),
        ("question 7 – Z", .questionWord, 7, "Z"), ("Question 8", .questionWord, 8, ""), ("9. Nine", .bare, 9, "Nine"),
        ("10) Ten", .bare, 10, "Ten"), ("## Q11. Heading", .qPrefix, 11, "Heading"), ("**Q2.** Bold lead", .qPrefix, 2, "Bold lead"),
        ("### **3. Both**", .bare, 3, "Both"),
    ])
    func numberMarks(line: String, style: NumberingStyle, number: Int, title: String) {
        let mark = NumberMark(ArticleLine(number: 1, raw: line))
        #expect(mark?.style == style)
        #expect(mark?.number == number)
        #expect(mark?.title == title)
    }

    @Test(arguments: ["3.5 million rows", "2019 was a year", "Q3D printing", "1.", "Questions 4 and 5", "  1. indented list"])
    func notNumberMarks(line: String) {
        #expect(NumberMark(ArticleLine(number: 1, raw: line)) == nil)
    }

    @Test func rubricItemsComeFromWhatTheEvaluationAsksFor() {
        let evaluation = RichText([Block(.paragraph, InlineMarkdown.parse(
            "A comprehensive response will define overfitting, describe its impact, and list several remedies, ideally with examples. "
            + "Mention of early stopping indicates depth. Weak answers confuse bias with variance."))])
        #expect(RubricDeriver.items(evaluation: evaluation, answer: RichText()) == [
            "Define overfitting", "Describe its impact", "List several remedies", "Mention early stopping",
        ])
    }

    @Test func aThinEvaluationIsFilledFromTheAnswersPoints() {
        let answer = RichText([
            Block(.bullet(level: 0), [Span("Cross-validation: hold out data.")]),
            Block(.bullet(level: 0), [Span("Regularization: penalise weights.")]),
        ])
        let evaluation = RichText([Block(.paragraph, [Span("Strong candidates explain the trade-off.")])])
        #expect(RubricDeriver.items(evaluation: evaluation, answer: answer) == [
            "Explain the trade-off", "Mention cross-validation", "Mention regularization",
        ])
    }

    /// The article the built-in bank was written from, beside the checkout where the team works;
    /// a clone on its own (CI) does not have it.
    static let seedArticle: String? = {
        let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../shared/seeds").standardized
        let files = (try? FileManager.default.contentsOfDirectory(atPath: seeds.path))?.filter { $0.hasSuffix(".txt") } ?? []
        return files.sorted().first.map { seeds.appendingPathComponent($0).path }
    }()

    @Test(.enabled(if: seedArticle != nil, "the seed article (../shared/seeds) is not beside this checkout"))
    func theSeedArticleImportsToItsFifteenQuestions() throws {
        let file = try #require(Self.seedArticle)
        let imported = try ArticleImporter.importArticle(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: file))), file: file)
        try checkCommonPromises(imported)
        let bank = imported.bank
        #expect(bank.title == "15 Machine Learning Interview Questions for Hiring Machine Learning Engineers")
        #expect(bank.questions.count == 15)
        #expect(bank.questions.first?.prompt == "Explain the difference between supervised and unsupervised learning.")
        #expect(bank.questions.last?.prompt == "Describe the concept of dimensionality reduction and its importance in machine learning.")
        #expect(bank.questions.map(\.prompt).contains("What techniques can be used to handle imbalanced datasets?"))
        #expect(bank.questions.allSatisfy { !$0.whyAsk.isEmpty && !$0.howToEvaluate.isEmpty })
        #expect(bank.questions.allSatisfy { $0.timeSeconds == 180 })
        #expect(bank.questions[1].rubric.prefix(3) == ["Define overfitting", "Describe its impact", "List multiple strategies to prevent it"])
        #expect(!bank.questions[14].howToEvaluate.plainText.contains("Conclusion"))
    }
}

@Suite struct BankWriterTests {
    @Test func theBuiltInBankSurvivesWritingAndReading() throws {
        let bank = try BankLoader.load(BankLoader.defaultBankName)
        let written = BankWriter.markdown(bank, notes: ["a note for reviewers"])
        let again = try BankParser.parse(bytes: Array(written.utf8), file: "again.md")
        #expect(again.questions == bank.questions)
        #expect(again.title == bank.title && again.durationSeconds == bank.durationSeconds)
        #expect(written.hasPrefix("---\n# a note for reviewers\ntitle: "))
    }

    @Test func textThatLooksLikeMarkupStaysText() throws {
        let tricky = Question(
            id: "custom-id", prompt: "Tricky?", timeSeconds: 90, tags: ["a", "b"],
            whyAsk: RichText([Block(.paragraph, [Span("#include <stdio.h>")]), Block(.paragraph, [Span("- not a bullet")])]),
            expectedAnswer: RichText([Block(.bullet(level: 0), [Span("[ ] not a rubric item")]),
                                      Block(.bullet(level: 1), [Span("2 * 3 and snake_case")])]),
            rubric: ["one", "two"])
        let bank = Bank(title: "T", durationSeconds: 90, description: "What it is for.", questions: [tricky], source: "x", hash: "0")
        let again = try BankParser.parse(bytes: Array(BankWriter.markdown(bank).utf8), file: "t.md")
        #expect(again.questions == [tricky])
        #expect(again.description == "What it is for.")
    }
}
