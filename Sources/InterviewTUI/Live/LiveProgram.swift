#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore
import InterviewStore

/// The live and practice screens as the runtime loop runs them.
public enum LiveProgram: ScreenProgram {
    public static func actions(for input: TerminalInput, in state: LiveState) -> [LiveAction] {
        guard takesInput(state) else { return [] }
        let notice: [LiveAction] = state.notice == nil ? [] : [.dismissNotice]
        switch input {
        case .key(let key):
            let step = CommandGrammar.interpret(key, pending: state.pending, table: LiveKeys.table(for: state), in: state)
            var actions = notice
            // A command started, even one given whole in this key (Alt-1): the notes close first,
            // so that the next key of text starts a new line.
            if step.escaped, state.pending == nil { actions.append(.pending(.command)) }
            if step.pending != (step.escaped && state.pending == nil ? .command : state.pending) { actions.append(.pending(step.pending)) }
            if let unknown = step.unknown { actions.append(.remind("Esc \(unknown.label) is no command here (F1 lists them)")) }
            return actions + step.actions
        case .mouse(let mouse): return notice + click(mouse, in: state)
        case .paste(let text): return [.paste(text)]
        case .resize(let size): return [.view(.resize(size))]
        case .signal(let number): return [.signal(number)]
        case .timeout: return [.tick]
        }
    }

    /// What a click or the wheel does where it lands, as the screen on display draws it.
    static func click(_ mouse: Mouse, in state: LiveState) -> [LiveAction] {
        guard mouse.pressed else { return [] }
        let canvas = LiveScreen.render(state)
        let place = canvas.click(at: mouse.x, mouse.y)
        switch mouse.button {
        case .wheelUp, .wheelDown:
            guard case .pane(let pane)? = place ?? paneUnder(mouse, canvas) else { return [] }
            return [.view(.scrollPane(pane, mouse.button == .wheelDown ? 3 : -3))]
        case .left:
            switch place {
            case .pane(let pane)?: return [.view(.focus(pane))]
            case .rubricItem(let item)?: return [.session(.toggleRubric(item))]
            case .followUp(let item)?: return [.follow(item)]
            case .rating(let level)?: return [.pending(nil), .rate(level)]
            case .listRow(let row)?: return [.list(.pick(row))]
            case nil: return []
            }
        case .middle, .right:
            return []
        }
    }

    /// The pane under a place that means something else (a rubric item is in the rubric pane).
    private static func paneUnder(_ mouse: Mouse, _ canvas: Canvas) -> Click? {
        canvas.clickable.last { entry in
            guard case .pane = entry.click else { return false }
            return mouse.x >= entry.rect.x && mouse.x < entry.rect.maxX && mouse.y >= entry.rect.y && mouse.y < entry.rect.maxY
        }?.click
    }

    public static func reduce(_ state: inout LiveState, _ action: LiveAction, now: Double) {
        LiveReducer.reduce(&state, action, now: now)
    }

    public static func render(_ state: LiveState) -> Canvas { LiveScreen.render(state) }

    /// Once the last save is done: the screen closed (`exit`), and the session is on disk
    /// or was written elsewhere.
    public static func isFinished(_ state: LiveState) -> Bool {
        if case .done? = state.lastSave { return true }
        return false
    }

    /// Keys are taken until the screen closes; then the last save alone goes on.
    public static func takesInput(_ state: LiveState) -> Bool { state.exit == nil }

    /// Until the next whole second of the session clock, when the clocks on screen change;
    /// while the last save is retried, until the next try.
    public static func wait(_ state: LiveState, now: Double) -> Double {
        if case .retrying(_, let next)? = state.lastSave { return max(0, next - now) }
        return max(0.01, 1 - (now - now.rounded(.down)))
    }

    public static func accumulates(_ action: LiveAction) -> Bool {
        if case .type = action { return true }
        return false
    }

    /// Typed characters, and the line breaks between them, go in as one insert.
    public static func merge(_ first: inout LiveAction, _ next: LiveAction) -> Bool {
        guard case .type(var text) = first else { return false }
        let more: String
        switch next {
        case .type(let b): more = b
        case .edit(.newline): more = "\n"
        default: return false
        }
        // The text taken out of the action is its only reference: it grows in place.
        first = .tick
        text += more
        first = .type(text)
        return true
    }

    /// Runs a live (or practice) session on `terminal` until it ends, is left, or a
    /// signal stops it, and its last save is done (`LiveEffects`): checked, tried again
    /// for a few seconds while the screen says so, and when the disk still refuses the
    /// session is written to `rescue` (a path in the home folder or /tmp). The program
    /// never says saved when it is not. `pause` is how the loop waits between tries, when
    /// no key may change the screen any more. `afterFirstFrame`: bookkeeping the first
    /// frame does not wait for, done once it is drawn and before the first key is read;
    /// what it returns, a warning, shows on the screen.
    public static func run(engine: SessionEngine, clock: SessionClock, saver: any SessionSaving, terminal: any TerminalDevice,
                           notice: String? = nil, practice: Bool = false, afterFirstFrame: @escaping () -> String? = { nil },
                           wallClock: @escaping () -> Date = Date.init,
                           pause: (Double) -> Void = { pauseThread(seconds: $0) },
                           rescue: @escaping (SessionFile) -> String? = { SessionStore.rescue($0) }) -> (state: LiveState, saved: Saved) {
        var effects = LiveEffects(saver: saver, afterFirstFrame: afterFirstFrame, wallClock: wallClock, rescue: rescue)
        return run(engine: engine, clock: clock, effects: &effects, terminal: terminal, notice: notice, practice: practice, pause: pause)
    }

    /// The same, for a session whose saver (and file) `opening` makes once the first frame
    /// is drawn, before the first key is read; when it cannot, the screen ends there
    /// (`Saved.unmade`).
    public static func run(engine: SessionEngine, clock: SessionClock, opening: @escaping Opening, terminal: any TerminalDevice,
                           notice: String? = nil, practice: Bool = false, afterFirstFrame: @escaping () -> String? = { nil },
                           wallClock: @escaping () -> Date = Date.init,
                           pause: (Double) -> Void = { pauseThread(seconds: $0) },
                           rescue: @escaping (SessionFile) -> String? = { SessionStore.rescue($0) }) -> (state: LiveState, saved: Saved) {
        var effects = LiveEffects(opening: opening, afterFirstFrame: afterFirstFrame, wallClock: wallClock, rescue: rescue)
        return run(engine: engine, clock: clock, effects: &effects, terminal: terminal, notice: notice, practice: practice, pause: pause)
    }

    private static func run(engine: SessionEngine, clock: SessionClock, effects: inout LiveEffects, terminal: any TerminalDevice,
                            notice: String?, practice: Bool, pause: (Double) -> Void) -> (state: LiveState, saved: Saved) {
        var state = LiveState(engine: engine, size: terminal.size, mode: practice ? .practice : .live)
        state.now = clock.now()
        state.ascii = terminal.ascii
        state.notice = notice
        state = Runtime.run(LiveProgram.self, state, terminal: terminal, clock: clock, effects: &effects, pause: pause)
        guard case .done(let saved)? = state.lastSave else { preconditionFailure("the loop ends once the last save is done") }
        return (state, saved)
    }
}
