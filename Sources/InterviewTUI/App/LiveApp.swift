import Foundation
import InterviewKit

/// Runs the live screen: reads keys, reduces them, saves what changed, draws. The loop
/// sleeps in the key read until the next second of the session clock, so an idle
/// interview costs one small redraw a second.
public enum LiveApp {
    /// Seconds between saves while nothing but the clock changes, so that a resume
    /// after `kill -9` loses at most this much of the clocks.
    static let heartbeat = 5.0
    /// Keys read in one go (a paste) before the screen is drawn again.
    static let burst = 4096

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

        save(force: true)
        while state.exit == nil {
            state.saveStatus = saver.status
            terminal.draw(LiveScreen.render(state))
            let fraction = state.now - state.now.rounded(.down)
            var input = terminal.read(timeout: max(10, Int((1 - fraction) * 1000)))
            var handled = 0
            while state.exit == nil {
                switch input {
                case .key(let key):
                    state.notice = nil
                    if let action = LiveKeymap.action(for: key, in: state) {
                        LiveReducer.reduce(&state, action, now: clock.now())
                    }
                case .resize(let size):
                    LiveReducer.reduce(&state, .resize(size), now: clock.now())
                case .signal(let number):
                    LiveReducer.reduce(&state, .signal(number), now: clock.now())
                case .timeout:
                    LiveReducer.reduce(&state, .tick, now: clock.now())
                }
                save()
                handled += 1
                guard input != .timeout, handled < burst else { break }
                input = terminal.read(timeout: 0)
                if input == .timeout { break }
            }
        }
        if state.exit == .completed { state.engine.markEnded(now: Date()) }
        save(force: true)
        saver.flush()
        return state.exit ?? .leftForLater
    }
}
