import InterviewCore
import InterviewStore

/// What a panel member's screen knows of the lead's interview: where it is and its
/// clocks, never the lead's ticks, ratings, notes or recommendation (blind scoring), so
/// that no screen can show them.
public struct LeadPosition: Hashable, Sendable {
    /// The question on the lead's screen, by index in the session file.
    public var current: Int
    public var wrappingUp: Bool
    public var paused: Bool
    public var status: SessionStatus
    public var questionElapsed: Double
    public var totalElapsed: Double
    /// Whether the lead's program runs: its file changed lately, or its lock is held here.
    public var running: Bool
    /// Whole seconds since the lead's file last changed.
    public var quietSeconds: Int

    public init(current: Int, wrappingUp: Bool, paused: Bool, status: SessionStatus, questionElapsed: Double, totalElapsed: Double,
                running: Bool, quietSeconds: Int) {
        self.current = current
        self.wrappingUp = wrappingUp
        self.paused = paused
        self.status = status
        self.questionElapsed = questionElapsed
        self.totalElapsed = totalElapsed
        self.running = running
        self.quietSeconds = quietSeconds
    }

    /// The lead's position from what the follower read: only these fields leave it.
    public init(_ state: SessionState, at t: Double, running: Bool, quietSeconds: Double) {
        self.init(current: state.current, wrappingUp: state.wrappingUp, paused: state.paused, status: state.status,
                  questionElapsed: state.questionElapsed(state.current, at: t), totalElapsed: state.totalElapsed(at: t),
                  running: running, quietSeconds: Int(quietSeconds))
    }
}

/// What the follower of the lead's file says: the lead's position, or why there is none yet.
public enum LeadSignal: Hashable, Sendable {
    case at(LeadPosition)
    case waiting(String)

    init(_ followed: SessionFollower.Followed) {
        switch followed {
        case .following(_, let state, let t, let running, let quiet): self = .at(LeadPosition(state, at: t, running: running, quietSeconds: quiet))
        case .waiting(let text): self = .waiting(text)
        }
    }

    public var position: LeadPosition? {
        if case .at(let position) = self { return position }
        return nil
    }
}
