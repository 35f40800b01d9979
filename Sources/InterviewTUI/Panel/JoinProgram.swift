#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore
import InterviewStore

/// A panel member's screen (`interview join`): the live screen on the member's own
/// session, which follows the lead's question and shows the lead's clocks, read from
/// the lead's file. The member can look at another question; `Esc l` brings them back
/// to the lead's, and the screen follows the lead again.
public struct JoinState: Hashable, Sendable {
    public var live: LiveState
    public var lead: LeadSignal = .waiting("Looking for the lead's session file…")
    /// On the lead's question (until the member goes to another one).
    public var following = true
    public var leadName: String

    public init(live: LiveState, leadName: String) {
        self.live = live
        self.leadName = leadName
    }

    /// The live screen as drawn: with the lead's clocks while following them.
    public var display: LiveState {
        guard following, let lead = lead.position, !live.session.wrappingUp, live.session.current == lead.current else {
            return live
        }
        // Drawn only: the member's own clocks go on in their file.
        var state = live.session
        state.clock = live.now
        state.questions[state.current].elapsed = lead.questionElapsed
        state.activeSeconds = lead.totalElapsed
        state.paused = lead.paused
        var shown = live
        shown.engine = SessionEngine(file: live.engine.file, questions: live.engine.questions, showing: state)
        return shown
    }
}

public enum JoinAction: Hashable, Sendable {
    case live(LiveAction)
    /// What the lead's file says now.
    case lead(LeadSignal)
    /// `Esc l`: to the lead's question, following the lead again.
    case backToLead
}

public enum JoinProgram: ScreenProgram {
    public static func actions(for input: TerminalInput, in state: JoinState) -> [JoinAction] {
        if case .key(let key) = input, state.live.overlay == nil {
            let step = CommandGrammar.interpret(key, pending: state.live.pending, table: JoinKeys.table, in: state.live)
            if !step.actions.isEmpty {
                return (state.live.notice == nil ? [] : [.live(.dismissNotice)]) + [.live(.pending(nil))] + step.actions
            }
        }
        return LiveProgram.actions(for: input, in: state.live).map(JoinAction.live)
    }

    public static func reduce(_ state: inout JoinState, _ action: JoinAction, now: Double) {
        switch action {
        case .live(let action):
            let (question, wrapping) = (state.live.session.current, state.live.session.wrappingUp)
            LiveReducer.reduce(&state.live, action, now: now)
            // The member went elsewhere on their own: the lead is no longer followed.
            if state.live.session.current != question || state.live.session.wrappingUp != wrapping { state.following = false }
        case .lead(let signal):
            state.lead = signal
            if state.following { align(&state, now: now) }
        case .backToLead:
            state.following = true
            align(&state, now: now)
        }
    }

    /// Puts the member on the lead's question (or in wrap-up with the lead), as the
    /// member's own move: their notes typed so far stay with the question they were on.
    static func align(_ state: inout JoinState, now: Double) {
        guard let lead = state.lead.position, state.live.session.status == .inProgress else { return }
        let member = state.live.session
        if lead.wrappingUp {
            if !member.wrappingUp { LiveReducer.reduce(&state.live, .session(.wrapUp), now: now) }
        } else if member.questions.indices.contains(lead.current), member.current != lead.current || member.wrappingUp {
            LiveReducer.reduce(&state.live, .session(.open(lead.current)), now: now)
        }
    }

    public static func render(_ state: JoinState) -> Canvas {
        var canvas = LiveScreen.render(state.display)
        JoinBanner.draw(state, into: &canvas)
        return canvas
    }

    public static func isFinished(_ state: JoinState) -> Bool { LiveProgram.isFinished(state.live) }

    public static func takesInput(_ state: JoinState) -> Bool { LiveProgram.takesInput(state.live) }

    /// The lead's file is looked at four times a second: the member follows within one.
    public static func wait(_ state: JoinState, now: Double) -> Double {
        min(LiveProgram.wait(state.live, now: now), 0.25)
    }

    public static func accumulates(_ action: JoinAction) -> Bool {
        if case .live(let live) = action { return LiveProgram.accumulates(live) }
        return false
    }

    public static func merge(_ first: inout JoinAction, _ next: JoinAction) -> Bool {
        guard case .live(var live) = first, case .live(let more) = next else { return false }
        // The text leaves `first` while it grows, so that it grows in place, not copied.
        first = .backToLead
        defer { first = .live(live) }
        return LiveProgram.merge(&live, more)
    }

    /// Runs the member's screen until they end it, following the lead's file at
    /// `leadPath`, then makes sure the member's session is on disk, as the live screen does.
    public static func run(engine: SessionEngine, clock: SessionClock, saver: any SessionSaving, terminal: any TerminalDevice,
                           leadPath: String, leadName: String, notice: String? = nil, source: SessionFollower.Source = .files,
                           wallClock: @escaping () -> Date = Date.init, pause: (Double) -> Void = { pauseThread(seconds: $0) },
                           rescue: @escaping (SessionFile) -> String? = { SessionStore.rescue($0) }) -> (state: JoinState, saved: LiveProgram.Saved) {
        var live = LiveState(engine: engine, size: terminal.size)
        live.now = clock.now()
        live.ascii = terminal.ascii
        live.notice = notice
        var effects = JoinEffects(live: LiveEffects(saver: saver, wallClock: wallClock, rescue: rescue),
                                  follower: SessionFollower(path: leadPath, source: source))
        var state = JoinState(live: live, leadName: leadName)
        reduce(&state, .lead(LeadSignal(effects.follower.follow(now: clock.now()))), now: clock.now())
        state = Runtime.run(JoinProgram.self, state, terminal: terminal, clock: clock, effects: &effects, pause: pause)
        guard case .done(let saved)? = state.live.lastSave else { preconditionFailure("the loop ends once the last save is done") }
        return (state, saved)
    }
}

/// Saves the member's session as the live screen does, and reads the lead's file.
public struct JoinEffects: ScreenEffects {
    public typealias Program = JoinProgram
    var live: LiveEffects
    var follower: SessionFollower

    public mutating func after(_ state: JoinState, now: Double, firstFrame: Bool) -> [JoinAction] {
        let saved = live.after(state.live, now: now, firstFrame: firstFrame).map(JoinAction.live)
        let signal = LeadSignal(follower.follow(now: now))
        return saved + (signal == state.lead ? [] : [.lead(signal)])
    }
}
