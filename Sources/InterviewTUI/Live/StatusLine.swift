import InterviewKit

/// The bottom line: clocks, pause and save state, then the keys that matter now.
enum StatusLine {
    static func draw(_ state: Display, into canvas: inout Canvas) {
        let y = canvas.height - 1
        canvas.fill(Rect(x: 0, y: y, width: canvas.width, height: 1), Style(.status))
        var segments: [(String, Role)] = []
        // On a shared screen, only the clocks the candidate may see (`--candidate-clock`).
        let clocks: CandidateView.Clocks = state.session.shareSafe ? state.view.candidateClocks : .both
        if !state.session.wrappingUp || state.session.shareSafe, clocks != .none {
            let clock = ClockText.make(elapsed: Int(state.questionElapsed()), budget: state.question.timeSeconds)
            segments.append((" Q " + clock.text, clock.role))
        }
        if clocks == .both {
            let total = ClockText.make(elapsed: Int(state.session.totalElapsed(at: state.now)), budget: state.view.durationSeconds)
            segments.append((" Total " + total.text, total.role))
        }
        if state.session.paused { segments.append((" ⏸ PAUSED ", .warning)) }
        if !state.session.shareSafe, !state.practice, !state.replay, let pace = Pacing.make(state) { segments.append((" " + pace.text, pace.role)) }
        switch state.saveStatus {
        case .idle: break
        case .saved: segments.append((" ✓ saved", .status))
        case .failed(let reason): segments.append((" ⚠ NOT SAVED (retrying): \(reason)", .warning))
        }
        if state.isTyping, state.session.shareSafe { segments.append((" ✎ typing hidden", .warning)) }
        else if state.isTyping { segments.append((" ✎ typing", .statusKey)) }
        segments.append(("  ", .status))
        if let notice = state.notice { segments.append((notice + "  ", .warning)) }
        var x = 0
        for (text, role) in segments {
            x = canvas.put(text, x: x, y: y, style: Style(role))
        }
        // Whole hints only (a key without its label would be a riddle), and always the
        // way to the help overlay, which lists the rest.
        var hints = hints(state)
        let help = hints.firstIndex { $0.0 == "?" }.map { hints.remove(at: $0) }
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

    static func hints(_ state: Display) -> [(String, String)] {
        if state.replay { return [] }
        return LiveKeys.table(for: state, underOverlay: true).hints(in: state).map { ($0.keys, $0.label) }
    }
}
