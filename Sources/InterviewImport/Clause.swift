#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore

/// Reads what a sentence of evaluation guidance asks of the candidate and says it as
/// imperatives: "A strong answer will clearly define X, and list Y" → "Define X",
/// "List Y". Works on a small closed vocabulary; what it cannot read it leaves out.
enum Clause {
    static func items(from sentence: String) -> [String] {
        // "Look for X and for Y": two things to look for.
        if sentence.folded.hasPrefix("look for "), let and = sentence.firstRange(of: " and for ") {
            return items(from: String(sentence[..<and.lowerBound]) + ".") + items(from: "Look for " + sentence[and.upperBound...])
        }
        let folded = sentence.folded
        // Warnings ("Weak answers …", "Be wary of …") name what not to tick.
        guard !warnings.contains(where: { folded.contains($0) }) else { return [] }
        let all = withoutConnective(sentence.replacing(" not only ", with: " ")
            .replacing(", but also ", with: " and ").replacing(" but also ", with: " and ")
            .split(separator: " ").map(String.init))
        let items = clauseItems(withoutAsides(all))
        // "Mention normalisation (NFC vs NFD)": an aside is kept when the item is nothing without it.
        let text = all.joined(separator: " ")
        return items.map { item in
            guard item.split(separator: " ").count < 3, let last = item.split(separator: " ").last,
                  let at = text.firstRange(of: last + " ("), let close = text[at.upperBound...].firstIndex(of: ")") else { return item }
            let aside = text[at.upperBound..<close]
            guard (1...5).contains(aside.split(separator: " ").count) else { return item }
            return item + " (" + aside + ")"
        }
    }

    /// "Additionally, …", "In practice, …": the sentence without its link to the one before.
    static func withoutConnective(_ words: [String]) -> [String] {
        guard let first = words.first else { return words }
        let lower = first.lowercased()
        if lower.hasSuffix(","), lower.dropLast().hasSuffix("ly") || connectives.contains(String(lower.dropLast())) {
            return Array(words.dropFirst())
        }
        if words.count > 2, words[1].hasSuffix(","), twoWordConnectives.contains(lower + " " + words[1].dropLast().lowercased()) {
            return Array(words.dropFirst(2))
        }
        if words.count > 3, words[2].hasSuffix(","),
           ["on the other hand", "on top of", "in other words", "for this reason", "as a result"].contains(
               ([lower, words[1].lowercased(), String(words[2].dropLast()).lowercased()]).joined(separator: " ")) {
            return Array(words.dropFirst(3))
        }
        return words
    }

    static let connectives: Set<String> = [
        "also", "however", "moreover", "furthermore", "besides", "then", "still", "thus", "hence", "therefore", "overall",
        "finally", "lastly", "first", "second", "third", "next", "meanwhile", "instead", "otherwise", "again", "yet",
        "plus", "so", "likewise", "similarly", "ideally", "importantly",
    ]
    static let twoWordConnectives: Set<String> = [
        "in addition", "in practice", "in short", "in general", "in particular", "in fact", "above all", "of course",
        "most importantly", "more importantly", "in contrast", "by contrast", "in summary", "to summarize",
        "put simply", "simply put", "in turn", "at first", "at scale",
    ]

    static func clauseItems(_ words: [String]) -> [String] {
        switch core(words, words.map(normalized)) {
        case .verb(let index, let cutPredicate)?:
            let clause = Array(words[index...])
            return imperatives(cutPredicate ? cutAtPredicate(clause) : clause)
        case .item(let item)?:
            return [item]
        case .listed(let index)?:
            let object = words[index...].enumerated().map { $0.offset == 0 ? lowercasingFirst($0.element) : $0.element }
            return imperatives(["mention"] + cutAtPredicate(object))
        case nil:
            return []
        }
    }

    /// A point of an evaluation list: "Explains X" → "Explain X"; "Clear definition of X" → "Define X".
    static func fromPoint(_ text: String) -> String? {
        let words = text.split(separator: " ").map(String.init)
        let lower = words.map(normalized)
        if let first = lower.first, baseOf[first] != nil { return imperatives(words).first }
        if let item = nounItem(words, lower, from: 0) { return item }
        // A point that is not a request ("Storing the key atomically") is already a thing to tick.
        return cutQualifiers(words).joined(separator: " ")
    }

    enum Start {
        /// The clause starts with a verb at this word.
        case verb(Int, cutPredicate: Bool)
        /// The sentence named a thing to look for, already said as an item.
        case item(String)
        /// The sentence lists things to hear from this word on.
        case listed(Int)
    }

    static func core(_ words: [String], _ lower: [String]) -> Start? {
        guard !lower.isEmpty else { return nil }
        // "… is shown by discussing the limits" → "Discuss the limits".
        if let by = lower.indices.first(where: { $0 > 0 && lower[$0] == "by" && shownWords.contains(lower[$0 - 1]) }),
           by + 1 < lower.count, baseOf[lower[by + 1]] != nil {
            return .verb(by + 1, cutPredicate: false)
        }
        if lower.starts(with: ["look", "for"]) {
            var i = 2
            while i < lower.count, articles.contains(lower[i]) || qualities.contains(lower[i]) || describers.contains(lower[i]) { i += 1 }
            if i < lower.count, lookedFor.contains(lower[i]) || nounHeads[lower[i]] != nil {
                i += 1
                if i < lower.count, ["that", "who", "which"].contains(lower[i]) { return verbStart(lower, at: i + 1, cut: false) }
            }
            // "Look for the habit of reading events first" → "Show the habit of reading events first".
            return .item(nounItem(words, lower, from: 2) ?? (["Mention"] + cutQualifiers(Array(words[2...]))).joined(separator: " "))
        }
        // "The key points are A, B, and C" → "Mention A", "Mention B", "Mention C".
        if let verb = lower.prefix(5).firstIndex(where: { $0 == "are" || $0 == "include" }), verb >= 2,
           listNouns.contains(lower[verb - 1]), verb + 1 < lower.count {
            return .listed(verb + 1)
        }
        // "Extra credit for preventing X" → "Prevent X".
        if lower.count > 3, ["extra", "bonus"].contains(lower[0]), ["credit", "points"].contains(lower[1]),
           ["for", "if"].contains(lower[2]) {
            return verbStart(lower, at: 3, cut: false)
        }
        if let ability = lower.prefix(5).firstIndex(of: "ability"), ability + 1 < lower.count, lower[ability + 1] == "to" {
            return verbStart(lower, at: ability + 2, cut: true)
        }
        if lower.starts(with: ["mention", "of"]) {
            return .item(cutAtPredicate(["Mention"] + words.dropFirst(2)).joined(separator: " "))
        }
        if lower[0] == "it" || lower[0] == "it's", let to = lower.prefix(8).firstIndex(of: "to") {
            return verbStart(lower, at: to + 1, cut: false)
        }
        // "A strong answer will …", "The candidate should also …", "Candidates who …".
        var i = 0
        while i < lower.count, articles.contains(lower[i]) || qualities.contains(lower[i]) { i += 1 }
        // "An insightful answer will …": a word that describes the answer, whatever it is.
        if i + 1 < lower.count, !subjects.contains(lower[i]), subjects.contains(lower[i + 1]), !pronouns.contains(lower[i]),
           !modals.contains(lower[i]), baseOf[lower[i]] == nil, i <= 1 {
            i += 1
        }
        if i < lower.count, subjects.contains(lower[i]) {
            i += 1
            // "Candidates who know X understand it well": the clause ends where its praise begins.
            if i < lower.count, ["who", "that"].contains(lower[i]) { return verbStart(lower, at: i + 1, cut: true) }
            // "Good answers mention …", "A strong answer names …".
            if let start = verbStart(lower, at: i, cut: false) { return start }
            guard i < lower.count, modals.contains(lower[i]) else { return nil }
            i += 1
            while i < lower.count, ["also", "be", "able", "to"].contains(lower[i]) { i += 1 }
            return verbStart(lower, at: i, cut: false)
        }
        // "Understanding when to use X is crucial" → "Understand when to use X".
        if lower[0].hasSuffix("ing"), baseOf[lower[0]] != nil { return .verb(0, cutPredicate: true) }
        if let item = nounItem(words, lower, from: 0) { return .item(item) }
        if baseOf[lower[0]] == lower[0] { return .verb(0, cutPredicate: false) }
        // "Parameterized queries as the primary defence." names a thing to hear.
        if !pronouns.contains(lower[0]), !lower.contains(where: modals.contains), lower.count <= 30 {
            return .listed(0)
        }
        return nil
    }

    static func verbStart(_ lower: [String], at index: Int, cut: Bool) -> Start? {
        var i = index
        while i < lower.count, adverbs.contains(lower[i]) { i += 1 }
        guard i < lower.count, baseOf[lower[i]] != nil else { return nil }
        return .verb(i, cutPredicate: cut)
    }

    /// "examples of X are valuable" → "Give examples of X"; "a clear explanation of X" → "Explain X".
    static func nounItem(_ words: [String], _ lower: [String], from start: Int) -> String? {
        var i = start
        while i < lower.count, articles.contains(lower[i]) || qualities.contains(lower[i]) || describers.contains(lower[i]) { i += 1 }
        guard i < lower.count, let (verb, keepsHead) = nounHeads[lower[i]] else { return nil }
        var rest = Array(words[(i + 1)...])
        // "explanation of X" → "Explain X", but "awareness of X" → "Show awareness of X".
        if !verb.contains(" "), !keepsHead, let first = rest.first, ["of", "for", "about", "on"].contains(normalized(first)) {
            rest.removeFirst()
        }
        let phrase = cutAtPredicate((keepsHead ? [lowercasingFirst(words[i])] : []) + rest)
        return ([verb] + cutQualifiers(phrase)).joined(separator: " ")
    }

    /// Cuts "X is also valuable" and "X indicates depth" down to X, but keeps "X is wrong".
    /// The predicate is the one nearest its praise: in "examples of situations where each
    /// method would be appropriate are also valuable" it is "are", not "would".
    static func cutAtPredicate(_ words: [String]) -> [String] {
        let lower = words.map(normalized)
        guard let first = lower.indices.dropFirst().first(where: { index in
            predicates.contains(lower[index]) && lower[(index + 1)...].contains { praise.contains($0) }
        }) else { return words }
        var cut = first
        // A later predicate before the praise, with the praise within four words, is the sentence's own.
        for index in lower.indices where index > first && predicates.contains(lower[index]) {
            let praiseAt = lower[(index + 1)...].firstIndex { praise.contains($0) }
            // "will demonstrate", "can further demonstrate": one predicate, not two.
            let between = lower[(cut + 1)..<index]
            let newSubject = between.contains { !adverbs.contains($0) && !modals.contains($0) && !predicates.contains($0) && $0 != "not" }
            if let praiseAt, praiseAt - index <= 4, newSubject, !between.contains(where: { praise.contains($0) }) {
                cut = index
            }
        }
        return Array(words[..<cut])
    }

    /// Parenthesised asides go: "(it is fast, so guessing is cheap)".
    static func withoutAsides(_ words: [String]) -> [String] {
        var depth = 0
        return words.filter { word in
            let opens = word.filter { $0 == "(" }.count
            let closes = word.filter { $0 == ")" }.count
            // `COUNT(column)` opens and closes within the word: it stays.
            defer { depth = max(0, depth + opens - closes) }
            return depth == 0 && (opens == closes || !word.hasPrefix("("))
        }
    }

    /// Asides that make an item long without naming another thing to hear.
    static func cutQualifiers(_ words: [String]) -> [String] {
        let text = words.joined(separator: " ")
        var end = text.endIndex
        for marker in [", possibly", ", ideally", ", such as", ", including", ", e.g.", " (", ", i.e.", " — ", " – ",
                       ", which", ", as ", ", indicating", ", especially", ", for example", " rather than", ", preferably",
                       ": ", ", not ", " without being"] {
            if let range = text.firstRange(ofIgnoringCase: marker), range.lowerBound < end { end = range.lowerBound }
        }
        return text[..<end].split(separator: " ").map(String.init)
    }

    /// One imperative per verb of a coordination: "define X, describe Y, and list Z".
    static func imperatives(_ clause: [String]) -> [String] {
        let words = cutQualifiers(clause)
        var parts: [[String]] = []
        var current: [String] = []
        for (index, word) in words.enumerated() {
            let lowered = normalized(word)
            let previous = index > 0 ? words[index - 1] : ""
            let joins = previous.hasSuffix(",") || ((normalized(previous) == "and" || normalized(previous) == "or") && current.count >= 3)
            // "for both training and testing", "training and testing": one thing, not a second request.
            let beforeAnd = index > 1 ? normalized(words[index - 2]) : ""
            let pairedBoth = lowered.hasSuffix("ing") && current.map(normalized).contains("both")
                && !current.dropLast().map(normalized).contains("and")
            let gerunds = !previous.hasSuffix(",") && lowered.hasSuffix("ing") && beforeAnd.hasSuffix("ing")
            if !current.isEmpty, joins, !pairedBoth, !gerunds, let base = baseOf[lowered],
               lowered != base || previous.hasSuffix(",") || !ambiguousVerbs.contains(base) {
                parts.append(current)
                current = []
            }
            current.append(word)
        }
        parts.append(current)
        return parts.flatMap { part -> [String] in
            var part = part
            while let last = part.last, ["and", "or"].contains(normalized(last)) { part.removeLast() }
            while let first = part.first, adverbs.contains(normalized(first)) { part.removeFirst() }
            guard let verb = part.first.map(normalized), let base = baseOf[verb] else {
                return [(["mention"] + part).joined(separator: " ")]
            }
            let object = Array(part.dropFirst())
            // "include A, B, and C" → one item each, when each is a phrase of its own.
            if listingVerbs.contains(base), let pieces = listed(object) {
                return pieces.map { ([base] + $0).joined(separator: " ") }
            }
            return [([base] + object).joined(separator: " ")]
        }
    }

    static func listed(_ object: [String]) -> [[String]]? {
        let text = object.joined(separator: " ")
        guard text.contains(", "), !["such as", " like ", "including", "e.g."].contains(where: { text.contains($0) }) else { return nil }
        let pieces = text.components(separatedBy: ", ").map { piece in
            piece.split(separator: " ").map(String.init).drop(while: { ["and", "or"].contains($0) })
        }.map(Array.init)
        return pieces.count >= 2 && pieces.allSatisfy({ $0.count >= 3 }) ? pieces : nil
    }

    static func normalized(_ word: String) -> String {
        word.lowercased().replacing("’", with: "'").trimming { ",;:.!?()\"“”".contains($0) }
    }
}
