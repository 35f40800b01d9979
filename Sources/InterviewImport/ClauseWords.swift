#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The words the clause rules read by: requests, nouns to hear, fillers, subjects of
/// prompts, and the small vocabulary of guidance text.
extension Clause {
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
    // MARK: Vocabulary

    static let articles: Set<String> = ["a", "an", "the", "any", "their", "your"]
    static let qualities: Set<String> = [
        "strong", "good", "great", "effective", "comprehensive", "excellent", "ideal", "solid", "complete", "thorough",
        "well-rounded", "top", "best", "better", "stronger", "compelling", "successful", "outstanding", "exceptional", "convincing", "senior", "experienced", "thoughtful",
    ]
    static let describers: Set<String> = [
        "clear", "deep", "deeper", "specific", "concrete", "practical", "real-world", "detailed", "explicit",
        "accurate", "brief", "concise", "correct", "sound", "relevant", "multiple", "several",
    ]
    static let subjects: Set<String> = [
        "answer", "answers", "response", "responses", "candidate", "candidates", "explanation", "explanations",
        "applicant", "applicants", "they", "interviewee", "interviewees", "engineer", "engineers", "candidate's",
    ]
    static let lookedFor: Set<String> = [
        "answers", "answer", "responses", "response", "explanations", "explanation", "candidates", "candidate", "someone",
        "people", "evidence",
    ]
    static let warnings = [
        "weak answer", "poor answer", "red flag", "be wary", "be sceptical", "be skeptical", "be careful of",
        "needs a follow-up", "need a follow-up", "needs follow-up", "need follow-up", "is a warning", "warning sign",
        "is a concern", "bad answer", "avoid candidates", "weak answer", "is a red flag", "are a red flag",
    ]
    static let pronouns: Set<String> = [
        "both", "this", "that", "these", "those", "it", "they", "there", "such", "each", "all", "some", "many",
        "most", "one", "if", "when", "while", "because", "so", "but", "and", "or", "then", "also", "however",
    ]
    /// Words that say a thing is good to hear: what follows "is"/"shows" in "X is a plus".
    static let praise: Set<String> = [
        "plus", "bonus", "valuable", "important", "crucial", "essential", "useful", "helpful", "good", "great",
        "strong", "sign", "signal", "deeper", "deep", "depth", "understanding", "experience", "expertise", "knowledge",
        "credit", "welcome", "key", "nice", "impressive", "maturity", "insight", "mastery", "familiarity",
        "well-rounded", "practical", "enough", "sufficient", "fine", "acceptable", "enrich", "strengthen",
        "demonstrate", "show", "indicate", "highlight", "illustrate", "reveal", "signify", "suggest", "reflect", "ability",
        "well",
    ]
    static let listNouns: Set<String> = ["points", "things", "ideas", "elements", "topics", "concepts", "parts", "signals"]
    static let modals: Set<String> = ["will", "should", "would", "must", "might", "may", "can", "could", "need", "needs"]
    static let adverbs: Set<String> = [
        "clearly", "also", "accurately", "briefly", "ideally", "correctly", "effectively", "concisely", "explicitly",
        "thoroughly", "fully", "properly", "succinctly", "confidently", "then", "further", "additionally", "both",
        "at", "least", "even", "readily", "quickly",
    ]
    static let shownWords: Set<String> = ["shown", "demonstrated", "indicated", "evidenced", "proven", "signalled", "signaled"]
    static let predicates: Set<String> = [
        "is", "are", "was", "will", "would", "can", "could", "may", "might", "indicates", "indicate", "shows",
        "suggests", "provides", "signals", "reflects", "adds", "helps", "enriches", "demonstrates", "shows",
        "demonstrate", "show", "reflect", "suggest", "signal", "highlight", "highlights", "reveal", "reveals", "mark", "marks",
        "understand", "understands",
    ]
    /// Nouns that name something to hear, and the verb that asks for it; `true` keeps the noun.
    static let nounHeads: [String: (String, Bool)] = [
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
    static let listingVerbs: Set<String> = ["include", "cover", "mention", "discuss", "address", "describe", "explain", "list"]
    /// Verbs that are more often nouns after "and": "examples and use cases".
    static let ambiguousVerbs: Set<String> = [
        "use", "name", "test", "point", "state", "note", "design", "support", "measure", "balance", "trade", "link",
        "draw", "present", "share", "reason", "process", "cost", "plan", "model", "train", "scale",
    ]

    static let verbs = [
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
    static let baseOf: [String: String] = {
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
