import Foundation
import InterviewKit

/// Runs the live screen: reads keys, reduces them, saves what changed, draws. The loop
/// sleeps in the key read until the next second of the session clock, so an idle
/// interview costs one small redraw a second.
public enum LiveApp {
    /// Seconds between saves while nothing but the clock changes, so that a resume
    /// after `kill -9` loses at most this much of the clocks.
    static let heartbeat = 5.0
    /// How long input already waiting (a paste) is handled before the screen is drawn
    /// again: a long paste still shows its progress, and never costs a frame per key.
    static let frameBudgetNanoseconds: UInt64 = 200_000_000

    public static func run(engine: SessionEngine, clock: SessionClock, saver: SessionSaver, theme: Theme,
                           notice: String? = nil, practice: Bool = false) -> LiveExit {
        let terminal = Terminal(theme: theme)
        defer { terminal.close() }
        var state = LiveState(engine: engine, size: terminal.size)
        state.now = clock.now()
        state.ascii = terminal.ascii
        state.path = saver.url.path
        state.notice = notice
        state.practice = practice
        var savedEvents = -1
        var lastSave = -Double.infinity

        func save(force: Bool = false) {
            let count = state.engine.file.events.count
            guard force || count != savedEvents || state.now - lastSave >= heartbeat else { return }
            saver.save(state.engine.snapshot(at: state.now))
            savedEvents = count
            lastSave = state.now
        }

        var drawn = false
        while state.exit == nil {
            state.saveStatus = saver.status
            terminal.draw(LiveScreen.render(state))
            if !drawn {
                // The first save (a new file, fsync) starts once the screen is up, not competing with it.
                save(force: true)
                drawn = true
            }
            let fraction = state.now - state.now.rounded(.down)
            var input = terminal.read(timeout: max(10, Int((1 - fraction) * 1000)))
            let deadline = DispatchTime.now().uptimeNanoseconds + frameBudgetNanoseconds
            // Consecutive typed characters and line breaks go in as one insert: a paste
            // is one edit, not one per character.
            var typed = ""
            func insertTyped() {
                guard !typed.isEmpty else { return }
                LiveReducer.reduce(&state, .edit(.insert(typed)), now: clock.now())
                typed = ""
            }
            func perform(_ action: LiveAction) {
                insertTyped()
                LiveReducer.reduce(&state, action, now: clock.now())
            }
            while state.exit == nil {
                switch input {
                case .key(let key):
                    state.notice = nil
                    switch LiveKeymap.action(for: key, in: state) {
                    case .edit(.insert(let text))?: typed += text
                    case .edit(.newline)?: typed += "\n"
                    case let action?: perform(action)
                    case nil: break
                    }
                case .resize(let size): perform(.resize(size))
                case .signal(let number): perform(.signal(number))
                case .paste(let text): perform(.paste(text))
                case .timeout: perform(.tick)
                }
                guard input != .timeout, DispatchTime.now().uptimeNanoseconds < deadline else { break }
                input = terminal.read(timeout: 0)
                if input == .timeout { break }
            }
            insertTyped()
            save()
        }
        if state.exit == .completed { state.engine.markEnded(now: Date()) }
        save(force: true)
        saver.flush()
        return state.exit ?? .leftForLater
    }
}
