@testable import InterviewCore
import Testing

/// The time a stopped process (Ctrl-Z, `kill -STOP`) is taken out of the clocks, whether
/// the continuation is counted before or after the first beat that follows the stop.
@Suite struct StopAccountTests {
    /// Beats every quarter second from 0 up to `until`, with no continuation.
    static func running(until end: Double) -> StopAccount {
        var account = StopAccount(start: 0, continuations: 0)
        for beat in stride(from: 0.25, through: end, by: 0.25) { account.read(at: beat, continuations: 0) }
        return account
    }

    @Test func aStopCountedBeforeTheNextBeatIsTakenOut() {
        var account = Self.running(until: 1)
        account.read(at: 4.1, continuations: 1)  // stopped from about 1 to 4
        #expect(abs(account.stopped - 2.85) < 1e-9)
    }

    @Test func aStopCountedJustAfterTheNextBeatIsTakenOutToo() {
        var account = Self.running(until: 1)
        account.read(at: 4.1, continuations: 0)  // the heartbeat ran before the handler
        account.read(at: 4.102, continuations: 1)
        #expect(abs(account.stopped - 2.85) < 1e-9, "the stop was lost: \(account.stopped)")
    }

    @Test func aStopCountedTwoBeatsLateIsTakenOutToo() {
        var account = Self.running(until: 1)
        account.read(at: 4.1, continuations: 0)
        account.read(at: 4.36, continuations: 0)  // a beat with a tiny gap must not hide the stop's
        account.read(at: 4.37, continuations: 1)
        #expect(abs(account.stopped - 2.85) < 1e-9, "the stop was lost: \(account.stopped)")
    }

    @Test func aLateBeatLongBeforeAContinuationIsNotTakenOut() {
        var account = Self.running(until: 1)
        account.read(at: 2, continuations: 0)  // the thread was only late
        account.read(at: 4, continuations: 1)  // a SIGCONT long after, with no stop
        #expect(account.stopped == 1.75, "only the gap before the continuation, not the late beat's")
        var quiet = Self.running(until: 1)
        quiet.read(at: 2, continuations: 0)
        quiet.read(at: 2.25, continuations: 0)
        #expect(quiet.stopped == 0)
    }

    @Test func aContinuationWithoutAStopTakesNothingOut() {
        var account = Self.running(until: 1)
        account.read(at: 1.2, continuations: 1)
        #expect(account.stopped == 0)
    }
}
