#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore

/// Answer points and statements: what a point or a sentence of an answer says, as an
/// item to hear ("Mention cross-validation", "Precision is the share of …").
extension Clause {
    /// A main point of an answer: a bullet, or a statement of its prose.
    enum Point {
        case bullet(Block)
        case sentence(String)
    }

    /// What an item says, which decides how it may be shortened.
    enum Kind: Hashable, Sendable {
        /// Something the evaluation text asks for: "Define X, describe Y" may be two items.
        case request
        /// Something the answer tells one to do ("Overwrite the partition"), or a name to hear.
        case instruction
        /// Something the answer states ("Precision is the share of …"): it keeps its verb.
        case fact
    }

    /// A point of the answer, as something to hear: "Cross-validation: using …" →
    /// "Mention cross-validation" (with what it is when the name alone is short); an
    /// instruction stays one ("Overwrite the whole partition"); a statement →
    /// "Explain that …". Examples, notes and lead-ins to a list give nothing.
    static func answerPoint(_ point: Point, vocabulary: Vocabulary?, subject: String? = nil) -> (String, Kind)? {
        switch point {
        case .sentence(let sentence):
            return statement(sentence, vocabulary: vocabulary, subject: subject)
        case .bullet(let block):
            var text = block.plainText.trimmingSpaces
            if let space = text.firstIndex(of: " "), ArticleText.bullet(text) != nil, text.first?.isNumber == true || text[..<space].count == 2 {
                text = String(text[text.index(after: space)...])  // "1. Calling …", "a) Calling …"
            }
            if let (term, description) = termSplit(block) {
                // "Look at the access paths: …" says what to do, not a name.
                if isInstruction(term.split(separator: " ").map { normalized(String($0)) }), term.wordCount >= 3 { return (term, .instruction) }
                let item = "Mention " + lowercasingFirst(term, vocabulary: vocabulary)
                guard item.split(separator: " ").count < 3, vocabulary != nil, !description.isEmpty else { return (item, .instruction) }
                return (item + ": " + lowercasingFirst(description, vocabulary: vocabulary), .instruction)
            }
            return statement(text, vocabulary: vocabulary, subject: subject)
        }
    }

    /// "**Term**: what it is" or "Term: what it is", the colon outside code and the
    /// name short: the name and its description.
    static func termSplit(_ block: Block) -> (String, String)? {
        var before = ""
        for span in block.spans {
            if !span.style.contains(.code), let colon = span.text.firstIndex(of: ":") {
                before += span.text[..<colon]
                let after = span.text[span.text.index(after: colon)...]
                guard after.isEmpty || after.first == " " else { return nil }
                var term = before.trimmingSpaces
                if let space = term.firstIndex(of: " "), ArticleText.bullet(term) != nil { term = String(term[term.index(after: space)...]) }
                // A name ("Cross-validation"), not a statement ("F1 is their harmonic mean").
                // Two words are a name ("Volume problems"); more may be a statement ("PACELC extends it").
                let termWords = term.split(separator: " ").map { normalized(String($0)) }
                guard !term.isEmpty, term.wordCount <= 6, !term.contains(". "), !termWords.contains(where: { finiteVerbs.contains($0) }),
                      termWords.count <= 2 || !hasFiniteVerb(termWords) else { return nil }
                let whole = block.plainText
                let rest = whole[whole.index(whole.startIndex, offsetBy: min(whole.count, before.count + 1))...]
                let description = RubricDeriver.sentences(String(rest)).first ?? ""
                return (term, description.trimmingSpaces)
            }
            before += span.text
            if before.count > 80 { return nil }
        }
        return nil
    }

    /// A statement of the answer as a thing to hear, or nil when it is not one: an
    /// instruction as it stands, a fact as the answer states it ("Precision is the share
    /// of …", "It …" said of the question's subject), one that starts in lower case (a
    /// name in code, `var is …`) after "Explain that".
    static func statement(_ sentence: String, vocabulary: Vocabulary?, subject: String? = nil) -> (String, Kind)? {
        var words = withoutSequenceWord(withoutConnective(sentence.split(separator: " ").map(String.init)))
        guard words.count >= 4, let last = words.last, !last.hasSuffix(":"), !last.hasSuffix("?"), !continuesAnother(words) else { return nil }
        let lower = words.map(normalized)
        let opening = lower.prefix(2).joined(separator: " ")
        guard !["for example", "for instance", "as an", "here is", "here's a", "see the", "see also"].contains(opening),
              !["e.g", "example", "examples", "note", "see", "source", "image", "figure", "eg"].contains(lower[0]),
              !sentence.hasPrefix("(") else { return nil }
        if let end = words.last, end.hasSuffix(".") || end.hasSuffix("!") { words[words.count - 1] = String(end.dropLast()) }
        words = withoutLongIntroduction(words)
        if isInstruction(lower) { return (words.joined(separator: " "), .instruction) }
        let plainWords = words.map(normalized)
        // "Generate a short key per URL, …": no verb of its own after the first word, so the first word is one.
        if !hasMainVerb(plainWords), !articles.contains(plainWords[0]), !pronouns.contains(plainWords[0]),
           words.first?.first?.isUppercase == true, !plainWords[0].hasSuffix("ing"), !plainWords[0].hasSuffix("s") {
            return (words.joined(separator: " "), .instruction)
        }
        // "A short summary line, a blank line and a body …": things to hear.
        if !hasMainVerb(plainWords), words.count >= 6, articles.contains(plainWords[0]) {
            return ("Mention " + lowercasingFirst(words.joined(separator: " "), vocabulary: vocabulary), .instruction)
        }
        if let first = words.first?.first, first.isLowercase || !(first.isLetter || first.isNumber) {
            return ("Explain that " + words.joined(separator: " "), .fact)
        }
        // "It measures …" of "What does the standard deviation tell you?": "The standard deviation measures …".
        if let subject, ["it", "this"].contains(normalized(words[0])), !words[0].hasSuffix(","), words.count > 2 {
            words[0] = subject.prefix(1).uppercased() + subject.dropFirst()
        }
        if !hasFiniteVerb(words.map(normalized)), words.count < 6, vocabulary != nil {
            return ("Mention " + lowercasingFirst(words.joined(separator: " "), vocabulary: vocabulary), .instruction)
        }
        return (words.joined(separator: " "), .fact)
    }

    /// "For requests that are not simple, for example a PUT, the browser first sends …" →
    /// "the browser first sends …": a long sentence's opening phrase of four words or
    /// more, and the example after it, give way to its main clause. "In ETL, …" stays.
    static func withoutLongIntroduction(_ words: [String]) -> [String] {
        guard words.count > 10, let first = words.first.map(normalized),
              ["for", "in", "with", "when", "if", "after", "before", "once", "because", "although", "while", "since", "unless",
               "without", "by", "on", "at", "during", "to", "as", "whenever", "where"].contains(first) else { return words }
        var rest = words[...]
        var dropped = false
        while let comma = rest.firstIndex(where: { $0.hasSuffix(",") }), comma - rest.startIndex < 14 {
            let segment = rest[rest.startIndex...comma]
            let opening = segment.prefix(2).map(normalized).joined(separator: " ")
            guard !dropped ? segment.count >= 4 : ["for example", "for instance", "such as", "e.g", "including", "especially"].contains(where: { opening.hasPrefix($0) }) else { break }
            rest = rest[(comma + 1)...]
            dropped = true
        }
        // "When you test many hypotheses, some will look significant": "some" needs its opening.
        guard dropped, rest.count >= 4, let head = rest.first.map(normalized),
              !["some", "it", "they", "this", "these", "those", "many", "most", "each", "one", "both", "all", "others"].contains(head),
              // "In the latter case it is said to overfit, because …": what is left must be the main clause.
              !joiningWords.contains(head), !subordinators.contains(head) else { return words }
        return Array(rest)
    }

    /// "Use a dataclass for …", "Never store …", "Avoid …": said to the reader.
    static func isInstruction(_ lower: [String]) -> Bool {
        guard let first = lower.first else { return false }
        if ["never", "always", "don't", "avoid", "prefer", "try", "remember", "make", "keep", "pass", "put", "overwrite",
            "decide", "split", "move", "call", "create", "remove", "drop", "replace", "wrap", "send", "open", "close",
            "lock", "retry", "log", "cache", "reuse", "rotate", "restart", "deploy", "pin", "set", "start", "run",
            "choose", "pick", "add", "store", "return", "measure", "check", "compare", "write", "read", "look", "ask",
            "report", "randomize", "randomise", "aggregate", "weight", "resample", "impute", "plot", "fill", "filter", "group",
            "join", "sort", "scale", "normalize", "normalise", "standardize", "encode", "train", "fit", "evaluate", "validate",
            "tune", "watch", "compute", "calculate", "count", "monitor", "shuffle", "stratify", "collect", "label", "clean",
            "deduplicate", "index", "partition", "limit", "batch", "profile", "benchmark", "reproduce", "isolate", "revert",
            "rollback", "roll", "undo", "rerun", "rebuild", "reindex", "upgrade", "downgrade", "configure", "enable",
            "disable", "install", "mock", "stub", "inject", "hash", "salt", "encrypt", "sign", "verify", "escape",
            "sanitize", "sanitise", "quote", "parameterize", "bind", "commit", "push", "pull", "merge", "rebase", "tag",
            "branch", "stash", "squash", "review", "document", "name", "give", "prefix", "wrap", "define", "declare",
            "initialize", "allocate", "free", "release", "acquire", "wait", "sleep", "poll", "subscribe", "publish",
            "consume", "acknowledge", "ack", "debounce", "throttle", "paginate", "compress", "serialize", "parse",
            "convert", "cast", "round", "truncate", "trim", "split", "concatenate", "format", "print", "think", "treat"].contains(first) {
            return lower.count < 2 || !finiteVerbs.contains(lower[1])
        }
        guard baseOf[first] == first else { return false }
        return !lower.dropFirst().prefix(2).contains { finiteVerbs.contains($0) || (baseOf[$0] != nil && $0 != baseOf[$0] && $0.hasSuffix("s")) }
    }

    /// Whether a statement has a verb of its own after its first word: "is", "can",
    /// "returns", "goes"; "browsers apply", "they run".
    static func hasFiniteVerb(_ lower: [String]) -> Bool {
        for (index, word) in lower.enumerated().dropFirst().prefix(12) {
            if finiteVerbs.contains(word) || pluralVerbs.contains(word) && index > 1 { return true }
            if let base = baseOf[word], base != word, word.hasSuffix("s") { return true }
            // The word before, past adverbs: "systems only guarantee".
            var back = index - 1
            while back > 0, sentenceAdverbs.contains(lower[back]) { back -= 1 }
            let previous = lower[back]
            let adjectiveLike = ["ent", "ant", "al", "ive", "ous", "ic", "ful", "less", "ary", "ern"].contains { previous.hasSuffix($0) }
                || previous.first?.isNumber == true
            let nounBefore = !nonNouns.contains(previous) && previous.count > 2 && !adjectiveLike
            let verbInS = word.count > 3 && word.hasSuffix("s") && !["ss", "us", "is", "ys"].contains(where: { word.hasSuffix($0) })
            // "the window goes", "a long task blocks": a noun, then a verb in -s.
            if nounBefore, verbInS, !previous.hasSuffix("s") || previous.hasSuffix("ss") { return true }
            // "it reuses", "a pattern that repeats": a pronoun, then a verb in -s.
            if verbInS, ["it", "this", "that", "which", "who", "he", "she", "one", "each", "everything", "nothing"].contains(previous) {
                return true
            }
            // "browsers apply", "they run": a plural subject, then a verb.
            if previous.hasSuffix("s") || ["they", "we", "you", "i", "both", "all", "people", "teams", "users"].contains(previous),
               nounBefore || ["they", "we", "you", "i"].contains(previous), baseOf[word] == word || pluralVerbs.contains(word) {
                return true
            }
        }
        return false
    }

    static let sentenceAdverbs: Set<String> = [
        "only", "also", "often", "usually", "always", "never", "still", "just", "rarely", "typically", "generally",
        "sometimes", "already", "then", "first", "directly", "actually", "simply", "mostly", "not",
    ]

    /// A verb of the statement itself, not only of a clause that describes its subject:
    /// "An API that verifies a token" has none; "A pipeline is idempotent when …" has "is".
    static func hasMainVerb(_ lower: [String]) -> Bool {
        var inRelative = false
        for index in lower.indices.dropFirst() {
            let word = lower[index]
            if ["that", "which", "who", "whose"].contains(word), index > 1, !finiteVerbs.contains(lower[index - 1]),
               !["says", "means", "shows", "so", "such", "know"].contains(lower[index - 1]) {
                inRelative = true
                continue
            }
            if hasFiniteVerb(Array(lower[(index - 1)...index])) {
                if inRelative { inRelative = false } else { return true }
            }
        }
        return false
    }

    /// Verbs as a plural subject uses them: "callbacks go", "threads run".
    static let pluralVerbs: Set<String> = [
        "go", "run", "come", "get", "need", "stay", "keep", "let", "hold", "take", "give", "mean", "allow", "cause",
        "become", "depend", "differ", "happen", "grow", "live", "last", "share", "see", "fail", "win", "lose", "pay",
        "apply", "learn", "fit", "train", "move", "split", "combine", "build", "create", "remove", "return", "work",
        "help", "hide", "wait", "block", "compete", "collide", "overlap", "suit", "rely", "tend", "seem", "remain",
        "guarantee", "offer", "provide", "support", "require", "store", "send", "handle", "reduce", "increase", "improve",
        "cost", "matter", "break", "behave", "scale", "change", "stop", "start", "run", "lose", "keep", "look", "sound",
        "feed", "point", "produce", "pass", "reach", "match", "vary", "shrink", "drive", "pull", "push", "beat", "cover",
        "follow", "lead", "miss", "hit", "affect", "arrive", "appear", "belong", "contain", "describe", "define", "form",
    ]

    /// Words that do not end a noun phrase: a verb after them is not a statement's.
    static let nonNouns: Set<String> = [
        "the", "a", "an", "of", "for", "to", "in", "on", "at", "by", "with", "from", "and", "or", "that", "which", "these",
        "those", "this", "many", "several", "all", "some", "two", "three", "most", "more", "very", "not", "no", "its",
        "their", "each", "every", "as", "so", "than", "into", "about", "such", "other", "only", "also", "when", "if",
        "few", "multiple", "various", "different", "many", "fewer", "more", "less",
    ]

    static let finiteVerbs: Set<String> = [
        "is", "are", "was", "were", "has", "have", "had", "does", "do", "did", "can", "could", "will", "would", "should",
        "may", "might", "must", "shall", "isn't", "aren't", "doesn't", "don't", "can't", "won't", "cannot", "means",
        "lets", "allows", "becomes", "contains", "happens", "occurs", "depends", "assumes", "requires", "produces",
        "learns", "fits", "trains", "grows", "holds", "gives", "takes", "makes", "keeps", "sends", "gets", "puts",
        "moves", "splits", "combines", "builds", "creates", "removes", "returns", "runs", "works", "uses",
    ]

}
