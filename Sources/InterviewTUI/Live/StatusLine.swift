import InterviewKit

/// The bottom line: clocks, pause and save state, then the keys that matter now.
enum StatusLine {
    static func draw(_ state: LiveState, into canvas: inout Canvas) {
        let y = canvas.height - 1
        canvas.fill(Rect(x: 0, y: y, width: canvas.width, height: 1), Style(.status))
        var segments: [(String, Role)] = []
        // On a shared screen, only the clocks the candidate may see (`--candidate-clock`).
        let clocks: CandidateView.Clocks = state.session.shareSafe ? state.candidateClocks : .both
        if !state.session.wrappingUp || state.session.shareSafe, clocks != .none {
            let clock = ClockText.make(elapsed: Int(state.questionElapsed()), budget: state.question.timeSeconds)
            segments.append((" Q " + clock.text, clock.role))
        }
        if clocks == .both {
            let total = ClockText.make(elapsed: Int(state.session.totalElapsed(at: state.now)), budget: state.engine.durationSeconds)
            segments.append((" Total " + total.text, total.role))
        }
        if state.session.paused { segments.append((" ⏸ PAUSED ", .warning)) }
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
        var x = 0
        for (text, role) in segments {
            x = canvas.put(text, x: x, y: y, style: Style(role))
        }
        if let notice = state.notice {
            // Whole words, or cut at one with `…`: never half a word.
            x = canvas.put(Words.fit(notice, width: canvas.width - x - 2) + "  ", x: x, y: y, style: Style(.warning))
        }
        // Whole hints only (a key without its label would be a riddle), and always the
        // way to the help overlay, which lists the rest.
        var hints = hints(state)
        let help = hints.firstIndex { $0.0 == "?" || $0.0 == "F1" }.map { hints.remove(at: $0) }
        let reserved = help.map { DisplayWidth.of($0.0 + " " + $0.1) + 2 } ?? 0
        var shown: [(String, String)] = []
        var used = x
        for hint in hints {
            let width = DisplayWidth.of(hint.1.isEmpty ? hint.0 : hint.0 + " " + hint.1) + 2
            guard used + width + reserved <= canvas.width else { break }
            shown.append(hint)
            used += width
        }
        if let help { shown.append(help) }
        for (key, label) in shown {
            x = canvas.put(key, x: x, y: y, style: Style(.statusKey))
            x = canvas.put((label.isEmpty ? "" : " " + label) + "  ", x: x, y: y, style: Style(.status))
        }
    }

    /// The keys that matter now: with nothing pending the ones that act at once and `Esc`;
    /// after `Esc` the commands; after `Esc r` the scale. On a shared screen nothing of
    /// the rating, the rubric or the follow-ups.
    static func hints(_ state: LiveState) -> [(String, String)] {
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
