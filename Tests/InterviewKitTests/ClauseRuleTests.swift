import Testing
@testable import InterviewImport

/// The clause rules by family, each on the examples it was made for (docs/import.md,
/// "The derived rubric"): what guidance asks for (Clause.swift), what an answer states
/// (ClauseStatements.swift), and the words they read by (ClauseWords.swift).
@Suite struct ClauseRuleTests {
    /// The lead-in and the aside go; each verb of the coordination is one request (the
    /// rubric capitalises them and trims their commas: RubricPhrase).
    @Test func guidanceIsSaidAsImperatives() {
        #expect(Clause.items(from: "A comprehensive response will define overfitting, describe its impact, and list multiple strategies to prevent it, ideally with examples.")
                == ["define overfitting,", "describe its impact,", "list multiple strategies to prevent it"])
        #expect(Clause.fromPoint("Explains the trade-off between bias and variance") == "explain the trade-off between bias and variance")
    }

    @Test func anAnswersStatementsAreSaidAsTheArticleStatesThem() {
        let fact = Clause.statement("Precision is the share of predicted positives that are truly positive.", vocabulary: nil)
        #expect(fact?.0 == "Precision is the share of predicted positives that are truly positive")
        #expect(Clause.statement("For example, a spam filter.", vocabulary: nil) == nil, "an example gives no item")
        let instruction = Clause.statement("Overwrite a whole partition instead of appending rows.", vocabulary: nil)
        #expect(instruction?.0 == "Overwrite a whole partition instead of appending rows")
    }

    @Test func theWordsTheRulesReadBy() {
        #expect(Clause.subject(of: "Describe the bias-variance tradeoff in machine learning.") == "the bias-variance tradeoff")
        #expect(Clause.withExamplesOf("Give examples", prompt: "What is the bias-variance tradeoff?") == "Give examples of the bias-variance tradeoff")
        #expect(Clause.withExamplesOf("Give examples", prompt: nil) == "Illustrate the answer with examples")
        #expect(Clause.isRequest("define") && !Clause.isRequest("table"))
        #expect(Clause.isFiller("additionally"))
    }
}
