import InterviewKit

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
    case help
    case quitConfirm
}

/// Why the live screen closed.
public enum LiveExit: Hashable, Sendable {
    case completed
    case leftForLater
    case signal(Int32)
}

/// Everything the live screen shows: the session (a fold of its events) and the
/// state of the interface around it, which is never saved.
public struct LiveState: Hashable, Sendable {
    public var engine: SessionEngine
    public var size: Size
    /// The session clock at the last action or tick.
    public var now: Double = 0
    /// The notes being typed; nil when not typing.
    public var editor: LineEditor?
    /// When the notes being typed were last recorded as an event.
    public var notesRecordedAt: Double = 0
    public var focus: PaneID = .expected
    /// The guidance pane shown when the screen is too narrow to show all three.
    public var guidanceTab: PaneID = .expected
    public var scroll: [PaneID: Int] = [:]
    public var overlay: Overlay?
    public var awaitingRating = false
    public var saveStatus: SessionSaver.Status = .idle
    public var exit: LiveExit?
    /// The file the session is saved to, shown when the interview ends.
    public var path: String = ""
    /// A message shown in the status line until the first key (e.g. an unfinished session exists).
    public var notice: String?
    /// Practice: the candidate answers alone; the answer key stays hidden until `v`.
    public var practice = false
    /// The questions whose answer key was revealed (practice).
    public var revealed: Set<Int> = []
    /// Whether the answer key of the question on screen may be shown.
    public var answerKeyShown: Bool { !practice || revealed.contains(session.current) }
    /// Shown by replay: the status line offers no live keys.
    public var replay = false
    /// A compact line-drawing set for terminals without UTF-8.
    public var ascii = false

    public init(engine: SessionEngine, size: Size) {
        self.engine = engine
        self.size = size
    }

    public var session: SessionState { engine.state }
    public var question: Question { engine.questions[session.current] }
    public var isTyping: Bool { editor != nil }

    public func questionElapsed(_ index: Int? = nil) -> Double {
        session.questionElapsed(index ?? session.current, at: now)
    }
}
