import InterviewKit

/// The live screen's reducer: the one place where actions change state. Session
/// changes go through the engine, which records them as events.
public enum LiveReducer {
    public static func reduce(_ state: inout LiveState, _ action: LiveAction, now: Double) {
        state.now = max(state.now, now)
        let t = state.now
        switch action {
        case .session(let sessionAction):
            if case .next = sessionAction { commitNotes(&state) }
            if case .previous = sessionAction { commitNotes(&state) }
            let before = state.session.current
            let wasWrapping = state.session.wrappingUp
            state.engine.perform(sessionAction, at: t)
            if state.session.current != before || state.session.wrappingUp != wasWrapping {
                state.scroll = [:]
                if !PaneID.order(wrappingUp: state.session.wrappingUp).contains(state.focus) {
                    state.focus = state.session.wrappingUp ? .summary : .expected
                }
            }
        case .startTyping:
            guard state.session.status == .inProgress else { return }
            state.notesRecordedAt = t
            state.editor = LineEditor(lines: state.session.wrappingUp ? state.session.closingNotes
                                                                       : state.session.questions[state.session.current].notes)
            if !state.session.wrappingUp { state.focus = .notes }
        case .paste(let text):
            // Outside the notes a paste opens them: no word in it can quit, rate or move on.
            if state.editor == nil {
                state.overlay = nil
                state.awaitingRating = false
                reduce(&state, .startTyping, now: t)
            }
            reduce(&state, .edit(.insert(text)), now: t)
        case .stopTyping:
            commitNotes(&state)
            state.editor = nil
        case .edit(let command):
            guard state.editor != nil else { return }
            let stamp = state.session.wrappingUp ? state.session.totalElapsed(at: t) : state.questionElapsed()
            // In place: a copy of the editor would copy every line of the notes on each key.
            apply(command, to: &state.editor!, stamp: (stamp * 1000).rounded() / 1000)
            // A long burst of typing is still recorded twice a second, not only when it pauses.
            if t - state.notesRecordedAt >= 0.5 { commitNotes(&state) }
        case .focusNext, .focusPrevious:
            let panes = PaneID.order(wrappingUp: state.session.wrappingUp)
            let step = action == .focusNext ? 1 : panes.count - 1
            state.focus = panes[((panes.firstIndex(of: state.focus) ?? 0) + step) % panes.count]
            if state.focus.isGuidance { state.guidanceTab = state.focus }
        case .scroll(let lines):
            scroll(&state, by: lines)
        case .page(let pages):
            scroll(&state, by: pages * max(1, LiveScreen.visibleLines(state.focus, in: state) - 1))
        case .awaitRating:
            state.awaitingRating = state.session.status == .inProgress
        case .rate(let rating):
            state.awaitingRating = false
            state.engine.perform(state.session.wrappingUp ? .recommend(rating) : .rate(rating), at: t)
        case .reveal:
            state.revealed.insert(state.session.current)
        case .toggleShareSafe:
            state.engine.perform(.setShareSafe(!state.session.shareSafe), at: t)
        case .toggleHelp:
            state.overlay = state.overlay == .help ? nil : .help
        case .askQuit:
            if state.session.status == .completed { state.exit = .completed } else { state.overlay = .quitConfirm }
        case .closeOverlay:
            state.overlay = nil
            state.awaitingRating = false
        case .endInterview:
            commitNotes(&state)
            state.editor = nil
            state.overlay = nil
            state.engine.perform(.end, at: t)
            state.exit = .completed
        case .leaveForLater:
            leave(&state, as: .leftForLater)
        case .signal(let number):
            leave(&state, as: .signal(number))
        case .resize(let size):
            state.size = size
            for pane in PaneID.allCases { scroll(&state, pane, by: 0) }
        case .tick:
            commitNotes(&state)
        }
    }

    private static func leave(_ state: inout LiveState, as exit: LiveExit) {
        commitNotes(&state)
        state.editor = nil
        state.overlay = nil
        state.engine.perform(.interrupt, at: state.now)
        state.exit = exit
    }

    /// Records what was typed since the last time as one event (a burst of typing).
    static func commitNotes(_ state: inout LiveState) {
        guard let notes = state.editor?.notes else { return }
        state.notesRecordedAt = state.now
        state.engine.perform(state.session.wrappingUp ? .setClosingNotes(notes) : .setNotes(notes), at: state.now)
    }

    private static func scroll(_ state: inout LiveState, by lines: Int) {
        scroll(&state, state.focus, by: lines)
    }

    private static func scroll(_ state: inout LiveState, _ pane: PaneID, by lines: Int) {
        // Panes wrap their text only down to what they show: the limit is asked at the scroll wanted.
        var wanted = state
        let (sum, overflow) = (state.scroll[pane] ?? 0).addingReportingOverflow(lines)
        let target = max(0, overflow ? (lines > 0 ? .max : 0) : sum)
        wanted.scroll[pane] = target
        let value = min(target, LiveScreen.maxScroll(pane, in: wanted))
        state.scroll[pane] = value == 0 ? nil : value
    }

    static func apply(_ command: EditCommand, to editor: inout LineEditor, stamp: Double) {
        switch command {
        case .insert(let text): editor.insert(text, stamp: stamp)
        case .newline: editor.newline(stamp: stamp)
        case .backspace: editor.backspace()
        case .deleteForward: editor.deleteForward()
        case .deleteWordBackward: editor.deleteWordBackward()
        case .left: editor.moveLeft()
        case .right: editor.moveRight()
        case .up: editor.moveUp()
        case .down: editor.moveDown()
        case .home: editor.home()
        case .end: editor.end()
        case .wordLeft: editor.wordLeft()
        case .wordRight: editor.wordRight()
        }
    }
}
