#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore

/// Makes a long rubric point short enough to tick without cutting it inside a phrase:
/// first its lead is rewritten to its head ("Demonstrate a clear understanding of X" →
/// "Explain X"), then two points joined by "and" become two items, and only then is it
/// shortened, at a clause boundary (a comma, "which", "and how") or before a phrase
/// that only adds detail ("for both training and testing"), never leaving "between X"
/// without its "and Y" or an item that ends on "the", "of" or "and".
enum RubricPhrase {
    enum Fit: Hashable, Sendable {
        /// It fitted as it was, or once rewritten to its head.
        case whole
        /// Shortened at a clause or phrase boundary.
        case shortened
        /// No boundary to shorten at: cut at the limit (the rubric's reviewer should look).
        case cut
    }

    /// Rewrites that keep the point and drop its lead, tried in order while it is too long.
    /// `statement`: a fact of the answer ("The central limit theorem says that …");
    /// `request`: what the evaluation asks for ("Demonstrate an understanding of …").
    static func rewritten(_ words: [String], limit: Int, statement: Bool = false, request: Bool = true) -> [String] {
        var words = words
        let rewrites = statement ? [dropReporting, dropNamedExamples, dropCommaAside]
            : request ? [rewriteUnderstanding, rewriteNounRequest, dropBoth, rewriteAbility, dropNamedExamples, dropCommaAside]
            : [dropNamedExamples, dropCommaAside]
        for rewrite in rewrites where words.count > limit {
            words = rewrite(words)
        }
        return words
    }

    /// Names given as examples and asides between commas taken out, whatever the length:
    /// "A condition such as `COUNT(*) > 10` therefore belongs in HAVING" keeps no code.
    static func withoutExamples(_ words: [String]) -> [String] {
        dropCommaAside(dropNamedExamples(words))
    }

    /// "Demonstrate (a clear) understanding of X" → "Explain X".
    private static func rewriteUnderstanding(_ words: [String]) -> [String] {
        let lower = words.map(normalized)
        guard let verb = lower.first, ["demonstrate", "show", "display", "have", "exhibit", "convey", "possess"].contains(verb) else { return words }
        var i = 1
        while i < lower.count, ["a", "an", "the", "their", "clear", "deep", "deeper", "solid", "strong", "good", "thorough",
                                 "practical", "firm", "basic", "comprehensive", "nuanced", "real"].contains(lower[i]) { i += 1 }
        guard i + 1 < lower.count, ["understanding", "grasp", "comprehension", "knowledge", "appreciation"].contains(lower[i]),
              ["of", "about"].contains(lower[i + 1]), i + 2 < lower.count else { return words }
        return ["Explain"] + words[(i + 2)...]
    }

    /// "The central limit theorem says that the mean … is …" → "The mean … is …": what is said, not who says it.
    private static func dropReporting(_ words: [String]) -> [String] {
        let lower = words.map(normalized)
        guard let that = lower.prefix(7).firstIndex(of: "that"), that >= 2, that + 4 < lower.count,
              ["says", "states", "means", "shows", "tells", "claims", "implies", "guarantees", "assumes"].contains(lower[that - 1]) else { return words }
        var rest = Array(words[(that + 1)...])
        rest[0] = rest[0].prefix(1).uppercased() + rest[0].dropFirst()
        return rest
    }

    /// "Include descriptions of X" → "Describe X"; "Provide examples of X" stays.
    private static func rewriteNounRequest(_ words: [String]) -> [String] {
        let lower = words.map(normalized)
        guard let verb = lower.first, ["include", "provide", "give", "offer", "contain", "add", "present"].contains(verb) else { return words }
        var i = 1
        while i < lower.count, ["a", "an", "the", "clear", "detailed", "brief", "thorough", "some"].contains(lower[i]) { i += 1 }
        let heads = ["description": "Describe", "descriptions": "Describe", "explanation": "Explain", "explanations": "Explain",
                     "discussion": "Discuss", "discussions": "Discuss", "details": "Describe", "comparison": "Compare",
                     "definition": "Define", "definitions": "Define", "justification": "Justify"]
        guard i + 1 < lower.count, let head = heads[lower[i]], ["of", "on", "about"].contains(lower[i + 1]), i + 2 < lower.count else { return words }
        return [head] + words[(i + 2)...]
    }

    /// "Explain both X and Y" → "Explain X and Y".
    private static func dropBoth(_ words: [String]) -> [String] {
        let lower = words.map(normalized)
        guard let both = lower.firstIndex(of: "both"), both > 0, lower[(both + 1)...].prefix(5).contains("and") else { return words }
        return Array(words[..<both] + words[(both + 1)...])
    }

    /// "a model’s ability to learn from data" → "learning from data".
    private static func rewriteAbility(_ words: [String]) -> [String] {
        var out: [String] = []
        var i = 0
        let lower = words.map(normalized)
        while i < words.count {
            if i + 2 < words.count, lower[i] == "ability", lower[i + 1] == "to", lower[i + 2].allSatisfy(\.isLetter) {
                while let last = out.last, ["a", "an", "the", "its", "their", "his", "her"].contains(normalized(last))
                        || last.hasSuffix("’s") || last.hasSuffix("'s") {
                    out.removeLast()
                }
                out.append(gerund(words[i + 2]))
                i += 3
                continue
            }
            out.append(words[i])
            i += 1
        }
        return out
    }

    /// "Row formats such as Avro or CSV suit …" → "Row formats suit …": names given as
    /// examples in the middle of a statement.
    private static func dropNamedExamples(_ words: [String]) -> [String] {
        let lower = words.map(normalized)
        guard let start = lower.indices.first(where: { index in
            index > 1 && (lower[index] == "like" || (lower[index] == "such" && index + 1 < lower.count && lower[index + 1] == "as"))
        }) else { return words }
        var end = start + (lower[start] == "such" ? 2 : 1)
        var names = 0
        while end < words.count {
            let word = words[end]
            let plain = normalized(word)
            if ["or", "and"].contains(plain) { end += 1; continue }
            // Names and the symbols between them (`COUNT(*) > 10`), up to the next word in lower case.
            let letters = word.filter(\.isLetter)
            guard letters.isEmpty || letters.contains(where: \.isUppercase) else { break }
            names += 1
            end += 1
            if word.hasSuffix(".") || word.hasSuffix(";") { break }
        }
        guard names > 0, !["or", "and"].contains(lower[end - 1]) else { return words }
        // "such as TF-IDF weights": the names qualify a noun that follows; nothing to drop.
        if end < words.count, !words[end - 1].hasSuffix(","), !words[end - 1].hasSuffix("."), lower[end].hasSuffix("s"),
           !Clause.hasFiniteVerb(["x", lower[end]]) || lower[end].hasSuffix("ss") {
            return words
        }
        var kept = Array(words[..<start])
        if let last = kept.last, last.hasSuffix(",") { kept[kept.count - 1] = String(last.dropLast()) }
        return kept + words[end...]
    }

    /// "Restarting the process, or truncating the file, frees the space" → "Restarting
    /// the process frees the space": an alternative or example set off by commas.
    private static func dropCommaAside(_ words: [String]) -> [String] {
        let lower = words.map(normalized)
        for start in words.indices.dropFirst(2) where words[start - 1].hasSuffix(",") {
            let opening = lower[start]
            let second = start + 1 < lower.count ? lower[start + 1] : ""
            guard ["or", "which", "e.g", "i.e", "including", "especially"].contains(opening)
                    || (opening == "for" && ["example", "instance"].contains(second)) || (opening == "such" && second == "as") else { continue }
            guard let close = words.indices.first(where: { $0 > start && words[$0].hasSuffix(",") }), close + 1 < words.count,
                  // "…, for example with a password, a passkey or a token": the list goes on, no clause resumes.
                  !["a", "an", "the", "or", "and", "some", "any"].contains(lower[close + 1]) else { continue }
            var kept = Array(words[..<start])
            kept[kept.count - 1] = String(kept[kept.count - 1].dropLast())
            return kept + words[(close + 1)...]
        }
        return words
    }

    static func gerund(_ verb: String) -> String {
        let lower = verb.lowercased()
        if lower.hasSuffix("ie") { return String(verb.dropLast(2)) + "ying" }
        if lower.hasSuffix("e"), !lower.hasSuffix("ee"), lower.count > 2 { return String(verb.dropLast()) + "ing" }
        return verb + "ing"
    }

    /// Two points joined by a top-level "and" ("how to choose X and the trade-offs
    /// between A and B"), each of three words or more: the verb is said for each.
    static func split(_ words: [String]) -> [[String]]? {
        let lower = words.map(normalized)
        guard words.count > 3 else { return nil }
        var pending = 0
        for index in 1..<(words.count - 1) {
            let word = lower[index]
            if ["between", "both", "either"].contains(word) { pending += 1 }
            let joins = word == "and" || (word == "with" && lower[index - 1] == "along") || (word == "as" && index + 2 < lower.count
                && lower[index + 1] == "well" && lower[index + 2] == "as")
            guard joins else { continue }
            if word == "and", pending > 0 {
                pending -= 1
                continue
            }
            let rightStart = word == "as" ? index + 3 : index + 1
            let leftEnd = word == "with" ? index - 1 : index
            let left = Array(words[..<leftEnd])
            let right = Array(words[rightStart...])
            guard left.count >= 3, right.count >= 3, let first = right.first.map(normalized) else { continue }
            let opensPoint = ["the", "its", "their", "a", "an", "how", "why", "what", "when", "whether", "which", "where"].contains(first)
                || word != "and"
            guard opensPoint else { continue }
            var leftWords = left
            if let last = leftWords.last, last.hasSuffix(",") { leftWords[leftWords.count - 1] = String(last.dropLast()) }
            return [leftWords, [words[0]] + right]
        }
        return nil
    }

    /// The longest whole phrase of at most `limit` words, preferring clause boundaries.
    /// `statement`: the kept words must keep the statement's verb, and that of a clause
    /// it reports ("says that the mean" is not whole).
    static func fit(_ words: [String], limit: Int, statement: Bool = false) -> ([String], Fit) {
        guard words.count > limit else { return (words, .whole) }
        var best: (score: Int, strength: Int, length: Int)?
        // Not so short that most of the point is lost ("Explain that in ELT").
        let shortest = max(3, min(6, words.count / 2))
        let prefixed = words.count > 2 && normalized(words[1]) == "that"
        for length in stride(from: min(limit, words.count - 1), through: 3, by: -1) {
            let strength = boundary(words, at: length)
            // Shorter than that only at a colon or a semicolon: "RANK() leaves gaps after ties: …".
            guard length >= shortest || (strength == 4 && length >= 4) else { continue }
            guard strength > 0, isWhole(Array(words[..<length]), dropped: Array(words[length...])) else { continue }
            if statement || prefixed {
                let kept = words[(prefixed ? 1 : 0)..<length].map(normalized)
                if !Clause.hasMainVerb(kept) { continue }
                // "… says that the mean": the reported clause needs its verb too.
                if let that = kept.dropFirst().lastIndex(of: "that"), !Clause.hasFiniteVerb(Array(kept[that...])) { continue }
            }
            let score = length + 3 * strength
            if best == nil || score > best!.score || (score == best!.score && strength > best!.strength) {
                best = (score, strength, length)
            }
        }
        if let best {
            var kept = Array(words[..<best.length])
            if let last = kept.last, last.hasSuffix(",") || last.hasSuffix(";") || last.hasSuffix(":") {
                kept[kept.count - 1] = String(last.dropLast())
            }
            return (kept, .shortened)
        }
        var kept = Array(words.prefix(limit))
        while let last = kept.last, Clause.dangling.contains(normalized(last)) { kept.removeLast() }
        return (kept, .cut)
    }

    /// How good a place to end the item is before `words[index]`: 3 a clause boundary,
    /// 2 before a phrase of detail, 1 before "of" or an infinitive, 0 inside a phrase.
    private static func boundary(_ words: [String], at index: Int) -> Int {
        let previous = words[index - 1]
        let next = normalized(words[index])
        let after = index + 1 < words.count ? normalized(words[index + 1]) : ""
        // A comma inside "like A, B, or C" is not a clause's end.
        let enumerating = words[max(0, index - 5)..<index].contains { ["like", "such", "including", "e.g", "namely"].contains(normalized($0)) }
        if previous.hasSuffix(":") || previous.hasSuffix(";") { return 4 }
        // After "X: …", a comma is inside the clause that explains X.
        let explained = words[..<(index - 1)].contains { $0.hasSuffix(":") || $0.hasSuffix(";") }
        if previous.hasSuffix(",") || ["—", "–", "-"].contains(next) { return enumerating ? 0 : explained ? 1 : 3 }
        if ["which", "while", "whereas", "because", "since", "although", "though", "unless", "so", "but", "whether",
            "where", "when", "if", "once", "until", "instead", "rather", "especially", "particularly", "ideally", "possibly",
            "including", "e.g", "i.e"].contains(next) { return 3 }
        if ["and", "or"].contains(next), ["how", "why", "what", "when", "where", "whether", "which"].contains(after) { return 3 }
        let rest = words[index...].prefix(3).map(normalized).joined(separator: " ")
        if idioms.contains(where: { rest.hasPrefix($0) }) { return 0 }
        if prepositions.contains(next) { return 2 }
        if next == "to" { return ["the", "a", "an", "its", "their", "each", "every", "all", "any"].contains(after) ? 2 : 1 }
        if next == "of" || next == "that" || next == "and" || next == "or" { return 1 }
        return 0
    }

    private static let clauseOpeners: Set<String> = [
        "and", "or", "but", "when", "if", "because", "while", "which", "that", "where", "so", "although", "since",
        "unless", "whereas", "until", "once",
    ]

    /// Phrases that change what the words before them mean: never cut off.
    private static let idioms = [
        "at a time", "at once", "by one", "by default", "at all", "in advance", "on demand", "in parallel", "in memory",
        "in place", "at rest", "in transit", "in order", "at least", "at most", "by hand", "in production", "on disk",
        "by step", "by side", "by name", "in time", "on time",
    ]

    private static let prepositions: Set<String> = [
        "for", "with", "in", "on", "from", "by", "through", "across", "into", "over", "under", "within", "without", "via",
        "using", "based", "like", "such", "at", "against", "per", "during", "after", "before", "toward", "towards",
        "among", "beyond", "upon", "throughout", "as", "inside", "outside", "behind", "around", "except", "besides",
    ]

    /// A phrase that reads whole: it does not end on a small word, its parentheses and
    /// quotes close, and, when words were dropped after it, "between", "both", "either"
    /// and "from … to" did not lose their pair to them.
    static func isWhole(_ kept: [String], dropped: [String] = []) -> Bool {
        guard let last = kept.last.map(normalized), !endsBadly(last), last.contains(where: { $0.isLetter || $0.isNumber }),
              dropped.isEmpty || (!Clause.dangling.contains(last) && !endWords.contains(last)) else { return false }
        let text = kept.joined(separator: " ")
        if text.filter({ $0 == "(" }).count != text.filter({ $0 == ")" }).count { return false }
        if text.filter({ $0 == "“" }).count != text.filter({ $0 == "”" }).count { return false }
        if text.filter({ $0 == "\"" }).count % 2 == 1 { return false }
        let lower = kept.map(normalized)
        let next = dropped.prefix(8).map(normalized)
        // The dropped words up to the next clause of their own ("… key | when partitions cannot …").
        let sameClause = Array(next.prefix(while: { !clauseOpeners.contains($0) }))
        for (opener, closer) in [("between", "and"), ("both", "and"), ("either", "or"), ("neither", "nor")] {
            if let open = lower.lastIndex(of: opener), !lower[(open + 1)...].contains(closer), next.contains(closer) { return false }
        }
        // "… of each technique and situations" when "where they would be most effective" follows, "or a volume"
        // when "that cannot attach" does.
        if let first = next.first, ["where", "when", "that", "which", "who", "whose"].contains(first),
           lower.suffix(3).dropLast().contains(where: { ["and", "or"].contains($0) }) {
            return false
        }
        // "with a known," before "fixed shape": a noun phrase cut before its noun.
        if let end = kept.last, end.hasSuffix(","), kept.count >= 2, ["a", "an", "the", "its", "their"].contains(lower[lower.count - 2]),
           let first = next.first, !prepositions.contains(first), !clauseOpeners.contains(first), !["a", "an", "the", "of", "to"].contains(first) {
            return false
        }
        // "…, for example with a password" when ", a passkey or a token" follows.
        if lower.suffix(6).joined(separator: " ").contains("for example") || lower.suffix(6).joined(separator: " ").contains("for instance") {
            return false
        }
        // "and the rest" when "of the data is large" follows: a clause cut before its verb. After a comma the
        // clause is over; a clause that "which", "when" or "because" opened needs its verb whatever follows.
        let endsClause = kept.last.map { $0.hasSuffix(",") || $0.hasSuffix(";") || $0.hasSuffix(":") } ?? false
        if !dropped.isEmpty,
           let opener = lower.indices.dropFirst().last(where: { clauseOpeners.contains(lower[$0]) }), opener + 1 < lower.count {
            let clause = Array(lower[opener...])
            if !Clause.hasFiniteVerb(clause) {
                // "when its mean," before "variance and autocorrelation do not change".
                if !["and", "or", "but", "so"].contains(lower[opener]) { return false }
                if !endsClause, Clause.hasFiniteVerb(clause + sameClause.prefix(4)) { return false }
            }
        }
        // "baselines such as the value" before "from the same weekday": an example cut short.
        if let example = lower.indices.last(where: { ["like", "including"].contains(lower[$0])
                || (lower[$0] == "such" && $0 + 1 < lower.count && lower[$0 + 1] == "as") }), lower.count - example <= 4,
           let first = next.first, prepositions.contains(first) || first == "of" {
            return false
        }
        // "whose keys are only known" when "at run time" follows, "it is said" when "to overfit" does.
        if !dropped.isEmpty, let last = lower.last, needsComplement.contains(last) { return false }
        // "lasts as long" when "as the tab" follows.
        if lower.count >= 2, lower[lower.count - 2] == "as", next.first == "as" { return false }
        // "from data preparation" when "to model deployment" follows.
        if let from = lower.lastIndex(of: "from"), !lower[(from + 1)...].contains("to"),
           dropped.prefix(4).map(normalized).contains("to") {
            return false
        }
        return true
    }

    /// An article, a preposition, a conjunction or a question word: what no item may end on.
    static func endsBadly(_ word: String) -> Bool {
        ["a", "an", "the", "and", "or", "but", "nor", "so", "of", "to", "in", "for", "with", "by", "on", "at", "from",
         "into", "about", "between", "as", "than", "via", "per", "like", "through", "over", "under", "within", "without",
         "across", "during", "after", "before", "upon", "toward", "towards", "among", "against", "onto", "beyond",
         "its", "their", "your", "our", "how", "why", "what", "when", "which", "whether", "where", "such", "e.g", "i.e",
         "along"].contains(word)
    }

    /// Words that need what follows them: never an item's end when it was cut there.
    private static let needsComplement: Set<String> = ["known", "said", "able", "unable", "supposed", "likely", "unlikely", "meant", "used"]

    /// Words an item must not end on, besides those `Clause.dangling` has.
    private static let endWords: Set<String> = [
        "but", "nor", "so", "than", "via", "per", "like", "such", "over", "under", "through", "across", "within",
        "without", "using", "based", "very", "more", "most", "less", "least", "both", "either", "neither", "not",
        "also", "these", "those", "his", "her", "our", "your", "my", "some", "any", "every", "whether",
        "where", "whose", "it's", "during", "after", "before", "upon", "toward", "towards", "among", "against", "e.g", "i.e",
    ]

    static func normalized(_ word: String) -> String {
        word.lowercased().replacing("’", with: "'").trimming { ",;:.!?()\"“”".contains($0) }
    }
}
