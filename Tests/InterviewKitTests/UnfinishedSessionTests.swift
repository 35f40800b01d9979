import Foundation
import Testing
@testable import InterviewCore
@testable import InterviewStore

/// `resume`'s list: where a session stands within its plan, and which one is live in
/// another window (last, and never the default).
@Suite struct UnfinishedSessionTests {
    func file(plan: [Int]?, moves: Int) throws -> SessionFile {
        var engine = SessionEngine(bank: try BankLoader.load("machine-learning"), id: "u", candidate: "Ada", interviewer: "Grace",
                                   startedAt: Date(timeIntervalSince1970: 1_800_000_000), plan: plan)
        for move in 0..<moves { engine.perform(.next, at: Double(move + 1)) }
        engine.perform(.interrupt, at: 10)
        return engine.snapshot(at: 10)
    }

    @Test func theQuestionIsCountedWithinThePlan() throws {
        let planned = UnfinishedSession(path: "/s/a.json", file: try file(plan: [0, 4, 9], moves: 1), lastActivity: Date(),
                                        open: false, rescue: false)
        #expect(planned.position == "at question 2/3", "a 3-question plan is not 2/15")
        let whole = UnfinishedSession(path: "/s/b.json", file: try file(plan: nil, moves: 1), lastActivity: Date(), open: false, rescue: false)
        #expect(whole.position == "at question 2/15")
        let wrapping = UnfinishedSession(path: "/s/c.json", file: try file(plan: [0], moves: 1), lastActivity: Date(), open: false, rescue: false)
        #expect(wrapping.position == "in wrap-up")
    }

    @Test func oneOpenInAnotherWindowIsSaidAndListedLast() throws {
        let now = Date()
        let live = UnfinishedSession(path: "/s/live.json", file: try file(plan: nil, moves: 0), lastActivity: now, open: true, rescue: false)
        let left = UnfinishedSession(path: "/s/left.json", file: try file(plan: nil, moves: 0), lastActivity: now.addingTimeInterval(-3600),
                                     open: false, rescue: false)
        #expect(live.line(now: now).hasSuffix("(open in another window)"))
        #expect(!left.line(now: now).contains("another window"))
        #expect(UnfinishedSession.ordered([live, left]).map(\.path) == ["/s/left.json", "/s/live.json"])
    }
}
