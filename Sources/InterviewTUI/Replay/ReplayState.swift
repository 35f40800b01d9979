import InterviewCore

/// Replay: a saved session on its timeline, shown with the live screen, read-only. It
/// holds the session's view at its position (a fold of the timeline) and a screen state
/// of its own; there is no engine, since nothing is ever performed.
public struct ReplayState: Sendable {
    public static let speeds: [Double] = [1, 2, 4, 8, 16]
    /// The timeline under the screen.
    public static let timelineRows = 2

    public let timeline: Timeline
    public var position: Double = 0
    public var playing = false
    public var speed: Double = 1
    /// The question screen above the timeline, showing the session as it was at
    /// `position`: its engine is never performed on, only replaced as the position moves.
    public var screen: LiveState
    public var quit = false

    public init(file: SessionFile, size: Size, speed: Double = 1) {
        timeline = Timeline(file)
        self.speed = Self.speeds.min { abs($0 - speed) < abs($1 - speed) } ?? 1
        let engine = SessionEngine(file: file, questions: file.bankQuestions, showing: file.initialState)
        screen = LiveState(engine: engine, size: Self.viewSize(size), mode: .replay)
        seek(to: 0)
    }

    /// The live screen's part of a terminal of `size`: all but the timeline's rows.
    public static func viewSize(_ size: Size) -> Size {
        Size(width: size.width, height: max(0, size.height - timelineRows))
    }

    /// The session as it was at `position`.
    public var shown: SessionState { screen.session }

    /// Moves to `t` (clamped to the session), and shows the session as it was then.
    public mutating func seek(to t: Double) {
        let previous = shown.current
        let wasWrapping = shown.wrappingUp
        position = min(max(0, t), timeline.end)
        screen.engine = SessionEngine(file: timeline.file, questions: screen.questions, showing: timeline.state(at: position))
        screen.now = position
        if shown.current != previous || shown.wrappingUp != wasWrapping {
            ViewReducer.questionChanged(&screen, wrappingUp: shown.wrappingUp)
        }
    }
}

public enum ReplayAction: Hashable, Sendable {
    case togglePlay
    case faster
    case slower
    case seek(Double)
    case nextQuestion, previousQuestion
    case nextEvent, previousEvent
    case start, end
    /// Real time passed (seconds): while playing, the position moves by it times the speed.
    case advance(Double)
    case view(ViewAction)
    /// The question list (`g`), as in live mode: Enter goes to the moment the question was first opened.
    case openList
    case list(ListAction)
    case quit
}

public enum ReplayReducer {
    public static func reduce(_ state: inout ReplayState, _ action: ReplayAction) {
        let t = state.position
        let timeline = state.timeline
        switch action {
        case .togglePlay:
            if !state.playing, t >= timeline.end { state.seek(to: 0) }
            state.playing.toggle()
        case .faster, .slower:
            let speeds = ReplayState.speeds
            let index = speeds.firstIndex(of: state.speed) ?? 0
            state.speed = speeds[min(max(0, index + (action == .faster ? 1 : -1)), speeds.count - 1)]
        case .seek(let delta): state.seek(to: t + delta)
        case .nextQuestion: state.seek(to: timeline.next(after: t, where: Timeline.isQuestionChange) ?? timeline.end)
        case .previousQuestion: state.seek(to: timeline.previous(before: t, where: Timeline.isQuestionChange) ?? 0)
        case .nextEvent: state.seek(to: timeline.next(after: t) ?? timeline.end)
        case .previousEvent: state.seek(to: timeline.previous(before: t) ?? 0)
        case .start: state.seek(to: 0)
        case .end: state.seek(to: timeline.end)
        case .advance(let seconds):
            guard state.playing else { return }
            state.seek(to: t + seconds * state.speed)
            if state.position >= timeline.end { state.playing = false }
        case .view(.resize(let size)):
            ViewReducer.reduce(&state.screen, .resize(ReplayState.viewSize(size)))
        case .view(let action):
            ViewReducer.reduce(&state.screen, action)
        case .openList:
            QuestionList.open(&state.screen)
        case .list(let action):
            guard let question = QuestionList.reduce(&state.screen, action) else { return }
            let opened = timeline.events.first { ($0.type == .questionOpened && $0.question == question) }?.at
                ?? (question == timeline.file.initialState.current ? 0 : nil)
            if let opened { state.seek(to: opened) }
        case .quit: state.quit = true
        }
    }
}
