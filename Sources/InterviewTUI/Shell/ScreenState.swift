import InterviewCore
import InterviewStore

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

/// The screen's own state around a session: what has focus, how far each pane is
/// scrolled, the overlay, the notes being typed. It is never saved; the session's
/// view (`SessionView`) is apart from it, so one screen state serves live, practice
/// and replay alike.
public struct ScreenState: Hashable, Sendable {
    public var size: Size
    public var focus: PaneID = .expected
    /// The guidance pane shown when the screen is too narrow to show all three.
    public var guidanceTab: PaneID = .expected
    public var scroll: [PaneID: Int] = [:]
    public var overlay: Overlay?
    /// The notes being typed; nil when not typing.
    public var editor: LineEditor?
    /// What the next key completes (`Esc` was pressed; `Esc r` waits for its digit): the
    /// command grammar's, kept here so that the screen can say what the key can do.
    public var pending: PendingCommand?
    public var saveStatus: SessionSaver.Status = .idle
    /// A message shown in the status line until the first key (e.g. an unfinished session exists).
    public var notice: String?
    /// Practice: the candidate answers alone; the answer key stays hidden until `v`.
    public var practice = false
    /// The questions whose answer key was revealed (practice).
    public var revealed: Set<Int> = []
    /// Shown by replay: the status line offers no live keys.
    public var replay = false
    /// A compact line-drawing set for terminals without UTF-8.
    public var ascii = false

    public init(size: Size) { self.size = size }

    public var isTyping: Bool { editor != nil }
}
