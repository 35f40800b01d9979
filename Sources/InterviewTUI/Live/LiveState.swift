import InterviewCore
import InterviewReports

/// Why the live screen closed.
public enum LiveExit: Hashable, Sendable {
    case completed
    case leftForLater
    /// `q` `d` `y`: the interview never happened; its file is to be deleted.
    case discarded
    case signal(Int32)
}

/// The live screen: the session engine (whose events are the session) and the screen
/// around it, which is never saved. The screen state's fields read and write through
/// it (`state.focus`).
@dynamicMemberLookup
public struct LiveState: Hashable, Sendable {
    public var engine: SessionEngine
    public var screen: ScreenState
    /// The session clock at the last action or tick.
    public var now: Double = 0
    /// When the notes being typed were last recorded as an event.
    public var notesRecordedAt: Double = 0
    public var exit: LiveExit?

    public init(engine: SessionEngine, size: Size) {
        self.engine = engine
        screen = ScreenState(size: size)
    }

    public subscript<T>(dynamicMember path: WritableKeyPath<ScreenState, T>) -> T {
        get { screen[keyPath: path] }
        set { screen[keyPath: path] = newValue }
    }

    public var session: SessionState { engine.state }
    public var question: Question { engine.questions[session.current] }
    public var isTyping: Bool { screen.editor != nil }
    public var answerKeyShown: Bool { display.answerKeyShown }


    public var display: Display {
        var view = SessionView(file: engine.file, questions: engine.questions, state: engine.state, now: now)
        // Before ending, the evidence check: what a committee would question, said while it can be reworded.
        if screen.overlay == .quitConfirm, !session.shareSafe, !screen.practice {
            view.evidence = EvidenceCheck.lines(SessionReport(engine.snapshot(at: now), file: "").evidence)
        }
        return Display(view: view, screen: screen)
    }

    public func questionElapsed(_ index: Int? = nil) -> Double {
        session.questionElapsed(index ?? session.current, at: now)
    }
}
