import Foundation
import Testing
@testable import InterviewCore
@testable import InterviewImport

/// Rubric items an interviewer would tick: whole phrases, specific, one per point.
@Suite struct ImportRubricTests {
    func items(_ evaluation: String, answer: String = "", prompt: String = "What is X?") -> [String] {
        let answerText = RichText.parse(answer)
        return RubricDeriver.items(evaluation: RichText([Block(.paragraph, InlineMarkdown.parse(evaluation))]), answer: answerText,
                                   prompt: prompt)
    }

    @Test func aLongPointIsShortenedAtABoundaryNeverInsideAPhrase() {
        #expect(items("Strong responses will detail the process, highlighting the benefits of using all data points for both training and testing.")
            .contains("Highlight the benefits of using all data points for training and testing"))
        #expect(items("A comprehensive response should cover a variety of metrics and methods for different types of machine learning tasks.")
            == ["Cover a variety of metrics and methods"])
        // "from data preparation" keeps its "to model deployment"; "between" keeps its "and".
        #expect(items("Successful candidates will demonstrate a clear understanding of the machine learning process, from data preparation to model deployment.")
            == ["Explain the machine learning process, from data preparation to model deployment"])
        #expect(items("The candidate should demonstrate a clear understanding of the balance between a model’s ability to learn from its training data and its ability to generalize from unseen data.")
            == ["Explain the balance between learning from its training data and generalizing"])
        // A list of names is one phrase: "like PCA, t-SNE, or LDA" is left whole or left out.
        #expect(items("The response should include descriptions of both feature selection and feature extraction techniques, along with examples of when and how to use specific methods like PCA, t-SNE, or LDA.")
            == ["Describe feature selection and feature extraction techniques", "Give examples of when and how to use specific methods"])
    }

    @Test func aPointOfTwoRequestsIsTwoItems() {
        #expect(items("Additionally, mentioning how to choose the regularization parameter and the trade-offs between Lasso and Ridge regularization demonstrates a deeper understanding of the topic.")
            == ["Mention how to choose the regularization parameter", "Mention the trade-offs between Lasso and Ridge regularization"])
        #expect(items("An insightful answer will not only define regularization and describe its purpose but also detail the differences between L1 and L2 regularization.",
                      prompt: "Explain the concept of regularization in machine learning.")
            == ["Define regularization", "Describe its purpose", "Detail the differences between L1 and L2 regularization"])
        #expect(items("Look for the evaluation-time detail and for an example such as closing a file.")
            == ["Mention the evaluation-time detail", "Give an example such as closing a file"])
    }

    @Test func noFillerAndNoFragments() {
        // Nothing to derive: nothing derived, rather than "Answer the question that was asked".
        #expect(items("").isEmpty)
        #expect(items("", answer: "Answer here").isEmpty)
        // "Examples can enrich the response" asks for examples: of the question's subject.
        #expect(items("Examples can enrich the response, demonstrating practical understanding.",
                      prompt: "Describe the bias-variance tradeoff in machine learning.") == ["Give examples of the bias-variance tradeoff"])
        #expect(items("Examples can enrich the response.", prompt: "How do you pick one?") == ["Illustrate the answer with examples"])
        // Two words only when they name the question's subject.
        #expect(items("A strong answer will define overfitting.", prompt: "What is overfitting?") == ["Define overfitting"])
        #expect(items("A strong answer will define it.", prompt: "What is overfitting?").isEmpty)
        #expect(items("Mentioning normalisation (NFC vs NFD) is a plus.") == ["Mention normalisation (NFC vs NFD)"])
    }

    @Test func theAnswerGivesItsMainPointsWhenTheEvaluationIsThin() {
        let answer = """
            Precision is the share of predicted positives that are truly positive. Recall is the share of actual positives that the model finds.

            - Raise the threshold to trade recall for precision.
            - `F1` is their harmonic mean: use it when both matter.

            For example, a spam filter favours precision.
            """
        #expect(items("", answer: answer, prompt: "What is the difference between precision and recall?") == [
            "Precision is the share of predicted positives that are truly positive",
            "Raise the threshold to trade recall for precision",
            "F1 is their harmonic mean: use it when both matter",
            "Recall is the share of actual positives that the model finds",
        ])
        // "It" is the question's subject; a name keeps its capital, a word in code its case.
        #expect(items("", answer: "It measures the spread of values around their mean, in the unit of the data.",
                      prompt: "What does the standard deviation tell you?")
            == ["The standard deviation measures the spread of values around their mean"])
    }

    /// What every question of an article written in the seed's style must get: 3 to 6
    /// points from its evaluation text, none cut, none taken from the answer, none filler.
    func expectEveryItemWhole(_ imported: ImportedArticle, sourceLocation: SourceLocation = #_sourceLocation) {
        let bank = imported.bank
        #expect(bank.questions.allSatisfy { (3...6).contains($0.rubric.count) }, "the evaluation texts give 3 to 6 points each",
                sourceLocation: sourceLocation)
        #expect(imported.linesNeedingRubric.isEmpty, sourceLocation: sourceLocation)
        #expect(imported.report.questions.allSatisfy { $0.cut == 0 && $0.fromAnswer == 0 }, sourceLocation: sourceLocation)
        #expect(!bank.questions.flatMap(\.rubric).contains("Mention additionally"), sourceLocation: sourceLocation)
        for question in bank.questions { RubricChecks.expectWorthTicking(question, sourceLocation: sourceLocation) }
    }

    /// The seed's kinds of point, in an article of this repository (Fixtures/Import/rubric-points.txt).
    @Test func everyItemOfAnArticleInTheSeedsStyleIsWhole() throws {
        let imported = try ImportFixtures.load("rubric-points.txt")
        expectEveryItemWhole(imported)
        let rubrics = imported.bank.questions.map(\.rubric)
        #expect(rubrics.count == 6)
        // A list of things to look for: one item each, and the closing sentence its own.
        #expect(rubrics[0] == ["Contrast the two write paths", "Include details about when each one acknowledges a write",
                               "Include the data each can lose in a crash", "Include examples of systems that use each policy",
                               "Connect the choice to the latency that users see"])
        // A long point shortened at a boundary; "Additionally, mentioning A and B" is two items, no "Mention additionally".
        #expect(rubrics[1] == ["Walk through the reasoning", "Highlight the cost of misses for the users and the backing store",
                               "Mention jitter on expiry times", "Mention the effect of expiry on the hit rate"])
        // "not only A and B but also C": three items.
        #expect(rubrics[2] == ["Define a cache stampede", "Describe its cause", "Detail the ways to prevent it under heavy load",
                               "Mention request coalescing by name"])
        // "from A to B" keeps its "to".
        #expect(rubrics[3].first == "Explain the read path, from the first lookup to the returned value")
        #expect(rubrics[4].prefix(2) == ["Cover a variety of invalidation strategies",
                                         "Cover the races they leave open for different kinds of workloads"])
        // A list of names ("like LRU, LFU, or ARC") is left whole or left out, never cut.
        #expect(rubrics[5] == ["Describe recency-based and frequency-based policies",
                               "Give examples of when and how to use specific policies", "Ask about the access pattern before choosing"])
    }

    /// The article the built-in bank was written from, when it is beside the checkout.
    @Test(.enabled(if: ArticleImportTests.seedArticle != nil, "the seed article (../shared/seeds) is not beside this checkout"))
    func everyItemOfTheSeedArticleIsWhole() throws {
        let file = try #require(ArticleImportTests.seedArticle)
        let imported = try ArticleImporter.importArticle(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: file))), file: file)
        let bank = imported.bank
        expectEveryItemWhole(imported)
        // The cut ones, whole; Q8's first point, there; no fragment.
        #expect(bank.questions[4].rubric.contains("Highlight the benefits of using all data points for training and testing"))
        #expect(bank.questions[7].rubric.prefix(3) == ["Define regularization", "Describe its purpose",
                                                      "Detail the differences between L1 and L2 regularization"])
        #expect(bank.questions[8].rubric.contains("Explain the machine learning process, from data preparation to model deployment"))
        #expect(bank.questions[12].rubric.prefix(3) == ["Cover a variety of metrics and methods",
                                                       "Explain why certain metrics are preferred for specific problems",
                                                       "Explain how they help in assessing the model’s performance"])
        // The items that were whole stay as they were.
        #expect(bank.questions[0].rubric.prefix(4) == ["Distinguish between the two learning types", "Include details about the nature of the data each uses",
                                                      "Include the types of problems each is suited to solve",
                                                      "Include examples of algorithms or methods commonly associated with each"])
        #expect(bank.questions[9].rubric == ["Explain the gradient descent process", "Discuss the importance of gradient descent in training machine learning models",
                                            "Mention its applicability to a wide range of problems", "Show awareness of different variants of gradient descent"])
    }

    @Test(arguments: ["Answer here", "TODO", "todo: explain", "Coming soon", "…", "TBD", "*Answer here*", "Add your answer here (PRs welcome)"])
    func placeholders(text: String) {
        #expect(Furniture.isPlaceholder(InlineMarkdown.parse(text).map(\.text).joined()))
    }

    @Test(arguments: ["None of them.", "Todo lists are a data structure too.", "An answer here would be 42.", "Pending requests wait in a queue."])
    func notPlaceholders(text: String) {
        #expect(!Furniture.isPlaceholder(text))
    }
}

/// `interview import --report`: what was found, so that an author can see why a question was missed.
@Suite struct ImportReportTests {
    @Test func theReportListsQuestionsSectionsFurnitureAndPlaceholders() throws {
        let imported = try ImportFixtures.load("no-answer.txt")
        let text = imported.report.text
        #expect(text.hasPrefix("no-answer.txt: 3 questions, numbered like Q1.\n"))
        #expect(text.contains("title: line 1 \"Linux Interview Questions for Site Reliability Engineers\""))
        #expect(text.contains("  2. line 24: What does the load average shown by uptime actually measure?\n     NO ANSWER; labels 26 question explanation → why ask"))
        #expect(text.contains("labels 12 question explanation → why ask, 16 expected answer → expected answer, 20 evaluating responses → how to evaluate"))
        #expect(text.contains("page chrome: line 6 (\"Share this post\")"))
        #expect(text.contains("before the first question: lines 3–4"))
        #expect(text.contains("need a rubric written by a person (fewer than 3 points in their text): 1, at line 24"))
    }

    @Test func theReportSaysWhyNothingWasImported() throws {
        let report = ArticleImporter.report(bytes: try ImportFixtures.bytes("gap.txt"), file: "gap.txt")
        #expect(report.error?.line == 41)
        #expect(report.text.hasPrefix("gap.txt: nothing imported: gap.txt:41:1: question numbering jumps from 2 to 4"))
        #expect(report.text.contains("forms found: numbered 2,"))
        let list = ArticleImporter.report(bytes: Array("Topics\n\n1. What is A?\n2. What is B?\n".utf8), file: "l.txt")
        #expect(list.notTaken.map(\.line) == [3, 4])
        #expect(list.notTaken.first?.why.hasPrefix("numbered as an item of a list") == true)
    }

    @Test func theReportShowsTopicsMarksPlaceholdersAndTheTableOfContents() throws {
        let report = try ImportFixtures.load("collection-bold.md").report
        let text = report.text
        #expect(text.contains("topics (tags of the questions under them):\n  line 26: Statistics\n"))
        #expect(text.contains("  5. line 52: What is a confidence interval?  [marks \u{200D}⭐️]  [topic Statistics]\n     PLACEHOLDER ANSWER \"Answer here\"; rubric 0, needs a person"))
        #expect(text.contains("placeholder answers (imported as no answer): 13, at lines 52, 104, 137"))
        #expect(text.contains("table of contents (its entries link to what follows): lines 13–24"))
        #expect(text.contains("after the last question (the page's tail): lines 728, 730, 732, 734 (\"Contributing\")"))
    }

    @Test func textFromTheArticleIsShownVisibly() {
        let report = ArticleImporter.report(bytes: Array("**What is \u{1B}[31mA?**\n\nAbout A.\n".utf8), file: "e.md")
        #expect(!report.text.contains("\u{1B}"))
    }
}
