/// Fragments: pieces of a sentence that read as a point but say nothing on their own.
/// A sentence that goes on from a formula or from the sentence before ("where μ is the
/// mean", "In the latter case it is said …"), a clause cut off before its main clause
/// ("If our model is too simple"): an interviewer cannot tick them, so they give no item
/// (the question gets fewer items, and a person writes the rest).
extension Clause {
    /// Words that join a sentence to what came before it: a sentence that starts with one
    /// in lower case ("where μ is the mean …", after a formula) goes on from something else.
    static let joiningWords: Set<String> = [
        "and", "but", "or", "so", "which", "where", "whereas", "then", "thus", "hence", "therefore", "who", "whose",
        "because", "while", "than", "nor",
    ]

    /// Words that open a clause that needs a main clause after it.
    static let subordinators: Set<String> = [
        "if", "when", "because", "although", "though", "since", "unless", "while", "once", "until", "whenever", "whereas",
    ]

    /// Openings that only point back at what the sentence before said.
    static let backReferences = [
        ["in", "the", "latter", "case"], ["in", "the", "later", "case"], ["in", "the", "former", "case"],
        ["in", "this", "case"], ["in", "that", "case"], ["in", "both", "cases"], ["in", "either", "case"],
    ]

    /// Whether a sentence of an answer only goes on from what came before it: it starts
    /// with a joining word in lower case, or with "In the latter case".
    static func continuesAnother(_ words: [String]) -> Bool {
        guard let first = words.first else { return false }
        if first.first?.isLowercase == true, joiningWords.contains(normalized(first)) { return true }
        let lower = words.prefix(4).map(normalized)
        return backReferences.contains { lower.starts(with: $0) }
    }

    /// "Then add calendar features", "On the other hand if …": the sentence without the
    /// word that placed it after another, when what follows stands alone.
    static func withoutSequenceWord(_ words: [String]) -> [String] {
        let lower = words.map(normalized)
        if lower.starts(with: ["on", "the", "other", "hand"]), words.count > 5 {
            return capitalisingFirst(Array(words.dropFirst(4)))
        }
        if let first = lower.first, ["then", "next", "finally", "also"].contains(first), words.count > 3,
           baseOf[lower[1]] == lower[1] || isInstruction(Array(lower.dropFirst())) {
            return capitalisingFirst(Array(words.dropFirst()))
        }
        return words
    }

    /// Whether an item is a subordinate clause without the main clause it leads to:
    /// "If our model is too simple", "When the data is skewed"; "If X, Y" and "If X then
    /// Y" keep theirs.
    static func lacksMainClause(_ item: String) -> Bool {
        var words = item.split(separator: " ").map { normalized(String($0)) }
        if words.starts(with: ["explain", "that"]) { words.removeFirst(2) }
        guard let first = words.first, subordinators.contains(first) else { return false }
        return !item.dropFirst().contains(",") && !words.contains("then")
    }

    private static func capitalisingFirst(_ words: [String]) -> [String] {
        guard let first = words.first, first.first?.isLowercase == true else { return words }
        return [first.prefix(1).uppercased() + first.dropFirst()] + words.dropFirst()
    }
}
