import InterviewCore
import InterviewReports
import InterviewStore

/// Why the live screen closed.
public enum LiveExit: Hashable, Sendable {
    case completed
    case leftForLater
    /// `q` `d` `y`: the interview never happened; its file is to be deleted.
    case discarded
    case signal(Int32)
}

/// What the question screen is for: an interview, a practice (the candidate answers
/// alone; the answer key stays hidden until `Esc v`), or a replay (read-only: the
/// status line offers no live keys).
public enum ScreenMode: Hashable, Sendable {
    case live, practice, replay
}

/// The question screen's one state: the session engine (whose events are the session)
/// and the screen around it, which is never saved. Live and practice run it; replay
/// holds one that shows the session as it was at its position (`ReplayState`). Every
/// screen of it (`LiveScreen`) is drawn from this alone.
public struct LiveState: Hashable, Sendable {
    public var engine: SessionEngine
    public var mode: ScreenMode = .live
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
    /// The questions whose answer key was revealed (practice).
    public var revealed: Set<Int> = []
    /// A compact line-drawing set for terminals without UTF-8.
    public var ascii = false
    /// The session clock at the last action or tick.
    public var now: Double = 0
    /// When the notes being typed were last recorded as an event.
    public var notesRecordedAt: Double = 0
    public var exit: LiveExit?
    /// Once the screen has closed: how its last save goes.
    public var lastSave: LastSave?

    public init(engine: SessionEngine, size: Size, mode: ScreenMode = .live) {
        self.engine = engine
        self.size = size
        self.mode = mode
    }

    public var session: SessionState { engine.state }
    public var questions: [Question] { engine.questions }
    public var question: Question { engine.questions[min(session.current, engine.questions.count - 1)] }
    public var isTyping: Bool { editor != nil }
    /// Whether the answer key of the question on screen may be shown.
    public var answerKeyShown: Bool { mode != .practice || revealed.contains(session.current) }

    /// The binding a pending command waits on for its second key (`Esc r` for its digit).
    var pendingBinding: LiveKeys.Binding? {
        guard case .then(let first)? = pending else { return nil }
        return LiveKeys.screen(for: self).binding(after: first, in: self)
    }

    /// The prompt open while a command waits for its second key (`rating` after `Esc r`).
    public var prompt: String? { pendingBinding?.prompt }

    /// Which clocks a candidate's screen shows (`run --candidate-clock`).
    var candidateClocks: CandidateView.Clocks {
        engine.file.candidateClock.flatMap(CandidateView.Clocks.init(rawValue:)) ?? .question
    }

    /// Before ending, the evidence check: what a committee would question, a line each,
    /// said while it can be reworded (asked by the quit box only: not on every frame).
    var evidence: [String] {
        guard !session.shareSafe, mode == .live else { return [] }
        return EvidenceCheck.lines(SessionReport(engine.snapshot(at: now), file: "").evidence)
    }

    public func questionElapsed(_ index: Int? = nil) -> Double {
        session.questionElapsed(index ?? session.current, at: now)
    }
}
