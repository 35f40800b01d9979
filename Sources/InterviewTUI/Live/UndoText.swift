import InterviewCore

/// What the status line says after `Esc u` or `Esc U`: what was taken back or done again,
/// in a few words, so that an undo is never silent.
enum UndoText {
    /// `done` is the event the undo or redo recorded (nil: there was nothing to take back).
    /// On a shared screen it names nothing of the answer key: no rubric item, no rating.
    static func notice(for done: SessionEvent?, undo: Bool, questions: [Question], shared: Bool) -> String {
        guard let done else { return undo ? "nothing to undo" : "nothing to redo" }
        let verb = undo ? "undone" : "redone"
        if shared { return verb }
        return "\(verb): " + what(done, questions: questions)
    }

    static func what(_ event: SessionEvent, questions: [Question]) -> String {
        let number = event.question.map { " on question \($0 + 1)" } ?? ""
        switch event.type {
        case .rubricToggled:
            guard let q = event.question, let item = event.item, questions.indices.contains(q),
                  questions[q].rubric.indices.contains(item) else { return "a tick" + number }
            let text = questions[q].rubric[item]
            return "tick \(item + 1) \"\(text.count > 40 ? String(text.prefix(39)) + "…" : text)\""
        case .rated: return "a rating" + number
        case .recommended: return "the recommendation"
        case .shareSafe: return "share-safe"
        case .questionOpened, .wrapUp: return "a move"
        case .paused, .resumed: return "a pause"
        case .markedAsked: return "marked asked" + number
        case .skipped: return "a skip" + number
        case .followUpAsked: return "follow-up \((event.item ?? 0) + 1)" + number
        default: return "the last change"
        }
    }
}
