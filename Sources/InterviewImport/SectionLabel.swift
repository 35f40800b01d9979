import InterviewCore

/// The labels articles put above the parts of a question, and the bank section each
/// feeds. Matched case-insensitively, with or without a colon, alone on their line
/// (`Expected Answer:`) or leading its text (`Answer: a model that ...`).
struct SectionLabel: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        case whyAsk, expectedAnswer, howToEvaluate
    }

    var name: String
    var kind: Kind
    /// The label says more than its section's name (`Red flags`): its name is kept
    /// above its text in the bank.
    var keepsName: Bool
    /// Things a weak answer does: never turned into rubric items to tick.
    var isWarning: Bool

    static let all: [SectionLabel] = {
        func labels(_ kind: Kind, _ names: [String], keepsName: Bool = false, isWarning: Bool = false) -> [SectionLabel] {
            names.map { SectionLabel(name: $0, kind: kind, keepsName: keepsName, isWarning: isWarning) }
        }
        return labels(.whyAsk, [
            "question explanation", "explanation", "why it matters", "why this matters", "why ask", "why ask this",
            "why we ask", "why we ask this", "why interviewers ask this", "why this question", "why this question matters",
            "purpose", "rationale", "context", "background", "what it tests", "what this tests", "what this question tests",
        ])
        + labels(.expectedAnswer, [
            "expected answer", "answer", "sample answer", "example answer", "model answer", "ideal answer",
            "suggested answer", "good answer", "possible answer", "what a good answer looks like", "how to answer",
            "solution", "show answer", "view answer", "reveal answer", "see answer", "show the answer", "answer key",
        ])
        + labels(.howToEvaluate, [
            "evaluating responses", "evaluating answers", "evaluating the response", "evaluating the answer",
            "evaluation", "evaluation criteria", "how to evaluate", "what to look for", "what to look for in an answer",
            "look for",
        ])
        + labels(.howToEvaluate, ["green flags", "scoring"], keepsName: true)
        + labels(.howToEvaluate, ["red flags", "warning signs"], keepsName: true, isWarning: true)
    }()

    private static let byName = Dictionary(all.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

    /// The label a line starts with, and the text after it on the same line.
    static func match(_ line: ArticleLine) -> (label: SectionLabel, rest: String)? {
        guard line.isText else { return nil }
        var whole = line.text
        while let last = whole.last, last == ":" || last == " " { whole.removeLast() }
        if let label = byName[whole.folded] { return (label, "") }
        guard let colon = line.text.firstIndex(of: ":"), line.text.distance(from: line.text.startIndex, to: colon) <= 40,
              let label = byName[String(line.text[..<colon]).folded] else { return nil }
        let rest = String(line.text[line.text.index(after: colon)...]).trimmingSpaces
        return (label, rest)
    }
}
