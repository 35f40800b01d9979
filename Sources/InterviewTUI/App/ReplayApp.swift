import InterviewKit

/// Runs replay: keys move along the timeline; while playing, the loop wakes ten times
/// a second and moves the position by the real time passed times the speed.
public enum ReplayApp {
    public static func run(file: SessionFile, speed: Double, theme: Theme) {
        let terminal = Terminal(theme: theme)
        defer { terminal.close() }
        let clock = SystemClock()
        func viewSize(_ size: Size) -> Size { Size(width: size.width, height: max(0, size.height - ReplayScreen.timelineRows)) }
        var state = ReplayState(file: file, size: viewSize(terminal.size), speed: speed)
        state.view.ascii = terminal.ascii
        var last = clock.now()
        while !state.quit {
            terminal.draw(ReplayScreen.render(state))
            let input = terminal.read(timeout: state.playing ? 100 : 1000)
            let now = clock.now()
            if state.playing { ReplayReducer.reduce(&state, .advance(now - last)) }
            last = now
            switch input {
            case .key(let key):
                if let action = ReplayKeymap.action(for: key, in: state) { ReplayReducer.reduce(&state, action) }
            case .resize(let size):
                ReplayReducer.reduce(&state, .view(.resize(viewSize(size))))
            case .signal:
                ReplayReducer.reduce(&state, .quit)
            case .timeout, .paste:
                break
            }
        }
    }
}
