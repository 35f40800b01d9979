import Foundation
import Testing
import InterviewSamples
@testable import InterviewCore

@Suite struct TimelineTests {
    /// A recorded session of random actions, long enough to cross several checkpoints.
    func recorded(seed: UInt64, actions: Int = 5000) throws -> SessionFile {
        var rng = SeededRandom(seed: seed)
        var engine = Fixtures.engine(try Fixtures.smallBank())
        var t = 0.0
        for _ in 0..<actions {
            t += Double(Int.random(in: 0...3000, using: &rng)) / 1000
            let notes = engine.state.questions[engine.state.current].notes
            engine.perform(SessionFoldTests.randomAction(&rng, notes: notes), at: t)
        }
        return engine.snapshot(at: t + 5)
    }

    @Test(arguments: [3, 17, 99] as [UInt64])
    func theStateAtAnyTimeIsTheFoldOfTheEventsUpToIt(seed: UInt64) throws {
        let file = try recorded(seed: seed)
        #expect(file.events.count > Timeline.checkpointEvery * 3)
        let timeline = Timeline(file)
        var rng = SeededRandom(seed: seed &+ 1)
        var times = (0..<200).map { _ in Double.random(in: -1...(timeline.end + 1), using: &rng) }
        times += file.events.prefix(50).map(\.at) + [0, timeline.end]
        for t in times {
            let expected = SessionState.fold(rubricCounts: file.rubricCounts, events: file.events.filter { $0.at <= t })
            #expect(timeline.state(at: t) == expected, "at \(t)")
        }
    }

    @Test func theEndIsTheFinalStateAndTheStartIsEmpty() throws {
        let file = try recorded(seed: 5)
        let timeline = Timeline(file)
        #expect(timeline.state(at: timeline.end) == file.finalState)
        #expect(timeline.end == file.clockSeconds)
        let start = timeline.state(at: 0)
        #expect(start.questions.allSatisfy { $0.notes.isEmpty && $0.rating == nil })
    }

    @Test func stepsBetweenQuestionChangesAndEvents() throws {
        var engine = Fixtures.engine(try Fixtures.smallBank())
        engine.perform(.toggleRubric(0), at: 5)
        engine.perform(.next, at: 10)
        engine.perform(.rate(3), at: 12)
        engine.perform(.next, at: 20)
        let timeline = Timeline(engine.snapshot(at: 30))
        #expect(timeline.next(after: 0, where: Timeline.isQuestionChange) == 10)
        #expect(timeline.next(after: 10, where: Timeline.isQuestionChange) == 20)
        #expect(timeline.next(after: 20, where: Timeline.isQuestionChange) == nil)
        #expect(timeline.previous(before: 20, where: Timeline.isQuestionChange) == 10)
        #expect(timeline.previous(before: 10, where: Timeline.isQuestionChange) == 0)
        #expect(timeline.next(after: 5) == 10)
        #expect(timeline.previous(before: 12) == 10)
        #expect(timeline.state(at: 11).current == 1)
        #expect(timeline.state(at: 11).questions[1].rating == nil)
        #expect(timeline.state(at: 12).questions[1].rating == 3)
    }
}
