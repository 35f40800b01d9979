#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore

/// Derives a rubric from the text that says how to evaluate an answer: one short
/// imperative item per thing it asks to look for ("A strong answer will define
/// overfitting, describe its impact, and list remedies" → three items), most important
/// first. When the evaluation text asks for fewer than three things, the answer's main
/// points follow: its lead statement, its points, its other statements. Items are whole
/// phrases (`RubricPhrase`), never generic: a question whose text gives fewer points
/// gets fewer items, and needs a person to write the rest.
/// A person reviews the result: the bank's front matter says so.
enum RubricDeriver {
    static let maximumItems = 6
    static let minimumItems = 3
    static let maximumWords = 12

    /// A rubric, and how it was made: for the summary and `--report`.
    struct Derived: Hashable, Sendable {
        var items: [String] = []
        /// Items shortened at a clause or phrase boundary to fit the word limit.
        var shortened = 0
        /// Items cut at the word limit because no boundary allowed shortening them.
        var cut = 0
        /// Items drawn from the answer rather than the evaluation text.
        var fromAnswer = 0
        var needsPerson: Bool { items.count < RubricDeriver.minimumItems }
    }

    static func items(evaluation: RichText, answer: RichText, prompt: String? = nil) -> [String] {
        derive(evaluation: evaluation, answer: answer, prompt: prompt).items
    }

    /// `prompt`: the question, to tell a short item about its very subject ("Define
    /// overfitting") from a fragment; nil when unknown (short items are then kept).
    static func derive(evaluation: RichText, answer: RichText, prompt: String?) -> Derived {
        var derived = Derived()
        // Without the question, the words are taken as they come (a unit of text, not an article).
        let vocabulary = prompt == nil ? nil : Vocabulary(evaluation, answer)
        let subject = prompt.flatMap(Clause.subject(of:))
        func add(_ candidate: String?, kind: Clause.Kind = .request, fromAnswer: Bool = false) {
            guard let candidate else { return }
            for (item, fit) in finish(candidate, kind: kind, prompt: prompt) {
                guard derived.items.count < maximumItems, !derived.items.contains(where: { similar($0, item) }) else { continue }
                derived.items.append(item)
                if fit == .shortened { derived.shortened += 1 }
                if fit == .cut { derived.cut += 1 }
                if fromAnswer { derived.fromAnswer += 1 }
            }
        }
        for block in evaluation.blocks where !isHeading(block) {
            if case .bullet = block.kind {
                add(Clause.fromPoint(block.plainText))
            } else {
                for sentence in sentences(block.plainText) { Clause.items(from: sentence).forEach { add($0) } }
            }
        }
        if derived.items.count < minimumItems {
            for point in answerPoints(answer) {
                guard let (item, kind) = Clause.answerPoint(point, vocabulary: vocabulary, subject: subject) else { continue }
                add(item, kind: kind, fromAnswer: true)
            }
        }
        return derived
    }

    /// The answer's main points, most important first: its first statement, then its
    /// points (top-level bullets), then its other statements, until there are enough.
    private static func answerPoints(_ answer: RichText) -> [Clause.Point] {
        var lead: [Clause.Point] = []
        var bullets: [Clause.Point] = []
        var rest: [Clause.Point] = []
        for block in answer.blocks.map(RubricProse.readable) where !isHeading(block) {
            switch block.kind {
            case .bullet(let level):
                if level == 0 { bullets.append(.bullet(block)) }
            case .paragraph:
                for sentence in sentences(block.plainText) where sentence.wordCount >= 4 {
                    if lead.isEmpty, bullets.isEmpty, !sentence.hasSuffix(":") {
                        lead.append(.sentence(sentence))
                    } else {
                        rest.append(.sentence(sentence))
                    }
                }
            }
        }
        return lead + bullets + rest
    }

    /// Labels kept above their text (`Green flags`) are not things to look for.
    private static func isHeading(_ block: Block) -> Bool {
        block.kind == .paragraph && block.spans.allSatisfy { $0.style.contains(.strong) }
    }

    /// Sentences of a paragraph; `e.g.`, `i.e.`, `etc.` and `vs.` do not end one.
    static func sentences(_ text: String) -> [String] {
        var sentences: [String] = []
        var current = ""
        let chars = Array(text)
        for (index, c) in chars.enumerated() {
            current.append(c)
            let next = index + 2 < chars.count ? chars[index + 2] : nil
            guard ".?!;".contains(c), index + 1 < chars.count, chars[index + 1] == " " else { continue }
            let lastWord = current.split(separator: " ").last.map { $0.lowercased() } ?? ""
            let abbreviation = ["e.g.", "i.e.", "etc.", "vs.", "(e.g.", "(i.e.", "approx."].contains(lastWord)
            if c == ";" || (!abbreviation && next.map { $0.isUppercase || $0.isNumber || $0 == "\"" || $0 == "“" } == true) {
                sentences.append(current)
                current = ""
            }
        }
        sentences.append(current)
        return sentences.map(\.trimmingSpaces).filter { !$0.isEmpty }
    }

    /// Whole items of at most twelve words, without dangling small words, capitalised,
    /// no final stop: a long point rewritten to its head, split in two, or shortened at a
    /// boundary. Fragments and two-word items that do not name the question's own
    /// subject give nothing.
    static func finish(_ candidate: String, kind: Clause.Kind = .request, prompt: String?) -> [(String, RubricPhrase.Fit)] {
        var words = candidate.split(separator: " ").map(String.init)
        while let last = words.last, !last.contains(where: { $0.isLetter || $0.isNumber }) { words.removeLast() }
        guard !words.isEmpty else { return [] }
        // Code given as an example goes with the example; code the point needs leaves no item (below).
        if words.contains(where: { $0.contains(RubricProse.codeMark) }) { words = RubricPhrase.withoutExamples(words) }
        // A statement ("Explain that X and how Y", "Precision is …") is one point; a list of requests may be two.
        let statement = kind == .fact || (words.count > 1 && RubricPhrase.normalized(words[1]) == "that")
        var parts = [RubricPhrase.rewritten(words, limit: maximumWords, statement: statement, request: kind == .request)]
        if parts[0].count > maximumWords, kind == .request, !statement, let split = RubricPhrase.split(parts[0]) {
            parts = split.enumerated().map { offset, part in
                // "…, along with examples of X" → "Give examples of X".
                if offset > 0, Clause.isNounHead(part.dropFirst().first ?? ""), let item = Clause.fromPoint(part.dropFirst().joined(separator: " ")) {
                    return item.split(separator: " ").map(String.init)
                }
                return RubricPhrase.rewritten(part, limit: maximumWords, statement: false)
            }
        }
        return parts.compactMap { part in
            var (kept, fit) = RubricPhrase.fit(part, limit: maximumWords, statement: statement)
            // A statement too long to shorten whole is left for the reviewer rather than cut.
            if fit == .cut, statement || kind != .request { return nil }
            // A small word that ended a clause cut out of its sentence ("… for each" before
            // "will demonstrate"): taken off. The sentence's own last word ("of each.") stays.
            while let last = kept.last, Clause.dangling.contains(last.lowercased().trimmingCharacters(in: ",;:"))
                    || !last.contains(where: { $0.isLetter || $0.isNumber }) {
                // "a case for each": "each" after a preposition is a pronoun and ends the phrase.
                if last.lowercased().trimmingCharacters(in: ",;:") == "each", kept.count > 2,
                   ["for", "of", "on", "in", "with", "to"].contains(kept[kept.count - 2].lowercased()) { break }
                kept.removeLast()
            }
            var item = kept.joined(separator: " ")
            while let last = item.last, ".,;:".contains(last) { item.removeLast() }
            // A parenthesis left open is closed off rather than left dangling.
            if item.filter({ $0 == "(" }).count > item.filter({ $0 == ")" }).count, let open = item.lastIndex(of: "(") {
                item = String(item[..<open]).trimmingSpaces
                while let last = item.last, ".,;:".contains(last) { item.removeLast() }
            }
            item = Clause.withExamplesOf(item, prompt: prompt)
            guard isWorthTicking(item, prompt: prompt), !Clause.lacksMainClause(item), !item.contains(RubricProse.codeMark) else { return nil }
            // `var is function-scoped`: a name in code keeps its case.
            let capitalised = item.first?.isLowercase == true && !(kind == .fact && !item.hasPrefix("Explain"))
                ? item.prefix(1).uppercased() + item.dropFirst() : item
            return (capitalised, fit)
        }
    }

    /// Three words or more, or a verb and the question's own subject ("Define
    /// overfitting" for "What is overfitting?"); never a verb with nothing to do
    /// ("Mention additionally").
    static func isWorthTicking(_ item: String, prompt: String?) -> Bool {
        let words = item.split(separator: " ").map { RubricPhrase.normalized(String($0)) }
        guard words.count >= 2, RubricPhrase.isWhole(item.split(separator: " ").map(String.init)) else { return false }
        if Clause.isRequest(words[0]), words.dropFirst().allSatisfy({ Clause.isFiller($0) }) { return false }
        if words.count >= 3 { return true }
        guard let prompt else { return true }
        let subject = Set(prompt.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "-" }).map(String.init))
        return Clause.isRequest(words[0]) && subject.contains(words[1])
    }

    static func similar(_ a: String, _ b: String) -> Bool {
        let words = { (s: String) in Set(s.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)) }
        let (x, y) = (words(a), words(b))
        let shared = Double(x.intersection(y).count)
        if shared / Double(max(1, x.union(y).count)) >= 0.7 { return true }
        // One says all the other says, and little more.
        let smaller = min(x.count, y.count)
        return smaller >= 3 && shared / Double(smaller) >= 0.9 && Double(max(x.count, y.count)) <= Double(smaller) * 1.5
    }
}

/// The words a question's text writes in lower case somewhere: a sentence that starts
/// with one of them ("Default values are …") is quoted with it lowered, while names
/// ("Kafka", "JavaScript") keep their capital.
struct Vocabulary: Sendable {
    private var lower: Set<String> = []

    init(_ texts: RichText...) {
        for text in texts {
            for block in text.blocks {
                for word in block.plainText.split(whereSeparator: { !$0.isLetter && $0 != "-" }) where word.first?.isLowercase == true {
                    lower.insert(String(word))
                }
            }
        }
    }

    /// `Browsers` when the text writes `browser`, `Default` when it writes `defaults`.
    func knowsLowercase(_ word: String) -> Bool {
        let word = word.lowercased()
        return lower.contains(word) || lower.contains(word + "s") || (word.hasSuffix("s") && lower.contains(String(word.dropLast())))
    }
}
