import InterviewCore

/// One thing a committee should look at before trusting a session's ratings: structured
/// interviewing rests a rating on what was said and noted. A warning, never a block.
public struct EvidenceWarning: Hashable, Sendable, Encodable {
    public enum Kind: String, Hashable, Sendable, Encodable {
        /// A rated question with no note.
        case ratedWithoutNote
        /// Rated before any note on the question was written.
        case ratedBeforeNote
        /// The recommendation is far from the mean of the ratings.
        case recommendationFarFromRatings
        /// An asked question left unrated.
        case askedUnrated
        /// A note uses a word a hiring committee should not weigh.
        case wordToAvoid
    }

    public var kind: Kind
    /// The question's number in the interview; null for the recommendation and closing notes.
    @Nullable public var question: Int?
    /// The word found (`wordToAvoid`).
    @Nullable public var word: String?
    /// The note that holds it, as written, so the interviewer can find and reword it.
    @Nullable public var note: String?
    /// One short line saying it, ready for a report or the wrap-up screen.
    public var message: String
}

/// The evidence check: a pure function of the report model, printed in every report
/// format and shown on the wrap-up screen (`lines`).
public enum EvidenceCheck {
    /// Words and phrases about a person, not their answers (age, family, accent,
    /// appearance, nerves, "culture fit"); a team adds its own in config.toml (`avoid_words`).
    public static let builtInWords = [
        "age", "old", "young", "older", "younger", "family", "married", "pregnant", "pregnancy", "kids", "children",
        "accent", "appearance", "looks", "attractive", "dressed", "nervous", "nervousness", "anxious", "shy",
        "culture fit", "cultural fit", "religion", "religious", "gender", "race", "ethnicity", "disability", "health",
    ]

    /// What every format says when there is no warning.
    public static let allClear = "Nothing to check: every rating rests on notes."

    /// How far (in rating points) a recommendation may stand from the ratings' mean.
    public static let farFromMean = 1.5

    /// The warnings for `report`, question by question in the report's order, then the
    /// recommendation and the closing notes. `words` are those to avoid (lower case).
    public static func warnings(_ report: SessionReport, words: [String] = builtInWords) -> [EvidenceWarning] {
        let terms = words.map(tokens).filter { !$0.isEmpty }
        var out: [EvidenceWarning] = []
        for q in report.questions {
            let written = q.notes.filter { !$0.text.allSatisfy(\.isWhitespace) }
            if q.rating != nil, written.isEmpty {
                out.append(EvidenceWarning(kind: .ratedWithoutNote, question: q.number, word: nil, note: nil,
                                           message: "Question \(q.number): rated with no note"))
            } else if let rated = q.ratedAt, let first = written.compactMap(\.interviewSeconds).min(), rated < first {
                out.append(EvidenceWarning(kind: .ratedBeforeNote, question: q.number, word: nil, note: nil,
                                           message: "Question \(q.number): rated before any note was written"))
            }
            if q.asked, q.rating == nil {
                out.append(EvidenceWarning(kind: .askedUnrated, question: q.number, word: nil, note: nil,
                                           message: "Question \(q.number): asked, not rated"))
            }
            for note in written { out += wordWarnings(note.text, question: q.number, terms: terms) }
        }
        let ratings = report.questions.compactMap(\.rating)
        if let recommendation = report.recommendation, (1...4).contains(recommendation), !ratings.isEmpty {
            let mean = Double(ratings.reduce(0, +)) / Double(ratings.count)
            if abs(Double(recommendation) - mean) >= farFromMean {
                out.append(EvidenceWarning(kind: .recommendationFarFromRatings, question: nil, word: nil, note: nil,
                                           message: "Recommend \(recommendation), ratings average \(oneDecimal(mean))"))
            }
        }
        for note in report.closingNotes where !note.text.allSatisfy(\.isWhitespace) {
            out += wordWarnings(note.text, question: nil, terms: terms)
        }
        return out
    }

    /// The warnings as short lines for the wrap-up screen, at most `limit` of them (the
    /// last saying how many more); none when the evidence is sound.
    public static func lines(_ warnings: [EvidenceWarning], limit: Int = 6) -> [String] {
        guard warnings.count > limit else { return warnings.map(\.message) }
        return warnings.prefix(limit - 1).map(\.message) + ["… and \(warnings.count - limit + 1) more"]
    }

    /// The words to avoid: the built-in ones and a team's own.
    public static func words(adding extra: [String]) -> [String] {
        builtInWords + extra.map { $0.lowercased() }.filter { !builtInWords.contains($0) }
    }

    private static func wordWarnings(_ text: String, question: Int?, terms: [[Substring]]) -> [EvidenceWarning] {
        let words = tokens(text)
        var out: [EvidenceWarning] = []
        for term in terms where contains(words, term) {
            let phrase = term.joined(separator: " ")
            let place = question.map { "Question \($0)" } ?? "Closing notes"
            let shown = VisibleText.visible(text)
            let excerpt = shown.count > 60 ? String(shown.prefix(59)) + "…" : shown
            out.append(EvidenceWarning(kind: .wordToAvoid, question: question, word: phrase, note: text,
                                       message: "\(place): \"\(phrase)\" in the note \"\(excerpt)\""))
        }
        return out
    }

    /// Lower-case words: runs of letters, digits and apostrophes.
    private static func tokens(_ text: String) -> [Substring] {
        text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "'") }
    }

    private static func contains(_ words: [Substring], _ term: [Substring]) -> Bool {
        guard !term.isEmpty, words.count >= term.count else { return false }
        return (0...(words.count - term.count)).contains { start in term.indices.allSatisfy { words[start + $0] == term[$0] } }
    }

    static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
