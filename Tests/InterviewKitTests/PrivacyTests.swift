import Foundation
import Testing
import InterviewSamples
@testable import InterviewCore
@testable import InterviewStore
@testable import InterviewReports
@testable import InterviewPrivacy

// The life cycle of candidate data: retention, naming, redaction, anonymization (docs/privacy.md).

/// Every state a replay can show: the fold of every prefix of the events.
private func everyState(_ file: SessionFile) -> [SessionState] {
    var state = file.initialState
    var states = [state]
    for event in file.events {
        state.apply(event)
        states.append(state)
    }
    return states
}

/// Every text the interviewer typed that a state holds: notes, closing notes, skip reasons, own questions.
private func allText(_ state: SessionState) -> [String] {
    state.questions.flatMap { $0.notes.map(\.text) + [$0.skipReason, $0.addedPrompt].compactMap { $0 } }
        + state.closingNotes.map(\.text)
}

/// What a state holds besides the notes (times, ticks, ratings, place, status).
private func withoutNotes(_ state: SessionState) -> SessionState {
    var copy = state
    for q in copy.questions.indices {
        copy.questions[q].notes = []
        copy.questions[q].amended = false
        copy.questions[q].skipReason = nil
        copy.questions[q].addedPrompt = nil
    }
    copy.closingNotes = []
    copy.overallAmended = false
    return copy
}

/// A session with a secret typed in bursts, half typed on the way, and a remark typed then deleted.
private func typedSession() throws -> SessionFile {
    var engine = Fixtures.engine(try Fixtures.smallBank())
    var t = 1.0
    func notes(_ texts: [String]) {
        engine.perform(.setNotes(texts.enumerated().map { NoteLine(at: Double($0.offset * 10), text: $0.element) }), at: t)
        t += 1
    }
    engine.perform(.toggleRubric(0), at: t)
    notes(["worked at Ac"])
    notes(["worked at Acme Co"])
    notes(["worked at Acme Corp on fraud"])
    notes(["worked at Acme Corp on fraud", "seems nerv"])
    notes(["worked at Acme Corp on fraud", "seems nervous"])
    notes(["worked at Acme Corp on fraud", ""])
    notes(["worked at Acme Corp on fraud", "good on trees"])
    engine.perform(.rate(3), at: t)
    engine.perform(.next, at: t + 5)
    t += 6
    notes(["Acme Corp again", "fine"])
    engine.perform(.wrapUp, at: t)
    engine.perform(.recommend(4), at: t + 1)
    engine.perform(.setClosingNotes([NoteLine(at: 5, text: "Hire; ex Acme Corp")]), at: t + 2)
    engine.perform(.end, at: t + 3)
    return engine.snapshot(at: t + 4)
}

@Suite("Privacy: retention and names")
struct RetentionTests {
    @Test func periods() {
        #expect(RetentionPeriod.days("180d") == 180)
        #expect(RetentionPeriod.days("26w") == 182)
        #expect(RetentionPeriod.days("2y") == 730)
        for bad in ["", "d", "180", "6m", "-3d", "0d", "1.5y", "١٨٠d", "999999d", "180 d"] {
            #expect(RetentionPeriod.days(bad) == nil, "\(bad)")
        }
    }

    @Test func configKeys() throws {
        let folder = URL(fileURLWithPath: "/home/ada/.config/interview"), home = URL(fileURLWithPath: "/home/ada")
        let config = try Config.parse("retention = \"180d\"\nfile_names = \"id\"\n", file: "config.toml", folder: folder, home: home)
        #expect(config.retentionDays == 180)
        #expect(config.fileNames == .id)
        let defaults = try Config.parse("", file: "config.toml", folder: folder, home: home)
        #expect(defaults.retentionDays == nil)
        #expect(defaults.fileNames == .candidate)
        for (text, place, message) in [
            ("theme = \"light\"\nretention = \"6m\"", "config.toml:2:13", "bad retention \"6m\": expected a number of days, weeks or years"),
            ("file_names = \"name\"", "config.toml:1:14", "bad file_names \"name\": expected \"candidate\""),
            ("retention = 180", "config.toml:1:13", "retention is 180: expected a number of days"),
        ] {
            do {
                _ = try Config.parse(text, file: "config.toml", folder: folder, home: home)
                Issue.record("no error for \(text)")
            } catch {
                #expect(error.description.hasPrefix(place + ": " + message), "\(error.description)")
            }
        }
    }

    @Test func fileNamesByIdCarryNoName() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = SessionStore(folder: folder)
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        let byName = try store.createNewFile(candidate: "Ada Lovelace", startedAt: start)
        let byID = try store.createNewFile(candidate: "Ada Lovelace", startedAt: start, id: "3F2A9C1E-77aa-4b7e-9d1c-0123456789ab")
        let again = try store.createNewFile(candidate: "Ada Lovelace", startedAt: start, id: "3f2a9c1e-0000-0000-0000-000000000000")
        #expect(byName.lastPathComponent == "2027-01-15T08-00-00-ada-lovelace.json")
        #expect(byID.lastPathComponent == "2027-01-15T08-00-00-3f2a9c1e.json")
        #expect(again.lastPathComponent == "2027-01-15T08-00-00-3f2a9c1e-2.json")
        #expect(SessionNames.date(inFileName: byID.lastPathComponent) == start)
        #expect(SessionNames.date(inFileName: "ada.json") == nil)
        #expect(SessionNames.shortID("bench-3") == "bench3")
        #expect(SessionNames.shortID("") == "session")
    }

    @Test func theNoticeCountsSessionsPastTheRetention() throws {
        let folder = try Fixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = SessionStore(folder: folder.appendingPathComponent("sessions"))
        let now = Date(timeIntervalSince1970: 1_900_000_000)
        let bank = try Fixtures.smallBank()
        for (n, days) in [400, 200, 10].enumerated() {
            let start = now.addingTimeInterval(-Double(days) * 86_400)
            let engine = SessionEngine(bank: bank, id: "s\(n)", candidate: "C\(n)", interviewer: "I", startedAt: start)
            let url = try store.createNewFile(candidate: "C\(n)", startedAt: start)
            try engine.snapshot(at: 1).encoded().write(to: url)
        }
        // One saved elsewhere (run --out) under a name without a date: its own startedAt counts.
        let outside = folder.appendingPathComponent("ada.json")
        let old = SessionEngine(bank: bank, id: "out", candidate: "Ada", interviewer: "I", startedAt: now.addingTimeInterval(-300 * 86_400))
        try old.snapshot(at: 1).encoded().write(to: outside)
        try store.remember(outside.path)
        #expect(RetentionNotice.line(store: store, retentionDays: 365, now: now)?.hasPrefix("1 session is older than the retention of 365 days") == true)
        #expect(RetentionNotice.line(store: store, retentionDays: 180, now: now)?.hasPrefix("3 sessions are older than the retention of 180 days (config.toml): `interview purge` lists them") == true)
        #expect(RetentionNotice.line(store: store, retentionDays: 500, now: now) == nil)
        #expect(RetentionNotice.startedAt(tailOf: outside.path) == old.file.startedAt.flatMapDate)
    }
}

private extension String {
    var flatMapDate: Date? { try? Date(self, strategy: .iso8601) }
}

@Suite("Privacy: redaction")
struct RedactionTests {
    @Test func removingATextTakesItOutOfEveryEventAndEveryMoment() throws {
        let file = try typedSession()
        let outcome = Redaction.removing(["Acme Corp"], from: file, now: Date(timeIntervalSince1970: 1_900_000_000))
        #expect(outcome.changed)
        let redacted = outcome.file
        let bytes = String(decoding: try redacted.encoded(), as: UTF8.self)
        #expect(!bytes.contains("Acme Corp"))
        // Half typed on the way ("Ac", "Acme Co") is gone from every moment too.
        for state in everyState(redacted) {
            for text in allText(state) {
                #expect(!text.contains("Acme Co") && !text.hasSuffix(" Ac"), "\(text)")
            }
        }
        #expect(redacted.finalState.questions[0].notes.map(\.text) == ["worked at  on fraud", "good on trees"])
        #expect(redacted.finalState.questions[1].notes.map(\.text) == [" again", "fine"])
        #expect(redacted.finalState.closingNotes.map(\.text) == ["Hire; ex "])
        // The summary agrees with the events, and the log says a redaction happened, not what.
        #expect(redacted == SessionEngine(file: redacted).snapshot(at: redacted.clockSeconds))
        #expect(redacted.questions[0].notes.map(\.text) == ["worked at  on fraud", "good on trees"])
        let last = try #require(redacted.events.last)
        #expect(last.type == .redacted && last.characters == 27 && last.date != nil && last.lines == nil)
        #expect(redacted.events.count == file.events.count + 1)
        // Nothing else changed, at any moment.
        let before = everyState(file), after = everyState(redacted)
        for (a, b) in zip(before, after) { #expect(withoutNotes(a) == withoutNotes(b)) }
        #expect(redacted.status == .completed && redacted.recommendation == 4 && redacted.questions[0].rating == 3)
    }

    @Test func textThatIsNotThereChangesNothing() throws {
        let file = try typedSession()
        let outcome = Redaction.removing(["Initech"], from: file, now: Date())
        #expect(!outcome.changed)
        #expect(outcome.file == file)
    }

    /// Random sessions with a secret in some notes: no moment of the replay shows it, and
    /// each moment is the original one with the secret out of each line.
    @Test(arguments: 1...25)
    func noPrefixOfTheEventsShowsTheRemovedText(seed: UInt64) throws {
        var rng = SeededRandom(seed: seed)
        var engine = Fixtures.engine(try Fixtures.smallBank())
        var t = 0.0
        for _ in 0..<Int.random(in: 20...200, using: &rng) {
            t += Double(Int.random(in: 0...5000, using: &rng)) / 1000
            let notes = engine.state.questions[engine.state.current].notes
            var action = SessionFoldTests.randomAction(&rng, notes: notes)
            if case .setNotes(var lines) = action, !lines.isEmpty, Int.random(in: 0..<3, using: &rng) == 0 {
                lines[Int.random(in: 0..<lines.count, using: &rng)].text += "SECRET"
                action = .setNotes(lines)
            }
            switch Int.random(in: 0..<40, using: &rng) {
            case 0, 1: action = .setClosingNotes(engine.state.closingNotes + [NoteLine(at: t, text: "closing SECRET x")])
            case 2: action = .addQuestion("my own SECRET question")
            case 3: action = .skip(reason: "no time, SECRET")
            default: break
            }
            engine.perform(action, at: t)
        }
        let file = engine.snapshot(at: t)
        let redacted = Redaction.removing(["SECRET"], from: file, now: Date()).file
        #expect(!String(decoding: try redacted.encoded(), as: UTF8.self).contains("SECRET"))
        for (a, b) in zip(everyState(file), everyState(redacted)) {
            #expect(withoutNotes(a) == withoutNotes(b))
            for (old, new) in zip(a.questions, b.questions) {
                #expect(new.notes == old.notes.map { NoteLine(at: $0.at, text: $0.text.replacingOccurrences(of: "SECRET", with: "")) })
            }
            #expect(b.closingNotes.allSatisfy { !$0.text.contains("SECRET") })
            #expect(!allText(b).contains { $0.contains("SECRET") })
        }
    }

    @Test func theHistoryRewrittenUnchangedIsTheSameEvents() throws {
        var rng = SeededRandom(seed: 7)
        var engine = Fixtures.engine(try Fixtures.smallBank())
        for step in 0..<300 {
            let notes = engine.state.questions[engine.state.current].notes
            engine.perform(SessionFoldTests.randomAction(&rng, notes: notes), at: Double(step))
        }
        let events = Array(engine.file.events)
        let history = NotesHistory(events: events, questionCount: 3)
        #expect(history.rewritten(history.identity) { $0 } == events)
        #expect(history.charactersRemoved(by: history.identity) == 0)
    }
}

@Suite("Privacy: redacting in an editor")
struct RedactionDocumentTests {
    @Test func theDocumentListsTheNotesAndWhatWasDeletedWhileTyping() throws {
        let document = RedactionDocument(file: try typedSession(), name: "s.json")
        let text = document.text
        #expect(text.contains("\n## 1. First question?\n[00:00] worked at Acme Corp on fraud\n[00:10] good on trees\n\n### typed, then deleted\n[00:10] seems nervous\n"))
        #expect(text.contains("\n## 2. Second question?\n[00:00] Acme Corp again\n[00:10] fine\n"))
        #expect(text.contains("\n## Closing notes\n[00:05] Hire; ex Acme Corp\n"))
    }

    @Test func anEditTakesOutWhatWasDeleted() throws {
        let file = try typedSession()
        let document = RedactionDocument(file: file, name: "s.json")
        let edited = document.text
            .replacingOccurrences(of: "[00:00] worked at Acme Corp on fraud", with: "[00:00] worked at  on fraud")
            .replacingOccurrences(of: "[00:10] seems nervous\n", with: "")
            .replacingOccurrences(of: "[00:10] fine\n", with: "")
        let outcome = try document.apply(edited, file: "edit.txt", now: Date())
        #expect(outcome.changed)
        let redacted = outcome.file
        #expect(redacted.finalState.questions[0].notes.map(\.text) == ["worked at  on fraud", "good on trees"])
        #expect(redacted.finalState.questions[1].notes.map(\.text) == ["Acme Corp again"])
        for state in everyState(redacted) {
            let texts = allText(state)
            #expect(!texts.contains { $0.contains("nerv") || $0.contains("fine") || $0.hasPrefix("worked at Ac") }, "\(texts)")
        }
        // A line not touched keeps its history; the second question's first line too.
        #expect(everyState(redacted).contains { $0.questions[0].notes.map(\.text) == ["worked at  on fraud", "good on trees"] })
        #expect(redacted == SessionEngine(file: redacted).snapshot(at: redacted.clockSeconds))
        #expect(redacted.events.last?.type == .redacted)
        #expect(redacted.events.last?.characters == 9 + "seems nervous".count + 4)
    }

    /// `redact --deleted`: all that was typed and deleted goes, the notes stay as they ended.
    @Test func everythingTypedThenDeletedGoesAtOnce() throws {
        let file = try typedSession()
        let now = Date()
        let removed = Redaction.removing(["Acme Corp"], from: file, now: now)
        let document = RedactionDocument(file: removed.file, name: "s.json")
        #expect(!document.textWithoutDeleted.contains("### typed, then deleted") && document.text.contains("seems nervous"))
        let outcome = Redaction.combined(removed, try document.apply(document.textWithoutDeleted, file: "e", now: now))
        let redacted = outcome.file
        #expect(redacted.finalState == removed.file.finalState)
        for state in everyState(redacted) { #expect(!allText(state).contains { $0.contains("seems") }) }
        #expect(redacted.events.filter { $0.type == .redacted }.map(\.characters) == [27 + 13])
        #expect(redacted.events.count == file.events.count + 1)
        #expect(redacted == SessionEngine(file: redacted).snapshot(at: redacted.clockSeconds))
    }

    /// Typed, backspaced, typed again (as the screen records it): erasing what was deleted
    /// leaves the line as it stood before it, never the deleted word half typed.
    @Test func aWordBackspacedOverGoesFromEveryVersion() throws {
        var engine = Fixtures.engine(try Fixtures.smallBank())
        for (t, text) in ["worked at Acme Corp", "worked at Acme Cor", "worked at Acme ", "worked at Acme Initech"].enumerated() {
            engine.perform(.setNotes([NoteLine(at: 2, text: text)]), at: Double(t + 1))
        }
        let file = engine.snapshot(at: 10)
        let document = RedactionDocument(file: file, name: "s.json")
        #expect(document.text.hasSuffix("[00:02] worked at Acme Initech\n\n### typed, then deleted\n[00:02] worked at Acme Corp\n"))
        let outcome = try document.apply(document.textWithoutDeleted, file: "e", now: Date())
        let versions = outcome.file.events.compactMap { $0.lines?.first?.text }
        #expect(versions == ["worked at Acme ", "worked at Acme ", "worked at Acme ", "worked at Acme Initech"])
        #expect(outcome.characters == 4)
        let removed = Redaction.removing(["Corp"], from: file, now: Date())
        #expect(removed.file.events.compactMap { $0.lines?.first?.text } == versions)
    }

    @Test func addingIsRefusedAtItsLine() throws {
        let document = RedactionDocument(file: try typedSession(), name: "s.json")
        let edited = document.text.replacingOccurrences(of: "[00:10] good on trees", with: "[00:10] good on trees and graphs")
        do {
            _ = try document.apply(edited, file: "edit.txt", now: Date())
            Issue.record("an addition was accepted")
        } catch {
            let line = edited.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("graphs") }! + 1
            #expect(error.description.hasPrefix("edit.txt:\(line):1: not in the notes of 1. First question? as they were"))
        }
    }

    @Test func unchangedOrTrimmedChangesNothing() throws {
        let file = try typedSession()
        let document = RedactionDocument(file: file, name: "s.json")
        #expect(!(try document.apply(document.text, file: "e", now: Date())).changed)
        let trimmed = document.text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("#") ? String($0) : String($0) + "  " }.joined(separator: "\n")
        #expect(!(try document.apply(trimmed, file: "e", now: Date())).changed)
    }

    @Test func controlCharactersShowOneForOne() throws {
        var engine = Fixtures.engine(try Fixtures.smallBank())
        engine.perform(.setNotes([NoteLine(at: 3, text: "red \u{1B}[31m alert secret")]), at: 1)
        let file = engine.snapshot(at: 2)
        let document = RedactionDocument(file: file, name: "s.json")
        #expect(document.text.contains("[00:03] red \u{241B}[31m alert secret\n"))
        #expect(!document.text.contains("\u{1B}"))
        let outcome = try document.apply(document.text.replacingOccurrences(of: " secret", with: ""), file: "e", now: Date())
        #expect(outcome.file.finalState.questions[0].notes.map(\.text) == ["red \u{1B}[31m alert"])
    }
}

@Suite("Privacy: anonymize")
struct AnonymizeTests {
    @Test func keepsWhatCalibrationNeedsAndNothingOfTheCandidate() throws {
        var rng = SeededRandom(seed: 3)
        var sample = SessionEngine(file: SampleSessions.interview(bank: try Fixtures.smallBank(), index: 0, rng: &rng))
        sample.perform(.reopenEnded, at: sample.file.clockSeconds)
        sample.perform(.open(2), at: sample.file.clockSeconds + 1)
        sample.perform(.skip(reason: "Ada had to leave"), at: sample.file.clockSeconds + 2)
        sample.perform(.addQuestion("How did you like the day?"), at: sample.file.clockSeconds + 3)
        sample.perform(.setNotes([NoteLine(at: 1, text: "she liked it")]), at: sample.file.clockSeconds + 4)
        sample.perform(.end, at: sample.file.clockSeconds + 5)
        let file = sample.snapshot(at: sample.file.clockSeconds + 5)
        let outcome = Redaction.anonymized(file, now: Date())
        let anonymous = outcome.file
        #expect(anonymous.candidate == "anonymous-bench0")
        let bytes = String(decoding: try anonymous.encoded(), as: UTF8.self)
        #expect(!file.candidate.isEmpty && !bytes.contains(file.candidate))
        #expect(!anonymous.events.contains { $0.type == .notesEdited || $0.type == .closingNotesEdited })
        #expect(anonymous.questions.allSatisfy(\.notes.isEmpty) && anonymous.closingNotes.isEmpty)
        #expect(anonymous.questions.allSatisfy { $0.skipReason == nil } && file.questions[2].skipReason == "Ada had to leave")
        #expect(anonymous.questions[2].skipped == true, "the skip stays, without its reason")
        #expect(anonymous.questions.last?.prompt == "How did you like the day?", "a question of one's own stays")
        let before = SessionReport(file, file: "a.json"), after = SessionReport(anonymous, file: "a.json")
        #expect(after.recommendation == before.recommendation)
        #expect(after.totalSeconds == before.totalSeconds)
        #expect(after.averageRating == before.averageRating)
        #expect(after.questions.map(\.rating) == before.questions.map(\.rating))
        #expect(after.questions.map(\.elapsedSeconds) == before.questions.map(\.elapsedSeconds))
        #expect(after.questions.map(\.rubric) == before.questions.map(\.rubric))
        #expect(anonymous.interviewer == file.interviewer && anonymous.status == .completed)
        // It still replays: the timeline of it at every event, without a note.
        let timeline = Timeline(anonymous)
        for event in anonymous.events {
            let state = timeline.state(at: event.at)
            #expect(state.questions.allSatisfy { $0.notes.isEmpty && $0.skipReason == nil } && state.closingNotes.isEmpty)
        }
        #expect(timeline.state(at: timeline.end) == anonymous.finalState)
        #expect(Redaction.isAnonymous(anonymous) && !Redaction.isAnonymous(file))
        #expect(outcome.characters > 100)
    }
}

@Suite("Privacy: recorded reports")
struct RecordedReportTests {
    @Test func aReportSaysWhichSessionsItIsAbout() throws {
        var rng = SeededRandom(seed: 4)
        let bank = try Fixtures.smallBank()
        let ada = SampleSessions.interview(bank: bank, index: 0, rng: &rng)
        let alan = SampleSessions.interview(bank: bank, index: 1, rng: &rng)
        let reports = [ada, alan].map { SessionReport($0, file: "x.json") }
        for format in Scorecard.Format.allCases {
            let mentions = RecordedReport.mentions(in: Data(Scorecard.render(reports, as: format).utf8))
            #expect(mentions.count == 2, "\(format)")
            #expect(mentions.first?.reports(on: ada) == true && mentions.first?.reports(on: alan) == false, "\(format)")
            #expect(mentions.last?.reports(on: alan) == true, "\(format)")
            #expect(mentions.first?.names("ada lovelace  0") == true && mentions.first?.names("Ada") == false, "\(format)")
            #expect(mentions.first?.date == (try? Date(ada.startedAt, strategy: .iso8601)), "\(format)")
        }
        #expect(RecordedReport.mentions(in: Data("# Notes\nnothing here\n".utf8)).isEmpty)
    }

    @Test func namesMatchExactlyOrNear() {
        #expect(NameMatch.isExact("ada  LOVELACE", "Ada Lovelace"))
        #expect(!NameMatch.isExact("", ""))
        #expect(NameMatch.isNear("Ada", "Ada Lovelace"))
        #expect(NameMatch.isNear("Ada Lovelace", "Ada Byron"))
        #expect(NameMatch.isNear("Jose Garcia", "José García"))
        #expect(NameMatch.isNear("Ada Lovelance", "Ada Lovelace"))
        #expect(!NameMatch.isNear("Ada Lovelace", "Alan Turing"))
        #expect(!NameMatch.isNear("Ada Lovelace", "ada lovelace"))
    }
}
