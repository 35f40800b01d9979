import Testing
@testable import InterviewCore

/// What makes a rubric item worth ticking, checked over every imported fixture: a
/// whole phrase, specific to its question, not said twice, not filler.
enum RubricChecks {
    /// Articles, prepositions and conjunctions: an item ending on one was cut mid-phrase.
    static let badEnds: Set<String> = [
        "a", "an", "the", "and", "or", "but", "nor", "so", "of", "to", "in", "for", "with", "by", "on", "at", "from",
        "into", "about", "between", "as", "than", "via", "per", "like", "through", "over", "under", "within", "without",
        "across", "during", "after", "before", "upon", "toward", "towards", "among", "against", "onto", "beyond",
    ]

    /// Items that would fit any question: never derived unless the source asks for them.
    static let filler = [
        "answer the question that was asked", "give a concrete example", "explain the reasoning behind the answer",
        "mention additionally", "give examples", "explain the answer", "be specific", "show understanding",
    ]

    static func words(_ text: String) -> [String] {
        // `valid_to` is one word, a name in code.
        text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber && !"-_'’".contains($0) }).map(String.init)
    }

    static func alike(_ a: String, _ b: String) -> Bool {
        let (x, y) = (Set(words(a)), Set(words(b)))
        return Double(x.intersection(y).count) / Double(max(1, x.union(y).count)) >= 0.7
    }

    static func expectWorthTicking(_ question: Question, sourceLocation: SourceLocation = #_sourceLocation) {
        let promptWords = Set(words(question.prompt))
        for item in question.rubric {
            let itemWords = words(item)
            #expect(!badEnds.contains(itemWords.last ?? ""), "ends mid-phrase: \(item)", sourceLocation: sourceLocation)
            // Two words only when they name the question's own subject: "Define overfitting" for "What is overfitting?".
            #expect(itemWords.count >= 3 || (itemWords.count == 2 && promptWords.contains(itemWords[1])),
                    "a fragment: \(item) (\(question.prompt))", sourceLocation: sourceLocation)
            #expect(!filler.contains(item.lowercased()), "filler: \(item)", sourceLocation: sourceLocation)
            #expect(item.filter({ $0 == "(" }).count == item.filter({ $0 == ")" }).count, "a parenthesis left open: \(item)",
                    sourceLocation: sourceLocation)
        }
        for (index, item) in question.rubric.enumerated() {
            for other in question.rubric[(index + 1)...] {
                #expect(!alike(item, other), "said twice: \(item) / \(other)", sourceLocation: sourceLocation)
            }
        }
    }
}
