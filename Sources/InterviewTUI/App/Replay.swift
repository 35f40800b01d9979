import InterviewKit

/// Replay: a saved session on its timeline, shown with the live screen, read-only.
public struct ReplayState: Sendable {
    public static let speeds: [Double] = [1, 2, 4, 8, 16]

    public let timeline: Timeline
    public let questions: [Question]
    public var position: Double = 0
    public var playing = false
    public var speed: Double = 1
    /// Focus, scrolling and the help overlay, kept in a live state that only shows.
    public var view: LiveState
    public var quit = false

    public init(file: SessionFile, size: Size, speed: Double = 1) {
        timeline = Timeline(file)
        questions = file.bankQuestions
        self.speed = Self.speeds.min { abs($0 - speed) < abs($1 - speed) } ?? 1
        view = LiveState(engine: SessionEngine(file: file, questions: questions, showing: SessionState(rubricCounts: file.rubricCounts)),
                         size: size)
        view.replay = true
        seek(to: 0)
    }

    /// Moves to `t` (clamped to the session), and shows the session as it was then.
    public mutating func seek(to t: Double) {
        let previous = view.session.current
        let wasWrapping = view.session.wrappingUp
        position = min(max(0, t), timeline.end)
        view.engine = SessionEngine(file: timeline.file, questions: questions, showing: timeline.state(at: position))
        view.now = position
        if view.session.current != previous || view.session.wrappingUp != wasWrapping { view.scroll = [:] }
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
    /// Real time passed while playing.
    case advance(Double)
    case view(LiveAction)
    case quit
}

public enum ReplayKeymap {
    public static func action(for key: Key, in state: ReplayState) -> ReplayAction? {
        if state.view.overlay != nil {
            return key == .escape || key == .character("?") || key == .character("q") ? .view(.closeOverlay) : nil
        }
        switch key {
        case .character(" "): return .togglePlay
        case .character("+"), .character("="): return .faster
        case .character("-"), .character("_"): return .slower
        case .right: return .seek(10)
        case .left: return .seek(-10)
        case .character("]"): return .nextQuestion
        case .character("["): return .previousQuestion
        case .character("}"): return .nextEvent
        case .character("{"): return .previousEvent
        case .home, .character("g"): return .start
        case .end, .character("G"): return .end
        case .character("q"): return .quit
        case .character("?"): return .view(.toggleHelp)
        case .tab: return .view(.focusNext)
        case .backTab: return .view(.focusPrevious)
        case .character("j"), .down: return .view(.scroll(1))
        case .character("k"), .up: return .view(.scroll(-1))
        case .pageDown: return .view(.page(1))
        case .pageUp: return .view(.page(-1))
        default: return nil
        }
    }
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
        case .view(let action):
            switch action {
            case .focusNext, .focusPrevious, .scroll, .page, .toggleHelp, .closeOverlay, .resize:
                LiveReducer.reduce(&state.view, action, now: state.view.now)
            default: break
            }
        case .quit: state.quit = true
        }
    }
}
