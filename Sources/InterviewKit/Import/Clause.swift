import Foundation

/// Reads what a sentence of evaluation guidance asks of the candidate and says it as
/// imperatives: "A strong answer will clearly define X, and list Y" → "Define X",
/// "List Y". Works on a small closed vocabulary; what it cannot read it leaves out.
enum Clause {
    static func items(from sentence: String) -> [String] {
        // "Look for X and for Y": two things to look for.
        if sentence.folded.hasPrefix("look for "), let and = sentence.range(of: " and for ") {
            return items(from: String(sentence[..<and.lowerBound]) + ".") + items(from: "Look for " + sentence[and.upperBound...])
        }
        let folded = sentence.folded
        // Warnings ("Weak answers …", "Be wary of …") name what not to tick.
        guard !warnings.contains(where: { folded.contains($0) }) else { return [] }
        let all = withoutConnective(sentence.replacingOccurrences(of: " not only ", with: " ")
            .replacingOccurrences(of: ", but also ", with: " and ").replacingOccurrences(of: " but also ", with: " and ")
            .split(separator: " ").map(String.init))
        let items = clauseItems(withoutAsides(all))
        // "Mention normalisation (NFC vs NFD)": an aside is kept when the item is nothing without it.
        let text = all.joined(separator: " ")
        return items.map { item in
            guard item.split(separator: " ").count < 3, let last = item.split(separator: " ").last,
                  let at = text.range(of: last + " ("), let close = text[at.upperBound...].firstIndex(of: ")") else { return item }
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

    private static let connectives: Set<String> = [
        "also", "however", "moreover", "furthermore", "besides", "then", "still", "thus", "hence", "therefore", "overall",
        "finally", "lastly", "first", "second", "third", "next", "meanwhile", "instead", "otherwise", "again", "yet",
        "plus", "so", "likewise", "similarly", "ideally", "importantly",
    ]
    private static let twoWordConnectives: Set<String> = [
        "in addition", "in practice", "in short", "in general", "in particular", "in fact", "above all", "of course",
        "most importantly", "more importantly", "in contrast", "by contrast", "in summary", "to summarize",
        "put simply", "simply put", "in turn", "at first", "at scale",
    ]

    private static func clauseItems(_ words: [String]) -> [String] {
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
    private static func termSplit(_ block: Block) -> (String, String)? {
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
        var words = withoutConnective(sentence.split(separator: " ").map(String.init))
        guard words.count >= 4, let last = words.last, !last.hasSuffix(":"), !last.hasSuffix("?") else { return nil }
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
    private static func withoutLongIntroduction(_ words: [String]) -> [String] {
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
              !["some", "it", "they", "this", "these", "those", "many", "most", "each", "one", "both", "all", "others"].contains(head) else { return words }
        return Array(rest)
    }

    /// "Use a dataclass for …", "Never store …", "Avoid …": said to the reader.
    private static func isInstruction(_ lower: [String]) -> Bool {
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

    private static let sentenceAdverbs: Set<String> = [
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
    private static let pluralVerbs: Set<String> = [
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
    private static let nonNouns: Set<String> = [
        "the", "a", "an", "of", "for", "to", "in", "on", "at", "by", "with", "from", "and", "or", "that", "which", "these",
        "those", "this", "many", "several", "all", "some", "two", "three", "most", "more", "very", "not", "no", "its",
        "their", "each", "every", "as", "so", "than", "into", "about", "such", "other", "only", "also", "when", "if",
        "few", "multiple", "various", "different", "many", "fewer", "more", "less",
    ]

    private static let finiteVerbs: Set<String> = [
        "is", "are", "was", "were", "has", "have", "had", "does", "do", "did", "can", "could", "will", "would", "should",
        "may", "might", "must", "shall", "isn't", "aren't", "doesn't", "don't", "can't", "won't", "cannot", "means",
        "lets", "allows", "becomes", "contains", "happens", "occurs", "depends", "assumes", "requires", "produces",
        "learns", "fits", "trains", "grows", "holds", "gives", "takes", "makes", "keeps", "sends", "gets", "puts",
        "moves", "splits", "combines", "builds", "creates", "removes", "returns", "runs", "works", "uses",
    ]

    /// A verb that asks for something, in its base form ("define", "mention").
    static func isRequest(_ word: String) -> Bool {
        let lower = normalized(word)
        return baseOf[lower] == lower
    }

    /// A noun that names something to hear ("examples", "description").
    static func isNounHead(_ word: String) -> Bool { nounHeads[normalized(word)] != nil }

    /// Words that say nothing to tick on their own ("additionally", "it", "also").
    static func isFiller(_ word: String) -> Bool {
        let lower = normalized(word)
        return adverbs.contains(lower) || pronouns.contains(lower) || dangling.contains(lower) || articles.contains(lower)
            || ["additionally", "moreover", "furthermore", "more", "well", "too", "them", "things", "stuff", "etc"].contains(lower)
    }

    /// "Give examples" asks for examples of the question's subject: "Give examples of
    /// the bias-variance tradeoff"; with no subject to name, "Illustrate the answer with examples".
    static func withExamplesOf(_ item: String, prompt: String?) -> String {
        let lower = item.split(separator: " ").map { normalized(String($0)) }
        guard lower == ["give", "examples"] || lower == ["give", "an", "example"] || lower == ["provide", "examples"] else { return item }
        let plural = lower.last == "examples"
        if let subject = prompt.flatMap(subject(of:)) {
            return (plural ? "Give examples of " : "Give an example of ") + subject
        }
        return plural ? "Illustrate the answer with examples" : "Illustrate the answer with an example"
    }

    /// What a question is about, when it names it plainly: "Describe the bias-variance
    /// tradeoff in machine learning." → "the bias-variance tradeoff".
    static func subject(of prompt: String) -> String? {
        var words = prompt.trimmingCharacters(in: "?.!").split(separator: " ").map(String.init)
        guard let first = words.first.map(normalized) else { return nil }
        if ["describe", "explain", "define", "discuss", "outline"].contains(first) {
            words.removeFirst()
        } else if words.count > 2, first == "what", ["is", "are"].contains(normalized(words[1])) {
            words.removeFirst(2)
        } else if words.count > 3, ["what", "how", "why", "when"].contains(first), ["does", "do"].contains(normalized(words[1])) {
            // "What does the standard deviation tell you?" → "the standard deviation".
            guard let verb = words.indices.dropFirst(2).first(where: { baseOf[normalized(words[$0])] == normalized(words[$0]) || pluralVerbs.contains(normalized(words[$0])) }),
                  verb > 2 else { return nil }
            words = Array(words[2..<verb]).filter { !["not", "really", "actually", "usually", "typically"].contains(normalized($0)) }
            // A plain name ("the standard deviation"), not a clause ("k-nearest neighbours classify a").
            guard (1...4).contains(words.count), !words.dropFirst().contains(where: { articles.contains(normalized($0)) }),
                  !["you", "we", "i", "they", "it", "one", "people"].contains(normalized(words[0])) else { return nil }
        } else {
            return nil
        }
        let lower = words.map(normalized)
        if lower.count > 3, ["concept", "idea", "notion", "role", "purpose"].contains(lower[1]), lower[2] == "of" { words.removeFirst(3) }
        var kept: [String] = []
        var between = false
        for word in words {
            let w = normalized(word)
            if w == "between" { between = true }
            if ["in", "for", "when", "with", "within", "and", "or"].contains(w), !(between && w == "and") { break }
            if w == "and" { between = false }
            kept.append(word)
            if word.hasSuffix(",") { break }
        }
        let subject = kept.joined(separator: " ").trimmingCharacters(in: ",")
        return (1...6).contains(kept.count) ? lowercasingFirst(subject) : nil
    }

    /// `Overfitting` → `overfitting`, but `PCA`, `L1` and `JavaScript` stay as written;
    /// given the words a text writes in lower case, so do names (`Kafka`, `Python`).
    static func lowercasingFirst(_ text: String, vocabulary: Vocabulary? = nil) -> String {
        if text == "A" || text.hasPrefix("A ") { return "a" + text.dropFirst() }
        let chars = Array(text.prefix(2))
        let words = text.split(separator: " ")
        let titleCase = words.dropFirst().contains { $0.first?.isUppercase == true }
        let firstWord = words.first.map(String.init) ?? ""
        let lowered = normalized(firstWord)
        let commonFirst = articles.contains(lowered) || pronouns.contains(lowered) || dangling.contains(lowered) || baseOf[lowered] != nil
            || ["with", "without", "in", "no", "not", "every"].contains(lowered)
        guard chars.count == 2, chars[0].isUppercase, chars[1].isLowercase || chars[1] == " ", !titleCase || commonFirst else {
            return text
        }
        if let vocabulary {
            // `JavaScript`, `SameSite`: a capital inside the word is a name's.
            guard !firstWord.dropFirst().contains(where: \.isUppercase) else { return text }
            guard commonFirst || lowered.hasSuffix("ing") || vocabulary.knowsLowercase(lowered) else { return text }
        }
        return text.prefix(1).lowercased() + text.dropFirst()
    }

    /// Small words an item must not end on once it is cut short.
    static let dangling: Set<String> = [
        "a", "an", "the", "of", "and", "or", "to", "in", "for", "with", "by", "on", "that", "which", "each", "their",
        "its", "as", "from", "at", "between", "about", "into", "how", "why", "what", "when",
    ]

    private enum Start {
        /// The clause starts with a verb at this word.
        case verb(Int, cutPredicate: Bool)
        /// The sentence named a thing to look for, already said as an item.
        case item(String)
        /// The sentence lists things to hear from this word on.
        case listed(Int)
    }

    private static func core(_ words: [String], _ lower: [String]) -> Start? {
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

    private static func verbStart(_ lower: [String], at index: Int, cut: Bool) -> Start? {
        var i = index
        while i < lower.count, adverbs.contains(lower[i]) { i += 1 }
        guard i < lower.count, baseOf[lower[i]] != nil else { return nil }
        return .verb(i, cutPredicate: cut)
    }

    /// "examples of X are valuable" → "Give examples of X"; "a clear explanation of X" → "Explain X".
    private static func nounItem(_ words: [String], _ lower: [String], from start: Int) -> String? {
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
    private static func cutAtPredicate(_ words: [String]) -> [String] {
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
    private static func withoutAsides(_ words: [String]) -> [String] {
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
    private static func cutQualifiers(_ words: [String]) -> [String] {
        let text = words.joined(separator: " ")
        var end = text.endIndex
        for marker in [", possibly", ", ideally", ", such as", ", including", ", e.g.", " (", ", i.e.", " — ", " – ",
                       ", which", ", as ", ", indicating", ", especially", ", for example", " rather than", ", preferably",
                       ": ", ", not ", " without being"] {
            if let range = text.range(of: marker, options: .caseInsensitive), range.lowerBound < end { end = range.lowerBound }
        }
        return text[..<end].split(separator: " ").map(String.init)
    }

    /// One imperative per verb of a coordination: "define X, describe Y, and list Z".
    private static func imperatives(_ clause: [String]) -> [String] {
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

    private static func listed(_ object: [String]) -> [[String]]? {
        let text = object.joined(separator: " ")
        guard text.contains(", "), !["such as", " like ", "including", "e.g."].contains(where: { text.contains($0) }) else { return nil }
        let pieces = text.components(separatedBy: ", ").map { piece in
            piece.split(separator: " ").map(String.init).drop(while: { ["and", "or"].contains($0) })
        }.map(Array.init)
        return pieces.count >= 2 && pieces.allSatisfy({ $0.count >= 3 }) ? pieces : nil
    }

    private static func normalized(_ word: String) -> String {
        word.lowercased().replacingOccurrences(of: "’", with: "'").trimmingCharacters(in: .init(charactersIn: ",;:.!?()\"“”"))
    }

    // MARK: Vocabulary

    private static let articles: Set<String> = ["a", "an", "the", "any", "their", "your"]
    private static let qualities: Set<String> = [
        "strong", "good", "great", "effective", "comprehensive", "excellent", "ideal", "solid", "complete", "thorough",
        "well-rounded", "top", "best", "better", "stronger", "compelling", "successful", "outstanding", "exceptional", "convincing", "senior", "experienced", "thoughtful",
    ]
    private static let describers: Set<String> = [
        "clear", "deep", "deeper", "specific", "concrete", "practical", "real-world", "detailed", "explicit",
        "accurate", "brief", "concise", "correct", "sound", "relevant", "multiple", "several",
    ]
    private static let subjects: Set<String> = [
        "answer", "answers", "response", "responses", "candidate", "candidates", "explanation", "explanations",
        "applicant", "applicants", "they", "interviewee", "interviewees", "engineer", "engineers", "candidate's",
    ]
    private static let lookedFor: Set<String> = [
        "answers", "answer", "responses", "response", "explanations", "explanation", "candidates", "candidate", "someone",
        "people", "evidence",
    ]
    private static let warnings = [
        "weak answer", "poor answer", "red flag", "be wary", "be sceptical", "be skeptical", "be careful of",
        "needs a follow-up", "need a follow-up", "needs follow-up", "need follow-up", "is a warning", "warning sign",
        "is a concern", "bad answer", "avoid candidates", "weak answer", "is a red flag", "are a red flag",
    ]
    private static let pronouns: Set<String> = [
        "both", "this", "that", "these", "those", "it", "they", "there", "such", "each", "all", "some", "many",
        "most", "one", "if", "when", "while", "because", "so", "but", "and", "or", "then", "also", "however",
    ]
    /// Words that say a thing is good to hear: what follows "is"/"shows" in "X is a plus".
    private static let praise: Set<String> = [
        "plus", "bonus", "valuable", "important", "crucial", "essential", "useful", "helpful", "good", "great",
        "strong", "sign", "signal", "deeper", "deep", "depth", "understanding", "experience", "expertise", "knowledge",
        "credit", "welcome", "key", "nice", "impressive", "maturity", "insight", "mastery", "familiarity",
        "well-rounded", "practical", "enough", "sufficient", "fine", "acceptable", "enrich", "strengthen",
        "demonstrate", "show", "indicate", "highlight", "illustrate", "reveal", "signify", "suggest", "reflect", "ability",
        "well",
    ]
    private static let listNouns: Set<String> = ["points", "things", "ideas", "elements", "topics", "concepts", "parts", "signals"]
    private static let modals: Set<String> = ["will", "should", "would", "must", "might", "may", "can", "could", "need", "needs"]
    private static let adverbs: Set<String> = [
        "clearly", "also", "accurately", "briefly", "ideally", "correctly", "effectively", "concisely", "explicitly",
        "thoroughly", "fully", "properly", "succinctly", "confidently", "then", "further", "additionally", "both",
        "at", "least", "even", "readily", "quickly",
    ]
    private static let shownWords: Set<String> = ["shown", "demonstrated", "indicated", "evidenced", "proven", "signalled", "signaled"]
    private static let predicates: Set<String> = [
        "is", "are", "was", "will", "would", "can", "could", "may", "might", "indicates", "indicate", "shows",
        "suggests", "provides", "signals", "reflects", "adds", "helps", "enriches", "demonstrates", "shows",
        "demonstrate", "show", "reflect", "suggest", "signal", "highlight", "highlights", "reveal", "reveals", "mark", "marks",
        "understand", "understands",
    ]
    /// Nouns that name something to hear, and the verb that asks for it; `true` keeps the noun.
    private static let nounHeads: [String: (String, Bool)] = [
        "explanation": ("Explain", false), "explanations": ("Explain", false), "description": ("Describe", false),
        "descriptions": ("Describe", false), "definition": ("Define", false), "discussion": ("Discuss", false),
        "comparison": ("Compare", false), "mention": ("Mention", false), "mentions": ("Mention", false),
        "discussions": ("Discuss", false), "ability": ("Show", true),
        "examples": ("Give", true), "example": ("Give an", true), "understanding": ("Show understanding", false),
        "knowledge": ("Show knowledge", false), "awareness": ("Show awareness", false),
        "familiarity": ("Show familiarity", false), "experience": ("Describe experience", false),
        "insight": ("Give insight", false), "insights": ("Give insights", false), "justification": ("Justify", false),
        "analysis": ("Analyze", false), "recognition": ("Recognize", false), "use": ("Use", false),
    ]
    /// Verbs that often list several things after them, each worth an item.
    private static let listingVerbs: Set<String> = ["include", "cover", "mention", "discuss", "address", "describe", "explain", "list"]
    /// Verbs that are more often nouns after "and": "examples and use cases".
    private static let ambiguousVerbs: Set<String> = [
        "use", "name", "test", "point", "state", "note", "design", "support", "measure", "balance", "trade", "link",
        "draw", "present", "share", "reason", "process", "cost", "plan", "model", "train", "scale",
    ]

    private static let verbs = [
        "define", "describe", "explain", "list", "mention", "discuss", "give", "provide", "show", "demonstrate",
        "distinguish", "differentiate", "compare", "contrast", "identify", "include", "detail", "articulate", "cover",
        "address", "name", "outline", "justify", "relate", "handle", "consider", "recognize", "recognise", "acknowledge",
        "highlight", "emphasize", "emphasise", "offer", "suggest", "propose", "use", "apply", "reference", "cite",
        "weigh", "evaluate", "quantify", "clarify", "connect", "understand", "know", "state", "note", "walk", "explore",
        "touch", "tie", "link", "illustrate", "support", "choose", "select", "avoid", "ask", "design", "estimate",
        "measure", "calculate", "derive", "prove", "draw", "sketch", "summarize", "summarise", "argue", "defend",
        "recommend", "present", "share", "convey", "express", "elaborate", "expand", "talk", "reflect", "incorporate",
        "integrate", "leverage", "interpret", "analyze", "analyse", "assess", "test", "validate", "debug", "diagnose",
        "implement", "build", "write", "reduce", "prevent", "mitigate", "balance", "prioritize", "prioritise",
        "communicate", "admit", "check", "specify", "point", "reason", "trace", "break", "map", "spot", "catch",
        "separate", "weigh", "predict", "measure", "monitor", "plan", "recall", "return", "detect", "justify",
        "stress", "store", "treat", "rely", "assume", "claim", "escape", "filter", "add", "keep", "find", "read",
        "run", "look", "see", "raise", "follow", "bring", "notice", "pick", "tell", "confirm", "verify", "calculate",
        "remember", "realize", "realise", "make", "take", "set", "start", "stop", "think", "work", "question",
        "challenge", "push", "probe", "spot", "flag", "warn", "account", "factor", "reach", "arrive", "land",
    ]

    /// Every form a verb takes in guidance text (`defines`, `defining`) → its base form.
    private static let baseOf: [String: String] = {
        var forms: [String: String] = [:]
        for verb in verbs {
            forms[verb] = verb
            let third = verb.hasSuffix("s") || verb.hasSuffix("sh") || verb.hasSuffix("ch") || verb.hasSuffix("x")
                ? verb + "es"
                : verb.hasSuffix("y") && !"aeiou".contains(verb.dropLast().last!) ? verb.dropLast() + "ies" : verb + "s"
            forms[third] = verb
            let gerund = verb == "tie" ? "tying"
                : verb == "admit" ? "admitting"
                : verb.hasSuffix("e") && !verb.hasSuffix("ee") ? verb.dropLast() + "ing" : verb + "ing"
            forms[gerund] = verb
        }
        return forms
    }()
}
