import Testing
@testable import InterviewCore
@testable import InterviewReports
@testable import InterviewTUI

/// The screens round a clock by the one rule, `Durations.wholeSeconds`, as the reports do
/// (issue 29: the wrap-up said 01:01 where the report said 01:02 for the same question).
@Suite struct ScreenRoundingTests {
    /// Question 1 is on screen from 0 to 0.3 s and from 0.6 to 62.3 s: 62 s, which the
    /// clock adds up to 61.99999999999999 (truncated, 01:01).
    static func state() throws -> LiveState {
        var live = try Live.state()
        Live.command("n", &live, at: 0.3)
        Live.command("p", &live, at: 0.6)
        return live
    }

    @Test func theWrapUpShowsTheReportsTime() throws {
        var live = try Self.state()
        Live.command("w", &live, at: 62.3)
        #expect(live.session.questionElapsed(0, at: 62.3) < 62, "the case the rule is for")
        let report = SessionReport(live.engine.snapshot(at: 62.3), file: "s.json")
        let first = try #require(report.questions.first { $0.number == 1 })
        #expect(first.elapsedSeconds == 62)
        let screen = LiveScreen.render(live).text
        #expect(screen.contains("01:02/"), "the wrap-up shows the report's 01:02:\n\(screen)")
        #expect(!screen.contains("01:01/"))
    }

    @Test func theStatusLineShowsTheReportsTime() throws {
        var live = try Self.state()
        live.now = 62.3
        #expect(live.session.current == 0 && live.questionElapsed() < 62, "the case the rule is for")
        let status = try #require(LiveScreen.render(live).text.split(separator: "\n").last)
        #expect(status.contains("Q 01:02/"), "the question's clock reads the report's 01:02: \(status)")
    }
}
