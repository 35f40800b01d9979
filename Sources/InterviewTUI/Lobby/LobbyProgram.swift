import InterviewCore

/// The start screen as the runtime loop runs it. It only shows and edits a name: it
/// writes nothing, so leaving it leaves no trace, and the session's clocks start from
/// the moment it closes with Enter.
public enum LobbyProgram: ScreenProgram {
    public static func actions(for input: TerminalInput, in state: LobbyState) -> [LobbyAction] {
        let clear: [LobbyAction] = state.reminder == nil ? [] : [.remind(nil)]
        switch input {
        case .key(let key):
            let step = CommandGrammar.interpret(key, pending: state.pending, table: LobbyKeys.table, in: state)
            var actions = clear
            if step.pending != state.pending { actions.append(.pending(step.pending)) }
            if let unknown = step.unknown { actions.append(.remind("Esc \(unknown.label) is no command here: Esc q leaves")) }
            return actions + step.actions
        case .paste(let text):
            // A name is one line: line breaks and tabs become spaces.
            return clear + [.type(String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 }))]
        case .resize(let size): return [.resize(size)]
        case .signal: return [.leave]
        case .mouse, .timeout: return []
        }
    }

    public static func reduce(_ state: inout LobbyState, _ action: LobbyAction, now: Double) {
        switch action {
        case .type(let text): state.candidate += text
        case .erase: if !state.candidate.isEmpty { state.candidate.removeLast() }
        case .eraseWord:
            while state.candidate.last == " " { state.candidate.removeLast() }
            while let last = state.candidate.last, last != " " { state.candidate.removeLast() }
        case .start: state.outcome = .start(candidate: state.candidateName)
        case .leave: state.outcome = .leave
        case .pending(let pending): state.pending = pending
        case .remind(let text): state.reminder = text
        case .resize(let size): state.size = size
        }
    }

    public static func render(_ state: LobbyState) -> Canvas { LobbyScreen.render(state) }
    public static func isFinished(_ state: LobbyState) -> Bool { state.outcome != nil }
    /// Nothing on the screen changes by itself: it waits for a key.
    public static func wait(_ state: LobbyState, now: Double) -> Double { 60 }

    /// Shows the start screen on `terminal` until Enter or leave.
    public static func run(_ lobby: LobbyState, terminal: any TerminalDevice, clock: any MonotonicClock) -> LobbyOutcome {
        var state = lobby
        state.size = terminal.size
        state.ascii = terminal.ascii
        var effects = NoEffects<LobbyProgram>()
        return Runtime.run(LobbyProgram.self, state, terminal: terminal, clock: clock, effects: &effects).outcome ?? .leave
    }
}
