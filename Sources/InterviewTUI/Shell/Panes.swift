import InterviewCore

public struct Size: Hashable, Sendable {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }
}

/// The panes that can hold focus and scroll, in `Tab` order.
public enum PaneID: String, CaseIterable, Hashable, Sendable {
    case whyAsk, expected, evaluate, rubric, notes
    /// The wrap-up's table of questions.
    case summary

    /// The panes `Tab` moves between on the question screen, or in wrap-up.
    static func order(wrappingUp: Bool) -> [PaneID] {
        wrappingUp ? [.summary, .notes] : [.whyAsk, .expected, .evaluate, .rubric, .notes]
    }

    public var title: String {
        switch self {
        case .whyAsk: "Why ask"
        case .expected: "Expected answer"
        case .evaluate: "How to evaluate"
        case .rubric: "Rubric"
        case .notes: "Notes"
        case .summary: "Summary"
        }
    }

    var isGuidance: Bool { self == .whyAsk || self == .expected || self == .evaluate }
}

public enum Overlay: Hashable, Sendable {
    /// The keys, scrolled this many lines.
    case help(scroll: Int)
    case quitConfirm
    /// The interview's questions (`g`): the row selected, and the number typed so far.
    case questionList(selection: Int, typed: String)
    /// A question of one's own being written (`+`).
    case addQuestion(text: String)
    /// `q` then `d`: discard the interview (its file is deleted) once `y` confirms.
    case discardConfirm

    public var isHelp: Bool {
        if case .help = self { return true }
        return false
    }

    public var isAddQuestion: Bool {
        if case .addQuestion = self { return true }
        return false
    }
}
