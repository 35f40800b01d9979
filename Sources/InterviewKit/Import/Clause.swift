import Foundation

/// Reads what a sentence of evaluation guidance asks of the candidate and says it as
/// imperatives: "A strong answer will clearly define X, and list Y" → "Define X",
/// "List Y". Works on a small closed vocabulary; what it cannot read it leaves out.
enum Clause {
    static func items(from sentence: String) -> [String] {
        let folded = sentence.folded
        // Warnings ("Weak answers …", "Be wary of …") name what not to tick.
        guard !warnings.contains(where: { folded.contains($0) }) else { return [] }
        let words = withoutAsides(sentence.split(separator: " ").map(String.init))
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

    /// A point of the answer, as something to hear: "Cross-validation: using ..." → "Mention cross-validation";
    /// a sentence → "Explain that …".
    static func mention(_ text: String) -> String? {
        let parts = text.split(separator: ":", maxSplits: 1)
        if parts.count == 2, String(parts[0]).wordCount <= 6 { return "Mention " + lowercasingFirst(String(parts[0])) }
        let words = text.split(separator: " ").map(String.init)
        guard let first = words.first.map(normalized) else { return nil }
        // "Use readiness for temporary conditions" is already what to hear.
        if baseOf[first] == first { return cutQualifiers(words).joined(separator: " ") }
        return (words.count <= 6 ? "Mention " : "Explain that ") + lowercasingFirst(text)
    }

    /// `Overfitting` → `overfitting`, but `PCA` and `L1` stay as written.
    static func lowercasingFirst(_ text: String) -> String {
        if text == "A" || text.hasPrefix("A ") { return "a" + text.dropFirst() }
        let chars = Array(text.prefix(2))
        let words = text.split(separator: " ")
        let titleCase = words.dropFirst().contains { $0.first?.isUppercase == true }
        let commonFirst = words.first.map { word in
            let lowered = word.lowercased()
            return articles.contains(lowered) || pronouns.contains(lowered) || dangling.contains(lowered) || baseOf[lowered] != nil
                || ["with", "without", "in", "no", "not", "every"].contains(lowered)
        } ?? false
        guard chars.count == 2, chars[0].isUppercase, chars[1].isLowercase || chars[1] == " ", !titleCase || commonFirst else {
            return text
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
        if i < lower.count, subjects.contains(lower[i]) {
            i += 1
            if i < lower.count, ["who", "that"].contains(lower[i]) { return verbStart(lower, at: i + 1, cut: false) }
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
    private static func cutAtPredicate(_ words: [String]) -> [String] {
        let cut = words.indices.dropFirst().first { index in
            predicates.contains(normalized(words[index]))
                && words[(index + 1)...].contains { praise.contains(normalized($0)) }
        }
        return cut.map { Array(words[..<$0]) } ?? words
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
            let joins = previous.hasSuffix(",") || ((normalized(previous) == "and" || normalized(previous) == "or") && current.count > 3)
            if !current.isEmpty, joins, let base = baseOf[lowered],
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
        "needs a follow-up", "is a warning", "warning sign", "is a concern", "bad answer", "avoid candidates",
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
        "demonstrate", "show", "indicate", "highlight", "illustrate", "reveal", "signify", "suggest", "reflect",
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
    ]
    /// Nouns that name something to hear, and the verb that asks for it; `true` keeps the noun.
    private static let nounHeads: [String: (String, Bool)] = [
        "explanation": ("Explain", false), "explanations": ("Explain", false), "description": ("Describe", false),
        "descriptions": ("Describe", false), "definition": ("Define", false), "discussion": ("Discuss", false),
        "comparison": ("Compare", false), "mention": ("Mention", false), "mentions": ("Mention", false),
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
