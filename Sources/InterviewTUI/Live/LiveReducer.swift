import InterviewKit

/// The live screen's reducer: the one place where actions change its state. Session
/// changes go through the engine, which records them as events.
public enum LiveReducer {
    public static func reduce(_ state: inout LiveState, _ action: LiveAction, now: Double) {
        state.now = max(state.now, now)
        let t = state.now
        switch action {
        case .follow(let item):
            state.awaitingFollowUp = false
            state.promptKey = nil
            reduce(&state, .session(.toggleFollowUp(item)), now: t)
        case .session(let sessionAction):
            let before = state.session.current
            if state.editor != nil, sessionAction == .next || sessionAction == .previous {
                // Moving on while typing (share-safe's arrows): the notes stay with their question.
                commitNotes(&state)
                state.editor = nil
            }
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
            let notes = state.session.wrappingUp ? state.session.closingNotes : state.session.questions[state.session.current].notes
            var editor = LineEditor(lines: notes)
            // A thought at 00:33 is stamped 00:33: opening notes that hold text starts a new line.
            if !notes.isEmpty { editor.newline(stamp: stamp(state)) }
            state.editor = editor
            if !state.session.wrappingUp { state.focus = .notes }
        case .paste(let text) where state.overlay?.isAddQuestion == true:
            reduce(&state, .addText(text), now: t)
        case .paste(let text), .type(let text):
            // Outside the notes a paste (or prose) opens them: no word in it can quit, rate or move on.
            if state.editor == nil {
                state.overlay = nil
                state.awaitingRating = false
                state.awaitingFollowUp = false
                state.promptKey = nil
                reduce(&state, .startTyping, now: t)
            }
            reduce(&state, .edit(.insert(text)), now: t)
        case .held(let key):
            if var burst = state.burst, t - burst.last < LiveKeys.burstGap {
                burst.keys.append(key)
                burst.last = t
                state.burst = burst
                // Prose as soon as it can be no command: typed at once, not at the next pause.
                if !couldBeCommand(burst.keys, state.display) { resolveBurst(&state) }
                return
            }
            resolveBurst(&state)
            let display = state.display
            let action = LiveKeys.action(for: key, in: display)
            let prompt = display.overlay != nil || display.awaitingRating || display.awaitingFollowUp
            if !prompt, action == .startTyping {
                // Nothing to wait for: what follows is typed into the notes either way.
                reduce(&state, .startTyping, now: t)
            } else if !prompt, LiveKeys.table(for: display).binding(for: key, in: display) == nil, case .character(let c) = key {
                // A key no command has starts prose at once.
                reduce(&state, .type(String(c)), now: t)
            } else {
                state.burst = Burst(keys: [key], started: t, last: t)
            }
        case .resolve:
            resolveBurst(&state)
        case .press(let key):
            resolveBurst(&state)
            let armed = state.commandArmed
            guard let action = LiveKeys.action(for: key, in: state.display) else { return }
            reduce(&state, action, now: t)
            if armed, action != .armCommand { state.commandArmed = false }
        case .armCommand:
            state.commandArmed.toggle()
        case .disarm:
            state.commandArmed = false
        case .remind(let text):
            state.notice = text
        case .openList:
            let rows = QuestionList.rows(state.display)
            state.overlay = .questionList(selection: rows.firstIndex(of: state.session.current) ?? 0, typed: "")
        case .listMove(let step):
            guard case .questionList(let selection, _)? = state.overlay else { return }
            let count = QuestionList.rows(state.display).count
            state.overlay = .questionList(selection: min(max(0, selection + step), max(0, count - 1)), typed: "")
        case .listType(let digit):
            guard case .questionList(let selection, let typed)? = state.overlay, typed.count < 3 else { return }
            let number = Int(typed + String(digit)) ?? 0
            let count = QuestionList.rows(state.display).count
            state.overlay = .questionList(selection: (1...max(1, count)).contains(number) ? number - 1 : selection, typed: typed + String(digit))
        case .listErase:
            guard case .questionList(let selection, let typed)? = state.overlay else { return }
            state.overlay = .questionList(selection: selection, typed: String(typed.dropLast()))
        case .listJump:
            guard case .questionList(let selection, _)? = state.overlay else { return }
            let rows = QuestionList.rows(state.display)
            state.overlay = nil
            guard rows.indices.contains(selection) else { return }
            reduce(&state, .session(.open(rows[selection])), now: t)
        case .openAddQuestion:
            guard state.session.status == .inProgress else { return }
            state.overlay = .addQuestion(text: "")
        case .addText(let text):
            guard case .addQuestion(let typed)? = state.overlay else { return }
            let line = text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
            state.overlay = .addQuestion(text: String((typed + line).prefix(500)))
        case .addErase:
            guard case .addQuestion(let typed)? = state.overlay else { return }
            state.overlay = .addQuestion(text: String(typed.dropLast()))
        case .addConfirm:
            guard case .addQuestion(let typed)? = state.overlay else { return }
            state.overlay = nil
            reduce(&state, .session(.addQuestion(typed)), now: t)
        case .awaitFollowUp:
            if state.question.followUps.isEmpty {
                state.notice = "this question has no follow-ups"
            } else {
                state.awaitingFollowUp = true
            }
        case .stopTyping:
            commitNotes(&state)
            state.editor = nil
            // In share-safe, where letters are text, Esc is how a command starts.
            if state.session.shareSafe { state.commandArmed = true }
        case .edit(let command):
            guard state.editor != nil else { return }
            // In place: a copy of the editor would copy every line of the notes on each key.
            apply(command, to: &state.screen.editor!, stamp: stamp(state))
            // A long burst of typing is still recorded twice a second, not only when it pauses.
            if t - state.notesRecordedAt >= 0.5 { commitNotes(&state) }
        case .awaitRating:
            state.awaitingRating = state.session.status == .inProgress
        case .rate(let rating):
            state.awaitingRating = false
            state.promptKey = nil
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
            state.promptKey = nil
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
            if let burst = state.burst, t - burst.last >= LiveKeys.burstGap - 1e-9 { resolveBurst(&state) }
            commitNotes(&state)
        case .dismissNotice:
            state.notice = nil
        case .saved(let status):
            state.saveStatus = status
        case .markEnded(let date):
            if state.session.status == .completed { state.engine.markEnded(now: date) }
        }
    }

    /// The clock a note line is stamped with: the question's, or in wrap-up the interview's.
    static func stamp(_ state: LiveState) -> Double {
        let t = state.session.wrappingUp ? state.session.totalElapsed(at: state.now) : state.questionElapsed()
        return (t * 1000).rounded() / 1000
    }

    /// Judges the burst of keys waiting: one command does it (a key, `r` and a digit,
    /// digits that tick, `n` or `p` again and again); anything else is prose, typed into
    /// the notes with the key that opened a prompt, if one is open.
    static func resolveBurst(_ state: inout LiveState) {
        guard let burst = state.burst else { return }
        state.burst = nil
        let t = state.now
        if isCommand(burst.keys, state.display) {
            for key in burst.keys {
                let promptWasOpen = state.overlay != nil || state.awaitingRating || state.awaitingFollowUp
                guard let action = LiveKeys.action(for: key, in: state.display) else { continue }
                reduce(&state, action, now: t)
                let promptIsOpen = state.overlay == .quitConfirm || state.awaitingRating || state.awaitingFollowUp
                if case .character(let c) = key, promptIsOpen, !promptWasOpen { state.promptKey = c }
                if !promptIsOpen { state.promptKey = nil }
            }
            return
        }
        let text = (state.promptKey.map { String($0) } ?? "") + String(burst.keys.compactMap { key -> Character? in
            if case .character(let c) = key { return c }
            return nil
        })
        reduce(&state, .type(text), now: t)
    }

    /// Whether more keys could still make `keys` one command (`r` before its digit).
    static func couldBeCommand(_ keys: [Key], _ display: Display) -> Bool {
        if isCommand(keys, display) { return true }
        let action = keys.count == 1 ? LiveKeys.table(for: display).action(for: keys[0], in: display) : nil
        return action == .awaitRating || action == .awaitFollowUp
    }

    static func isCommand(_ keys: [Key], _ display: Display) -> Bool {
        let table = LiveKeys.table(for: display)
        guard let first = keys.first, table.binding(for: first, in: display) != nil else { return false }
        if keys.count == 1 { return true }
        let characters = keys.compactMap { key -> Character? in
            if case .character(let c) = key { return c }
            return nil
        }
        guard characters.count == keys.count else { return false }
        if characters.allSatisfy({ ("1"..."9").contains($0) }) { return true }  // ticks, fast
        if Set(characters).count == 1, characters[0] == "n" || characters[0] == "p" { return true }
        let second = characters[1]
        return keys.count == 2 && (table.action(for: first, in: display) == .awaitRating && (("0"..."4").contains(second) || second == "d")
            || table.action(for: first, in: display) == .awaitFollowUp && ("1"..."9").contains(second))
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
