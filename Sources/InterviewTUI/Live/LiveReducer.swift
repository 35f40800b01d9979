import InterviewKit

/// The live screen's reducer: the one place where actions change its state. Session
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
                ViewReducer.questionChanged(&state.screen, wrappingUp: state.session.wrappingUp)
            }
        case .view(let viewAction):
            ViewReducer.reduce(&state.screen, viewAction, view: state.display.view)
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
            apply(command, to: &state.screen.editor!, stamp: (stamp * 1000).rounded() / 1000)
            // A long burst of typing is still recorded twice a second, not only when it pauses.
            if t - state.notesRecordedAt >= 0.5 { commitNotes(&state) }
        case .awaitRating:
            state.awaitingRating = state.session.status == .inProgress
        case .rate(let rating):
            state.awaitingRating = false
            state.engine.perform(state.session.wrappingUp ? .recommend(rating) : .rate(rating), at: t)
        case .reveal:
            state.revealed.insert(state.session.current)
        case .toggleShareSafe:
            state.engine.perform(.setShareSafe(!state.session.shareSafe), at: t)
        case .askQuit:
            if state.session.status == .completed { state.exit = .completed } else { state.overlay = .quitConfirm }
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
        case .tick:
            commitNotes(&state)
        case .dismissNotice:
            state.notice = nil
        case .saved(let status):
            state.saveStatus = status
        case .markEnded(let date):
            if state.session.status == .completed { state.engine.markEnded(now: date) }
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
