#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore

/// A screen as the runtime loop drives it: a state, the actions that input asks for
/// (through the mode's key table), a reducer and a renderer. Live, practice, replay and
/// the mirror are each one.
public protocol ScreenProgram {
    associatedtype State
    associatedtype Action

    static func actions(for input: TerminalInput, in state: State) -> [Action]
    static func reduce(_ state: inout State, _ action: Action, now: Double)
    static func render(_ state: State) -> Canvas
    static func isFinished(_ state: State) -> Bool
    /// The longest the loop waits for input (seconds) before it reads a timeout: the
    /// next moment something on screen changes by itself (a clock).
    static func wait(_ state: State, now: Double) -> Double
    /// Whether an action may wait to be merged with the ones that follow it (a typed
    /// character: a burst of them is one insert, not one per key).
    static func accumulates(_ action: Action) -> Bool
    /// Takes `next` into `first` when `first` accumulates; false when they stay two. In
    /// place: a megabyte typed as keys is not copied once per key.
    static func merge(_ first: inout Action, _ next: Action) -> Bool
    /// False once no input may change the screen, while its effects finish (the live
    /// screen's last save): the loop then sleeps until the next change instead of reading.
    static func takesInput(_ state: State) -> Bool
}

extension ScreenProgram {
    public static func accumulates(_ action: Action) -> Bool { false }
    public static func merge(_ first: inout Action, _ next: Action) -> Bool { false }
    public static func takesInput(_ state: State) -> Bool { true }
}

/// What a screen does besides drawing, run by the loop after its first frame and after
/// every batch of input: saving (live), following a file (mirror). What it learns comes
/// back as actions, through the reducer.
public protocol ScreenEffects {
    associatedtype Program: ScreenProgram
    mutating func after(_ state: Program.State, now: Double, firstFrame: Bool) -> [Program.Action]
}

/// A screen without effects (replay).
public struct NoEffects<Program: ScreenProgram>: ScreenEffects {
    public init() {}
    public func after(_ state: Program.State, now: Double, firstFrame: Bool) -> [Program.Action] { [] }
}

/// The one loop every screen runs: draw, read input, map it to actions, reduce, let the
/// effects run, draw again. Input already waiting (a paste, fast typing) is taken for
/// up to `frameBudget` seconds before the next frame: a long paste still shows its
/// progress, and never costs a frame per key. The loop sleeps in the read until the
/// screen's next change by itself, so an idle screen costs one small frame a second.
public enum Runtime {
    public static let frameBudget = 0.2

    public static func run<Program, Effects: ScreenEffects>(
        _ program: Program.Type, _ initial: Program.State, terminal: any TerminalDevice, clock: any MonotonicClock,
        effects: inout Effects, pause: (Double) -> Void = { pauseThread(seconds: $0) }
    ) -> Program.State where Effects.Program == Program {
        var state = initial
        var firstFrame = true
        // What the terminal shows: the next frame sends what differs from it.
        var shown: Canvas?
        while !Program.isFinished(state) {
            let frame = Program.render(state)
            terminal.draw(FrameUpdate(from: shown, to: frame))
            shown = frame
            if firstFrame {
                // The first save (a new file, fsync) starts once the screen is up, not competing with it.
                for action in effects.after(state, now: clock.now(), firstFrame: true) {
                    Program.reduce(&state, action, now: clock.now())
                }
                firstFrame = false
                // The effects can end the screen before its first key (a new session's file that cannot be made).
                if Program.isFinished(state) { break }
            }
            let wait = max(0, Program.wait(state, now: clock.now()))
            guard Program.takesInput(state) else {
                // No key may change the screen now (a hung-up terminal would answer at once): it waits, and the effects go on.
                pause(wait)
                for action in effects.after(state, now: clock.now(), firstFrame: false) {
                    Program.reduce(&state, action, now: clock.now())
                }
                continue
            }
            var input = terminal.read(timeout: Int((wait * 1000).rounded(.up)))
            let deadline = clock.now() + frameBudget
            var pending: Program.Action?
            func flush() {
                if let action = pending { Program.reduce(&state, action, now: clock.now()) }
                pending = nil
            }
            while true {
                // A new size: the terminal redrew or cleared itself, nothing of the last frame is known.
                if case .resize = input { shown = nil }
                for action in Program.actions(for: input, in: state) {
                    if pending != nil, Program.merge(&pending!, action) { continue }
                    flush()
                    if Program.accumulates(action) { pending = action } else { Program.reduce(&state, action, now: clock.now()) }
                }
                guard input != .timeout, !Program.isFinished(state), Program.takesInput(state), clock.now() < deadline else { break }
                input = terminal.read(timeout: 0)
                if input == .timeout { break }
            }
            flush()
            for action in effects.after(state, now: clock.now(), firstFrame: false) {
                Program.reduce(&state, action, now: clock.now())
            }
        }
        return state
    }
}
