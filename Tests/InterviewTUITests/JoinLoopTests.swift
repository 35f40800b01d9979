import Foundation
@testable import InterviewCore
@testable import InterviewStore
@testable import InterviewTUI
import Testing

/// Two programs of one panel in one test: the lead's file changes at moments of the clock
/// (as `run` saves it), and the member's screen (`interview join`) runs on scripted keys.
@Suite struct JoinLoopTests {
    @Test func theMemberFollowsTheLeadScoresBlindAndIsToldWhenTheLeadsFileStops() throws {
        let clock = ManualClock()
        var lead = SessionEngine(bank: try BankLoader.load("machine-learning"), id: "lead", candidate: "Ada", interviewer: "Grace",
                                 startedAt: Date(timeIntervalSince1970: 1_800_000_000))
        lead.perform(.toggleRubric(0), at: 50)
        lead.perform(.rate(4), at: 60)
        lead.perform(.setNotes([NoteLine(at: 10, text: "LEADNOTE")]), at: 70)
        let first = lead.snapshot(at: 100)
        lead.perform(.next, at: 104)
        let second = lead.snapshot(at: 104)
        // The lead's program saves at 0 and 4, holds its lock until 20, then is gone.
        let file = MirrorLoopTests.ScriptedFile(clock: clock, versions: [(0, first), (4, second)], heldUntil: 20)
        let member = PanelMember.engine(joining: first, id: "member", interviewer: "Alan", role: .second,
                                        startedAt: Date(timeIntervalSince1970: 1_800_000_100))
        let steps: [ScriptedTerminal.Step] = ScriptedTerminal.Step.typing("mine", at: 1, every: 0.1) + [
            .init(at: 2, bytes: "\u{1B}r"), .init(at: 2.1, bytes: "2"),
            .init(at: 7, bytes: "\u{1B}n"),
            .init(at: 9, bytes: "\u{1B}l"),
            .init(at: 40, bytes: "\u{1B}q"), .init(at: 40.5, bytes: "y"),
        ]
        let terminal = ScriptedTerminal(size: Size(width: 120, height: 36), clock: clock, steps: steps)
        let saver = RecordingSaver()
        let (state, saved) = JoinProgram.run(engine: member, clock: SessionClock(clock), saver: saver, terminal: terminal,
                                             leadPath: "/sessions/lead.json", leadName: "Grace", source: file.source,
                                             wallClock: { Date(timeIntervalSince1970: 1_800_000_200) })
        #expect(saved == .saved && state.live.exit == .completed)
        let at = { (t: Double) in terminal.frames.last { $0.at <= t }!.canvas.text }
        let questions = member.questions
        #expect(at(3).contains("following Grace, on question 1"))
        #expect(at(3).contains("Q 01:43/"), "the lead's question clock (100 s at the save, 3 s since), not the member's own")
        #expect(at(4.5).contains(String(questions[1].prompt.prefix(30))), "the lead moved at 4: the member follows within a second")
        #expect(at(4.5).contains("following Grace, on question 2"))
        #expect(at(8).contains("Grace is on question 2 · Esc l back to it"), "the member looked at question 3 on their own")
        #expect(at(8).contains(String(questions[2].prompt.prefix(30))))
        #expect(at(10).contains("following Grace, on question 2"), "Esc l: back to the lead's question")
        #expect(at(30).contains("Grace's session file has not changed for"), "no change and no lock: said plainly")
        for frame in terminal.frames {
            #expect(!frame.canvas.text.contains("LEADNOTE") && !frame.canvas.text.contains("[x]"), "nothing the lead marked shows")
        }
        let mine = try #require(saver.saved.last)
        #expect(mine.panel == SessionFile.Panel(interview: "lead", role: .second, lead: "Grace"))
        #expect(mine.questions[0].rating == 2 && mine.questions[0].notes.map(\.text) == ["mine"])
        #expect(mine.questions[0].rubric.allSatisfy { !$0.checked }, "the lead's tick stays in the lead's file")
        #expect(mine.status == .completed)
    }
}
