import Foundation
import Testing
@testable import InterviewCore

@Suite struct SessionEngineTests {
    @Test func navigationStaysInBoundsAndNextAfterTheLastOpensWrapUp() throws {
        var engine = Fixtures.engine(try Fixtures.smallBank())
        #expect(engine.state.current == 0)
        let beforeFirst = !engine.perform(.previous, at: 1)
        #expect(beforeFirst)
        engine.perform(.next, at: 2)
        engine.perform(.next, at: 3)
        #expect(engine.state.current == 2)
        #expect(!engine.state.wrappingUp)
        engine.perform(.next, at: 4)
        #expect(engine.state.wrappingUp)
        let afterWrapUp = !engine.perform(.next, at: 5)
        #expect(afterWrapUp)
        engine.perform(.previous, at: 6)
        #expect(!engine.state.wrappingUp)
        #expect(engine.state.current == 2)
    }

    @Test func eachQuestionKeepsItsOwnClockAcrossNavigation() throws {
        var engine = Fixtures.engine(try Fixtures.smallBank())
        engine.perform(.next, at: 10)
        engine.perform(.previous, at: 15)
        #expect(engine.state.questionElapsed(0, at: 15) == 10)
        #expect(engine.state.questionElapsed(1, at: 15) == 5)
        #expect(engine.state.questionElapsed(0, at: 18) == 13, "going back resumes the question's clock")
        #expect(engine.state.questionElapsed(1, at: 18) == 5, "a question not on screen does not run")
        #expect(engine.state.totalElapsed(at: 18) == 18)
    }

    @Test func pauseStopsBothClocks() throws {
        var engine = Fixtures.engine(try Fixtures.smallBank())
        engine.perform(.togglePause, at: 4)
        #expect(engine.state.paused)
        #expect(engine.state.questionElapsed(0, at: 100) == 4)
        engine.perform(.togglePause, at: 100)
        #expect(engine.state.questionElapsed(0, at: 101) == 5)
        #expect(engine.state.totalElapsed(at: 101) == 5)
    }

    @Test func wrapUpRunsTheTotalClockButNoQuestionClock() throws {
        var engine = Fixtures.engine(try Fixtures.smallBank())
        engine.perform(.wrapUp, at: 10)
        #expect(engine.state.questionElapsed(0, at: 30) == 10)
        #expect(engine.state.totalElapsed(at: 30) == 30)
    }

    @Test func rubricTogglesAndIgnoresItemsThatDoNotExist() throws {
        var engine = Fixtures.engine(try Fixtures.smallBank())
        engine.perform(.toggleRubric(0), at: 1)
        engine.perform(.toggleRubric(2), at: 1)
        engine.perform(.toggleRubric(0), at: 2)
        #expect(engine.state.questions[0].rubric == [false, false, true])
        let missingItem = !engine.perform(.toggleRubric(3), at: 3)
        #expect(missingItem)
    }

    @Test func ratingsSetAndClear() throws {
        var engine = Fixtures.engine(try Fixtures.smallBank())
        engine.perform(.rate(4), at: 1)
        #expect(engine.state.questions[0].rating == 4)
        let sameRating = !engine.perform(.rate(4), at: 2)
        #expect(sameRating, "the same rating again records nothing")
        engine.perform(.rate(0), at: 3)
        #expect(engine.state.questions[0].rating == nil)
        let badRating = !engine.perform(.rate(7), at: 4)
        #expect(badRating)
    }

    @Test func notesAreRecordedAsTheChangedLinesOnly() throws {
        var engine = Fixtures.engine(try Fixtures.smallBank())
        let first = [NoteLine(at: 1, text: "one"), NoteLine(at: 2, text: "two"), NoteLine(at: 3, text: "three")]
        engine.perform(.setNotes(first), at: 3)
        var second = first
        second[1].text = "two, edited"
        engine.perform(.setNotes(second), at: 4)
        let event = try #require(engine.file.events.last)
        #expect(event.type == .notesEdited)
        #expect(event.from == 1)
        #expect(event.removed == 1)
        #expect(event.lines == [NoteLine(at: 2, text: "two, edited")])
        #expect(engine.state.questions[0].notes == second)
        let sameNotes = !engine.perform(.setNotes(second), at: 5)
        #expect(sameNotes, "unchanged notes record nothing")
    }

    @Test func endingCompletesAndStopsTheClocks() throws {
        var engine = Fixtures.engine(try Fixtures.smallBank())
        engine.perform(.recommend(3), at: 5)
        engine.perform(.end, at: 8)
        #expect(engine.state.status == .completed)
        #expect(engine.state.recommendation == 3)
        #expect(engine.state.totalElapsed(at: 50) == 8)
        let afterEnd = !engine.perform(.next, at: 9)
        #expect(afterEnd)
    }

    @Test func interruptedSessionsReopenWithoutCountingTheGap() throws {
        var engine = Fixtures.engine(try Fixtures.smallBank())
        engine.perform(.interrupt, at: 12)
        let file = engine.snapshot(at: 12)
        var resumed = SessionEngine(file: file)
        resumed.perform(.reopen, at: file.clockSeconds)
        #expect(resumed.state.status == .inProgress)
        #expect(resumed.state.questionElapsed(0, at: 20) == 20, "12 s before, 8 s after, nothing in between")
    }

    @Test func snapshotSummarisesTheEvents() throws {
        var engine = Fixtures.engine(try Fixtures.smallBank())
        engine.perform(.toggleRubric(1), at: 1)
        engine.perform(.rate(2), at: 2)
        engine.perform(.setNotes([NoteLine(at: 2, text: "é 日本 🚀")]), at: 3)
        engine.perform(.next, at: 30)
        let file = engine.snapshot(at: 31)
        #expect(file.questions[0].elapsedSeconds == 30)
        #expect(file.questions[1].elapsedSeconds == 1)
        #expect(file.questions[0].rubric.map(\.checked) == [false, true, false])
        #expect(file.questions[0].rating == 2)
        #expect(file.questions[0].notes.first?.text == "é 日本 🚀")
        #expect(file.clockSeconds == 31)
        #expect(file.questions[0].expectedAnswer == "One.")
    }
}

/// The session's clock after a resume: it goes on from the saved `clockSeconds`, on a
/// base clock that knows nothing of it (another process, after a reboot: the monotonic
/// clock starts anywhere). Were the offset ignored, the clocks would stand still for as
/// long as the session had already run, and new events would be logged before old ones.
@Suite struct SessionClockTests {
    @Test func aNewClockStartsAtZeroWhateverTheBaseSays() {
        let base = ManualClock(5_000)
        let clock = SessionClock(base)
        #expect(clock.now() == 0)
        base.advance(1.5)
        #expect(clock.now() == 1.5)
    }

    @Test func aContinuedClockStartsAtItsOffsetAndAdvancesWithItsBase() {
        let base = ManualClock(123_456.25)
        let clock = SessionClock(base, continuingFrom: 80.5)
        #expect(clock.now() == 80.5)
        base.advance(2.25)
        #expect(clock.now() == 82.75)
        base.advance(600)
        #expect(clock.now() == 682.75)
    }

    @Test func aResumedSessionGoesOnFromWhereItStopped() throws {
        // The first run: 100 s on question 1, a tick at 40 s, the terminal closed at 100 s.
        let firstBase = ManualClock(7_000)
        let first = SessionClock(firstBase)
        var engine = Fixtures.engine(try Fixtures.smallBank())
        firstBase.advance(40)
        engine.perform(.toggleRubric(0), at: first.now())
        firstBase.advance(60)
        engine.perform(.interrupt, at: first.now())
        let saved = try SessionFile.decode(try engine.snapshot(at: first.now()).encoded(), file: "s.json")
        #expect(saved.clockSeconds == 100)
        #expect(saved.questions[0].elapsedSeconds == 100)

        // `interview resume`, in another process whose monotonic clock reads 42 s.
        let base = ManualClock(42)
        let clock = SessionClock(base, continuingFrom: saved.clockSeconds)
        var resumed = SessionEngine(file: saved)
        resumed.perform(.reopen, at: clock.now())
        base.advance(30)
        resumed.perform(.toggleRubric(1), at: clock.now())
        base.advance(5)
        resumed.perform(.next, at: clock.now())

        let events = Array(resumed.file.events)
        let earlier = events.prefix(saved.events.count)
        let latest = try #require(earlier.map(\.at).max())
        for event in events.dropFirst(saved.events.count) {
            #expect(event.at >= latest, "\(event.type) at \(event.at), after events up to \(latest)")
        }
        #expect(events.map(\.at) == events.map(\.at).sorted(), "the log stays in time order")
        #expect(events.suffix(3).map(\.at) == [100, 130, 135])
        // The question clock goes on from 100 s: 35 s more on question 1.
        #expect(resumed.state.questionElapsed(0, at: clock.now()) == 135)
        let again = resumed.snapshot(at: clock.now())
        #expect(again.questions[0].elapsedSeconds == 135)
        #expect(again.clockSeconds == 135)
        #expect(again.totalSeconds == 135)
    }
}
