#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore
import InterviewStore

/// The mirror as the runtime loop runs it: a candidate-safe view that follows a live
/// session through its file (`SessionFollower`), checked four times a second.
public enum MirrorProgram: ScreenProgram {
    public struct State: Hashable, Sendable {
        public var model: SessionFollower.Model
        public var size: Size
        public var ascii = false
        public var quit = false

        public init(size: Size) {
            model = .waiting("Looking for the interview…")
            self.size = size
        }
    }

    public enum Action: Hashable, Sendable {
        case followed(SessionFollower.Model)
        case resize(Size)
        case quit
    }

    public static func actions(for input: TerminalInput, in state: State) -> [Action] {
        switch input {
        case .key(let key): MirrorKeys.table.action(for: key, in: state).map { [$0] } ?? []
        case .resize(let size): [.resize(size)]
        case .signal: [.quit]
        case .paste, .timeout, .mouse: []
        }
    }

    public static func reduce(_ state: inout State, _ action: Action, now: Double) {
        switch action {
        case .followed(let model): state.model = model
        case .resize(let size): state.size = size
        case .quit: state.quit = true
        }
    }

    public static func render(_ state: State) -> Canvas { MirrorScreen.render(state) }
    public static func isFinished(_ state: State) -> Bool { state.quit }
    public static func wait(_ state: State, now: Double) -> Double { 0.25 }

    public static func run(path: String, terminal: any TerminalDevice, clock: any MonotonicClock,
                           source: SessionFollower.Source = .files) -> State {
        var state = State(size: terminal.size)
        state.ascii = terminal.ascii
        var effects = MirrorEffects(follower: SessionFollower(path: path, source: source))
        state.model = effects.follower.poll(now: clock.now())
        return Runtime.run(MirrorProgram.self, state, terminal: terminal, clock: clock, effects: &effects)
    }
}

/// Reads the session file again after every wait, and hands what it shows to the reducer.
public struct MirrorEffects: ScreenEffects {
    public typealias Program = MirrorProgram
    var follower: SessionFollower

    public mutating func after(_ state: MirrorProgram.State, now: Double, firstFrame: Bool) -> [MirrorProgram.Action] {
        let model = follower.poll(now: now)
        return model == state.model ? [] : [.followed(model)]
    }
}
