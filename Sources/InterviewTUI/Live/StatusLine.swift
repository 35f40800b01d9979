import InterviewCore
import InterviewStore

/// The bottom line: clocks, pause and save state, then the keys that matter now.
enum StatusLine {
    static func draw(_ state: LiveState, into canvas: inout Canvas) {
        let y = canvas.height - 1
        canvas.fill(Rect(x: 0, y: y, width: canvas.width, height: 1), Style(.status))
        // On a shared screen, only the clocks the candidate may see (`--candidate-clock`).
        let clocks: CandidateView.Clocks = state.session.shareSafe ? state.candidateClocks : .both
        var segments = StatusBar.clocks(
            question: (!state.session.wrappingUp || state.session.shareSafe) && clocks != .none
                ? (Durations.wholeSeconds(state.questionElapsed()), state.question.timeSeconds) : nil,
            total: clocks == .both ? (Durations.wholeSeconds(state.session.totalElapsed(at: state.now)), state.engine.durationSeconds) : nil,
            paused: state.session.paused)
        // While a command waits for its key, the keys it can take come before the pace and a quiet save.
        let pending = state.pending != nil && state.mode != .replay
        if !pending, !state.session.shareSafe, state.mode != .practice, state.mode != .replay, let pace = Pacing.make(state) {
            segments.append((" " + pace.text, pace.role))
        }
        switch state.saveStatus {
        case .idle: break
        case .saved: if !pending { segments.append((" ✓ saved", .status)) }
        case .failed(let reason): segments.append((" ⚠ NOT SAVED (retrying): \(reason)", .warning))
        }
        // The cursor shows where typing goes; in share-safe there is none to show.
        if state.isTyping, state.session.shareSafe { segments.append((" ✎ typing hidden", .warning)) }
        segments.append(("  ", .status))
        // A command is waiting for its key: said before the keys it can take.
        if pending { segments.append(("Esc ▸ ", .statusKey)) }
        var x = StatusBar.put(segments, x: 0, y: y, into: &canvas)
        if let notice = state.notice {
            // Until the next key it has the room, even the help key's: whole words, or cut at
            // one with `…`.
            x = canvas.put(Words.fit(notice, width: canvas.width - x - 2) + "  ", x: x, y: y, style: Style(.warning))
        }
        StatusBar.hints(hints(state), x: x, y: y, into: &canvas)
    }

    /// The keys that matter now: with nothing pending the ones that act at once and `Esc`;
    /// after `Esc` the commands; after `Esc r` the scale. On a shared screen nothing of
    /// the rating, the rubric or the follow-ups.
    static func hints(_ state: LiveState) -> [(keys: String, label: String)] {
        if state.mode == .replay { return [] }
        let shared = state.session.shareSafe
        let hints: [Hint]
        switch state.pending {
        case .then?:
            guard let binding = state.pendingBinding, !shared || binding.shown else {
                return [("…", "")]
            }
            hints = binding.thenHints + [Hint("Esc", "cancel", rank: 98)]
        case .command?:
            hints = LiveKeys.screen(for: state).hints(in: state, commandPending: true, shared: shared)
        case nil:
            hints = LiveKeys.table(for: state).hints(in: state, commandPending: false, shared: shared)
        }
        return hints.map { ($0.keys, $0.label) }
    }
}
