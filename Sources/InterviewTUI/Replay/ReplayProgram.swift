import InterviewCore

/// Replay as the runtime loop runs it: keys move along the timeline; while playing, the
/// loop wakes ten times a second and moves the position by the time passed times the
/// speed.
public enum ReplayProgram: ScreenProgram {
    public struct State: Sendable {
        public var replay: ReplayState
        /// The clock at the last action: playing moves the position by the time since.
        public var last: Double

        public init(replay: ReplayState, now: Double) {
            self.replay = replay
            last = now
        }
    }

    public enum Action: Hashable, Sendable {
        case replay(ReplayAction)
        /// Time passes (every input and timeout).
        case clock
    }

    public static func actions(for input: TerminalInput, in state: State) -> [Action] {
        switch input {
        case .key(let key): return [.clock] + (ReplayKeys.action(for: key, in: state.replay).map { [.replay($0)] } ?? [])
        case .resize(let size): return [.clock, .replay(.view(.resize(size)))]
        case .signal: return [.replay(.quit)]
        case .timeout, .paste, .mouse: return [.clock]
        }
    }

    public static func reduce(_ state: inout State, _ action: Action, now: Double) {
        switch action {
        case .clock:
            ReplayReducer.reduce(&state.replay, .advance(now - state.last))
            state.last = now
        case .replay(let action):
            ReplayReducer.reduce(&state.replay, action)
        }
    }

    public static func render(_ state: State) -> Canvas { ReplayScreen.render(state.replay) }
    public static func isFinished(_ state: State) -> Bool { state.replay.quit }
    public static func wait(_ state: State, now: Double) -> Double { state.replay.playing ? 0.1 : 1 }

    public static func run(file: SessionFile, speed: Double, terminal: any TerminalDevice, clock: any MonotonicClock) -> ReplayState {
        var replay = ReplayState(file: file, size: terminal.size, speed: speed)
        replay.screen.ascii = terminal.ascii
        var effects = NoEffects<ReplayProgram>()
        return Runtime.run(ReplayProgram.self, State(replay: replay, now: clock.now()), terminal: terminal, clock: clock,
                           effects: &effects).replay
    }
}
