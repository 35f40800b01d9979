import InterviewCore

/// The notes of the question on screen (in wrap-up the closing notes, in practice the
/// answer): printable keys are text, so the editor opens with the first key typed after
/// a command or a move, on a new line stamped with the moment it came, and closes when
/// a command starts (`Esc`). What is typed is recorded as an event twice a second, and
/// when the editor closes.
enum NotesReducer {
    static func reduce(_ state: inout LiveState, _ action: LiveAction) {
        switch action {
        case .paste(let text) where state.overlay?.isAddQuestion == true:
            ListReducer.reduce(&state, .addText(text))
        case .paste(let text):
            // A paste is text wherever it lands: no word in it can quit, rate or move on.
            state.overlay = nil
            state.pending = nil
            type(&state, text)
        case .type(let text):
            // A letter in the quit or discard box goes back to the notes, with nothing lost.
            if state.overlay == .quitConfirm || state.overlay == .discardConfirm { state.overlay = nil }
            type(&state, text)
        case .edit(let command):
            // Enter after a command is the new line itself; any other key edits where the notes end.
            let wasOpen = state.editor != nil
            guard open(&state, newLine: command == .newline) else { return }
            if wasOpen || command != .newline { LiveReducer.apply(command, to: &state.editor!, stamp: stamp(state)) }
            recordNow(&state)
        default:
            return
        }
    }

    private static func type(_ state: inout LiveState, _ text: String) {
        guard open(&state, newLine: true) else { return }
        // In place: a copy of the editor would copy every line of the notes on each key.
        state.editor!.insert(text, stamp: stamp(state))
        recordNow(&state)
    }

    /// Opens the editor on the notes when it is closed: at their end, on a new line
    /// stamped now when `newLine` and the notes hold text. False when nothing can be typed
    /// (the interview has ended).
    @discardableResult
    static func open(_ state: inout LiveState, newLine: Bool) -> Bool {
        guard state.session.status == .inProgress else { return false }
        if state.editor != nil { return true }
        state.notesRecordedAt = state.now
        let notes = state.session.wrappingUp ? state.session.closingNotes : state.session.questions[state.session.current].notes
        var editor = LineEditor(lines: notes)
        // A thought at 00:33 is stamped 00:33.
        if newLine, !notes.isEmpty { editor.newline(stamp: stamp(state)) }
        state.editor = editor
        return true
    }

    /// Records the notes and closes the editor: the next key typed starts a new line.
    static func close(_ state: inout LiveState) {
        commit(&state)
        state.editor = nil
    }

    /// A long stretch of typing is recorded twice a second, not only when it stops.
    private static func recordNow(_ state: inout LiveState) {
        if state.now - state.notesRecordedAt >= 0.5 { commit(&state) }
    }

    /// Records what was typed since the last time as one event.
    static func commit(_ state: inout LiveState) {
        guard let notes = state.editor?.notes else { return }
        state.notesRecordedAt = state.now
        state.engine.perform(state.session.wrappingUp ? .setClosingNotes(notes) : .setNotes(notes), at: state.now)
    }

    /// The clock a note line is stamped with: the question's, or in wrap-up the interview's.
    static func stamp(_ state: LiveState) -> Double {
        let t = state.session.wrappingUp ? state.session.totalElapsed(at: state.now) : state.questionElapsed()
        return (t * 1000).rounded() / 1000
    }
}

extension LiveReducer {
    static func apply(_ command: EditCommand, to editor: inout LineEditor, stamp: Double) {
        switch command {
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
