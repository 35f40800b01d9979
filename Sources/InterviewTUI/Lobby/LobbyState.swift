#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import InterviewCore

/// What an interview starts with, as the command line and config.toml gave it: the
/// session's engine is made from it, with the candidate's name, when the interview starts.
public struct InterviewSetup: Hashable, Sendable {
    public var bank: Bank
    public var interviewer: String
    /// `--duration`, else config.toml's; nil for the bank's own.
    public var durationSeconds: Int?
    /// The questions to ask, by bank index; nil for the whole bank.
    public var plan: [Int]?
    public var candidateClock: String?
    /// `--share`: the interview starts in share-safe mode.
    public var shareSafe: Bool

    public init(bank: Bank, interviewer: String, durationSeconds: Int?, plan: [Int]?, candidateClock: String?, shareSafe: Bool) {
        self.bank = bank
        self.interviewer = interviewer
        self.durationSeconds = durationSeconds
        self.plan = plan
        self.candidateClock = candidateClock
        self.shareSafe = shareSafe
    }

    /// The session, started at `startedAt` (its clocks at 0 then).
    public func engine(id: String, candidate: String, startedAt: Date) -> SessionEngine {
        var engine = SessionEngine(bank: bank, id: id, candidate: candidate, interviewer: interviewer, startedAt: startedAt,
                                   durationSeconds: durationSeconds, plan: plan, candidateClock: candidateClock)
        if shareSafe { engine.perform(.setShareSafe(true), at: 0) }
        return engine
    }

    /// The planned questions, in their order.
    public var planned: [Question] { (plan ?? Array(bank.questions.indices)).map { bank.questions[$0] } }
    public var duration: Int { durationSeconds ?? bank.durationSeconds }
}

/// How the start screen closed.
public enum LobbyOutcome: Hashable, Sendable {
    /// Enter: the interview starts now, for this candidate (trimmed; empty for none given).
    case start(candidate: String)
    /// `Esc q`, or a signal (Ctrl-C): nothing was started, nothing is written.
    case leave
}

/// The start screen of `run`: who, which bank, the plan, the duration, and the candidate's
/// name, typed. Nothing of it is saved: the session exists from Enter on.
public struct LobbyState: Hashable, Sendable {
    public var setup: InterviewSetup
    /// The name as typed so far (pre-filled from `--candidate`).
    public var candidate: String
    /// Why the interview may not fit, or that another one waits (never in share-safe).
    public var notice: String?
    /// The theme's name, said on the screen.
    public var theme: String
    public var size: Size
    public var ascii = false
    public var pending: PendingCommand?
    /// Said on the status line until the next key (a key after `Esc` that is no command here).
    public var reminder: String?
    public var outcome: LobbyOutcome?

    public init(setup: InterviewSetup, candidate: String, notice: String?, theme: String, size: Size) {
        self.setup = setup
        self.candidate = candidate
        self.notice = notice
        self.theme = theme
        self.size = size
    }

    /// The name the session gets.
    public var candidateName: String { candidate.trimmed }
}

public enum LobbyAction: Hashable, Sendable {
    case type(String)
    case erase
    case eraseWord
    case start
    case leave
    case pending(PendingCommand?)
    case remind(String?)
    case resize(Size)
}
