import InterviewCore

/// The live screen's reducer: the one place where actions change its state. Session
/// changes go through the engine, which records them as events; the notes, the boxes
/// and the lists have reducers of their own (NotesReducer, ListReducer).
public enum LiveReducer {
    public static func reduce(_ state: inout LiveState, _ action: LiveAction, now: Double) {
        state.now = max(state.now, now)
        let t = state.now
        switch action {
        case .session(.toggleRubric(let item)) where !state.session.questions[state.session.current].rubric.indices.contains(item):
            let count = state.session.questions[state.session.current].rubric.count
            state.notice = state.session.shareSafe ? nil : "no rubric item \(item + 1): this question has \(count)"
        case .session(let sessionAction):
            perform(&state, sessionAction)
        case .view(let viewAction):
            ViewReducer.reduce(&state, viewAction)
        case .pending(let pending):
            // A command starts: what was typed is recorded, and the next key of text starts a new line.
            if pending != nil { NotesReducer.close(&state) }
            state.pending = pending
        case .edit, .paste, .type:
            NotesReducer.reduce(&state, action)
        case .remind(let text):
            state.notice = text
        case .openList, .list, .openAddQuestion, .addText, .addErase, .addConfirm:
            ListReducer.reduce(&state, action)
        case .follow(let item):
            perform(&state, .toggleFollowUp(item))
        case .rate(let rating):
            perform(&state, state.session.wrappingUp ? .recommend(rating) : .rate(rating))
        case .reveal:
            state.revealed.insert(state.session.current)
        case .toggleShareSafe:
            perform(&state, .setShareSafe(!state.session.shareSafe))
        case .askQuit:
            if state.session.status == .completed { state.exit = .completed } else { state.overlay = .quitConfirm }
        case .endInterview:
            NotesReducer.close(&state)
            state.overlay = nil
            state.engine.perform(.end, at: t)
            state.exit = .completed
        case .askDiscard:
            state.overlay = .discardConfirm
        case .discard:
            state.editor = nil
            state.overlay = nil
            state.exit = .discarded
        case .leaveForLater:
            leave(&state, as: .leftForLater)
        case .signal(let number):
            leave(&state, as: .signal(number))
        case .tick:
            NotesReducer.commit(&state)
        case .dismissNotice:
            state.notice = nil
        case .saved(let status):
            state.saveStatus = status
        case .markEnded(let date):
            if state.session.status == .completed { state.engine.markEnded(now: date) }
        case .lastSave(let lastSave):
            state.lastSave = lastSave
        }
    }

    /// A change of the session, through the engine; undo and redo say what they took back.
    static func perform(_ state: inout LiveState, _ action: SessionAction) {
        let before = state.session.current
        let wasWrapping = state.session.wrappingUp
        if action == .next || action == .previous || action == .wrapUp || action == .undo || action == .redo {
            // The notes typed stay with their question.
            NotesReducer.close(&state)
        }
        let events = state.engine.file.events.count
        state.engine.perform(action, at: state.now)
        if action == .undo || action == .redo {
            let done = state.engine.file.events.count > events ? state.engine.file.events.last : nil
            state.notice = UndoText.notice(for: done, undo: action == .undo, questions: state.engine.questions,
                                           shared: state.session.shareSafe)
        }
        if state.session.current != before || state.session.wrappingUp != wasWrapping {
            ViewReducer.questionChanged(&state, wrappingUp: state.session.wrappingUp)
        }
    }

    private static func leave(_ state: inout LiveState, as exit: LiveExit) {
        NotesReducer.close(&state)
        state.overlay = nil
        state.engine.perform(.interrupt, at: state.now)
        state.exit = exit
    }
}
