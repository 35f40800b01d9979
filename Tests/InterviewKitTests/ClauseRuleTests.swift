import Testing
@testable import InterviewCore
@testable import InterviewImport

/// The clause rules by family, each on the examples it was made for (docs/import.md,
/// "The derived rubric"): what guidance asks for (Clause.swift), what an answer states
/// (ClauseStatements.swift), pieces of sentences that are no point (ClauseFragments.swift),
/// the words they read by (ClauseWords.swift), and an answer's text as the rubric reads it
/// (RubricProse.swift).
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

    /// The fragments of issue 31, in the shape collections wrote them: none is an item.
    @Test func aPieceOfASentenceIsNoPoint() {
        let prompt = "What is the bias-variance trade-off?"
        func items(_ answer: String) -> [String] {
            RubricDeriver.items(evaluation: RichText(), answer: RichText.parse(answer), prompt: prompt)
        }
        #expect(items("If our model is too simple and has very few parameters then it may have high bias and low variance.").isEmpty)
        #expect(items("In the latter case it is said to overfit the training data, because it learns the noise as well as the signal.").isEmpty)
        #expect(items("where μ is the mean and σ the standard deviation of the feature in the training data.").isEmpty)
        #expect(items("When the data is skewed or has outliers.").isEmpty)
        #expect(Clause.continuesAnother(["where", "μ", "is", "the", "mean"]) && Clause.continuesAnother(["In", "this", "case", "it", "fails"]))
        #expect(!Clause.continuesAnother(["WHERE", "filters", "rows", "before", "grouping"]), "a keyword is no connective")
        #expect(Clause.lacksMainClause("If our model is too simple") && !Clause.lacksMainClause("When two rules tie, the later one wins"))
        #expect(Clause.withoutSequenceWord(["Then", "add", "calendar", "features"]) == ["Add", "calendar", "features"])
        #expect(Clause.withoutSequenceWord(["On", "the", "other", "hand", "a", "deep", "tree", "overfits"]) == ["A", "deep", "tree", "overfits"])
    }

    @Test func anAnswersLabelAndCodeAreNotItsPoints() {
        let labelled = RubricProse.readable(Block(.paragraph, [Span("[Answer]", .strong), Span(" Content-based filtering uses features.")]))
        #expect(labelled.plainText.trimmingSpaces == "Content-based filtering uses features.")
        #expect(RubricProse.isName("git revert") && RubricProse.isName("F1") && !RubricProse.isName("PCA(n_components=2)"))
        let answer = RichText([
            Block(.paragraph, [Span("Call "), Span("sklearn.decomposition.PCA(n_components=2)", .code), Span(" to keep two of the components.")]),
            Block(.paragraph, [Span("A condition on an aggregate such as "), Span("COUNT(*) > 10", .code), Span(" therefore belongs in HAVING.")]),
        ])
        #expect(RubricDeriver.items(evaluation: RichText(), answer: answer, prompt: "What is HAVING?")
                == ["A condition on an aggregate therefore belongs in HAVING"])
    }
}
